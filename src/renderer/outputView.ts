// One rendered output: a shadow root holding the diagram, equations, curves, steps and badges of a
// cell's payload. Owns its theme watcher; after disposal, late async results are dropped quietly.
import type { Notation, RenderedMessage, StepPayload } from '../common/payload';
import type { StepTrace } from '../core/types';
import { expectBadges, problemList } from './badges';
import { curveCharts } from './curves';
import { diagramSource } from './diagram';
import { html } from './dom';
import { buildEquations } from './equations';
import { formatNumber } from './format';
import { katexStylesheet, loadKatex, typeset } from './katexRender';
import { renderMermaid } from './mermaidRender';
import { STYLES } from './styles';
import { weightsSummary } from './summary';
import { isDarkTheme, watchTheme } from './theme';
import { stepChart, stepTable } from './timeline';
import { attachNodeTooltips, chipRow } from './tooltips';

let diagramCount = 0;

export class OutputView {
  private readonly root: ShadowRoot;
  private readonly errors: string[] = [];
  private disposed = false;
  private cleared = false;
  private stopWatchingTheme: (() => void) | undefined;
  private notation: Notation = 'words';
  /** Bumped by each diagram/equation draw, so an older draw that finishes late is dropped. */
  private diagramGeneration = 0;
  private equationGeneration = 0;
  /** Redraws what depends on the words/symbols toggle. */
  private onNotationChange: (() => void) | undefined;

  constructor(
    readonly outputId: string,
    element: HTMLElement,
    private readonly post?: (message: RenderedMessage) => void,
  ) {
    this.root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    this.root.replaceChildren();
  }

  /** Draws the payload (read lazily, so a malformed one shows as an error inside the output). */
  async render(readPayload: () => StepPayload): Promise<void> {
    const style = html('style', {}, STYLES);
    const main = html('div', { class: 'lstm' });
    this.root.append(style, main);
    let payload: StepPayload;
    try {
      payload = readPayload();
    } catch (error) {
      main.append(this.error('Cannot read this output', error));
      this.report();
      return;
    }
    this.notation = payload.notation;
    const last = payload.steps[payload.steps.length - 1];
    main.append(this.header(payload, last));
    if (payload.expects.length > 0) main.append(section('Expectations', expectBadges(payload.expects)));
    if (payload.problems.length > 0) main.append(section('Warnings', problemList(payload.problems)));
    if (last) {
      await this.drawStep(main, payload, last);
    } else {
      main.append(this.safely('summary', () => section('Weights', weightsSummary(payload.weights))));
    }
    this.report();
  }

  /** The last step in full (diagram, equations, curves) and, with several steps, the steps over time. */
  private async drawStep(main: HTMLElement, payload: StepPayload, last: StepTrace): Promise<void> {
    this.root.prepend(katexStylesheet());
    const diagram = html('div', { class: 'diagram' }, html('span', { class: 'loading' }, 'drawing the diagram…'));
    const equations = html('div', { class: 'equations' }, html('span', { class: 'loading' }, 'typesetting…'));
    // Side by side when the output is wide enough, stacked otherwise.
    const columns = html(
      'div',
      { class: 'columns' },
      section(`Gate diagram, step t = ${formatNumber(last.t)}`, diagram),
      section('Equations', equations),
    );
    const curves = this.safely('curves', () =>
      section('Activations', html('div', { class: 'curves' }, ...curveCharts(last))),
    );
    main.append(columns, curves);
    if (payload.steps.length > 1) main.append(this.safely('steps', () => timelineSection(payload)));
    this.stopWatchingTheme = watchTheme(() => void this.drawDiagram(diagram, last));
    this.onNotationChange = () => {
      void this.drawDiagram(diagram, last);
      void this.drawEquations(equations, last, payload);
    };
    await Promise.all([this.drawDiagram(diagram, last), this.drawEquations(equations, last, payload)]);
  }

  /** Stops pending work (VS Code cancelled the render): late results and the report are dropped. */
  cancel(): void {
    this.disposed = true;
    this.stopWatchingTheme?.();
    this.stopWatchingTheme = undefined;
    this.onNotationChange = undefined;
  }

  /** Stops and clears the output; once only, as a newer view may own the shadow root by then. */
  dispose(): void {
    if (this.cleared) return;
    this.cleared = true;
    this.cancel();
    this.root.replaceChildren();
  }

  private header(payload: StepPayload, last: StepTrace | undefined): HTMLElement {
    const count = payload.totalSteps === 1 ? '1 step' : `${payload.totalSteps} steps`;
    const title = last ? `LSTM step t = ${formatNumber(last.t)} (${count} in this cell)` : 'LSTM: no step ran';
    const header = html('header', {}, html('span', { class: 'title' }, title));
    if (!last) return header;
    const button = html('button', { class: 'notation', type: 'button' });
    const label = (): void => {
      const words = this.notation === 'words';
      button.textContent = words ? 'Show symbols' : 'Show words';
      button.setAttribute('aria-label', words ? 'Show the equations in symbols' : 'Show the equations in words');
    };
    label();
    button.addEventListener('click', () => {
      this.notation = this.notation === 'words' ? 'symbols' : 'words';
      label();
      this.onNotationChange?.();
    });
    header.append(button);
    return header;
  }

  private async drawDiagram(container: HTMLElement, step: StepTrace): Promise<void> {
    const generation = ++this.diagramGeneration;
    const stale = (): boolean => this.disposed || generation !== this.diagramGeneration;
    try {
      const { source, nodes } = diagramSource(step, this.notation, `lstm${++diagramCount}`);
      const svg = await renderMermaid(source, isDarkTheme());
      if (stale()) return;
      container.replaceChildren(svg);
      const naturalWidth = svg.viewBox?.baseVal?.width;
      if (naturalWidth) container.style.width = `${Math.ceil(naturalWidth)}px`;
      attachNodeTooltips(container, nodes);
    } catch (error) {
      if (stale()) return;
      container.replaceChildren(this.error('Diagram failed', error));
    }
  }

  private async drawEquations(container: HTMLElement, step: StepTrace, payload: StepPayload): Promise<void> {
    const generation = ++this.equationGeneration;
    const stale = (): boolean => this.disposed || generation !== this.equationGeneration;
    try {
      const katex = await loadKatex();
      if (stale()) return;
      const blocks = buildEquations(step, payload.weights, this.notation).map((equation) => {
        const math = html('div', { class: 'math' });
        typeset(katex, equation.tex, math);
        const error = math.querySelector('.katex-error');
        if (error) this.errors.push(`Formula ${equation.key}: ${error.getAttribute('title') ?? 'KaTeX error'}`);
        return html('div', { class: 'equation' }, html('h4', {}, equation.title), math, chipRow(equation.chips));
      });
      container.replaceChildren(...blocks);
    } catch (error) {
      if (stale()) return;
      container.replaceChildren(this.error('Equations failed', error));
    }
  }

  /** Builds a part; if it throws, the error shows in its place and the rest still renders. */
  private safely(what: string, build: () => HTMLElement): HTMLElement {
    try {
      return build();
    } catch (error) {
      return this.error(`Drawing the ${what} failed`, error);
    }
  }

  private error(what: string, error: unknown): HTMLElement {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.errors.push(message);
    return html('div', { class: 'error', role: 'alert' }, message);
  }

  private report(): void {
    if (this.disposed || !this.post) return;
    this.post({
      type: 'rendered',
      outputId: this.outputId,
      diagrams: this.root.querySelectorAll('.diagram > svg').length,
      formulas: this.root.querySelectorAll('.katex').length,
      curves: this.root.querySelectorAll('.curve-figure').length,
      badges: this.root.querySelectorAll('.badge').length,
      tables: this.root.querySelectorAll('table').length,
      errors: [...this.errors],
    });
  }
}

function section(title: string, ...content: Node[]): HTMLElement {
  return html('section', {}, html('h3', {}, title), ...content);
}

function timelineSection(payload: StepPayload): HTMLElement {
  const body = html(
    'div',
    { class: 'over-time' },
    stepChart(payload.steps),
    stepTable(payload.steps, payload.totalSteps),
  );
  return html('section', { class: 'timeline-section' }, html('h3', {}, 'Over time'), body);
}
