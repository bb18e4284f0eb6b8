import { describe, expect, it } from 'vitest';
import { decodeLasBytes } from '../../src/core/las/index.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('decodeLasBytes', () => {
  it('passes ASCII through', () => {
    expect(decodeLasBytes(utf8('~V\r\n VERS. 2.0 :\r\n'))).toEqual({ text: '~V\r\n VERS. 2.0 :\r\n', encoding: 'ascii' });
  });

  it('decodes UTF-8, 2-, 3- and 4-byte sequences, and drops a BOM', () => {
    const text = 'TEMP.\u00b0F 45\u221e \u{1F600}';
    expect(decodeLasBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeLasBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('\u00b5S')]))).toEqual({ text: '\u00b5S', encoding: 'utf-8' });
  });

  it('falls back to ISO-8859-1 when the bytes are not UTF-8 (USGS \u00b0 and \u00b5 as single bytes)', () => {
    expect(decodeLasBytes(latin1('TEMP.\u00b0F COND.\u00b5S/CM'))).toEqual({ text: 'TEMP.\u00b0F COND.\u00b5S/CM', encoding: 'latin-1' });
  });

  it('rejects overlong and truncated UTF-8 as Latin-1 text', () => {
    expect(decodeLasBytes(new Uint8Array([0x41, 0xc0, 0xaf])).encoding).toBe('latin-1'); // overlong '/'
    expect(decodeLasBytes(new Uint8Array([0x41, 0xe2, 0x88])).encoding).toBe('latin-1'); // cut short
  });

  it('decodes a large file in chunks without loss', () => {
    const text = '\u00b0'.repeat(20000) + 'x'.repeat(20000);
    expect(decodeLasBytes(latin1(text)).text).toBe(text);
    expect(decodeLasBytes(utf8(text)).text).toBe(text);
  });
});
