/** A character trie: walking it from a position finds every key that starts there in one pass. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

export function newTrie<T>(): TrieNode<T> {
  return { next: new Map() };
}

export function trieInsert<T>(root: TrieNode<T>, key: string, value: T) {
  let node = root;
  for (const ch of key) {
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = { next: new Map() }));
    node = child;
  }
  node.value = value;
}

/** Every key of the trie that starts at `text[i]`, shortest first, with its length. */
export function* keysAt<T>(root: TrieNode<T>, text: string, i: number): Generator<{ length: number; value: T }> {
  let node: TrieNode<T> | undefined = root;
  for (let j = i; j < text.length && node; j++) {
    node = node.next.get(text[j]!);
    if (node?.value !== undefined) yield { length: j - i + 1, value: node.value };
  }
}
