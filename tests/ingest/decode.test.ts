import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.ts';

const TEXT = '本报讯 区图书馆新馆正式开放，可容纳读者800余人。\n';

describe('decoding page bytes', () => {
  it.each([
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')])],
    ['utf-16le', iconv.encode(TEXT, 'utf-16le')],
    ['gb18030', iconv.encode(TEXT, 'gbk')],
    ['gb18030', iconv.encode(`${TEXT}𠀀`, 'gb18030')],
  ])('reads %s', (encoding, bytes) => {
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding });
    if (decoded.ok) expect(decoded.text.startsWith(TEXT)).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
  });

  it('refuses a binary file with the reason', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    expect(decodeBytes(png)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary'),
    });
  });

  it('refuses text with NUL bytes', () => {
    const bytes = Buffer.concat([
      Buffer.from(TEXT.repeat(20), 'utf8'),
      Buffer.from([0]),
      Buffer.from(TEXT, 'utf8'),
    ]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, reason: expect.stringContaining('NUL') });
  });

  it('keeps CRLF line ends for the line splitter to handle', () => {
    const decoded = decodeBytes(Buffer.from('第一行\r\n第二行\r\n', 'utf8'));
    expect(decoded.ok && decoded.text).toBe('第一行\r\n第二行\r\n');
  });
});
