#!/usr/bin/env node
// A stand-in for the `code` executable that runs extension tests inside code-server (VS Code in
// the browser), for `@vscode/test-electron`'s `runTests({ vscodeExecutablePath })`, which spawns it
// with VS Code's CLI flags (so does `@vscode/test-cli`'s `useInstallation.fromPath`):
//
//   code-server-test-host.mjs [workspace] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//       [--user-data-dir=DIR] [--extensions-dir=DIR] [--disable-extensions] [--version] ...
//
// It starts a fresh code-server with VS Code's test driver enabled, opens the workbench in headless
// Chromium with the extension-test payload in the URL, prints the extension host's console (the
// test reporter) and exits with the tests' exit code. It prints a closing "N passed, N failed"
// line itself when the tests could not print theirs (a crash, a timeout).
//
// Environment: LSTM_TEST_TIMEOUT (seconds, default 600), LSTM_VERBOSE=1 (show the workbench's
// own console and the server's output), LSTM_KEEP_TEMP=1 (keep the run folder for inspection),
// LSTM_EXTENSION_HOST=web (run the extensions under development, and so their tests, in the web
// worker extension host, as VS Code for the web does, through the user setting remote.extensionKind).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { codeServerPackageDir, CODE_SERVER_VERSION } from './lib/cache.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { extensionHostSettings, makeRunDir, startCodeServer } from './lib/code-server.mjs';
import { onShutdown } from './lib/processes.mjs';

const SUMMARY = /^(?:\w+: )?\d+ passed, \d+ failed(?:, \d+ skipped)?$/;
const verbose = process.env.LSTM_VERBOSE === '1';

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ extensionDevelopmentPaths: string[]; folder?: string; ignored: string[]; extensionTestsPath?: string; [flag: string]: string | string[] | boolean | undefined }} */
  const options = { extensionDevelopmentPaths: [], folder: undefined, ignored: [] };
  const valued = new Set([
    'extensionDevelopmentPath',
    'extensionTestsPath',
    'user-data-dir',
    'extensions-dir',
    'folder-uri',
    'locale',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      options.folder ??= resolve(arg);
      continue;
    }
    let [name, value] = arg.slice(2).split(/=(.*)/s, 2);
    if (value === undefined && valued.has(name)) value = argv[++i];
    switch (name) {
      case 'version':
        options.version = true;
        break;
      case 'extensionDevelopmentPath':
        options.extensionDevelopmentPaths.push(resolve(value));
        break;
      case 'extensionTestsPath':
        options.extensionTestsPath = resolve(value);
        break;
      case 'user-data-dir':
        options.userDataDir = resolve(value);
        break;
      case 'extensions-dir':
        options.extensionsDir = resolve(value);
        break;
      case 'folder-uri':
        options.folder ??= value.startsWith('file://') ? new URL(value).pathname : value;
        break;
      case 'disable-extensions':
        options.disableExtensions = true;
        break;
      default:
        // Electron- and desktop-only flags (--no-sandbox, --disable-gpu-sandbox, --skip-welcome,
        // --disable-updates, --disable-workspace-trust ...) mean nothing to code-server or are
        // already how it is started.
        options.ignored.push(arg);
    }
  }
  return options;
}

function printVersion() {
  // Same three lines as `code --version`: version, commit, architecture.
  let version = CODE_SERVER_VERSION.replace(/^4\./, '1.');
  let commit = 'unknown';
  try {
    const product = JSON.parse(readFileSync(resolve(codeServerPackageDir(), 'lib/vscode/product.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(resolve(codeServerPackageDir(), 'lib/vscode/package.json'), 'utf8'));
    version = pkg.version;
    commit = product.commit ?? commit;
  } catch {}
  process.stdout.write(`${version}\n${commit}\nx64\n`);
}

/** The workbench's own log lines about connections, sign-in and the (unreachable) gallery. */
const NOISE = [
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate|driver)\]/,
  /^Updating additional builtin extensions cache/,
  /authentication provider '[^']+' to register/,
  /ENOTFOUND|ERR_NAME_NOT_RESOLVED|open-vsx\.org/,
  /^Started local extension host/,
  /^Extension host test runner exit code/,
  /^No search provider registered for scheme/,
  /^Creation of workbench contribution/,
];
const isWorkbenchNoise = (text) => NOISE.some((pattern) => pattern.test(text));

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.version) return (printVersion(), 0);
  if (!options.extensionTestsPath) {
    console.error('code-server-test-host: --extensionTestsPath=FILE is required (this host only runs extension tests)');
    return 2;
  }
  const paths = [...options.extensionDevelopmentPaths, options.extensionTestsPath, options.folder];
  for (const path of paths.filter((p) => p !== undefined)) {
    if (!existsSync(path) && !existsSync(path + '.js')) {
      console.error(`code-server-test-host: ${path} does not exist`);
      return 2;
    }
  }
  if (verbose && options.ignored.length) console.error(`code-server-test-host: ignoring ${options.ignored.join(' ')}`);

  const runDir = makeRunDir('lstm-vscode-test-');
  let server;
  let browser;
  const cleanup = onShutdown(async () => {
    await browser?.close();
    await server?.stop();
  });

  let sawSummary = false;
  const print = (line) => {
    process.stdout.write(line + '\n');
    if (line.split('\n').some((l) => SUMMARY.test(l.trim()))) sawSummary = true;
  };
  let code;
  try {
    server = await startCodeServer({
      runDir,
      userDataDir: options.userDataDir,
      extensionsDir: options.extensionsDir,
      settings: extensionHostSettings(process.env.LSTM_EXTENSION_HOST, options.extensionDevelopmentPaths),
      smokeTestDriver: true,
      extraArgs: options.disableExtensions ? ['--vscode-option', 'disable-extensions'] : [],
      inheritOutput: verbose,
    });
    browser = await launchBrowser();
    const { page } = browser;
    /** @type {(code: number) => void} */
    let resolveExit = () => {};
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (exitCode) => {
      if (verbose) process.stderr.write(`[host] codeAutomationExit(${exitCode})\n`);
      resolveExit(Number(exitCode));
    });
    // With extension tests, the workbench's log (which carries the extension host's console, the
    // test reporter's output) goes to window.codeAutomationLog(level, message).
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      // The message is the console call's arguments: a format string and its values.
      const text = Array.isArray(message) ? format(...message) : String(message);
      if (verbose || !isWorkbenchNoise(text)) print(level === 'info' || level === 'log' ? text : `[${level}] ${text}`);
    });
    page.on(
      'console',
      (message) => verbose && process.stderr.write(`[workbench ${message.type()}] ${message.text()}\n`),
    );
    page.on('pageerror', (error) => verbose && process.stderr.write(`[workbench error] ${error.message}\n`));
    page.on('crash', () => print('code-server-test-host: the browser page crashed'));
    page.on('close', () => verbose && process.stderr.write('[host] page closed\n'));

    const remote = (path) => `vscode-remote://${server.authority}${path}`;
    const payload = [
      ...options.extensionDevelopmentPaths.map((path) => ['extensionDevelopmentPath', remote(path)]),
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const query = new URLSearchParams();
    if (options.folder) query.set('folder', options.folder);
    else query.set('ew', 'true'); // an empty window
    query.set('payload', JSON.stringify(payload));
    await page.goto(`${server.url}/?${query}`);

    const timeoutSeconds = Number(process.env.LSTM_TEST_TIMEOUT || 600);
    let timer;
    const timedOut = new Promise((resolveTimeout) => {
      timer = setTimeout(() => {
        print(`code-server-test-host: the tests did not finish within ${timeoutSeconds} s`);
        resolveTimeout(1);
      }, timeoutSeconds * 1000);
    });
    code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
  } catch (error) {
    print(`code-server-test-host: ${error instanceof Error ? error.stack : String(error)}`);
    code = 1;
  }
  await cleanup();
  if (code !== 0 && !sawSummary) print('0 passed, 1 failed');
  return code;
}

// Exit once everything is stopped: something in the Playwright client otherwise keeps this process for
// several more seconds (no handle shows it). stdout and stderr are pipes or files, written synchronously.
process.exit(await main());
