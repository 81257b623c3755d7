// The output's stylesheet, injected as text into each shadow root. Colours come from VS Code's theme
// variables; fallbacks are CSS system colours, or VS Code's default chart colours where none fits.
import { EXPLORE_STYLES } from './exploreStyles';

export const STYLES =
  `
:host {
  display: block;
  color: var(--vscode-foreground, CanvasText);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
  font-size: var(--vscode-font-size, 13px);
  line-height: 1.4;
}
/* isolation: the output paints as a layer of its own, so a drag repaints it and not the outputs around it. */
.lstm { display: flex; flex-direction: column; gap: 10px; padding: 4px 0; isolation: isolate; }
.lstm > header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.lstm > header .title { font-weight: 600; }
.lstm section > h3 {
  margin: 0 0 6px; font-size: 0.92em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--vscode-descriptionForeground, GrayText);
}
.lstm section { border-top: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, GrayText)); padding-top: 8px; }

button.notation {
  font: inherit; cursor: pointer; padding: 2px 10px; border-radius: 2px;
  color: var(--vscode-button-secondaryForeground, ButtonText);
  background: var(--vscode-button-secondaryBackground, ButtonFace);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent));
}
button.notation:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-secondaryBackground, ButtonFace)); }
:focus-visible, .term:focus, g.node:focus {
  outline: 1px solid var(--vscode-focusBorder, Highlight); outline-offset: 2px;
}

.columns { display: flex; flex-wrap: wrap; gap: 10px 24px; align-items: flex-start; }
.columns > section { flex: 999 1 560px; min-width: 0; }
/* The diagram keeps its natural width (set when drawn) if it fits; the equations take the rest. */
.columns > section:first-child { flex: 0 1 auto; }
.diagram { position: relative; overflow-x: auto; min-height: 40px; max-width: 100%; }
.diagram > svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.diagram g.node { cursor: help; }
/* Mermaid measured each label (a table cell) before the SVG came here; as a block of that size, with
   layout containment, a number changed in a drag lays out its label alone, not the whole SVG. */
.diagram > svg foreignObject > div { display: block !important; width: 100%; height: 100%; contain: size layout; }
.diagram g.node.gate > rect { stroke-width: 2px; }

.node-tip, .term .tip {
  z-index: 10; max-width: 320px; padding: 4px 8px; border-radius: 3px;
  font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 12px; line-height: 1.4; white-space: normal;
  color: var(--vscode-editorHoverWidget-foreground, CanvasText);
  background: var(--vscode-editorHoverWidget-background, Canvas);
  border: 1px solid var(--vscode-editorHoverWidget-border, GrayText);
}
.node-tip { position: absolute; }
.node-tip[hidden] { display: none; }

.equations { display: grid; grid-template-columns: minmax(0, 1fr); gap: 6px; }
.equation h4 { margin: 0; font-size: 0.95em; font-weight: 600; }
.equation .math { overflow-x: auto; overflow-y: hidden; }
/* Each a stacking context (isolation), so the browser keeps what each painted and paints again only
   those a frame changes: a drag in lesson 5 otherwise repaints every equation (paint 3.6 → 2.3 ms a
   frame). Not what holds a tooltip (.terms, .diagram): the tip would paint under the parts after it. */
.equation .math, .equation h4, .curve-figure, .inputs-row, .badge, .over-time > * { isolation: isolate; }
.equation .katex-display { margin: 4px 0; text-align: left; }
.equation .katex-display > .katex { text-align: left; font-size: 1.1em; }
.terms { display: flex; flex-wrap: wrap; gap: 4px; }
.term {
  position: relative; display: inline-block; padding: 0 7px; border-radius: 9px; cursor: help;
  font-family: var(--vscode-editor-font-family, monospace); font-size: 12px;
  border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, GrayText));
  color: var(--vscode-foreground, CanvasText);
}
.term sub { font-size: 0.75em; }
.term .tip { display: none; position: absolute; left: 0; top: 100%; margin-top: 4px; width: max-content; }
.term:hover .tip, .term:focus .tip { display: block; }

.curves { display: flex; flex-wrap: wrap; gap: 10px; }
.curve-figure { margin: 0; width: 240px; }
.evaluations { margin: 0; padding-left: 22px; font-size: 11px; font-variant-numeric: tabular-nums; }
/* One line each, laid out alone: a value changed in a drag does not lay out the page around it. */
.evaluations li { height: 1.4em; white-space: nowrap; contain: size layout; }
.evaluations .more { list-style: none; color: var(--vscode-descriptionForeground, GrayText); }
.curve-figure figcaption, .steps caption { font-size: 12px; color: var(--vscode-descriptionForeground, GrayText); text-align: left; }
svg .axis { stroke: var(--vscode-foreground, CanvasText); stroke-opacity: 0.45; stroke-width: 1; }
svg .grid { stroke: var(--vscode-foreground, CanvasText); stroke-opacity: 0.2; stroke-dasharray: 2 3; }
svg .tick { fill: var(--vscode-descriptionForeground, GrayText); font-size: 10px; }
svg .curve-line { stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 2; }
svg .point-dot, svg .clamp-arrow { fill: var(--vscode-charts-orange, #d18616); }
svg .guide { stroke: var(--vscode-charts-orange, #d18616); stroke-opacity: 0.6; stroke-dasharray: 2 2; }
svg .point-tag { fill: var(--vscode-descriptionForeground, GrayText); font-size: 9px; }
svg .point-label { fill: var(--vscode-foreground, CanvasText); font-size: 11px; font-variant-numeric: tabular-nums; }

.timeline-section .over-time { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
svg.timeline { width: 520px; max-width: 100%; height: auto; }
svg .series { stroke-width: 2; fill: none; }
svg .series.c { stroke-dasharray: 6 3; }
svg .series-0 { stroke: var(--vscode-charts-blue, #3794ff); fill: var(--vscode-charts-blue, #3794ff); }
svg .series-1 { stroke: var(--vscode-charts-orange, #d18616); fill: var(--vscode-charts-orange, #d18616); }
svg .series-2 { stroke: var(--vscode-charts-green, #89d185); fill: var(--vscode-charts-green, #89d185); }
svg polyline.series { fill: none; }

table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 12px; }
th, td { padding: 2px 10px; text-align: right; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, GrayText)); }
th { font-weight: 600; }
th[scope="row"] { text-align: left; }
tr.gap td { text-align: center; color: var(--vscode-descriptionForeground, GrayText); }

.badges { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.badge { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; padding: 2px 8px; border-left: 3px solid; }
.badge .verdict { font-weight: 600; min-width: 4em; }
.badge.pass { border-color: var(--vscode-testing-iconPassed, #73c991); }
.badge.pass .verdict { color: var(--vscode-testing-iconPassed, #73c991); }
.badge.fail { border-color: var(--vscode-testing-iconFailed, #f14c4c); }
.badge.fail .verdict { color: var(--vscode-testing-iconFailed, #f14c4c); }
.badge .expect-text { font-family: var(--vscode-editor-font-family, monospace); white-space: pre-wrap; }
.badge .actual { color: var(--vscode-descriptionForeground, GrayText); }

.error {
  white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace);
  color: var(--vscode-errorForeground, var(--vscode-foreground, CanvasText));
}
.loading { color: var(--vscode-descriptionForeground, GrayText); font-style: italic; }
.explore-off { margin: 4px 0 8px; font-size: 12px; color: var(--vscode-descriptionForeground, GrayText); }
` + EXPLORE_STYLES;
