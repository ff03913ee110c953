import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; reason: string };

/**
 * Page text from raw bytes: UTF-8 (with or without BOM), UTF-16 (BOM, or the zero bytes of mostly-CJK
 * or ASCII text), else GB18030 (a superset of GBK and GB2312). Binary files and text with NUL bytes
 * are refused with the reason, never guessed at.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return utf8(buf.subarray(3), 'utf-8-bom');
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return checked(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return checked(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be');
  const sniffed = sniffUtf16(buf);
  if (sniffed) return checked(iconv.decode(buf, sniffed), sniffed);
  const cjk16 = utf8(buf, 'utf-8').ok ? null : sniffCjkUtf16(buf);
  if (cjk16) return checked(iconv.decode(buf, cjk16), cjk16);
  if (looksBinary(buf))
    return {
      ok: false,
      reason: 'binary file (not page text): it has control bytes or an image/archive signature',
    };
  if (buf.includes(0))
    return { ok: false, reason: 'NUL bytes in the text: the file is damaged or not plain text' };
  const asUtf8 = utf8(buf, 'utf-8');
  if (asUtf8.ok) return asUtf8;
  return checked(iconv.decode(buf, 'gb18030'), 'gb18030');
}

function utf8(buf: Buffer, encoding: Encoding): Decoded {
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

function checked(text: string, encoding: Encoding): Decoded {
  if (text.includes('\u0000'))
    return { ok: false, reason: 'NUL bytes in the text: the file is damaged or not plain text' };
  if (text.includes('\ufffd')) {
    const bad = (text.match(/\ufffd/g) ?? []).length;
    if (bad > Math.max(3, text.length / 200))
      return { ok: false, reason: `undecodable bytes (${bad}) as ${encoding}` };
  }
  if (text.trim().length === 0) return { ok: false, reason: 'no text (only whitespace)' };
  return { ok: true, text, encoding };
}

// UTF-16 without BOM: every other byte is zero for ASCII, and the pattern is regular for CJK.
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

// UTF-16 without BOM and without ASCII: the high byte of nearly every code unit is a CJK block
// (0x4E–0x9F) or punctuation (0x20, 0x30, 0xFF) or zero. Only tried on bytes that are not UTF-8.
function sniffCjkUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 8) return null;
  const high = (b: number) =>
    b === 0 || (b >= 0x4e && b <= 0x9f) || b === 0x20 || b === 0x30 || b === 0xff;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (high(buf[i + 1]!)) le++;
    if (high(buf[i]!)) be++;
  }
  const pairs = n / 2;
  if (le >= pairs * 0.9 && le > be) return 'utf-16le';
  if (be >= pairs * 0.9 && be > le) return 'utf-16be';
  return null;
}

const SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];

function looksBinary(buf: Buffer): boolean {
  if (SIGNATURES.some((sig) => sig.every((b, i) => buf[i] === b))) return true;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.1;
}
