// Bytes → text → the same bytes, for every file: UTF-8 with or without BOM, and bytes that are not UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from '../../../src/extension/encoding';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeFile', () => {
  it.each([
    ['plain ASCII', bytes(0x78, 0x20, 0x3d, 0x20, 0x31), 'x = 1', 'utf-8'],
    ['a BOM, kept for the core to see', bytes(0xef, 0xbb, 0xbf, 0x23), '\uFEFF#', 'utf-8'],
    ['σ in UTF-8', bytes(0xcf, 0x83), 'σ', 'utf-8'],
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9), 'café', 'latin1'],
    ['C1 bytes, which windows-1252 would change', bytes(0x80, 0x9f, 0x0a), '\u0080\u009f\n', 'latin1'],
    ['a truncated UTF-8 sequence', bytes(0x41, 0xe2, 0x82), 'A\u00e2\u0082', 'latin1'],
  ])('reads %s', (_, input, text, encoding) => {
    expect(decodeFile(input)).toEqual({ text, encoding });
  });
});

describe('encodeFile', () => {
  it('writes characters Latin-1 cannot hold as UTF-8, leaving the other bytes alone', () => {
    expect([...encodeFile('\u00e9σ', 'latin1')]).toEqual([0xe9, 0xcf, 0x83]);
  });

  it('gives back any bytes it read', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const { text, encoding } = decodeFile(input);
        expect([...encodeFile(text, encoding)]).toEqual([...input]);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back any UTF-8 text it read, BOM included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, bom) => {
        const input = new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
        const decoded = decodeFile(input);
        expect(decoded.encoding).toBe('utf-8');
        expect([...encodeFile(decoded.text, decoded.encoding)]).toEqual([...input]);
      }),
    );
  });

  it('reads a large Latin-1 file in chunks', () => {
    const input = new Uint8Array(200_000).map((_, k) => (k % 2 ? 0xff : 0x41));
    const { text, encoding } = decodeFile(input);
    expect(encoding).toBe('latin1');
    expect(text.length).toBe(200_000);
    expect(encodeFile(text, encoding)).toEqual(input);
  });
});
