// Styles of the explorable parts: draggable numbers, the inputs panel, the time slider, heatmaps and
// linked highlights. Theme colours only, with system-colour fallbacks.
export const EXPLORE_STYLES = `
.scrub {
  display: inline-block; min-width: 2.5em; padding: 0 4px; border-radius: 3px; cursor: ew-resize; user-select: none;
  font-family: var(--vscode-editor-font-family, monospace); font-variant-numeric: tabular-nums; text-align: right;
  color: var(--vscode-textLink-foreground, var(--vscode-charts-blue, LinkText));
  border-bottom: 1px dashed var(--vscode-textLink-foreground, var(--vscode-charts-blue, LinkText));
  background: var(--vscode-textCodeBlock-background, transparent);
  touch-action: none;
}
.scrub:hover, .scrub.dragging { background: color-mix(in srgb, currentColor 14%, transparent); }
.scrub.changed { font-weight: 600; color: var(--vscode-charts-orange, #d18616); border-bottom-style: solid; }
.scrub:focus-visible, .scrub.dragging { outline: 2px solid var(--vscode-focusBorder, Highlight); outline-offset: 1px; }
/* KaTeX's struts and vlists overlay the numbers: only the handles and terms take the pointer. */
.equation .katex-html { pointer-events: none; }
.equation .katex-html .scrub, .equation .katex-html .eq-term { pointer-events: auto; }
.scrub.scrub-handle { padding: 0 1px; min-width: 0; text-align: inherit; font-family: inherit; }
/* In an equation a changed number keeps its weight, so its width: the equation does not shift as a drag begins. */
.scrub.scrub-handle.changed { font-weight: inherit; }
.eq-term { cursor: help; }
.scrub-input { font: inherit; font-family: var(--vscode-editor-font-family, monospace); width: 7em; }
/* Not a flex box: a number held in a drag (./heldBoxes) lays out alone only outside flex and grid layout. */
.scrub-wrap { display: inline-block; margin-right: 10px; }
.scrub-wrap > .was { margin-left: 4px; }
.was { font-size: 11px; color: var(--vscode-descriptionForeground, GrayText); }
.inputs-groups { display: flex; flex-direction: column; gap: 3px; }
.inputs-row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 0; }
.inputs-name { min-width: 11em; color: var(--vscode-descriptionForeground, GrayText); }
.inputs-key { margin-right: 2px; font-family: var(--vscode-editor-font-family, monospace); font-size: 12px; color: var(--vscode-descriptionForeground, GrayText); }
.inputs-actions { display: flex; gap: 8px; margin-top: 6px; }
.inputs-actions button, button.play {
  font: inherit; cursor: pointer; padding: 2px 10px; border-radius: 2px;
  color: var(--vscode-button-secondaryForeground, ButtonText);
  background: var(--vscode-button-secondaryBackground, ButtonFace);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent));
}
.inputs-actions button.write-back:not(:disabled) {
  color: var(--vscode-button-foreground, ButtonText); background: var(--vscode-button-background, ButtonFace);
}
.inputs-actions button:disabled, button.play:disabled { opacity: 0.5; cursor: default; }
.inputs-status { margin: 4px 0 0; min-height: 1.2em; }
.inputs-status.error { color: var(--vscode-errorForeground, var(--vscode-foreground, CanvasText)); }
.hint { margin: 0 0 6px; font-size: 12px; color: var(--vscode-descriptionForeground, GrayText); }

.time { display: flex; align-items: center; gap: 10px; }
.time-label { font-weight: 600; }
.time-slider { flex: 1 1 auto; max-width: 520px; padding: 8px 0; cursor: pointer; touch-action: none; }
.time-track { position: relative; display: block; height: 4px; border-radius: 2px; background: var(--vscode-scrollbarSlider-background, GrayText); }
.time-thumb {
  position: absolute; top: -5px; width: 14px; height: 14px; margin-left: -7px; border-radius: 50%;
  background: var(--vscode-button-background, Highlight); border: 1px solid var(--vscode-contrastBorder, transparent);
}
.time-slider:focus-visible { outline: 2px solid var(--vscode-focusBorder, Highlight); outline-offset: 2px; }
.time-readout { font-variant-numeric: tabular-nums; min-width: 4em; }
svg line.now { stroke: var(--vscode-charts-orange, #d18616); stroke-width: 2; stroke-opacity: 0.8; }
tr.current td { background: var(--vscode-list-activeSelectionBackground, Highlight); color: var(--vscode-list-activeSelectionForeground, HighlightText); }

.heatmaps { display: flex; flex-wrap: wrap; gap: 10px; }
.heatmap { margin: 0; }
.heatmap canvas { display: block; cursor: crosshair; image-rendering: pixelated; border: 1px solid var(--vscode-editorWidget-border, GrayText); }
.heatmap-plot { position: relative; width: fit-content; }
.heatmap-now {
  position: absolute; top: 1px; bottom: 1px; margin-left: 1px; box-sizing: border-box; min-width: 1px; pointer-events: none;
  border: 1px solid var(--vscode-foreground, CanvasText);
}
.heatmap figcaption { font-size: 12px; color: var(--vscode-descriptionForeground, GrayText); }
.heatmap-readout { font-size: 12px; min-height: 1.3em; font-variant-numeric: tabular-nums; }

.linked, .term.linked { outline: 2px solid var(--vscode-charts-orange, #d18616); outline-offset: 1px; border-radius: 3px; }
.diagram g.node.linked > rect, .diagram g.node.linked > path, .diagram g.node.linked > circle, .diagram g.node.linked > polygon {
  stroke: var(--vscode-charts-orange, #d18616) !important; stroke-width: 3px !important;
}
.diagram .linked { outline: none; }
.diagram path.linked { stroke: var(--vscode-charts-orange, #d18616) !important; stroke-width: 3px !important; }
.diagram g.label.linked .labelBkg, .diagram g.node.linked .nodeLabel { box-shadow: 0 0 0 2px var(--vscode-charts-orange, #d18616); border-radius: 2px; }
@media (prefers-reduced-motion: no-preference) { .time-thumb { transition: left 80ms linear; } }
`;
