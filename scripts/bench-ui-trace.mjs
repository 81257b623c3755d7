// `npm run bench:ui -- --trace`: where a scrub frame's time goes. Records a Chromium trace of extra
// scrub rounds (not the timed ones) and prints, per frame, the median main-thread CPU time of each
// rendering phase: the script (key handler and animation frame), style, layout (and how many objects
// it laid out), pre-paint, paint, layerize (and how many frames re-layerized the whole page, which a
// change of any painted bounds forces) and commit.

/** The trace categories the phases below are read from. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'blink', 'cc', 'disabled-by-default-devtools.timeline'];

/** Each phase and the trace events it is the time of. */
const PHASES = [
  { name: 'script', events: ['EventDispatch', 'FireAnimationFrame'] },
  { name: 'style', events: ['UpdateLayoutTree'] },
  { name: 'layout', events: ['Layout'] },
  { name: 'pre-paint', events: ['PrePaint'] },
  { name: 'paint', events: ['Paint'] },
  { name: 'layerize', events: ['Layerize'] },
  { name: 'commit', events: ['Commit'] },
];

/** One line of phase medians (ms of CPU) over the frames of `trace` (Chromium's JSON trace, as text). */
export function phaseSummary(trace) {
  const parsed = JSON.parse(trace);
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const main = events
    .filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .sort((a, b) => a.ts - b.ts);
  // A scrub frame: a key press, then the main frame that repaints it (an idle frame has no key before it).
  const keys = main.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown');
  const frames = keys
    .map((key) => {
      const frame = main.find((event) => event.name === 'ProxyMain::BeginMainFrame' && event.ts > key.ts);
      return frame && { start: key.ts, end: frame.ts + frame.dur };
    })
    .filter(Boolean);
  const perFrame = frames.map(({ start, end }) => {
    const inside = main.filter((event) => event.ts >= start && event.ts + event.dur <= end);
    const times = PHASES.map(({ events: names }) =>
      outermost(inside, names).reduce((sum, e) => sum + (e.tdur ?? e.dur), 0),
    );
    const layout = inside.find((event) => event.name === 'Layout')?.args?.beginData;
    const full = inside.some((event) => event.name === 'PaintArtifactCompositor::Update');
    return { times, dirty: layout?.dirtyObjects ?? 0, total: layout?.totalObjects ?? 0, full };
  });
  if (perFrame.length === 0) return 'no scrub frame in the trace';
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const phases = PHASES.map(({ name }, k) => `${name} ${(median(perFrame.map((f) => f.times[k])) / 1000).toFixed(2)}`);
  const sum = median(perFrame.map((f) => f.times.reduce((a, b) => a + b, 0))) / 1000;
  const full = perFrame.filter((f) => f.full).length;
  return (
    `CPU per frame (median of ${perFrame.length}, ms, traced): ${phases.join(', ')}; sum ${sum.toFixed(1)};` +
    ` layout of ${median(perFrame.map((f) => f.dirty))} of ${median(perFrame.map((f) => f.total))} objects;` +
    ` whole-page layerize in ${full} of ${perFrame.length} frames`
  );
}

/** The events named `names` that are not inside another of them (nested ones would count twice). */
function outermost(events, names) {
  const chosen = [];
  let end = -Infinity;
  for (const event of events) {
    if (!names.includes(event.name) || event.ts < end) continue;
    chosen.push(event);
    end = event.ts + event.dur;
  }
  return chosen;
}
