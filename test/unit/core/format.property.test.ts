// The `.lstm` file format, property-tested: print(parse(t)) === t, byte for byte, for arbitrary text (full
// Unicode, lone surrogates, text dense in fences, separators and line ends) and for structured notebooks
// (markdown, ```lstm / ~~~lstm cells, nested ``` / ~~~ fences, `<!-- cell -->` lines, CRLF/CR/LF mixes, BOM,
// no final newline, unclosed fences); and what parsing finds in them. Cells edited in memory: formatEdits.property.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotebook, printNotebook } from '../../../src/core/notebook';
import { structuredDocument } from './notebookText';

// ---------------------------------------------------------------------------------------------------------
// Byte-exact round trip
// ---------------------------------------------------------------------------------------------------------

const roundTrips = (text: string) => printNotebook(parseNotebook(text)) === text;

/** Full Unicode (well-formed UTF-16). */
const unicodeText = fc.string({ unit: 'binary', maxLength: 200 });
/** Any UTF-16 code units, lone surrogates included. */
const codeUnitText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
/** Text made mostly of the characters and words the format reacts to. */
const denseText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\n',
      '\r',
      '\r\n',
      '`',
      '```',
      '~~~',
      '```lstm',
      '~~~lstm',
      '<!-- cell -->',
      ' ',
      '\t',
      '\uFEFF',
      'lstm',
      'x',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 60,
});

describe('print(parse(text)) === text', () => {
  it('for 3,000 strings of arbitrary Unicode', () => {
    fc.assert(fc.property(unicodeText, roundTrips), { numRuns: 3000 });
  });

  it('for 2,000 strings of arbitrary UTF-16 code units (lone surrogates included)', () => {
    fc.assert(fc.property(codeUnitText, roundTrips), { numRuns: 2000 });
  });

  it('for 2,000 strings dense in fences, separators, BOMs and line ends', () => {
    fc.assert(fc.property(denseText, roundTrips), { numRuns: 2000 });
  });

  it('for 6,000 structured notebooks (fences, nested fences, separators, CRLF/CR/LF, BOM, no final newline)', () => {
    fc.assert(fc.property(structuredDocument, roundTrips), { numRuns: 6000 });
  });

  it.each([
    ['empty file', ''],
    ['BOM only', '\uFEFF'],
    ['blank lines only', '\n\n  \r\n'],
    ['a code cell without a final newline', '```lstm\nx = 1\n```'],
    ['an unclosed code cell', '# Title\r\n\r\n```lstm\r\nx = 1\r\n'],
    ['an unclosed markdown fence swallowing an lstm fence', '```python\n```lstm\nx = 1\n```\n'],
    ['CR line ends', '```lstm\rx = 1\r```\rtext\r'],
    ['separators and blank lines', '<!-- cell -->\n\n<!-- cell -->\n\n\n<!-- cell -->'],
    ['a tilde lstm fence closed by a longer one', '~~~lstm\nx = 1\n~~~~~\n'],
    ['a lone CR before an LF-ended line', 'a\r\nb\rc\n'],
  ])('for %s', (_name, text) => {
    expect(printNotebook(parseNotebook(text))).toBe(text);
  });
});

describe('what parsing finds', () => {
  it('a code cell starts at its first code line and has \\n line ends; the text around it is markdown', () => {
    const doc = parseNotebook('\uFEFF# Title\r\n\r\n```lstm\r\nx = 1\r\nstep\r\n```\r\nAfter.\r\n');
    expect(doc.bom).toBe('\uFEFF');
    expect(doc.eol).toBe('\r\n');
    expect(doc.cells.map((c) => [c.kind, c.source, c.line])).toEqual([
      ['markdown', '# Title', 1],
      ['code', 'x = 1\nstep', 4],
      ['markdown', 'After.', 7],
    ]);
    expect(doc.problems).toEqual([]);
  });

  it('an lstm fence inside a markdown code block is not a cell', () => {
    const doc = parseNotebook('````markdown\n```lstm\nx = 1\n```\n````\n');
    expect(doc.cells.map((c) => c.kind)).toEqual(['markdown']);
  });

  it('an unclosed code fence is a warning at the fence line and the cell runs to the end', () => {
    const doc = parseNotebook('Intro\n\n```lstm\nx = 1\nstep\n');
    expect(doc.cells.map((c) => [c.kind, c.source])).toEqual([
      ['markdown', 'Intro'],
      ['code', 'x = 1\nstep'],
    ]);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ line: 3, column: 1, severity: 'warning' });
    expect(doc.problems[0].message).toMatch(/never closed/);
  });

  it('<!-- cell --> separates two markdown cells', () => {
    const doc = parseNotebook('One\n<!-- cell -->\nTwo\n');
    expect(doc.cells.map((c) => [c.kind, c.source, c.line])).toEqual([
      ['markdown', 'One', 1],
      ['markdown', 'Two', 3],
    ]);
  });
});
