// Hostile corpus files (../make-corpus.mjs): bytes and text encodings: control characters, bidi overrides, NUL bytes, invalid UTF-8,
// binary files, BOMs, UTF-16 and every kind of line end.
import { WALKTHROUGH, lines, fence, bytes, randomBytes } from './parts.mjs';

/** name → [what it attacks, content (string = UTF-8 text, or bytes)]. */
export const ENCODING_FILES = {
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
};
