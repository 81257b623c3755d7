// evaluateCommonJs: a bundle's exports (module.exports or exports.x), its require of the modules it is
// given, and a clear error for any other require (the web worker has no file system to require from).
import { describe, expect, it } from 'vitest';
import { evaluateCommonJs } from '../../../src/extension/commonJs';

describe('evaluateCommonJs', () => {
  it('returns exports.x and module.exports', () => {
    expect(evaluateCommonJs('exports.answer = 6 * 7;', 'a.js')).toEqual({ answer: 42 });
    expect(evaluateCommonJs('module.exports = function twice(n) { return 2 * n; };', 'b.js')).toBeTypeOf('function');
  });

  it('gives the bundle the modules it may require, and names any other', () => {
    const vscode = { version: '1.139.1' };
    expect(evaluateCommonJs('exports.v = require("vscode").version;', 'c.js', { vscode })).toEqual({ v: '1.139.1' });
    expect(() => evaluateCommonJs('require("fs");', 'dist/d.js', { vscode })).toThrow(
      'dist/d.js requires "fs", which is not available to it',
    );
    expect(() => evaluateCommonJs('require("toString");', 'e.js')).toThrow('requires "toString"');
  });

  it('runs the code in strict mode when it says so, and lets its errors through', () => {
    expect(() => evaluateCommonJs('"use strict"; undeclared = 1;', 'f.js')).toThrow(ReferenceError);
    expect(() => evaluateCommonJs('throw new Error("broken bundle");', 'g.js')).toThrow('broken bundle');
  });
});
