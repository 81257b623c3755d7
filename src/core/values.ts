// Values as written: a number, a vector [..] or a matrix [[..], [..]].
import type { Token } from './lexer';
import { spanOf, type LineReader, type Span } from './lineReader';
import { literalValue } from './numbers';

export interface Value {
  /** 0: a number, 1: a vector [..], 2: a matrix [[..], ..]. */
  depth: 0 | 1 | 2;
  data: number | number[] | number[][];
  span: Span;
}

const MAX_DEPTH = 2;

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
  const data = readBracketed(reader, 1);
  if (data === undefined) return undefined;
  const end = reader.last;
  const span: Span =
    first.line === end.line
      ? { line: first.line, column: first.column, length: end.column + end.text.length - first.column }
      : { line: first.line, column: first.column, length: 1 };
  const depth = Array.isArray(data[0]) ? 2 : 1;
  if (depth === 2) {
    const rows = data as number[][];
    if (rows.some((row) => !Array.isArray(row)))
      return reader.fail(span, 'A matrix must have only rows [..], not numbers beside them.');
    const width = rows[0].length;
    const bad = rows.findIndex((row) => row.length !== width);
    if (bad >= 0)
      return reader.fail(
        span,
        `Every row of a matrix needs the same length: row 1 has ${width} values but row ${bad + 1} has ${rows[bad].length}.`,
      );
  } else if (data.some((item) => Array.isArray(item))) {
    return reader.fail(span, 'A vector must hold only numbers; a matrix must hold only rows.');
  }
  return { depth, data: data as number[] | number[][], span };
}

function finiteNumber(reader: LineReader, token: Token): number | undefined {
  const value = literalValue(token.text);
  if (!Number.isFinite(value))
    return reader.fail(token, `${token.text} is too large for a float64 (the largest is about 1.8e+308).`);
  return value;
}

/** Reads from just after '[' to the matching ']'. Depth is bounded, so hostile nesting can't recurse deeply. */
function readBracketed(reader: LineReader, depth: number): (number | number[])[] | undefined {
  const open = reader.next() as Token;
  const items: (number | number[])[] = [];
  if (reader.peek()?.text === ']') {
    reader.next();
    return reader.fail(open, 'Empty brackets: a vector needs at least one value.');
  }
  for (;;) {
    const token = reader.peek();
    if (!token) return reader.fail(open, 'This bracket is never closed.');
    if (token.text === '[') {
      if (depth >= MAX_DEPTH) return skipNested(reader, token);
      const row = readBracketed(reader, depth + 1);
      if (row === undefined) return undefined;
      items.push(row as number[]);
    } else if (token.kind === 'number') {
      reader.next();
      const value = finiteNumber(reader, token);
      if (value === undefined) return undefined;
      items.push(value);
    } else {
      return reader.fail(token, `Expected a number inside the brackets but found "${token.text}".`);
    }
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

function skipNested(reader: LineReader, at: Token): undefined {
  reader.position = reader.tokens.length;
  return reader.fail(at, 'Brackets nest deeper than a matrix allows (2 levels: [[..], [..]]).');
}
