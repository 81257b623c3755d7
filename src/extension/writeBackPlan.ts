// What a write-back from an explorable output may change in a cell: pure, so every refusal is
// unit-tested. The message comes from a webview, so it is checked field by field; only finite numbers,
// only at literals the cell itself set, and only while the cell's text is the text the output ran.
import type { WriteBackMessage } from '../common/payload';
import { cellLiterals, textHash, withoutComments } from '../core/literals';
import { formatNumber } from '../core/numbers';
import { field } from '../common/field';

/** More changes than a cell's settable numbers could ever need is not a write-back. */
const MAX_WRITE_BACK_CHANGES = 100_000;

/** One replacement: 1-based line and column in the cell, length in characters, the number's new text. */
interface LiteralEdit {
  line: number;
  column: number;
  length: number;
  text: string;
}

export type WriteBackPlan = { edits: LiteralEdit[] } | { error: string };

export function isWriteBack(message: unknown): message is { type: 'writeBack' } {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === 'writeBack';
}

/** A 1-based line, column or length. */
const isPlace = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

/** Reads an untrusted message into a WriteBackMessage, or says what is wrong with it. */
export function readWriteBack(message: unknown): WriteBackMessage | string {
  if (!isWriteBack(message)) return 'This is not a write-back message.';
  const fields = ['outputId', 'runId', 'source', 'sourceHash'].map((key) => field(message, key));
  const strings = fields.every((value) => typeof value === 'string');
  if (!strings) return 'This is not a write-back message.';
  const sent: unknown = field(message, 'changes');
  if (!Array.isArray(sent) || sent.length === 0) return 'There are no changed numbers to write.';
  if (sent.length > MAX_WRITE_BACK_CHANGES)
    return `A write-back holds at most ${MAX_WRITE_BACK_CHANGES} numbers (MAX_WRITE_BACK_CHANGES).`;
  const changes: WriteBackMessage['changes'] = [];
  for (const change of sent) {
    const [line, column, length, value] = ['line', 'column', 'length', 'value'].map((key) => field(change, key));
    if (!isPlace(line) || !isPlace(column) || !isPlace(length))
      return 'A changed number has no valid place in the cell.';
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'Only finite numbers can be written into a cell.';
    changes.push({ line, column, length, value });
  }
  const [outputId, runId, source, sourceHash] = fields.map(String);
  return { type: 'writeBack', outputId, runId, source, sourceHash, changes };
}

/** The edits that put the message's values into `cellText`, or why not. */
export function planWriteBack(message: WriteBackMessage, cellText: string): WriteBackPlan {
  if (textHash(cellText) !== message.sourceHash || withoutComments(cellText) !== message.source)
    return {
      error:
        'The cell was edited after this output was computed, so nothing was written. Run the cell again, then drag.',
    };
  const literals = new Map(cellLiterals(cellText).map((literal) => [`${literal.line}:${literal.column}`, literal]));
  const edits = new Map<string, LiteralEdit>();
  for (const change of message.changes) {
    const key = `${change.line}:${change.column}`;
    const literal = literals.get(key);
    if (!literal || literal.length !== change.length)
      return {
        error: `Line ${change.line}, column ${change.column} holds no number this cell sets, so nothing was written.`,
      };
    edits.set(key, {
      line: change.line,
      column: change.column,
      length: change.length,
      text: formatNumber(change.value),
    });
  }
  return { edits: [...edits.values()] };
}
