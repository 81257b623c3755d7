// Bundled and run by measure.mjs (not a test: timings depend on the machine). For each huge hostile
// case: the kernel's slices as the extension runs them (advance(20) until done), the worst slice, how
// long a cancel waits, and the synchronous work the extension host does besides (analysis for
// diagnostics, the parse kernel.ts does before a cell that loads, opening and saving the file,
// building the outputs).
import { parseCell } from '../../src/core/parser';
import { parseNotebook, printNotebook } from '../../src/core/notebook';
import { Session } from '../../src/core/session';
import { analyze } from '../../src/extension/analysis';
import { decodeFile, encodeFile } from '../../src/extension/encoding';
import { buildPayload, errorText, markdownSummary } from '../../src/common/output';
import { generatedCorpus, GENERATED } from './corpus';

const SLICE_MS = 20;
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => process.memoryUsage().heapUsed;
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function time<T>(body: () => T): [T, number] {
  const start = performance.now();
  const value = body();
  return [value, performance.now() - start];
}

interface SliceStats {
  slices: number;
  total: number;
  worst: number;
  p99: number;
  over50: number;
  peakHeap: number;
}

/** Runs a cell the way kernel.ts does (advance(SLICE_MS) until done) and times every slice. */
function runSliced(session: Session, source: string): { stats: SliceStats; result: ReturnType<Session['run']> } {
  gc?.();
  const base = heap();
  const execution = session.start(source);
  const times: number[] = [];
  let peak = 0;
  for (;;) {
    const [done, took] = time(() => execution.advance(SLICE_MS));
    times.push(took);
    peak = Math.max(peak, heap() - base);
    if (done) break;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    result: execution.result,
    stats: {
      slices: times.length,
      total: times.reduce((a, b) => a + b, 0),
      worst: sorted[sorted.length - 1],
      p99: sorted[Math.floor(sorted.length * 0.99)],
      over50: times.filter((t) => t > 50).length,
      peakHeap: peak,
    },
  };
}

/** Cancels at several points; a cancel between slices ends the cell at the next advance, which returns at once. */
function cancelLatency(source: string, points: number[]): number[] {
  return points.map((after) => {
    const execution = new Session().start(source);
    for (let k = 0; k < after; k++) if (execution.advance(SLICE_MS)) return 0;
    execution.cancel();
    const [, took] = time(() => execution.advance(SLICE_MS));
    return took;
  });
}

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const rows: string[][] = [
  ['case', 'cells', 'slices', 'total', 'worst slice', 'p99 slice', 'slices > 50 ms', 'peak heap', 'outcome'],
];
const host: string[][] = [
  [
    'case',
    'open (decode + parse)',
    'save (print + encode)',
    'analysis, worst cell',
    'parseCell before a load, worst cell',
    'outputs, worst cell',
  ],
];

for (const spec of GENERATED) {
  if (only.length && !only.some((name) => spec.name.includes(name))) continue;
  const [file] = generatedCorpus([spec.name]);
  const [{ text, encoding }, decodeTime] = time(() => decodeFile(file.bytes));
  const [doc, parseTime] = time(() => parseNotebook(text));
  const [printed, printTime] = time(() => printNotebook(doc));
  const [, encodeTime] = time(() => encodeFile(printed, encoding));
  const session = new Session();
  const totals: SliceStats = { slices: 0, total: 0, worst: 0, p99: 0, over50: 0, peakHeap: 0 };
  let analysisWorst = 0;
  let parseWorst = 0;
  let outputWorst = 0;
  let outcome = '';
  let cells = 0;
  for (const cell of doc.cells) {
    if (cell.kind !== 'code') continue;
    cells++;
    const { stats, result } = runSliced(session, cell.source);
    totals.slices += stats.slices;
    totals.total += stats.total;
    totals.worst = Math.max(totals.worst, stats.worst);
    totals.p99 = Math.max(totals.p99, stats.p99);
    totals.over50 += stats.over50;
    totals.peakHeap = Math.max(totals.peakHeap, stats.peakHeap);
    if (!outcome) {
      const error = result.errors[0]?.message;
      outcome = error
        ? error.replace(/\(MAX_STATEMENT_TOKENS.*$/, '(MAX_STATEMENT_TOKENS …)').slice(0, 90)
        : `${result.stepsRun} steps`;
    }
    // What the extension host does synchronously for the same cell, outside the sliced run.
    if (cells <= 3) {
      analysisWorst = Math.max(analysisWorst, time(() => analyze(cell.source))[1]);
      parseWorst = Math.max(parseWorst, time(() => parseCell(cell.source))[1]);
      outputWorst = Math.max(
        outputWorst,
        time(() => {
          const payload = buildPayload(result);
          JSON.stringify(payload);
          markdownSummary(result);
          errorText(result);
        })[1],
      );
    }
  }
  rows.push([
    spec.name,
    String(cells),
    String(totals.slices),
    ms(totals.total),
    ms(totals.worst),
    ms(totals.p99),
    String(totals.over50),
    mb(totals.peakHeap),
    outcome,
  ]);
  host.push([
    spec.name,
    ms(decodeTime + parseTime),
    ms(printTime + encodeTime),
    ms(analysisWorst),
    ms(parseWorst),
    ms(outputWorst),
  ]);
  console.error(`measured ${spec.name}`);
}

const table = (data: string[][]) => {
  const widths = data[0].map((_, k) => Math.max(...data.map((row) => row[k].length)));
  return data
    .map((row, r) => {
      const line = `| ${row.map((cell, k) => cell.padEnd(widths[k])).join(' | ')} |`;
      return r === 0 ? `${line}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : line;
    })
    .join('\n');
};

console.log(`Kernel slices (Session.start().advance(${SLICE_MS}) until done, as kernel.ts runs a cell):\n`);
console.log(table(rows));
console.log('\nExtension host, synchronous work outside the sliced run (first 3 code cells of each file):\n');
console.log(table(host));

if (!only.length || only.some((name) => 'gen-T-1e6.lstm gen-10MB-one-cell.lstm'.includes(name))) {
  console.log(
    '\nCancel: how long the advance() after a cancel() takes (the interrupt then waits at most one slice more):\n',
  );
  for (const name of ['gen-T-1e6.lstm', 'gen-10MB-one-cell.lstm']) {
    const [file] = generatedCorpus([name]);
    const doc = parseNotebook(new TextDecoder().decode(file.bytes));
    const source = doc.cells.filter((cell) => cell.kind === 'code').map((cell) => cell.source)[0];
    const latencies = cancelLatency(source, [1, 5, 20, 60]);
    console.log(`- ${name}: cancel after 1, 5, 20, 60 slices → next advance ${latencies.map(ms).join(', ')}`);
  }
}
