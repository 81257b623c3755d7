// @ts-check
// An esbuild plugin: mermaid without the diagram types and layouts we never draw. Every gate diagram is
// a flowchart laid out by dagre (src/renderer/diagram.ts), but mermaid loads each of its ~35 diagram
// types and layouts by a dynamic import, which a single-file bundle inlines: two thirds of mermaid's
// bytes (its langium parsers, cytoscape, …), parsed by every webview and exported page that draws a
// diagram. Each left-out chunk becomes a module that throws when imported, so asking mermaid for another
// diagram type fails with a message that says why, instead of drawing.
import { sep } from 'node:path';

/** The chunks our diagrams use: the flowchart and the dagre layout. */
const KEPT = /^\.\/(chunks\/mermaid\.core\/)?(flowDiagram|dagre)-[A-Z0-9]+\.mjs$/;
const MERMAID_DIST = `${sep}mermaid${sep}dist${sep}`;

/** @type {import('esbuild').Plugin} */
export const mermaidFlowchartOnly = {
  name: 'mermaid-flowchart-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/(chunks\/mermaid\.core\/)?[\w-]+\.mjs$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.includes(MERMAID_DIST) || KEPT.test(args.path))
        return undefined;
      return { path: args.path, namespace: 'mermaid-left-out' };
    });
    build.onLoad({ filter: /.*/, namespace: 'mermaid-left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`LSTM Notebooks draws flowcharts only: mermaid's ${args.path} is not bundled.`)});`,
      loader: 'js',
    }));
  },
};
