/**
 * A character trie: walking it from a position finds every key that starts there in one pass.
 * Children are keyed by UTF-16 code unit, so a walk reads `charCodeAt` and allocates nothing: it runs
 * at every character of every page.
 */
export interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  value?: T;
}

export function newTrie<T>(): TrieNode<T> {
  return { next: new Map() };
}

export function trieInsert<T>(root: TrieNode<T>, key: string, value: T) {
  let node = root;
  for (let k = 0; k < key.length; k++) {
    const code = key.charCodeAt(k);
    let child = node.next.get(code);
    if (!child) {
      child = { next: new Map() };
      node.next.set(code, child);
    }
    node = child;
  }
  node.value = value;
}

/** Every key of the trie that starts at `text[i]`, shortest first, handed to `visit` with its length. */
export function forEachKeyAt<T>(
  root: TrieNode<T>,
  text: string,
  i: number,
  visit: (value: T, length: number) => void,
) {
  let node: TrieNode<T> | undefined = root;
  for (let j = i; j < text.length; j++) {
    node = node.next.get(text.charCodeAt(j));
    if (!node) return;
    if (node.value !== undefined) visit(node.value, j - i + 1);
  }
}

/** The longest key that starts at `text[i]` and that `accept` takes (all by default). */
export function longestKeyAt<T>(
  root: TrieNode<T>,
  text: string,
  i: number,
  accept?: (value: T, length: number) => boolean,
): { length: number; value: T } | null {
  let node: TrieNode<T> | undefined = root;
  let bestLength = 0;
  let best: T | undefined;
  for (let j = i; j < text.length; j++) {
    node = node.next.get(text.charCodeAt(j));
    if (!node) break;
    const value = node.value;
    if (value !== undefined && (!accept || accept(value, j - i + 1))) {
      bestLength = j - i + 1;
      best = value;
    }
  }
  return best === undefined ? null : { length: bestLength, value: best };
}
