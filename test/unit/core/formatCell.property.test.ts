// The formatter only moves spaces: on generated cells written with careless spacing it is idempotent, keeps
// every token's text and line (numbers, strings, comments), every line end, and the kernel computes exactly
// the same before and after. A cell with an error is given back untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCell } from '../../../src/core/formatCell';
import { tokenize } from '../../../src/core/lexer';
import { parseCell } from '../../../src/core/parser';
import { Session } from '../../../src/core/session';
import type { CellResult } from '../../../src/core/types';

const space = fc.constantFrom('', ' ', ' ', '  ', '\t', '   ');
const someSpace = fc.constantFrom(' ', ' ', '  ', '\t', '    ');
const numberText = fc.oneof(
  fc.constantFrom('0', '1', '-1', '0.5', '-0.05', '1.40', '2.', '.5', '1e-3', '-1.5e-05', '−0.5', '3.25', '-0.0'),
  fc.integer({ min: -99, max: 99 }).map(String),
  fc.double({ min: -10, max: 10, noNaN: true }).map((n) => String(n)),
);

/** Joins tokens with random spacing, where the grammar allows none or any. */
const spaced = (parts: string[], gaps: string[]) => parts.map((part, k) => (k ? gaps[k - 1] : '') + part).join('');
const tokensWithSpaces = (parts: string[]) =>
  fc.array(space, { minLength: parts.length, maxLength: parts.length }).map((gaps) => spaced(parts, gaps));

/** A vector, or a matrix whose rows may each start a new line. */
const vector = (length: number) =>
  fc.array(numberText, { minLength: length, maxLength: length }).chain((ns) => {
    const parts = ['['];
    ns.forEach((n, k) => parts.push(...(k ? [',', n] : [n])));
    parts.push(']');
    return tokensWithSpaces(parts);
  });
const matrix = (rows: number, cols: number) =>
  fc
    .tuple(
      fc.array(vector(cols), { minLength: rows, maxLength: rows }),
      fc.array(fc.constantFrom(', ', ',', ',\n', ',\n   ', ' ,\n', ', # row\n '), { minLength: rows, maxLength: rows }),
    )
    .map(([rs, seps]) => `[${rs.map((r, k) => (k ? seps[k] : '') + r).join('')}]`);
const value = fc.oneof(numberText, vector(1), vector(2), matrix(1, 1), matrix(2, 2), matrix(2, 3));

const key = (name: string) => fc.tuple(value, space, space).map(([v, a, b]) => `${name}${a}=${b}${v}`);
const gateWord = fc.constantFrom('forget', 'input', 'candidate', 'output');
const gateLine = fc
  .tuple(
    gateWord,
    fc.subarray(['wx', 'wh', 'b'], { minLength: 1 }).chain((keys) => fc.tuple(...keys.map(key))),
    fc.array(someSpace, { minLength: 3, maxLength: 3 }),
  )
  .map(([word, settings, gaps]) => word + gaps[0] + settings.map((s, k) => (k ? gaps[k] : '') + s).join(''));
const scalarGates = fc
  .array(fc.tuple(numberText, numberText, numberText, someSpace, someSpace), { minLength: 4, maxLength: 4 })
  .map((gates) =>
    gates
      .map(
        ([wx, wh, b, g1, g2], k) =>
          `${['forget', 'input', 'candidate', 'output'][k]}${g1}wx = ${wx}${g2}wh=${wh}  b =${b}`,
      )
      .join('\n'),
  );
const comment = fc.constantFrom('# a note', '#', '# σ(6.40) = 0.998   ', '#  h columns   x columns', '# −0.5, [1,2]');
const statement = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'h', 'c', 'short', 'long'), space, space, value)
      .map(([n, a, b, v]) => `${n}${a}=${b}${v}`),
  },
  { weight: 3, arbitrary: gateLine },
  { weight: 1, arbitrary: key('dense w').map((s) => s.replace('dense w', 'dense w')) },
  { weight: 3, arbitrary: fc.constantFrom('step', 'reset', 'notation symbols', 'show f') },
  { weight: 2, arbitrary: fc.tuple(someSpace, numberText).map(([g, n]) => `step${g}x = ${n}`) },
  { weight: 1, arbitrary: vector(3).map((v) => `run x = ${v}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('h', 'c', 'f', 'x', 'z_f', 'fc', 'tanh_c'), space, value, fc.option(numberText))
      .map(
        ([name, a, v, tol]) =>
          `expect ${name}${a}=${a}${v}${tol === null ? '' : `  within ${tol.replace(/^[-−]/, '')}`}`,
      ),
  },
);
const line = fc
  .tuple(statement, fc.option(fc.tuple(someSpace, comment)), space, fc.constantFrom('', '', '  ', ' '))
  .map(([s, c, lead, trail]) => lead + s + (c ? c[0] + c[1] : trail));
const cell = fc
  .tuple(
    fc.option(scalarGates),
    fc.array(
      fc.oneof({ weight: 6, arbitrary: line }, { weight: 1, arbitrary: comment }, { weight: 1, arbitrary: space }),
      {
        maxLength: 10,
      },
    ),
    fc.constantFrom('\n', '\n', '\r\n'),
  )
  .map(([gates, lines, eol]) => [...(gates ? [gates] : []), ...lines].join('\n').replace(/\n/g, eol));

/** What the kernel computed, without the columns of errors (the formatter may move a value along its line). */
function outcome(result: CellResult) {
  return {
    ok: result.ok,
    errors: result.errors.map(({ line, message }) => ({ line, message })),
    steps: result.steps,
    expects: result.expects.map(({ line, name, pass, expected, actual, tolerance }) => ({
      line,
      name,
      pass,
      expected,
      actual,
      tolerance,
    })),
    state: result.state,
    time: result.time,
    notation: result.notation,
  };
}

/** Token texts and lines, comments without their trailing spaces. */
const tokenTexts = (source: string) =>
  tokenize(source)
    .tokens.filter((t) => t.kind !== 'newline')
    .map((t) => `${t.line}:${t.kind === 'comment' ? t.text.trimEnd() : t.text}`);
const lineEnds = (source: string) => source.match(/\r\n|\r|\n/g) ?? [];

describe('formatCell on generated cells', () => {
  it('keeps every token and line end, is idempotent, and the kernel computes the same (2,000 cells)', () => {
    let formattedCells = 0;
    fc.assert(
      fc.property(cell, (source) => {
        const formatted = formatCell(source);
        expect(formatCell(formatted)).toBe(formatted);
        expect(lineEnds(formatted)).toEqual(lineEnds(source));
        if (parseCell(source).problems.length) {
          expect(formatted).toBe(source);
          return;
        }
        if (formatted !== source) formattedCells++;
        expect(tokenTexts(formatted)).toEqual(tokenTexts(source));
        expect(formatted.split(/\r\n|\r|\n/).every((l) => l === l.trimEnd())).toBe(true);
        expect(outcome(new Session().run(formatted))).toEqual(outcome(new Session().run(source)));
      }),
      { numRuns: 2000 },
    );
    // The generator must give the formatter work, or the property proves nothing.
    expect(formattedCells).toBeGreaterThan(1000);
  });

  it('a cell with an error is given back untouched, spaces and all', () => {
    fc.assert(
      fc.property(
        cell,
        fc.constantFrom('stpe', 'x = 1,2', 'forget wx = ', 'x = [1, 2', 'load w.json'),
        (source, bad) => {
          const broken = `${source}\n${bad}   `;
          expect(parseCell(broken).problems.length).toBeGreaterThan(0);
          expect(formatCell(broken)).toBe(broken);
        },
      ),
      { numRuns: 300 },
    );
  });
});
