// Generators of .lstm text for the format's property tests: the lines that matter to the format (and
// some that only look like they do) and whole documents of them with mixed line ends and a BOM.
import fc from 'fast-check';

export const EOLS = ['\n', '\r\n', '\r'] as const;

/** Lines that matter to the format, and some that only look like they do. */
export const INTERESTING_LINES = [
  '```lstm',
  '```lstm ',
  '```lstm\t',
  '````lstm',
  '```` lstm',
  '~~~lstm',
  '~~~ lstm',
  '``` lstm',
  ' ```lstm',
  '   ```lstm',
  '    ```lstm',
  '```lstm`',
  '```LSTM',
  '```lstm python',
  '```',
  '````',
  '`````',
  '~~~',
  '~~~~',
  '```  ',
  ' ```',
  '   ~~~',
  '    ```',
  '```python',
  '~~~python',
  '``` `',
  '<!-- cell -->',
  '<!-- cell -->  ',
  ' <!-- cell -->',
  '<!-- cell --> x',
  '<!--cell-->',
  '',
  ' ',
  '   ',
  '\t',
  '\u00a0',
  '\ufeff',
  'x = 1',
  'step',
  'forget wx = 1 wh = 2 b = 0.5',
  'expect c = 5.62',
  '# A title',
  'Some *markdown* with `code`',
  '> quote',
  '- item',
];

export const anyLine = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...INTERESTING_LINES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('`', '~', ' ', 'l', 's', 't', 'm', '<', '!', '-', '>', '\t'),
      maxLength: 10,
    }),
  },
);

/** A whole document: optional BOM, lines with mixed line ends, with or without a final line end. */
export const structuredDocument = fc
  .record({
    bom: fc.boolean(),
    lines: fc.array(fc.tuple(anyLine, fc.constantFrom(...EOLS)), { maxLength: 30 }),
    finalEol: fc.constantFrom('', ...EOLS),
    dominant: fc.constantFrom(...EOLS),
    uniform: fc.boolean(),
  })
  .map(({ bom, lines, finalEol, dominant, uniform }) => {
    const parts = lines.map(([line, eol], k) => line + (k === lines.length - 1 ? finalEol : uniform ? dominant : eol));
    return (bom ? '\uFEFF' : '') + parts.join('');
  });
