// Draws mermaid source into an element. Mermaid loads on first use (its own chunk) and is configured
// globally, so renders are queued one at a time: each sets its theme, then renders.
import type { Mermaid } from 'mermaid';

let mermaidModule: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let renderCount = 0;

function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= import('mermaid').then((module) => module.default);
  return mermaidModule;
}

/** Renders `source` and returns the SVG element, not yet attached. */
export function renderMermaid(source: string, dark: boolean): Promise<SVGSVGElement> {
  const run = async (): Promise<SVGSVGElement> => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      themeVariables: { fontSize: '13px' },
      flowchart: { htmlLabels: true, curve: 'basis', nodeSpacing: 28, rankSpacing: 36, padding: 10 },
    });
    // An id unique in the page: mermaid scopes its styles and arrow markers with it.
    const { svg } = await mermaid.render(`lstm-notebook-diagram-${++renderCount}`, source);
    return toElement(svg);
  };
  const result = queue.then(run);
  queue = result.catch(() => undefined);
  return result;
}

/** Parses mermaid's (already sanitized) SVG text inertly, dropping anything executable on the way. */
function toElement(svg: string): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = svg;
  for (const element of template.content.querySelectorAll('script, iframe, object, embed')) element.remove();
  for (const element of template.content.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on') || value.startsWith('javascript:')) element.removeAttribute(attribute.name);
    }
  }
  const root = template.content.querySelector('svg');
  if (!root) throw new Error('mermaid returned no SVG');
  return root;
}
