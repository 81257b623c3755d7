// Evaluates a CommonJS bundle's text, as VS Code's web worker extension host itself loads extensions
// (new Function over module, exports, require): the way to load a bundle on first use in both hosts,
// since the web worker has no `require` of files. Pure (no `vscode`, no Node).

/** The modules a bundle may `require` (the extension host gives 'vscode'); any other name is an error. */
export type Modules = Readonly<Record<string, unknown>>;

export function evaluateCommonJs(code: string, sourceUrl: string, modules: Modules = {}): unknown {
  const module: { exports: unknown } = { exports: {} };
  const require = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(`${sourceUrl} requires "${name}", which is not available to it`);
  };
  // The cast stays: new Function makes an untyped Function; this is the wrapper every CommonJS bundle expects.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- loading our own shipped bundle, as VS Code's web host loads extensions
  const run = new Function('module', 'exports', 'require', `${code}\n//# sourceURL=${sourceUrl}`) as (
    module: { exports: unknown },
    exports: unknown,
    require: (name: string) => unknown,
  ) => void;
  run(module, module.exports, require);
  return module.exports;
}
