// Values as written: a number, a vector [..] or a matrix [[..], [..]].
import type { Token } from './lexer';
import { spanOf, type LineReader, type Span } from './lineReader';
import { literalValue } from './numbers';

/** A value's numbers by its depth: 0 a number, 1 a vector [..], 2 a matrix [[..], ..] (rows of one length). */
export type Shaped = { depth: 0; data: number } | { depth: 1; data: number[] } | { depth: 2; data: number[][] };

/** A value as written, with its span in the cell. */
export type Value = Shaped & { span: Span };

/** How many numbers a value holds along its first axis: 1 for a number, a vector's length, a matrix's rows. */
export const outerLength = (value: Shaped): number => (value.depth === 0 ? 1 : value.data.length);

/** number | [v, v, ...] | [[..], [..]]. Reports and returns undefined on a malformed value. */
export function readValue(reader: LineReader, what: string): Value | undefined {
  const first = reader.peek();
  if (!first)
    return reader.fail(undefined, `Expected ${what} (a number, a vector [..] or a matrix [[..], [..]]) here.`);
  if (first.kind === 'number') {
    reader.next();
    return finiteNumber(reader, first) === undefined
      ? undefined
      : { depth: 0, data: literalValue(first.text), span: spanOf(first) };
  }
  if (first.text !== '[') {
    const hint =
      first.kind === 'word' && /^(inf|nan|infinity)$/i.test(first.text) ? ' Values must be finite numbers.' : '';
    reader.next();
    return reader.fail(
      first,
      `Expected ${what} (a number, a vector [..] or a matrix [[..], [..]]) but found "${first.text}".${hint}`,
    );
  }
  const data = readBracketed(reader, first);
  if (data === undefined) return undefined;
  const end = reader.last;
  const span: Span =
    first.line === end.line
      ? { line: first.line, column: first.column, length: end.column + end.text.length - first.column }
      : { line: first.line, column: first.column, length: 1 };
  const numbers = data.filter((item) => typeof item === 'number');
  const rows = data.filter((item) => Array.isArray(item));
  if (rows.length === 0) return { depth: 1, data: numbers, span };
  if (numbers.length)
    return reader.fail(
      span,
      Array.isArray(data[0])
        ? 'A matrix must have only rows [..], not numbers beside them.'
        : 'A vector must hold only numbers; a matrix must hold only rows.',
    );
  const width = rows[0].length;
  const bad = rows.findIndex((row) => row.length !== width);
  if (bad >= 0)
    return reader.fail(
      span,
      `Every row of a matrix needs the same length: row 1 has ${width} values but row ${bad + 1} has ${rows[bad].length}.`,
    );
  return { depth: 2, data: rows, span };
}

function finiteNumber(reader: LineReader, token: Token): number | undefined {
  const value = literalValue(token.text);
  if (!Number.isFinite(value))
    return reader.fail(token, `${token.text} is too large for a float64 (the largest is about 1.8e+308).`);
  return value;
}

/** `[..]` or `[[..], ..]` from its '[' to the matching ']'. Rows hold only numbers, so hostile nesting can't recurse deeply. */
function readBracketed(reader: LineReader, open: Token): (number | number[])[] | undefined {
  return readList(reader, open, (token) =>
    token.text === '['
      ? readList(reader, token, (inner) => (inner.text === '[' ? skipNested(reader, inner) : readNumber(reader, inner)))
      : readNumber(reader, token),
  );
}

/** The items from just after `open` ('[', at the reader's position) to the matching ']'. */
function readList<T>(reader: LineReader, open: Token, readItem: (token: Token) => T | undefined): T[] | undefined {
  reader.position++;
  const items: T[] = [];
  if (reader.peek()?.text === ']') {
    reader.next();
    return reader.fail(open, 'Empty brackets: a vector needs at least one value.');
  }
  for (;;) {
    const token = reader.peek();
    if (!token) return reader.fail(open, 'This bracket is never closed.');
    const item = readItem(token);
    if (item === undefined) return undefined;
    items.push(item);
    const separator = reader.next();
    if (separator?.text === ']') return items;
    if (separator?.text !== ',')
      return reader.fail(
        separator ?? open,
        separator ? `Expected "," or "]" but found "${separator.text}".` : 'This bracket is never closed.',
      );
    if (reader.peek()?.text === ']') {
      reader.next(); // a trailing comma, as Python allows
      return items;
    }
  }
}

/** A number inside brackets, at the reader's position. */
function readNumber(reader: LineReader, token: Token): number | undefined {
  if (token.kind !== 'number')
    return reader.fail(token, `Expected a number inside the brackets but found "${token.text}".`);
  reader.next();
  return finiteNumber(reader, token);
}

function skipNested(reader: LineReader, at: Token): undefined {
  reader.position = reader.tokens.length;
  return reader.fail(at, 'Brackets nest deeper than a matrix allows (2 levels: [[..], [..]]).');
}
