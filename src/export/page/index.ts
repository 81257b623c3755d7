// The exported page's script (built into dist/export/page.js, inlined by src/export/html.ts): sets the
// theme from prefers-color-scheme, points KaTeX at the inlined stylesheet, and draws every output from
// its JSON payload through the renderer. Nothing here reads notebook text except through readPayload.
import { setKatexStylesheet } from '../../renderer/katexRender';
import { OUTPUT_PRINT_STYLES } from '../pageStyles';
import { mountOutput } from '../../renderer/mount';

/** The renderer picks mermaid's theme from VS Code's body class; here the system's scheme decides. */
function followColorScheme(): void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = (): void => {
    document.body.classList.toggle('vscode-dark', query.matches);
    document.body.classList.toggle('vscode-light', !query.matches);
  };
  apply();
  query.addEventListener('change', apply);
}

/** KaTeX's stylesheet (fonts inlined) as a blob: URL, for the <link> the renderer puts in each shadow root. */
function inlineKatexStylesheet(): void {
  const css = document.getElementById('katex-css')?.textContent ?? '';
  setKatexStylesheet(URL.createObjectURL(new Blob([css], { type: 'text/css' })));
}

async function drawOutput(element: HTMLElement): Promise<void> {
  const id = element.dataset.payload ?? '';
  const source = document.getElementById(id);
  let data: unknown;
  try {
    data = JSON.parse(source?.textContent ?? '');
  } catch {
    data = undefined; // readPayload refuses it, and the output says so
  }
  // Explorable as in VS Code (the payload carries the cell and the state before it); no write-back here.
  await mountOutput(element, data);
  const print = document.createElement('style');
  print.textContent = OUTPUT_PRINT_STYLES;
  element.shadowRoot?.append(print);
}

async function main(): Promise<void> {
  followColorScheme();
  inlineKatexStylesheet();
  const outputs = [...document.querySelectorAll<HTMLElement>('.output[data-payload]')];
  await Promise.allSettled(outputs.map(drawOutput));
  // For tests and printing scripts: every output has been drawn.
  document.documentElement.dataset.drawn = String(outputs.length);
}

void main();
