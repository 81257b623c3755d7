// The pieces the hostile corpus (../make-corpus.mjs) is built from: the walkthrough's valid cell,
// script payloads that call pwn() if they ever run, and helpers that write text and bytes.

/** The walkthrough's LSTM (x = 1, h = 1, c = 5): a valid cell that draws a diagram and equations. */
export const WALKTHROUGH = [
  'x = 1',
  'h = 1',
  'c = 5',
  'forget     wx = 1.75   wh = 3.25   b = 1.40',
  'input      wx = 2.30   wh = 1.85   b = 0.45',
  'candidate  wx = 0.45   wh = 0.35   b = -0.05',
  'output     wx = -0.03  wh = 4.67   b = 0.50',
  'dense      w = 2       b = 1',
];

/** Script payloads as a stranger would write them; each one calls pwn() if it ever runs. */
export const HTML = [
  '<script>pwn("PWN-script")</script>',
  '<img src=x onerror="pwn(\'PWN-img\')">',
  '<svg onload="pwn(\'PWN-svg\')"></svg>',
  '<iframe src="javascript:pwn(\'PWN-iframe\')"></iframe>',
  '<a href="javascript:pwn(\'PWN-link\')">PWN-link</a>',
  '<img src="http://127.0.0.1:9/PWN-beacon.png">',
  '<style>@import url("http://127.0.0.1:9/PWN.css");</style>',
  '<object data="javascript:pwn(\'PWN-object\')"></object>',
  '"><script>pwn("PWN-attr")</script>',
  '</code></pre><script>pwn("PWN-close")</script>',
  '${pwn("PWN-template")}',
  '{{constructor.constructor("pwn(\'PWN-angular\')")()}}',
];
export const MERMAID = [
  '%%{init: {"securityLevel":"loose", "startOnLoad": true}}%%',
  '%%{init: {"flowchart": {"htmlLabels": true}, "themeCSS": "x{background:url(http://127.0.0.1:9/PWN)}"}}%%',
  'click lstm1_x call pwn("PWN-click")',
  'click lstm1_f href "javascript:pwn(\'PWN-href\')"',
  'A["<img src=x onerror=pwn(\'PWN-label\')>"] --> B',
  '"]) --> X[["PWN"]]; click X call pwn()',
  'style lstm1_f fill:url(http://127.0.0.1:9/PWN)',
];
export const KATEX = [
  '\\href{javascript:pwn("PWN-href")}{PWN}',
  '\\url{javascript:pwn("PWN-url")}',
  '\\htmlData{onclick=pwn("PWN-data")}{PWN}',
  '\\htmlClass{PWN}{x} \\htmlId{PWN}{x} \\htmlStyle{background:url(http://127.0.0.1:9/PWN)}{x}',
  '\\includegraphics{http://127.0.0.1:9/PWN.png}',
  '\\def\\a{\\a\\a}\\a',
  '\\gdef\\b#1{#1#1#1#1#1#1#1#1#1#1}\\b{\\b{\\b{\\b{\\b{\\b{\\b{\\b{PWN}}}}}}}}',
  '\\newcommand{\\c}{\\c\\c}\\c',
  '\\rule{99999em}{99999em}',
];

export const lines = (...items) => items.join('\n') + '\n';
export const fence = (...body) => ['```lstm', ...body, '```'].join('\n');
export const utf8 = (text) => Buffer.from(text, 'utf8');
export const bytes = (...parts) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Buffer.from(part))));

/** A deterministic byte stream (xorshift32). */
export function randomBytes(count, seed) {
  let state = seed >>> 0 || 1;
  const out = Buffer.alloc(count);
  for (let k = 0; k < count; k++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[k] = state & 0xff;
  }
  return out;
}
