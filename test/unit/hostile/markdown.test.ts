// The markdown summary (the text/markdown item beside every step output) is inserted as HTML by VS Code's
// markdown renderer in a trusted workspace (`innerHTML = isTrusted ? html : sanitize(html)`), so no text
// it holds may become markup, whatever the kernel puts in a result (defence in depth: the parser now
// keeps expect texts to their tokens, HOSTILE-1).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CellResult } from '../../../src/core/types';
import { markdownSummary } from '../../../src/common/output';
import { HOSTILE_STRINGS } from '../../hostile/payloads';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: { html: boolean }) => {
  render(text: string): string;
};
const markdown = new MarkdownIt({ html: true });

function result(texts: string[]): CellResult {
  return {
    ok: false,
    steps: [],
    stepsRun: 0,
    errors: [],
    shows: [],
    state: { x: [1] },
    time: 0,
    notation: 'words',
    expects: texts.map((text) => ({ line: 1, text, name: 'x', pass: false, expected: [0], actual: [1], tolerance: 0 })),
  };
}

const BREAKOUTS = [
  '`<img src="http://127.0.0.1:9/PWN.png" onerror="pwn(1)">`',
  '`` ` <img src=x onerror=pwn(2)> ` ``',
  'expect x = 1 ` [PWN](javascript:pwn(3)) `',
  '`\n<script>pwn(4)</script>',
  'expect x = 1 \u2028`<b>PWN</b>`',
];

describe('the markdown summary with hostile expect texts', () => {
  it('texts without backticks stay inside their code span, as text', () => {
    const html = markdown.render(markdownSummary(result(HOSTILE_STRINGS.filter((text) => !text.includes('`')))));
    expect(html).not.toMatch(/<(img|script|iframe|a|svg|style|link|object|math)\b/i);
  });

  // HOSTILE-1b: a backtick in the text closes the code span `…` around it, and what follows is markdown
  // and raw HTML. The fix: a code span fenced by more backticks than any run inside (inlineCode in the patch).
  it('HOSTILE-1b (fixed): texts with backticks cannot close their code span', () => {
    const html = markdown.render(markdownSummary(result(BREAKOUTS)));
    expect(html).not.toMatch(/<(img|script|iframe|a|svg|style|link|object|b)\b/i);
  });
});
