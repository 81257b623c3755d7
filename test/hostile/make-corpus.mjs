// Writes the committed hostile corpus, test/fixtures/hostile/*.lstm (and the weight files they load),
// byte for byte and deterministically:  node test/hostile/make-corpus.mjs
// Each file is one realistic attack on the extension: a notebook from a stranger. The huge ones
// (H = 100,000, T = 10⁶, 10 MB, 100k brackets, …) are not committed: test/hostile/corpus.ts makes
// them at test time. Every hostile script calls pwn() and every hostile string holds "PWN", so the
// tests can tell whether any of it executed or reached mermaid, KaTeX or the page as markup.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile');

/** The walkthrough's LSTM (x = 1, h = 1, c = 5): a valid cell that draws a diagram and equations. */
const WALKTHROUGH = [
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
const HTML = [
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
const MERMAID = [
  '%%{init: {"securityLevel":"loose", "startOnLoad": true}}%%',
  '%%{init: {"flowchart": {"htmlLabels": true}, "themeCSS": "x{background:url(http://127.0.0.1:9/PWN)}"}}%%',
  'click lstm1_x call pwn("PWN-click")',
  'click lstm1_f href "javascript:pwn(\'PWN-href\')"',
  'A["<img src=x onerror=pwn(\'PWN-label\')>"] --> B',
  '"]) --> X[["PWN"]]; click X call pwn()',
  'style lstm1_f fill:url(http://127.0.0.1:9/PWN)',
];
const KATEX = [
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

const lines = (...items) => items.join('\n') + '\n';
const fence = (...body) => ['```lstm', ...body, '```'].join('\n');
const utf8 = (text) => Buffer.from(text, 'utf8');
const bytes = (...parts) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Buffer.from(part))));

/** A deterministic byte stream (xorshift32). */
function randomBytes(count, seed) {
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

/** name → [what it attacks, content (string = UTF-8 text, or bytes)]. */
const FILES = {
  '01-html-in-markdown.lstm': [
    'HTML, script and javascript: links in markdown cells, then a valid step',
    lines(
      '# A friendly lesson <script>pwn("PWN-title")</script>',
      '',
      ...HTML.map((h) => `- ${h}`),
      '',
      '[click me](javascript:pwn("PWN-md-link")) and ![img](http://127.0.0.1:9/PWN-md.png)',
      '',
      fence(...WALKTHROUGH, 'step', 'expect c = 5.62'),
      '',
      '<!-- cell -->',
      '<details open ontoggle="pwn(\'PWN-details\')"><summary>PWN</summary></details>',
    ),
  ],
  '02-html-in-comments.lstm': [
    'HTML and scripts in code comments, including after an expect',
    lines(
      fence(
        ...HTML.map((h) => `# ${h}`),
        ...WALKTHROUGH.map((line, k) => `${line}   # ${HTML[k % HTML.length]}`),
        'step # <script>pwn("PWN-step")</script>',
        'expect c = 5.62 # <img src=x onerror="pwn(\'PWN-expect\')">',
        'expect h = 0.9 within 1 #`<b>PWN</b>`',
      ),
    ),
  ],
  '03-html-in-strings.lstm': [
    'HTML in string values: error messages echo them',
    lines(
      fence('x = "<script>pwn(\'PWN-string\')</script>"'),
      '',
      fence('load "<img src=x onerror=pwn(\'PWN-load\')>.json"'),
      '',
      fence(...WALKTHROUGH, 'step x = "<svg onload=pwn(\'PWN-svg\')>"'),
      '',
      fence('forget wx = \'<iframe src="javascript:pwn()">PWN\''),
      '',
      fence('expect h = 1 "</code><script>pwn(\'PWN\')</script>"'),
      '',
      fence("load \"unclosed <script>pwn('PWN-unclosed')"),
    ),
  ],
  '04-html-in-words.lstm': [
    'unknown words and punctuation that errors echo (Unknown word "…")',
    lines(
      fence('script src = "http://127.0.0.1:9/PWN.js"'),
      '',
      fence('javascript: pwn("PWN")'),
      '',
      fence('onerror = pwn'),
      '',
      fence(...WALKTHROUGH, 'forget onload = 1', 'expect innerHTML = 1', 'show outerHTML', 'notation script'),
      '',
      fence('img src=x onerror=alert(1)'),
      '',
      fence(`${'PWN'.repeat(4000)} = 1`),
    ),
  ],
  '05-expect-comment-line-separator.lstm': [
    'an expect whose comment holds U+2028 then markup: does the comment reach the expect text?',
    lines(
      fence(
        ...WALKTHROUGH,
        'step',
        'expect c = 5.62 # \u2028 `<img src="http://127.0.0.1:9/PWN-u2028.png" onerror="pwn(\'PWN-u2028\')">` [x](javascript:pwn())',
        'expect f = 0.998 # \u2029 ``` <script>pwn("PWN-u2029")</script>',
        'expect h = 1 within 1 # \u0085 <b>PWN-nel</b>',
      ),
    ),
  ],
  '06-mermaid-init-directive.lstm': [
    'mermaid %%{init}%% directives in markdown, comments, strings and a mermaid fence',
    lines(
      ...MERMAID.slice(0, 2),
      '',
      '```mermaid',
      MERMAID[0],
      'flowchart TB',
      '  A["<img src=x onerror=pwn(\'PWN-fence\')>"] --> B',
      '  click A call pwn("PWN")',
      '```',
      '',
      fence(...MERMAID.map((m) => `# ${m}`), ...WALKTHROUGH, 'step'),
      '',
      fence(`load "${MERMAID[0].replace(/"/g, "'")}"`),
      '',
      fence('%%{init: {"securityLevel":"loose"}}%%'),
    ),
  ],
  '07-mermaid-click.lstm': [
    'mermaid click call/href lines as code, comments and strings',
    lines(
      fence(...WALKTHROUGH, 'step', ...MERMAID.slice(2, 4).map((m) => `# ${m}`)),
      '',
      fence(MERMAID[2]),
      '',
      fence(MERMAID[3]),
      '',
      fence(`expect c = 5.62 # ${MERMAID[3]}`),
    ),
  ],
  '08-mermaid-syntax.lstm': [
    'text that would break out of a mermaid label or add nodes, links, styles',
    lines(
      ...MERMAID.slice(4).map((m) => `    ${m}`),
      '',
      fence(...WALKTHROUGH, 'step', ...MERMAID.slice(4).map((m) => `# ${m}`)),
      '',
      fence(MERMAID[4]),
      '',
      fence('x = ["]) --> PWN'),
      '',
      fence('classDef PWN fill:url(http://127.0.0.1:9/PWN)'),
    ),
  ],
  '09-katex-href.lstm': [
    'KaTeX \\href, \\url and \\includegraphics in markdown math, comments and strings',
    lines(
      '$$' + KATEX[0] + '$$',
      '',
      'Inline $' + KATEX[1] + '$ and $' + KATEX[4] + '$.',
      '',
      fence(...WALKTHROUGH, 'step', ...KATEX.slice(0, 5).map((k) => `# ${k}`)),
      '',
      fence(`load "${KATEX[0].replace(/"/g, "'")}"`),
      '',
      fence('\\href{javascript:pwn()}{PWN}'),
    ),
  ],
  '10-katex-html-extensions.lstm': [
    'KaTeX \\htmlData, \\htmlClass, \\htmlStyle (trust-only commands)',
    lines(
      '$$' + KATEX[2] + '$$',
      '',
      '$$' + KATEX[3] + '$$',
      '',
      fence(...WALKTHROUGH, 'step', `expect c = 5.62 # ${KATEX[2]}`, `# ${KATEX[3]}`),
      '',
      fence(`x = "${KATEX[2].replace(/"/g, "'")}"`),
    ),
  ],
  '11-katex-macro-bomb.lstm': [
    'KaTeX macro bombs and huge rules',
    lines(
      ...KATEX.slice(5).map((k) => `$$${k}$$\n`),
      fence(...WALKTHROUGH, 'step', ...KATEX.slice(5).map((k) => `# ${k}`)),
      '',
      fence('\\def\\a{\\a\\a}\\a'),
      '',
      fence(`expect c = 5.62 # ${KATEX[6]}`),
    ),
  ],
  '12-numbers-huge.lstm': [
    'float64-sized inputs and weights: overflow must be an error naming the step',
    lines(
      fence(
        'x = 1.7976931348623157e308',
        'h = 0',
        'c = 0',
        'forget wx = 1e308 wh = 1 b = 0',
        'input wx = 1e308 wh = 1 b = 0',
        'candidate wx = 1e308 wh = 1 b = 0',
        'output wx = 1e308 wh = 1 b = 0',
        'step',
      ),
      '',
      fence(
        'x = 1',
        'h = 0',
        'c = 0',
        'forget wx = 1e300 wh = 1 b = 1e300',
        'input wx = -1e300 wh = 1 b = -1e300',
        'candidate wx = 1e300 wh = 1e300 b = 0',
        'output wx = 1e300 wh = 1 b = 0',
        'dense w = 1e308 b = 1e308',
        'step',
        'expect y = 0',
      ),
      '',
      fence(
        'reset',
        'x = 1',
        'h = 1e308',
        'c = -1e308',
        'forget wx = 1e308 wh = -1e308 b = 0',
        'input wx = 1 wh = 1',
        'candidate wx = 1 wh = 1',
        'output wx = 1 wh = 1',
        'step',
      ),
      '',
      fence(
        'reset',
        'x = [1e308, 1e308]',
        'h = 0',
        'c = 0',
        'forget wx = [1e308, 1e308] wh = 0',
        'input wx = [1, 1] wh = 0',
        'candidate wx = [1, 1] wh = 0',
        'output wx = [1, 1] wh = 0',
        'step',
      ),
    ),
  ],
  '13-numbers-literal-overflow.lstm': [
    'literals beyond float64 (1e999, 1e309, 400 digits)',
    lines(
      fence('x = 1e999'),
      '',
      fence('x = -1e999'),
      '',
      fence('h = [1, 1e309]'),
      '',
      fence(`c = ${'9'.repeat(400)}`),
      '',
      fence(...WALKTHROUGH, 'step', 'expect c = 1e999'),
      '',
      fence(...WALKTHROUGH, 'step', 'expect c = 5.62 within 1e999'),
    ),
  ],
  '14-numbers-tiny.lstm': [
    'subnormals, underflow to zero, negative zero',
    lines(
      fence(
        'x = 5e-324',
        'h = -0.0',
        'c = 1e-320',
        'forget wx = 1e-320 wh = -0.0 b = 4.9e-324',
        'input wx = 2.2250738585072014e-308 wh = 1e-400 b = -0.0',
        'candidate wx = 1e-999 wh = 1 b = 0',
        'output wx = 1 wh = 1 b = -1e-323',
        'step',
        'expect c = 0 within 1e-300',
        'expect h = 0 within 1e-300',
        'step x = -0.0',
        'expect f = 0.5',
      ),
    ),
  ],
  '15-numbers-nan-inf-words.lstm': [
    'nan, inf, Infinity and NaN written as values',
    lines(
      fence('x = nan'),
      '',
      fence('x = inf'),
      '',
      fence('h = [Infinity, 1]'),
      '',
      fence('c = -inf'),
      '',
      fence('forget wx = NaN wh = 1'),
      '',
      fence(...WALKTHROUGH, 'step', 'expect c = nan'),
      '',
      fence(...WALKTHROUGH, 'step', 'expect c = 5.62 within inf'),
      '',
      fence('run x = [1, nan, inf, -inf]'),
    ),
  ],
  '16-numbers-saturated.lstm': [
    'gates driven to exact 0 and 1 by pre-activations of ±1e5 … ±1e300',
    lines(
      fence(
        'x = 1',
        'h = 1',
        'c = 1e300',
        'forget wx = 1e5 wh = 1e5 b = 1e5',
        'input wx = -1e5 wh = -1e5 b = -1e5',
        'candidate wx = 1e300 wh = 1e300 b = 0',
        'output wx = -1e300 wh = 0 b = 0',
        'step',
        'expect f = 1',
        'expect i = 0',
        'expect g = 1',
        'expect o = 0',
        'expect c = 1e300',
        'expect h = 0',
      ),
      '',
      fence(
        'reset',
        'h = [1, -1]',
        'c = [0, 0]',
        'x = [1, -1]',
        'forget wx = [[1e300, 0], [0, 1e300]] wh = [[0, 0], [0, 0]] b = [0, 0]',
        'input wx = [[1e300, 0], [0, 1e300]] wh = [[0, 0], [0, 0]] b = [0, 0]',
        'candidate wx = [[1e300, 0], [0, 1e300]] wh = [[0, 0], [0, 0]] b = [0, 0]',
        'output wx = [[1e300, 0], [0, 1e300]] wh = [[0, 0], [0, 0]] b = [0, 0]',
        'run x = [[1, -1], [-1, 1], [1e300, -1e300]]',
        'expect f = [1, 0]',
        'expect g = [1, -1]',
      ),
    ),
  ],
  '17-numbers-zero-with-huge-exponent.lstm': [
    '0e999 is finite (0) but its implied tolerance, half a unit of 1e999, is not',
    lines(fence(...WALKTHROUGH, 'step', 'expect c = 0e999', 'expect h = [0e400]', 'expect c = 1 within 0e999')),
  ],
  '18-numbers-extreme-cell-state.lstm': [
    'a long-term memory of ±1.7e308 kept over several steps (drawn over time)',
    lines(
      fence(
        'h = [0, 0]',
        'c = [1.7e308, -1.7e308]',
        'x = 0',
        'forget wx = [1, 1] wh = [[0, 0], [0, 0]] b = [1e5, 1e5]',
        'input wx = [1, 1] wh = [[0, 0], [0, 0]] b = [-1e5, -1e5]',
        'candidate wx = [1, 1] wh = [[0, 0], [0, 0]]',
        'output wx = [1, 1] wh = [[0, 0], [0, 0]]',
        'run x = [0, 0, 0]',
        'expect c = [1.7e308, -1.7e308]',
      ),
      '',
      fence(
        'h = 0',
        'c = 1.79e308',
        'x = 0',
        'forget wx = 0 wh = 0 b = 1e5',
        'input wx = 0 wh = 0 b = -1e5',
        'candidate wx = 0 wh = 0',
        'output wx = 0 wh = 0',
        'run x = [0, 0]',
      ),
    ),
  ],
  '19-control-characters.lstm': [
    'C0/C1 controls and ANSI escapes in markdown, code and comments',
    bytes(
      '# Controls \u0007\u0008\u001b[31mRED\u001b[0m \u001b]8;;http://127.0.0.1:9/PWN\u0007PWN-osc\u001b]8;;\u0007\n\n',
      fence(
        ...WALKTHROUGH,
        'step',
        '# \u0001\u0002\u0003\u0004\u0005\u0006\u000e\u000f\u0010\u001f\u007f \u001b[2J',
        'expect c = 5.62 # \u001b[31m PWN',
      ),
      '\n\n',
      fence('x = 1\u0007', 'h\u001b[31m = 1', 'c = \u0085 1', 'step\u000b\u000c'),
      '\n\n',
      fence('x = \u001b]0;PWN-title\u0007 1'),
      '\n',
    ),
  ],
  '20-bidi-overrides.lstm': [
    'Trojan-source bidi controls (U+202E, U+2066..2069) and zero-width characters',
    lines(
      'The admin check \u202e } \u2066if (isAdmin)\u2069 \u2066 { begin admins only',
      '',
      fence(...WALKTHROUGH, 'step', 'expect c = 5.62 # \u202e 26.5 = c tcepxe', 'x = 1 # \u2067 \u2069 \u2066'),
      '',
      fence('x = 1 \u2067 # \u2069'),
      '',
      fence('x = 1\u202e0', 'h\u200b = 1', 'c = \u2066[1]\u2069', 'step'),
      '',
      fence('expect\u00a0c\u00a0=\u00a05.62\ufeff'),
    ),
  ],
  '21-nul-bytes.lstm': [
    'NUL bytes in markdown, code, comments and strings',
    bytes(
      '# NUL \u0000 in a title\n\n',
      fence(...WALKTHROUGH, 'step', '# \u0000\u0000 comment', 'expect c = 5.62 # \u0000'),
      '\n\n',
      fence('expect c = 5.62\u0000'),
      '\n\n',
      fence('load "w\u0000.json"', 'x = \u00001'),
      '\n\u0000\u0000\u0000\n',
    ),
  ],
  '22-invalid-utf8.lstm': [
    'invalid UTF-8: lone continuation bytes, overlong, encoded surrogates, truncated sequences',
    bytes(
      '# Caf',
      [0xe9],
      ' (Latin-1), ',
      [0x80, 0xbf],
      ' lone continuations, ',
      [0xc0, 0xaf],
      ' overlong /, ',
      [0xed, 0xa0, 0x80],
      ' surrogate, ',
      [0xf4, 0x90, 0x80, 0x80],
      ' > U+10FFFF, ',
      [0xe2, 0x82],
      ' truncated\n\n',
      fence(...WALKTHROUGH, 'step'),
      '\n\n',
      '```lstm\nx = 1 # ',
      [0xff, 0xfe, 0xfd],
      '\nh = ',
      [0xc3],
      '1\nstep\n```\n',
      [0xe2, 0x80, 0xae],
      ' <- U+202E encoded\n',
      [0xc3],
    ),
  ],
  '23-binary-random.lstm': ['4 KiB of random bytes: not a notebook at all', randomBytes(4096, 0x5eed)],
  '24-binary-png.lstm': [
    'a PNG image renamed .lstm (with an lstm fence inside its bytes)',
    bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52],
      randomBytes(700, 42),
      '\n```lstm\nx = 1\n```\n',
      randomBytes(300, 7),
      [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
    ),
  ],
  '25-bom-crlf.lstm': [
    'UTF-8 BOM and CRLF line ends throughout',
    '\ufeff' +
      lines('# Title', '', fence(...WALKTHROUGH, 'step', 'expect c = 5.62'), '', '<!-- cell -->', 'More.').replace(
        /\n/g,
        '\r\n',
      ),
  ],
  '26-bom-repeated.lstm': [
    'a BOM at the start, again inside a cell and before a fence',
    lines('\ufeff\ufeff# Two BOMs', '', '\ufeff```lstm', 'x = 1', '```', '', fence('\ufeffx = 1', 'h = \ufeff1')),
  ],
  '27-utf16le.lstm': [
    'a UTF-16LE notebook with its BOM (NUL every other byte)',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(lines('# UTF-16', '', fence(...WALKTHROUGH, 'step')), 'utf16le'),
    ]),
  ],
  '28-line-ends-mixed.lstm': [
    'LF, CRLF, CR and CR CR LF mixed, inside and around cells',
    bytes(
      '# Mixed\r\n\r\nText\rmore\n\r\n',
      '```lstm\r\nx = 1\rh = 1\nc = 5\r\n',
      WALKTHROUGH.slice(3).join('\r'),
      '\r\r\nstep\n```\r',
      '\n<!-- cell -->\r\r\nEnd\r',
    ),
  ],
  '29-line-ends-cr-only.lstm': [
    'classic Mac CR-only line ends',
    lines('# CR only', '', fence(...WALKTHROUGH, 'step', 'expect c = 5.62'), '', 'After.').replace(/\n/g, '\r'),
  ],
  '30-fence-unclosed.lstm': [
    'a code fence never closed: the cell runs to the end of the file',
    lines(
      '# Unclosed',
      '',
      fence(...WALKTHROUGH),
      '',
      '```lstm',
      'step',
      'expect c = 5.62',
      '',
      'This markdown is swallowed by the unclosed fence <script>pwn("PWN")</script>',
      '~~~~',
    ),
  ],
  '31-fence-nesting.lstm': [
    'longer fences, tildes, indented fences, lstm inside other fences, info-string tricks',
    lines(
      '````lstm',
      'x = 1',
      '```',
      '# a fence-looking line inside: the cell ends at ````',
      '````',
      '',
      '~~~lstm',
      'h = 1',
      '~~~',
      '',
      '   ```lstm',
      '   indented: markdown',
      '   ```',
      '',
      '```python',
      '```lstm',
      'print("inside python: markdown")',
      '```',
      '',
      '```lstm extra',
      'not a code cell (info is "lstm extra")',
      '```',
      '',
      '``` lstm ',
      'c = 5',
      '```',
      '',
      '```lstm`',
      'backtick in info',
      '```',
      '',
      '`````````````````````````````````````````````````lstm',
      'step',
      '`````````````````````````````````````````````````',
    ),
  ],
  '32-fence-markdown-unclosed.lstm': [
    'a markdown fence never closed swallows the lstm fences after it',
    lines('# Start', '', '```js', 'pwn("PWN")', '', fence(...WALKTHROUGH, 'step'), '', '<!-- cell -->', 'end'),
  ],
  '33-brackets-deep.lstm': [
    '5,000 nested brackets, open and closed, and unbalanced',
    lines(
      fence(`x = ${'['.repeat(5000)}1${']'.repeat(5000)}`),
      '',
      fence(`h = ${'['.repeat(5000)}`),
      '',
      fence(`c = ${']'.repeat(5000)}`),
      '',
      fence(`x = ${'[1, '.repeat(3000)}`, 'step'),
      '',
      fence(...WALKTHROUGH, `run x = [${'[]'.repeat(2000)}]`),
    ),
  ],
  '34-load-traversal.lstm': [
    'load of files outside the notebook folder: traversal, absolute, Windows and URL forms',
    lines(
      ...[
        '../../etc/passwd',
        '/etc/passwd',
        '..\\..\\Windows\\win.ini',
        'C:\\Windows\\win.ini',
        'C:/Windows/win.ini',
        '\\\\server\\share\\w.json',
        'sub/../../etc/passwd',
        './../etc/passwd',
        'weights/../../../etc/passwd',
        '..',
        '/',
        '~/.ssh/id_rsa',
        'file:///etc/passwd',
        '%2e%2e/%2e%2e/etc/passwd',
        '....//....//etc/passwd',
        '/proc/self/environ',
        '',
        '.',
        'weights/',
      ].map((path) => fence(`load "${path}"`) + '\n'),
      fence("load '../../etc/passwd'"),
    ),
  ],
  '35-load-hostile-json.lstm': [
    'load of weight files holding 1e999, wrong shapes, prototype keys, deep nesting, H = 1100',
    lines(
      ...[
        'weights-1e999.json',
        'weights-proto.json',
        'weights-deep.json',
        'weights-huge-h.json',
        'weights-strings.json',
        'weights-not-json.json',
      ].map((file) => fence(`load "${file}"`, 'x = 1', 'step') + '\n'),
      fence('load "weights-ok.json"', 'x = 1', 'step', 'expect y = 1.355 within 0.001'),
    ),
  ],
  '36-prototype-names.lstm': [
    'names that are Object.prototype members (constructor, __proto__, toString)',
    lines(
      fence(...WALKTHROUGH, 'step', 'expect constructor = 1'),
      '',
      fence('expect __proto__ = 1'),
      '',
      fence('show constructor'),
      '',
      fence('show __proto__'),
      '',
      fence('expect hasOwnProperty = [1, 2]'),
      '',
      fence('constructor = 1'),
      '',
      fence('forget __proto__ = 1'),
      '',
      fence('notation constructor'),
    ),
  ],
  '37-no-final-newline.lstm': [
    'no newline at the end of the file, inside an open fence',
    '# Title\n\n```lstm\nx = 1\nstep',
  ],
  '38-empty.lstm': ['a file of zero bytes', ''],
  '39-blank-only.lstm': ['blank lines and whitespace only', ' \n\t\n\r\n   \r\n\n'],
  '40-cell-separators.lstm': [
    '<!-- cell --> look-alikes and separators around script',
    lines(
      '<!-- cell -->',
      '<!-- cell --><script>pwn("PWN")</script>',
      '<!-- cell -->   ',
      '<!--cell-->',
      '<!-- cell -->',
      '<!-- cell -->',
      '',
      fence('<!-- cell -->'),
      '<!-- cell -->',
    ),
  ],
  '41-homoglyphs.lstm': [
    'look-alike letters and digits (Cyrillic х, fullwidth １, zero-width space)',
    lines(fence('х = 1', 'x = １', 'h\u200b = 1', 'ѕtep', 'c = 5')),
  ],
  '42-hostile-editing.lstm': [
    'not UTF-8 + BOM + CRLF + LF + CR + unclosed fence: the file the VS Code test edits',
    bytes(
      '\ufeff# Hostile editing ',
      [0xe9, 0xff],
      '\r\n\r\n',
      '```lstm\r\nx = 1 # caf',
      [0xe9],
      '\r\nh = 1\nc = 5\r\n',
      WALKTHROUGH.slice(3).join('\r\n'),
      '\r\n```\r\n\r\n',
      'Middle ',
      [0x80, 0x9f, 0x85],
      ' markdown\r',
      '\r\n```lstm\r\nstep\r\nexpect c = 5.62\r\n\r\n<b>still in the open cell</b> ',
      [0xc3],
      '\r\n',
    ),
  ],
  '43-long-words.lstm': [
    'a 20,000-letter word and a 20,000-digit number',
    lines(
      fence(`${'a'.repeat(20000)} = 1`),
      '',
      fence(`x = ${'1'.repeat(20000)}`),
      '',
      fence(`x = 0.${'0'.repeat(20000)}1`),
      '',
      fence(`expect ${'f'.repeat(20000)} = 1`),
    ),
  ],
  '44-many-errors.lstm': [
    'thousands of errors in one cell',
    lines(fence(...Array.from({ length: 2000 }, (_, k) => `${'@<>&"\''[k % 6]} x${k} = [1,, ]`))),
  ],
};

/** Weight files that 35-load-hostile-json.lstm loads. */
const WEIGHTS = {
  'weights-1e999.json': '{"weight_ih_l0": [[1e999], [1], [1], [1]], "weight_hh_l0": [[0], [0], [0], [0]]}\n',
  'weights-proto.json':
    '{"__proto__": {"weight_ih_l0": [[1], [1], [1], [1]]}, "constructor": {"prototype": {"polluted": "PWN"}}, "weight_hh_l0": [[0], [0], [0], [0]]}\n',
  'weights-deep.json': `{"weight_ih_l0": ${'['.repeat(2000)}1${']'.repeat(2000)}, "weight_hh_l0": [[0]]}\n`,
  // H = 1100 (4H = 4400 rows): beyond MAX_DIMENSION, refused before the 4H×H matrix is read.
  'weights-huge-h.json': `{"weight_hh_l0": [${Array.from({ length: 4400 }, () => '[0]').join(',')}], "weight_ih_l0": [${Array.from({ length: 4400 }, () => '[1]').join(',')}]}\n`,
  'weights-strings.json':
    '{"weight_ih_l0": [["<script>pwn(\\"PWN\\")</script>"], [1], [1], [1]], "weight_hh_l0": [[0], [0], [0], [0]]}\n',
  'weights-not-json.json': '<html><script>pwn("PWN")</script></html>\n',
  'weights-ok.json':
    JSON.stringify({
      'lstm.weight_ih_l0': [[1], [2], [0.5], [-1]],
      'lstm.weight_hh_l0': [[0], [0], [0], [0]],
      'lstm.bias_ih_l0': [0.1, 0.2, 0.3, 0.4],
      'lstm.bias_hh_l0': [0.1, -0.2, 0, 0.1],
      'dense.weight': [[2]],
      'dense.bias': [1],
    }) + '\n',
};

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (/\.(lstm|json)$/.test(name)) rmSync(join(OUT, name));
const manifest = {};
for (const [name, [attack, content]] of Object.entries(FILES)) {
  writeFileSync(join(OUT, name), typeof content === 'string' ? utf8(content) : content);
  manifest[name] = attack;
}
for (const [name, content] of Object.entries(WEIGHTS)) writeFileSync(join(OUT, name), content);
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${Object.keys(FILES).length} notebooks and ${Object.keys(WEIGHTS).length} weight files in ${OUT}`);
