// The exported page's own stylesheet: VS Code's theme variables (the renderer's styles read them),
// light and dark after prefers-color-scheme, code highlighting, and print: no controls, nothing cut.
export const PAGE_STYLES = `
:root {
  color-scheme: light dark;
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif;
  --vscode-font-size: 14px;
  --vscode-editor-font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --vscode-foreground: #1f2328; --vscode-editor-background: #ffffff; --vscode-descriptionForeground: #59636e;
  --vscode-editorWidget-border: #d1d9e0; --vscode-focusBorder: #0969da; --vscode-textLink-foreground: #0969da;
  --vscode-button-secondaryForeground: #1f2328; --vscode-button-secondaryBackground: #eaeef2;
  --vscode-button-secondaryHoverBackground: #dde3e9; --vscode-editorHoverWidget-background: #f6f8fa;
  --vscode-textCodeBlock-background: #f6f8fa; --vscode-testing-iconPassed: #1a7f37; --vscode-testing-iconFailed: #cf222e;
  --vscode-errorForeground: #cf222e; --vscode-editorWarning-foreground: #9a6700;
  --vscode-charts-blue: #0969da; --vscode-charts-green: #1a7f37; --vscode-charts-orange: #bc4c00;
  --vscode-editorHoverWidget-foreground: #1f2328; --vscode-editorHoverWidget-border: #d1d9e0;
  --code-background: #f6f8fa; --tok-keyword: #cf222e; --tok-gate: #8250df; --tok-key: #0550ae; --tok-state: #953800;
  --tok-value: #0550ae; --tok-number: #0a3069; --tok-string: #0a3069; --tok-comment: #59636e; --tok-constant: #0550ae;
}
/* Screen only: a printed page takes the light colours whatever the system's scheme. */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --vscode-foreground: #d1d7e0; --vscode-editor-background: #0d1117; --vscode-descriptionForeground: #9198a1;
    --vscode-editorWidget-border: #3d444d; --vscode-focusBorder: #4493f8; --vscode-textLink-foreground: #4493f8;
    --vscode-button-secondaryForeground: #d1d7e0; --vscode-button-secondaryBackground: #262c36;
    --vscode-button-secondaryHoverBackground: #2f3742; --vscode-editorHoverWidget-background: #151b23;
    --vscode-textCodeBlock-background: #151b23; --vscode-testing-iconPassed: #3fb950; --vscode-testing-iconFailed: #f85149;
    --vscode-errorForeground: #f85149; --vscode-editorWarning-foreground: #d29922;
    --vscode-charts-blue: #4493f8; --vscode-charts-green: #3fb950; --vscode-charts-orange: #f0883e;
    --vscode-editorHoverWidget-foreground: #d1d7e0; --vscode-editorHoverWidget-border: #3d444d;
    --code-background: #151b23; --tok-keyword: #ff7b72; --tok-gate: #d2a8ff; --tok-key: #79c0ff; --tok-state: #ffa657;
    --tok-value: #79c0ff; --tok-number: #a5d6ff; --tok-string: #a5d6ff; --tok-comment: #9198a1; --tok-constant: #79c0ff;
  }
}
html { background: var(--vscode-editor-background); color: var(--vscode-foreground); }
body {
  margin: 0 auto; padding: 24px 32px 48px; max-width: 1400px;
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.55;
}
a { color: var(--vscode-textLink-foreground); }
.cell { margin: 0 0 18px; }
.markdown h1 { font-size: 1.9em; border-bottom: 1px solid var(--vscode-editorWidget-border); padding-bottom: 0.2em; }
.markdown table { border-collapse: collapse; margin: 8px 0; }
.markdown th, .markdown td { border: 1px solid var(--vscode-editorWidget-border); padding: 4px 10px; }
.markdown code, .source {
  font-family: var(--vscode-editor-font-family); font-size: 0.9em; background: var(--code-background); border-radius: 4px;
}
.markdown code { padding: 1px 4px; }
.markdown pre code { display: block; padding: 10px 12px; overflow-x: auto; }
.math-block { overflow-x: auto; overflow-y: hidden; }
.code-cell { display: grid; grid-template-columns: 44px minmax(0, 1fr); gap: 4px 8px; }
.code-cell > .prompt {
  font-family: var(--vscode-editor-font-family); font-size: 0.85em; color: var(--vscode-descriptionForeground);
  text-align: right; padding-top: 10px;
}
.code-cell > :not(.prompt) { grid-column: 2; }
.source { margin: 0; padding: 10px 12px; overflow-x: auto; border: 1px solid var(--vscode-editorWidget-border); }
.errors {
  margin: 0; padding: 8px 12px; white-space: pre-wrap; border-left: 3px solid var(--vscode-errorForeground);
  color: var(--vscode-errorForeground); font-family: var(--vscode-editor-font-family); font-size: 0.9em;
}
.output { min-height: 20px; }
.tok-keyword { color: var(--tok-keyword); font-weight: 600; } .tok-gate { color: var(--tok-gate); font-weight: 600; }
.tok-key { color: var(--tok-key); } .tok-state { color: var(--tok-state); } .tok-value { color: var(--tok-value); }
.tok-number { color: var(--tok-number); } .tok-string { color: var(--tok-string); }
.tok-comment { color: var(--tok-comment); font-style: italic; } .tok-constant { color: var(--tok-constant); }
.image-left-out { color: var(--vscode-descriptionForeground); }
footer { margin-top: 32px; color: var(--vscode-descriptionForeground); font-size: 0.85em; }
noscript { display: block; padding: 8px; border: 1px solid var(--vscode-editorWarning-foreground); }
@media print {
  :root { color-scheme: light; }
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .source { white-space: pre-wrap; overflow: visible; }
  .code-cell, .math-block, .markdown table, pre { break-inside: avoid; }
  .markdown h1, .markdown h2, .markdown h3 { break-after: avoid; }
}
`;

/**
 * Added to each output's shadow root, where the page's stylesheet can't reach: print without controls or
 * cuts. A diagram mermaid drew in its dark theme (the system was dark) is inverted into light colours.
 */
export const OUTPUT_PRINT_STYLES = `
@media print {
  /* The controls go; the numbers in the equations stay, drawn as plain text. */
  button, input, select, .controls, .node-tip, .tip, .inputs, .time { display: none !important; }
  .scrub { border: 0 !important; background: none !important; color: inherit !important; font-weight: inherit !important; }
  section, .diagram, .equation, table, figure, svg { break-inside: avoid; }
  .diagram, .math { overflow: visible !important; }
  :host-context(body.vscode-dark) .diagram > svg { filter: invert(1) hue-rotate(180deg); }
}
`;
