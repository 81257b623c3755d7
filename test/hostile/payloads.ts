// The payloads the renderer is attacked with, for the jsdom test and the Chromium test:
//  - every payload the kernel makes from the hostile corpus (buildPayload, as the extension sends it);
//  - every error message of the corpus, put where the renderer shows text (a warning), as if it got there;
//  - payloads a compromised kernel or a tampered saved output could send: hostile strings in every
//    string field, strings and objects where numbers belong, wrong versions, huge and deep arrays.
// Each comes with the strings that must show literally (as text) and those that must not show at all.
import type { StepPayload } from '../../src/common/payload';
import type { StepTrace } from '../../src/core/types';
import { textHash } from '../../src/core/literals';
import type { CorpusFile } from './corpus';
import { runFile, type RunOptions } from './kernel';

export interface HostilePayload {
  name: string;
  /** What the renderer gets (JSON-able; not necessarily a valid StepPayload). */
  data: unknown;
  /** Strings the output must contain in its text, exactly. */
  literal: string[];
  /** Made by the kernel from the corpus (so no "NaN" may show), not forged. */
  fromKernel: boolean;
}

/** Strings a stranger or a compromised kernel could send; each calls pwn() or fetches 127.0.0.1:9 if it ever runs. */
export const HOSTILE_STRINGS = [
  '<script>pwn("PWN-script")</script>',
  '<img src=x onerror="pwn(\'PWN-img\')">',
  '<svg><script>pwn("PWN-svg-script")</script></svg>',
  '<svg onload="pwn(\'PWN-svg\')"/>',
  '<iframe src="javascript:pwn(\'PWN-iframe\')"></iframe>',
  '<a href="javascript:pwn(\'PWN-a\')">PWN-a</a>',
  '<img src="http://127.0.0.1:9/PWN-beacon.png">',
  '<link rel="stylesheet" href="http://127.0.0.1:9/PWN.css">',
  '<style>*{background:url("http://127.0.0.1:9/PWN-css")}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=pwn("PWN-mxss")>',
  '"><img src=x onerror=pwn("PWN-attr")>',
  "'><img src=x onerror=pwn('PWN-attr2')>",
  '</code></li></ul><script>pwn("PWN-close")</script>',
  '%%{init: {"securityLevel":"loose","startOnLoad":true}}%%',
  'click lstm1_x call pwn("PWN-click")',
  'click lstm1_f href "javascript:pwn(\'PWN-href\')"',
  'A["<img src=x onerror=pwn(\'PWN-label\')>"] --> B',
  '\\href{javascript:pwn("PWN-khref")}{PWN}',
  '\\htmlData{onclick=pwn("PWN-kdata")}{PWN}',
  '\\includegraphics{http://127.0.0.1:9/PWN-k.png}',
  '\\def\\a{\\a\\a}\\a',
  '$$\\href{javascript:pwn()}{x}$$',
  '${pwn("PWN-template")}',
  '{{constructor.constructor("pwn(\'PWN-ng\')")()}}',
  'javascript:pwn("PWN-url")',
  'data:text/html,<script>pwn("PWN-data")</script>',
  '\u202e\u2066PWN-bidi\u2069\u202c',
  '\u0000\u0001\u0007\u001b[31mPWN-ansi\u001b[0m\u007f\u0085',
  '\ud800PWN-lone-surrogate\udfff',
  'PWN-long-' + 'x'.repeat(100_000),
];

const number = (k: number) => ((k * 37) % 19) / 10 - 0.9;

/** A well-formed step with H hidden and X input values. */
function step(t: number, H = 1, X = 1): StepTrace {
  const v = (n: number, s: number) => Array.from({ length: n }, (_, k) => number(t + k + s));
  return {
    t,
    x: v(X, 1),
    h_prev: v(H, 2),
    c_prev: v(H, 3),
    z: { f: v(H, 4), i: v(H, 5), g: v(H, 6), o: v(H, 7) },
    f: v(H, 8),
    i: v(H, 9),
    g: v(H, 10),
    o: v(H, 11),
    fc: v(H, 12),
    ig: v(H, 13),
    c: v(H, 14),
    tanh_c: v(H, 15),
    h: v(H, 16),
  };
}

function base(overrides: Partial<StepPayload> = {}): StepPayload {
  return {
    version: 1,
    steps: [step(1)],
    totalSteps: 1,
    expects: [],
    shows: [],
    notation: 'words',
    ...overrides,
  };
}

/** The kernel's payloads for every corpus file. */
export function corpusPayloads(files: CorpusFile[], options: RunOptions = {}, maxPerFile = Infinity): HostilePayload[] {
  const out: HostilePayload[] = [];
  for (const file of files) {
    const run = runFile(file, options);
    let kept = 0;
    for (const cell of run.cells) {
      if (cell.payload && (kept < maxPerFile || cell.payload.steps.length > 0)) {
        kept++;
        out.push({
          name: `${file.name} cell ${cell.index}`,
          data: cell.payload,
          literal: cell.payload.expects.map((e) => e.text),
          fromKernel: true,
        });
      }
    }
  }
  return out;
}

/** Payloads no kernel of ours makes: what a compromised kernel or a tampered saved output could hold. */
export function forgedPayloads(): HostilePayload[] {
  const out: HostilePayload[] = [];
  const strings = HOSTILE_STRINGS;
  // Every hostile string where the renderer shows text, with and without steps (so every part is drawn).
  out.push({
    name: 'forged: hostile expect texts, names and shows beside a step',
    data: base({
      expects: strings.map((text, k) => ({
        line: k,
        text,
        name: text,
        pass: k % 2 === 0,
        expected: [1],
        actual: k % 3 ? [1] : null,
        tolerance: 0.1,
      })),
      shows: strings.map((what, k) => ({ line: k, what })),
    }),
    literal: strings,
    fromKernel: false,
  });
  out.push({
    name: 'forged: hostile strings with no step (the weights summary)',
    data: base({
      steps: [],
      expects: strings
        .slice(0, 10)
        .map((text) => ({ line: 1, text, name: 'h', pass: false, expected: [0], actual: [1], tolerance: 0 })),
      weights: {
        hidden: 1,
        input: 1,
        gates: {
          f: { wx: [[1]], wh: [[1]], b: [1] },
          i: { wx: [[1]], wh: [[1]], b: [1] },
          g: { wx: [[1]], wh: [[1]], b: [1] },
          o: { wx: [[1]], wh: [[1]], b: [1] },
        },
      },
    }),
    literal: strings.slice(0, 10),
    fromKernel: false,
  });
  // Strings, objects and arrays where numbers belong: shown as numbers or "?", never as the string.
  const s = (k: number) => strings[k % strings.length];
  const poisoned = {
    version: 1,
    steps: [
      {
        t: s(0),
        x: [s(1), { toString: s(2) }],
        h_prev: s(3),
        c_prev: [[s(4)]],
        z: { f: [s(5)], i: s(6), g: { 0: s(7), length: 1 }, o: [null] },
        f: [s(8)],
        i: [true],
        g: [s(9)],
        o: [s(10)],
        fc: [s(11)],
        ig: [s(12)],
        c: [s(13)],
        tanh_c: [s(14)],
        h: [s(15)],
        y: [s(16)],
      },
    ],
    totalSteps: s(17),
    expects: [{ line: s(18), text: 42, name: {}, pass: 'yes', expected: [s(19)], actual: [s(20)], tolerance: s(21) }],
    problems: [
      { line: s(22), column: [], length: null, severity: s(23), message: ['<script>pwn("PWN-array")</script>'] },
    ],
    shows: 'everything',
    weights: {
      hidden: s(24),
      input: -1,
      gates: { f: { wx: s(25), wh: [[s(26)]], b: [s(27)] }, i: null, g: [], o: { wx: [[1e308]] } },
      dense: { w: s(28), b: s(29) },
    },
    notation: '<script>pwn("PWN-notation")</script>',
  };
  out.push({
    name: 'forged: strings and objects where numbers belong',
    data: poisoned,
    literal: [],
    fromKernel: false,
  });
  out.push({ name: 'forged: the same with no step', data: { ...poisoned, steps: [] }, literal: [], fromKernel: false });
  out.push({
    name: 'forged: a version that is a hostile string',
    data: { ...base(), version: strings[0] },
    literal: [],
    fromKernel: false,
  });
  out.push({
    name: 'forged: a version that is an object',
    data: { ...base(), version: { toString: strings[1] } },
    literal: [],
    fromKernel: false,
  });
  out.push({ name: 'forged: not an object at all', data: strings[0], literal: [], fromKernel: false });
  out.push({ name: 'forged: null', data: null, literal: [], fromKernel: false });
  out.push({ name: 'forged: an array', data: [strings[1]], literal: [], fromKernel: false });
  out.push({
    name: 'forged: a prototype key',
    data: JSON.parse('{"version":1,"__proto__":{"steps":[1],"polluted":"PWN"},"steps":[]}'),
    literal: [],
    fromKernel: false,
  });
  // Extreme numbers a kernel of ours would not send but JSON can hold.
  const extreme = step(7, 3, 2);
  extreme.c = [1.7976931348623157e308, -1.7976931348623157e308, 5e-324];
  extreme.h = [-0, 1e-320, 1];
  extreme.z.f = [1e300, -1e300, 0];
  out.push({
    name: 'forged: extreme numbers in one step',
    data: base({ steps: [extreme], totalSteps: 1e300 }),
    literal: [],
    fromKernel: false,
  });
  out.push({
    name: 'forged: extreme numbers over several steps',
    data: base({ steps: [step(1, 3, 2), extreme, { ...extreme, t: 8 }], totalSteps: 3 }),
    literal: [],
    fromKernel: false,
  });
  // Size: many steps, wide vectors, many badges.
  out.push({
    name: 'forged: 2,000 steps of H = 8',
    data: base({ steps: Array.from({ length: 2000 }, (_, k) => step(k + 1, 8, 3)), totalSteps: 2000 }),
    literal: [],
    fromKernel: false,
  });
  out.push({
    name: 'forged: 2,000 expect badges',
    data: base({
      expects: Array.from({ length: 2000 }, (_, k) => ({
        line: k,
        text: `expect h = ${k} ${s(k)}`,
        name: 'h',
        pass: false,
        expected: [k],
        actual: [0],
        tolerance: 0,
      })),
    }),
    literal: ['expect h = 1999 '],
    fromKernel: false,
  });
  // Explore data whose load read a model with hostile names: the output re-runs the cell with it as a
  // number is dragged, and draws what it says it loaded.
  const summary = {
    format: strings[0],
    layout: strings[1],
    lstm: strings[2],
    layers: 1,
    input: 1,
    hidden: 1,
    head: { name: strings[3], outputs: 1 },
    dtypes: strings,
    unused: strings,
  };
  const gate = { wx: [[0.5]], wh: [[-0.5]], b: [0.1] };
  const path = strings[4].replaceAll('"', "'");
  const source = `load "${path}"\nrun x = [1, 0.5]`;
  out.push({
    name: 'forged: explore data with a loaded model of hostile names',
    data: {
      ...base(),
      loaded: { file: path, ...summary },
      explore: {
        runId: strings[5],
        source,
        sourceHash: textHash(source),
        before: { weights: { gates: { f: {}, i: {}, g: {}, o: {} } }, time: 0, notation: 'words' },
        models: [
          {
            path,
            model: { hidden: 1, layers: [{ input: 1, gates: { f: gate, i: gate, g: gate, o: gate } }], summary },
          },
        ],
      },
    },
    literal: [path],
    fromKernel: false,
  });
  let deep: unknown = [1];
  for (let k = 0; k < 1000; k++) deep = [deep];
  out.push({
    name: 'forged: 1,000-deep nested arrays where vectors belong',
    data: { ...base(), steps: [{ ...step(1), x: deep, h: deep }] },
    literal: [],
    fromKernel: false,
  });
  return out;
}
