// No loss: a hostile file opened, edited in one cell and saved keeps every other cell's bytes; opened
// and saved unedited, it keeps all of them. Bytes go through the serializer's decodeFile/encodeFile
// (UTF-8, else Latin-1) and the core's parseNotebook/printNotebook, as in VS Code (the integration
// test hostile.test.ts does it in a real VS Code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEol } from '../../../src/core/lines';
import { parseNotebook, printNotebook, type NotebookDoc } from '../../../src/core/notebook';
import { decodeFile, encodeFile } from '../../../src/extension/encoding';
import { committedCorpus, generatedCorpus } from '../../hostile/corpus';

export const FUZZ_RUNS = { documents: 20_000, edits: 10_000 };

const corpus = [...committedCorpus(), ...generatedCorpus(['gen-many-errors.lstm', 'gen-brackets-100k.lstm'])];
const withCells = corpus.filter((file) => parseNotebook(decodeFile(file.bytes).text).cells.length > 0);

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) =>
  prefix.length <= bytes.length && prefix.every((b, k) => b === bytes[k]);
const endsWith = (bytes: Uint8Array, suffix: Uint8Array) =>
  suffix.length <= bytes.length && suffix.every((b, k) => b === bytes[bytes.length - suffix.length + k]);

/** Fragments a hostile file is made of: fences, separators, every line end, BOMs, bytes that are not UTF-8. */
const FRAGMENTS: Array<string | number[]> = [
  '```lstm',
  '````lstm',
  '~~~lstm',
  '```',
  '````',
  '~~~',
  '```python',
  '   ```lstm',
  '``` lstm',
  '```lstm`',
  '<!-- cell -->',
  '<!--cell-->',
  'x = 1',
  'step',
  'expect c = 5.62 # \u2028 `<b>x</b>`',
  '<script>pwn()</script>',
  '%%{init: {}}%%',
  '\\href{javascript:x}{y}',
  '# title',
  ' ',
  '\t',
  '',
  '\n',
  '\n',
  '\r\n',
  '\r\n',
  '\r',
  '\r\r\n',
  '\n\r',
  '\ufeff',
  '\u0000',
  '\u202e',
  '\u2028',
  '\u0085',
  'é',
  '😀',
  [0xff],
  [0xfe, 0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xef, 0xbb, 0xbf],
  [0x0d],
  [0x0a],
];

const documentBytes = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
});

/** New cell text a user could type: the same hostile fragments, as text. */
const newSource = fc
  .array(fc.constantFrom(...FRAGMENTS.filter((part): part is string => typeof part === 'string'), 'σ', 'x'), {
    maxLength: 20,
  })
  .map((parts) => parts.join(''));

describe('no loss of bytes', () => {
  it(`every file of the corpus, opened and saved unedited, gives back its bytes (${corpus.length} files)`, () => {
    for (const file of corpus) {
      const { text, encoding } = decodeFile(file.bytes);
      expect([...encodeFile(printNotebook(parseNotebook(text)), encoding)], file.name).toEqual([...file.bytes]);
    }
  });

  it(`so does every document made of hostile fragments (${FUZZ_RUNS.documents} documents)`, () => {
    fc.assert(
      fc.property(documentBytes, (bytes) => {
        const { text, encoding } = decodeFile(bytes);
        expect([...encodeFile(printNotebook(parseNotebook(text)), encoding)]).toEqual([...bytes]);
      }),
      { numRuns: FUZZ_RUNS.documents, seed: 1701 },
    );
  });

  it(`editing one cell of a corpus file leaves the bytes of every other cell as they were (${FUZZ_RUNS.edits} edits)`, () => {
    const edit = fc.record({
      file: fc.constantFrom(...withCells),
      at: fc.nat(),
      source: newSource,
    });
    fc.assert(
      fc.property(edit, ({ file, at, source }) => {
        const { text, encoding } = decodeFile(file.bytes);
        const doc = parseNotebook(text);
        const k = at % doc.cells.length;
        // HOSTILE-7 (fixed, tested below): a first cell starting with U+FEFF in a file without a BOM.
        const bomLike = false;
        const before = layoutText(doc, 0, k);
        const after = layoutText(doc, k + 1, doc.cells.length) + doc.trailing;
        const kinds = doc.cells.map((cell) => cell.kind);
        const sources = doc.cells.map((cell) => cell.source);
        doc.cells[k] = { ...doc.cells[k], source: normalizeEol(source) };
        const saved = encodeFile(printNotebook(doc), encoding);
        expect(startsWith(saved, encodeFile(doc.bom + before, encoding)), 'the cells before are byte-identical').toBe(
          true,
        );
        expect(endsWith(saved, encodeFile(after, encoding)), 'the cells after are byte-identical').toBe(true);
        // Read back (in the encoding it was read with), the notebook has the same cells: the edited one
        // changed, the others as they were. Left to the byte checks: a Latin-1 file whose only invalid bytes
        // were in the edited cell (it reads back as UTF-8), and text Latin-1 can't hold typed into a Latin-1
        // file (written as UTF-8, it reads back as other characters; see HOSTILE-6 below).
        const reread = decodeFile(saved);
        if (bomLike || reread.encoding !== encoding || (encoding === 'latin1' && /[\u{100}-\u{10ffff}]/u.test(source)))
          return;
        const again = parseNotebook(reread.text);
        expect(again.cells.map((cell) => cell.kind)).toEqual(kinds);
        again.cells.forEach((cell, j) => {
          if (j !== k) expect(cell.source).toBe(sources[j]);
          else if (cell.kind === 'code') expect(cell.source).toBe(normalizeEol(source));
        });
      }),
      { numRuns: FUZZ_RUNS.edits, seed: 4242 },
    );
  });
});

function layoutText(doc: NotebookDoc, from: number, to: number): string {
  let text = '';
  for (let j = from; j < to; j++) text += doc.cells[j].layout?.text ?? '';
  return text;
}

describe('HOSTILE-6: fences whose info string holds U+2028 or U+2029', () => {
  // CommonMark ends lines only at \n, \r and \r\n, so "~~~a \u2028 b" opens a fence. notebook.ts's
  // openingFence uses "." (which stops at U+2028/U+2029) and misses it: protectMarkdown leaves the fence
  // of an edited markdown cell open. In a Latin-1 file the U+2028 is saved as UTF-8 bytes, which read
  // back as "â\u0080¨": the fence then opens and swallows every cell after it.
  const LATIN1 = Uint8Array.from([...new TextEncoder().encode('Intro\n\n```lstm\nx = 1\n```\n\nCaf'), 0xe9, 0x0a]);

  it('HOSTILE-6 (fixed): a markdown cell of a Latin-1 file edited to "~~~a \u2028 b" saves and reopens with the same cells', () => {
    const { text, encoding } = decodeFile(LATIN1);
    expect(encoding).toBe('latin1');
    const doc = parseNotebook(text);
    doc.cells[0] = { ...doc.cells[0], source: '~~~a \u2028 b' };
    const saved = encodeFile(printNotebook(doc), encoding);
    expect(parseNotebook(decodeFile(saved).text).cells.map((cell) => cell.kind)).toEqual([
      'markdown',
      'code',
      'markdown',
    ]);
  });

  it('HOSTILE-6 (fixed): "~~~a \u2028 b" opens a fence, as in CommonMark (the lstm fence after it is inside it)', () => {
    expect(parseNotebook('~~~a \u2028 b\n```lstm\nx = 1\n```\n').cells.map((cell) => cell.kind)).toEqual(['markdown']);
  });
});

describe('HOSTILE-7: a first markdown cell that starts with U+FEFF', () => {
  // A file without a BOM whose first markdown cell is edited to start with U+FEFF and a fence line:
  // printed as is, the U+FEFF is read back as a byte order mark and the line as a code fence, so the
  // markdown cell becomes a code cell. protectMarkdown does not see "\uFEFF```lstm" as a fence line.
  it('HOSTILE-7 (fixed): editing the first markdown cell to "\uFEFF```lstm" keeps it markdown after save and reopen', () => {
    const doc = parseNotebook('Intro\n\n```lstm\nx = 1\n```\n');
    doc.cells[0] = { ...doc.cells[0], source: '\ufeff```lstm' };
    const reread = parseNotebook(printNotebook(doc));
    expect(reread.cells.map((cell) => [cell.kind, cell.source])).toEqual([
      ['markdown', '\ufeff```lstm'],
      ['code', 'x = 1'],
    ]);
  });
});
