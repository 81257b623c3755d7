// One rendered output: a shadow root holding the diagram, equations, curves, steps and badges of a
// cell's payload. Owns its theme watcher; after disposal, late async results are dropped quietly.
// With `explore` data, the numbers the cell set become controls; each change re-runs the cell through
// the core and repaints every view (see ./explorer), and a time slider picks the step shown.
import type { ExploreData, Notation, RenderedMessage, StepPayload, WriteBackMessage } from '../common/payload';
import { EXPLORE_OFF_TEXT } from '../common/output';
import type { StepTrace } from '../core/types';
import { expectBadges } from './badges';
import { curveCharts } from './curves';
import { diagramSource } from './diagram';
import { LiveDiagram } from './diagramLive';
import { html, update } from './dom';
import { DrawErrors } from './drawErrors';
import { drawnCounts } from './drawnCounts';
import { drawEquations, type DrawMode } from './equationView';
import { heatmaps, type Heatmaps } from './heatmaps';
import { Explorer } from './explorer';
import { formatNumber } from './format';
import { inputsPanel, type InputsPanel } from './inputsPanel';
import { katexStylesheet, loadKatex } from './katexRender';
import { linkViews, tagDiagram } from './linkedViews';
import { loadedLine } from './loaded';
import { renderMermaid } from './mermaidRender';
import { notationToggle } from './notationToggle';
import { OnScreen } from './onScreen';
import { patchChildren } from './patch';
import { STYLES } from './styles';
import { weightsSummary } from './summary';
import { isDarkTheme, watchTheme } from './theme';
import { stepChart, stepTable } from './timeline';
import { timeSlider, type TimeSlider } from './timeSlider';
import { attachNodeTooltips } from './tooltips';

let diagramCount = 0;

type Katex = Awaited<ReturnType<typeof loadKatex>>;

/** Repaints a view: now, or (in a drag) once it is on screen. */
type Repaint = (view: Element, repaint: () => void) => void;
/** What a view shows for a payload and the step shown. */
type Build = (payload: StepPayload, step: StepTrace) => Element[];

export interface OutputOptions {
  /** Reports what was drawn (tests, VS Code). */
  post?: (message: RenderedMessage) => void;
  /** Sends changed numbers back to the cell; absent outside VS Code, and then there is no such button. */
  writeBack?: (message: WriteBackMessage) => void;
}

/** The containers the step-dependent views are painted into. */
interface Parts {
  title: HTMLElement;
  expects: HTMLElement;
  diagramTitle: HTMLElement;
  diagram: HTMLElement;
  equations: HTMLElement;
  curves: HTMLElement;
  timeline: HTMLElement;
}

export class OutputView {
  private readonly root: ShadowRoot;
  private readonly drawErrors = new DrawErrors();
  private disposed = false;
  private cleared = false;
  private stopWatchingTheme: (() => void) | undefined;
  private notation: Notation = 'words';
  /** Bumped by each diagram/equation draw, so an older draw that finishes late is dropped. */
  private diagramGeneration = 0;
  private equationGeneration = 0;
  private payload: StepPayload | undefined;
  /** Index into the payload's steps of the step shown in full. */
  private index = 0;
  private parts: Parts | undefined;
  private katex: Katex | undefined;
  /** The drawn diagram, whose numbers a drag updates in place. */
  private live: LiveDiagram | undefined;
  explorer: Explorer | undefined;
  private panel: InputsPanel | undefined;
  private slider: TimeSlider | undefined;
  private heatmaps: Heatmaps | undefined;
  private readonly screen = new OnScreen();
  private readonly repaintNow: Repaint = (view, repaint) => this.screen.now(view, repaint);

  constructor(
    readonly outputId: string,
    element: HTMLElement,
    private readonly options: OutputOptions = {},
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
      main.append(this.drawErrors.shown('Cannot read this output', error));
      this.report();
      return;
    }
    this.notation = payload.notation;
    this.payload = payload;
    this.index = payload.steps.length - 1;
    const last = payload.steps[this.index];
    const title = html('span', { class: 'title' });
    const expects = html('div', { class: 'expects' });
    main.append(this.header(title, last !== undefined));
    if (payload.loaded) main.append(section('Loaded', loadedLine(payload.loaded)));
    if (payload.expects.length > 0) {
      expects.append(this.drawErrors.safely('badges', () => expectBadges(payload.expects)));
      main.append(section('Expectations', expects));
    }
    if (!last) {
      title.textContent = 'LSTM: no step ran';
      main.append(this.drawErrors.safely('summary', () => section('Weights', weightsSummary(payload.weights))));
      this.report();
      return;
    }
    const explore = payload.explore;
    if (explore) main.append(this.drawErrors.safely('controls', () => this.explorerPanel(explore)));
    else if (payload.exploreOff)
      main.append(html('p', { class: 'explore-off', role: 'note' }, EXPLORE_OFF_TEXT[payload.exploreOff]));
    if (payload.steps.length > 1) main.append(this.timeControl(payload));
    await this.drawStep(main, title, expects);
    this.report();
  }

  /** Containers for the step in full (diagram, equations, curves) and the steps over time, then the first paint. */
  private async drawStep(main: HTMLElement, title: HTMLElement, expects: HTMLElement): Promise<void> {
    this.root.prepend(katexStylesheet());
    const diagram = html('div', { class: 'diagram' }, html('span', { class: 'loading' }, 'drawing the diagram…'));
    const equations = html('div', { class: 'equations' }, html('span', { class: 'loading' }, 'typesetting…'));
    const diagramTitle = html('h3', {});
    // Side by side when the output is wide enough, stacked otherwise.
    const columns = html(
      'div',
      { class: 'columns' },
      html('section', {}, diagramTitle, diagram),
      section('Equations', equations),
    );
    const curves = html('div', { class: 'curves' });
    const timeline = html('div', { class: 'over-time' });
    main.append(columns, section('Activations', curves));
    const steps = this.payload?.steps ?? [];
    if (steps.length > 1)
      main.append(html('section', { class: 'timeline-section' }, html('h3', {}, 'Over time'), timeline));
    if (steps.length > 1 && (steps[0]?.h.length ?? 0) > 1) {
      this.heatmaps = heatmaps((index) => this.pick(index));
      main.append(section('Gates and memories over time, unit by unit', this.heatmaps.element));
    }
    this.parts = { title, expects, diagramTitle, diagram, equations, curves, timeline };
    this.screen.watch(expects, diagram, equations, curves, timeline, ...(this.heatmaps ? [this.heatmaps.element] : []));
    linkViews(this.root);
    this.paintQuick();
    this.stopWatchingTheme = watchTheme(() => void this.drawDiagram());
    await Promise.all([this.drawDiagram(), this.drawEquations()]);
  }

  /**
   * Repaints with a recomputed payload: every view now, the diagram's layout only once `settled`. In a
   * frame of a `drag`, the equations' MathML copy waits for the drag to settle (see drawEquations), and
   * a view out of sight waits until it comes into view (see ./onScreen).
   */
  paint(payload: StepPayload, settled: boolean, drag = false): void {
    if (this.disposed || !this.parts) return;
    const parts = this.parts;
    const sameSteps = payload.steps.length === this.payload?.steps.length;
    this.payload = { ...payload, explore: this.payload?.explore };
    if (!sameSteps) this.index = payload.steps.length - 1;
    this.index = Math.max(0, Math.min(this.index, payload.steps.length - 1));
    this.slider?.show(
      this.index,
      payload.steps.map((step) => step.t),
    );
    this.panel?.refresh();
    const dragging = drag && !settled;
    OnScreen.skipOutOfSight(dragging);
    const draw: Repaint = dragging ? (view, repaint) => this.screen.whenSeen(view, repaint) : this.repaintNow;
    this.paintQuick(draw);
    const katex = this.katex;
    if (katex) draw(parts.equations, () => this.typesetEquations(katex, settled ? 'fresh' : drag ? 'drag' : 'update'));
    draw(parts.diagram, () => {
      const step = this.step();
      if (settled || !step || !this.live?.update(step)) void this.drawDiagram();
    });
  }

  /** The views that are cheap to rebuild: header, badges, curves, table and chart. */
  private paintQuick(draw: Repaint = this.repaintNow): void {
    const parts = this.parts;
    const payload = this.payload;
    const step = this.step();
    if (!parts || !payload || !step) return;
    const count = payload.totalSteps === 1 ? '1 step' : `${payload.totalSteps} steps`;
    update(parts.title, {}, `LSTM step t = ${formatNumber(step.t)} (${count} in this cell)`);
    update(parts.diagramTitle, {}, `Gate diagram, step t = ${formatNumber(step.t)}`);
    // Patched, not replaced: only the numbers and points that changed are written.
    const { expects, curves, timeline } = parts;
    if (payload.expects.length > 0) this.patched(draw, expects, 'badges', (now) => [expectBadges(now.expects)]);
    this.patched(draw, curves, 'curves', (_, at) => curveCharts(at, curves));
    const maps = this.heatmaps;
    if (maps)
      draw(
        maps.element,
        this.atNow(({ steps }) =>
          this.drawErrors.safely('heatmaps', () => (maps.draw(steps, this.index), maps.element)),
        ),
      );
    if (payload.steps.length > 1)
      this.patched(draw, timeline, 'steps', ({ steps, totalSteps }, { t }) => [
        stepChart(steps, t),
        stepTable(steps, totalSteps, t),
      ]);
  }

  /** Repaints `view` through `draw`: patched to what `build` makes of the payload and step shown then. */
  private patched(draw: Repaint, view: HTMLElement, name: string, build: Build): void {
    const patch = this.atNow((payload, step) =>
      patchChildren(
        view,
        this.drawErrors.safelyAll(name, () => build(payload, step)),
      ),
    );
    draw(view, patch);
  }

  /** A repaint that draws the payload and step shown when it runs (for a view out of sight, later). */
  private atNow(paint: (payload: StepPayload, step: StepTrace) => void): () => void {
    return () => {
      const [payload, step] = [this.payload, this.step()];
      if (payload && step) paint(payload, step);
    };
  }

  private step(): StepTrace | undefined {
    return this.payload?.steps[this.index];
  }

  private explorerPanel(data: ExploreData): HTMLElement {
    const explorer = new Explorer(data, {
      paint: (next, settled) => this.paint(next, settled, true),
      edited: () => this.panel?.refresh(),
      status: (message) => {
        if (message) this.panel?.say(`With these numbers the cell fails: ${message}`, 'error');
        else if (this.panel?.element.querySelector('.inputs-status.error')) this.panel.say('');
      },
    });
    this.explorer = explorer;
    const send = this.options.writeBack;
    const writeBack = send
      ? () => {
          const message = explorer.writeBack(this.outputId);
          if (!message) return;
          send(message);
          const fileWeights = explorer.modelControls.some((control) => control.changed);
          // The re-run starts from the file again: say so, rather than let a changed file weight vanish unexplained.
          this.panel?.say(
            fileWeights
              ? 'Writing the cell’s numbers into it… The weights from the file are not written: they go back to the file’s.'
              : 'Writing the numbers into the cell…',
          );
        }
      : undefined;
    this.panel = inputsPanel(explorer, { writeBack });
    return this.panel.element;
  }

  /** The host's answer to a write-back. */
  writeBackResult(ok: boolean, message: string): void {
    this.panel?.say(message, ok ? 'info' : 'error');
  }

  private timeControl(payload: StepPayload): HTMLElement {
    const ts = payload.steps.map((step) => step.t);
    this.slider = timeSlider(ts, this.index, (index) => this.pick(index));
    const note =
      payload.totalSteps > payload.steps.length
        ? html(
            'p',
            { class: 'hint' },
            `This cell ran ${payload.totalSteps} steps; the output keeps the first and last ${payload.steps.length}.`,
          )
        : '';
    return html('section', { class: 'time-section' }, this.slider.element, note);
  }

  /** Shows another step in full: diagram, equations, curves; the chart and table mark it. */
  pick(index: number): void {
    if (!this.payload) return;
    this.index = Math.max(0, Math.min(index, this.payload.steps.length - 1));
    this.slider?.show(
      this.index,
      this.payload.steps.map((step) => step.t),
    );
    this.paint(this.payload, false);
  }

  /** Stops pending work (VS Code cancelled the render): late results and the report are dropped. */
  cancel(): void {
    this.disposed = true;
    this.stopWatchingTheme?.();
    this.stopWatchingTheme = undefined;
    this.explorer?.dispose();
    this.slider?.dispose();
    this.screen.dispose();
  }

  /** Stops and clears the output; once only, as a newer view may own the shadow root by then. */
  dispose(): void {
    if (this.cleared) return;
    this.cleared = true;
    this.cancel();
    this.root.replaceChildren();
  }

  private header(title: HTMLElement, withToggle: boolean): HTMLElement {
    const header = html('header', {}, title);
    if (!withToggle) return header;
    const toggle = notationToggle(this.notation, (notation) => {
      this.notation = notation;
      void this.drawDiagram();
      void this.drawEquations();
    });
    header.append(toggle);
    return header;
  }

  private async drawDiagram(): Promise<void> {
    const generation = ++this.diagramGeneration;
    const stale = (): boolean => this.disposed || generation !== this.diagramGeneration;
    const container = this.parts?.diagram;
    const step = this.step();
    if (!container || !step) return;
    try {
      const prefix = `lstm${++diagramCount}`;
      const { source, nodes } = diagramSource(step, this.notation, prefix);
      const svg = await renderMermaid(source, isDarkTheme());
      if (stale()) return;
      container.replaceChildren(svg);
      const naturalWidth = svg.viewBox?.baseVal?.width;
      if (naturalWidth) container.style.width = `${Math.ceil(naturalWidth)}px`;
      attachNodeTooltips(container, nodes);
      tagDiagram(container, prefix);
      this.live = new LiveDiagram(container, nodes);
      // A paint may have come in while mermaid was drawing: bring the labels up to date.
      const now = this.step();
      if (now && now !== step) this.live.update(now);
    } catch (error) {
      if (stale()) return;
      container.replaceChildren(this.drawErrors.shown('Diagram failed', error));
    }
  }

  private async drawEquations(): Promise<void> {
    const generation = ++this.equationGeneration;
    const stale = (): boolean => this.disposed || generation !== this.equationGeneration;
    try {
      const katex = await loadKatex();
      if (stale()) return;
      this.katex = katex;
      this.typesetEquations(katex);
    } catch (error) {
      if (stale()) return;
      this.parts?.equations.replaceChildren(this.drawErrors.shown('Equations failed', error));
    }
  }

  /** Typesets the equations: anew, or in place while only numbers change (see drawEquations). */
  private typesetEquations(katex: Katex, mode: DrawMode = 'fresh'): void {
    const step = this.step();
    const container = this.parts?.equations;
    if (!step || !container || !this.payload) return;
    const { weights } = this.payload;
    const input = { step, weights, notation: this.notation, explorer: this.explorer };
    const errors = drawEquations(container, katex, input, mode);
    for (const message of errors) this.drawErrors.add(message);
  }

  private report(): void {
    if (this.disposed || !this.options.post) return;
    this.options.post({
      type: 'rendered',
      outputId: this.outputId,
      ...drawnCounts(this.root),
      errors: [...this.drawErrors.messages],
    });
  }
}

function section(title: string, ...content: Node[]): HTMLElement {
  return html('section', {}, html('h3', {}, title), ...content);
}
