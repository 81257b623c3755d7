// What the e2e tests' traps (installed into the page by addInitScript) add to the page's window.
interface Window {
  /** Calls of pwn(), alert() and the like that a payload made (hostile-renderer). */
  __pwned: string[];
  /** Code handed to eval, Function or a string setTimeout (hostile-renderer). */
  __evals: string[];
  /** Calls of pwn() in any frame of the workbench (hostile-vscode). */
  __pwnHits: string[];
  pwn: (...args: unknown[]) => unknown;
  /** Content-Security-Policy violations the exported page reported (export-html). */
  __violations: string[];
  /** Each value the Time step slider showed, with performance.now() (explore-renderer). */
  __timeSteps: [string | null, number][];
}
