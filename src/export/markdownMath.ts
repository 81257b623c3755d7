// A markdown-it plugin for TeX math, typeset by KaTeX at export time into static HTML (only KaTeX's
// stylesheet is needed to show it): `$…$` inline, `$$…$$` inline or as a block, with the renderer's
// options (trust: false, bounded macros), so no formula can make a link, a style or a script.
import katex from 'katex';
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { KATEX_OPTIONS } from '../renderer/katexOptions';

function typesetTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
}

/** `$…$` (no space inside either dollar, no digit after the closing one, as Pandoc reads it) or `$$…$$`. */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src[pos] !== '$') return false;
  const display = src[pos + 1] === '$';
  const open = display ? 2 : 1;
  const start = pos + open;
  let end = start;
  for (;;) {
    end = src.indexOf(display ? '$$' : '$', end);
    if (end < 0 || end >= posMax) return false;
    if (src[end - 1] !== '\\') break;
    end++;
  }
  const tex = src.slice(start, end);
  if (!tex.trim()) return false;
  if (!display && (/^\s|\s$/.test(tex) || /\d/.test(src[end + 1] ?? ''))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = tex;
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + open;
  return true;
}

/** A block from a line starting with `$$` to the line ending with `$$` (the same line, or a later one). */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  const first = lineText(startLine);
  if (state.sCount[startLine] - state.blkIndent >= 4 || !first.startsWith('$$')) return false;
  const rest = first.slice(2);
  let line = startLine;
  let body = rest;
  const close = rest.indexOf('$$');
  if (close >= 0) {
    // `$$…$$` on one line is a block only when nothing follows; otherwise the inline rule reads it.
    if (rest.slice(close + 2).trim() !== '' || !rest.slice(0, close).trim()) return false;
    body = rest.slice(0, close);
  } else {
    for (line = startLine + 1; line < endLine; line++) {
      const text = lineText(line);
      const end = text.indexOf('$$');
      if (end >= 0) {
        if (text.slice(end + 2).trim() !== '') return false;
        body += '\n' + text.slice(0, end);
        break;
      }
      body += '\n' + text;
    }
    if (line >= endLine) return false;
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.content = body;
  token.map = [startLine, line + 1];
  token.markup = '$$';
  state.line = line + 1;
  return true;
}

export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', inlineMath);
  md.block.ruler.before('fence', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, k) => typesetTex(tokens[k].content, false);
  md.renderer.rules.math_display = (tokens, k) => typesetTex(tokens[k].content, true);
  md.renderer.rules.math_block = (tokens, k) =>
    `<div class="math-block">${typesetTex(tokens[k].content, true)}</div>\n`;
}
