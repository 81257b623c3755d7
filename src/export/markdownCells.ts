// Markdown cells as HTML with markdown-it (the library VS Code renders markdown with): raw HTML shown
// as text (html: false), links only to http(s) and #anchors, images only when inlined as data:, math
// through KaTeX. Nothing from the notebook can become a script, a style or a request.
import markdownit, { type MarkdownIt } from 'markdown-it';
import { escapeHtml } from './highlight';
import { mathPlugin } from './markdownMath';

const LINK = /^(?:https?:\/\/|#)/i;
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/i;

let renderer: MarkdownIt | undefined;

function create(): MarkdownIt {
  const md = markdownit('default', { html: false, linkify: false, typographer: false });
  md.validateLink = (url) => LINK.test(url.trim()) || INLINE_IMAGE.test(url.trim());
  const image = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, k, options, env, self) => {
    const src = String(tokens[k].attrGet('src') ?? '');
    // A remote image would be a request; the page shows its description instead.
    if (!INLINE_IMAGE.test(src)) return `<span class="image-left-out">[image: ${escapeHtml(tokens[k].content)}]</span>`;
    return image ? image(tokens, k, options, env, self) : self.renderToken(tokens, k, options);
  };
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, k, options, env, self) => {
    const href = String(tokens[k].attrGet('href') ?? '');
    if (INLINE_IMAGE.test(href)) tokens[k].attrSet('href', '#');
    else if (!href.startsWith('#')) tokens[k].attrSet('rel', 'noopener noreferrer');
    return linkOpen ? linkOpen(tokens, k, options, env, self) : self.renderToken(tokens, k, options);
  };
  md.use(mathPlugin);
  return md;
}

export function markdownToHtml(source: string): string {
  renderer ??= create();
  return renderer.render(source);
}

/** The text of the first `# heading` of the notebook, for the page's title. */
export function firstHeading(sources: readonly string[]): string | undefined {
  for (const source of sources) {
    const match = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(source);
    if (match) return match[1];
  }
  return undefined;
}
