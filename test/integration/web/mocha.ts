// `import { suite, test, … } from 'mocha'` in the web worker run: mocha's browser build (mocha/mocha.js)
// puts the TDD interface on the global scope when index.ts calls mocha.setup, before the suites load.
type Interface = (...args: unknown[]) => unknown;
const tdd =
  (name: string): Interface =>
  (...args) =>
    (globalThis as unknown as Record<string, Interface>)[name](...args);

export const suite = tdd('suite');
export const test = tdd('test');
export const setup = tdd('setup');
export const teardown = tdd('teardown');
export const suiteSetup = tdd('suiteSetup');
export const suiteTeardown = tdd('suiteTeardown');
