// Mistakes learners make that the grammar alone would report badly: each gets one error saying what to write.
import type { Token } from './lexer';
import { spanOf, type LineReader, type Span } from './lineReader';

/**
 * `load weights/x.json`: one error offering the quoted name, instead of one per character the tokenizer
 * could not read (those are dropped for this line: see quietLines).
 */
export function unquotedPath(reader: LineReader, source: string): undefined {
  const head = reader.tokens[0];
  let start = head.offset + head.text.length;
  while (source[start] === ' ' || source[start] === '\t') start++;
  let end = start;
  while (end < source.length && !'\n\r#'.includes(source[end])) end++;
  const written = source.slice(start, end).trimEnd();
  reader.quietLines.add(head.line);
  reader.position = reader.tokens.length;
  return reader.fail(
    { line: head.line, column: head.column + start - head.offset, length: written.length },
    `load needs the file name in quotes: load "${written}".`,
    `"${written}"`,
  );
}

/**
 * A comma after a complete value: `x = 1,2` (a vector without brackets), `x = 0,5` (a decimal comma) or
 * `forget wx = 1, wh = 2` (keys separated by commas). Says which, with the text to write instead.
 */
export function reportComma(reader: LineReader, comma: Token): void {
  const before = reader.tokens[reader.position - 1];
  const after = reader.tokens[reader.position + 1];
  if (after?.kind === 'word')
    return void reader.fail(comma, 'Separate the keys with spaces, not commas, e.g. forget wx = 0.5 wh = 0.5.');
  if (before?.kind !== 'number' || after?.kind !== 'number')
    return void reader.fail(
      comma,
      'Unexpected "," after the end of the statement. Put each statement on its own line.',
    );
  const numbers = [before];
  for (let k = reader.position; reader.tokens[k]?.text === ',' && reader.tokens[k + 1]?.kind === 'number'; k += 2)
    numbers.push(reader.tokens[k + 1]);
  const last = numbers[numbers.length - 1];
  const span: Span =
    last.line === before.line
      ? { line: before.line, column: before.column, length: last.column + last.text.length - before.column }
      : spanOf(comma);
  const vector = `[${numbers.map((t) => t.text).join(', ')}]`;
  const decimal =
    numbers.length === 2 && /^[+\-\u2212]?\d+$/.test(before.text) && /^\d+$/.test(after.text)
      ? ` If you meant one number, write its decimal point as a dot: ${before.text}.${after.text}.`
      : '';
  reader.fail(
    span,
    `Several values need brackets: write the vector as ${vector}.${decimal}`,
    last.line === before.line ? vector : undefined,
  );
}
