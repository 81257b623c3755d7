// Starts code-server (the real VS Code workbench, served to a browser) hermetically: a free port
// on 127.0.0.1, no auth, a fresh user-data, extensions and XDG folders, quiet settings. Stops it
// with its whole process group, then ends any process of this run that escaped the group.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerEntry, ensureCodeServer } from './cache.mjs';
import { childMarker, delay, descendants, killGroup, reap, sweepStrays } from './processes.mjs';

/** Settings that keep the workbench quiet and offline. */
export const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'notebook.confirmDeleteRunningCell': false,
};

/**
 * User settings that run the extensions in `extensionDirs` in the given extension host: 'node' (the
 * default for an extension with a `main`) or 'web', the web worker host of VS Code for the web.
 */
export function extensionHostSettings(host = 'node', extensionDirs = []) {
  if (host === 'node') return {};
  if (host !== 'web') throw new Error(`the extension host is "${host}"; it can be node or web`);
  const ids = extensionDirs.map((dir) => {
    const { publisher, name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return `${publisher}.${name}`;
  });
  return { 'remote.extensionKind': Object.fromEntries(ids.map((id) => [id, ['web']])) };
}

/** A fresh temporary folder for one run; removed by `stop()` unless LSTM_KEEP_TEMP is set. */
export function makeRunDir(prefix = 'lstm-vscode-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * Starts code-server. Options:
 * - `runDir`: temp folder for this run (made when absent)
 * - `settings`: user settings merged over QUIET_SETTINGS
 * - `extensionsDir`, `userDataDir`: default to fresh folders in runDir
 * - `extensions`: extension folders to link into the extensions dir (an installed extension)
 * - `vsixFiles`: .vsix packages to install into the extensions dir
 * - `smokeTestDriver`: start with VS Code's test driver (extension tests through `payload`)
 * - `folder`: workspace folder to open by default
 * - `port`: defaults to a free one
 * - `extraArgs`: more code-server arguments
 * - `inheritOutput`: show the server's output (else it goes to runDir/code-server.log)
 * Returns `{ url, port, authority, runDir, userDataDir, logFile, child, stop }`.
 */
export async function startCodeServer(options = {}) {
  const node = await ensureCodeServer();
  const runDir = options.runDir ?? makeRunDir();
  const userDataDir = options.userDataDir ?? join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(runDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeSettings(userDataDir, options.settings);
  for (const extension of options.extensions ?? []) linkExtension(extension, extensionsDir);
  for (const vsix of options.vsixFiles ?? []) await installVsix(vsix, { extensionsDir, userDataDir, runDir });

  const port = options.port ?? (await freePort());
  const args = [
    codeServerEntry(),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push('--ignore-last-opened', ...(options.extraArgs ?? []));
  if (options.folder) args.push(options.folder);

  const xdg = join(runDir, 'xdg');
  const marker = childMarker();
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    ...marker.env,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    // Environment the harness itself was given must not leak into the server's npm or Node.
    NODE_OPTIONS: '',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const logFile = join(runDir, 'code-server.log');
  const out = createWriteStream(logFile);
  // detached: the server leads its own process group, so stop() can end it and all its children.
  const child = spawn(node, args, { cwd: runDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(out, { end: false });
    if (options.inheritOutput) stream.pipe(process.stderr, { end: false });
  }
  let exited = false;
  const exit = new Promise((r) =>
    child.on('exit', (code, signal) => {
      exited = true;
      r({ code, signal });
    }),
  );

  let stopped = null;
  const stop = () => {
    stopped ??= (async () => {
      const tree = descendants(child.pid);
      if (!exited) {
        killGroup(child.pid, 'SIGTERM');
        const timedOut = await Promise.race([exit.then(() => false), delay(5000).then(() => true)]);
        if (timedOut) killGroup(child.pid, 'SIGKILL');
        await Promise.race([exit, delay(2000)]);
      }
      killGroup(child.pid, 'SIGKILL'); // children that outlived the leader but kept its group
      await reap(tree, 2000); // children that left the group (setsid) but were seen before
      sweepStrays(marker.id); // any other process of this server's (by /proc, by pid)
      out.end();
      if (!process.env.LSTM_KEEP_TEMP && !options.keepRunDir)
        rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
    })();
    return stopped;
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, exit, () => exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, authority: `127.0.0.1:${port}`, runDir, userDataDir, extensionsDir, logFile, child, stop };
}

async function waitHealthy(url, exit, hasExited, logFile) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) {
      const { code, signal } = await exit;
      throw new Error(`code-server exited (${code ?? signal}) before it was healthy:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {}
    await delay(200);
  }
  throw new Error(`code-server was not healthy after 60 s:\n${tail(logFile)}`);
}

export function writeSettings(userDataDir, settings = {}) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2) + '\n');
  return file;
}

/**
 * Makes an extension folder (one with package.json and its built `dist/`) an installed extension
 * by a link named `publisher.name-version` in the extensions dir. The link means a rebuild shows
 * after "Developer: Reload Window".
 */
export function linkExtension(extensionDir, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  const main = manifest.main && join(extensionDir, manifest.main);
  if (main && !existsSync(main) && !existsSync(main + '.js')) {
    throw new Error(`${main} does not exist: build the extension first (npm run build)`);
  }
  const link = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase());
  rmSync(link, { recursive: true, force: true });
  symlinkSync(extensionDir, link, 'dir');
  return link;
}

/**
 * Installs a .vsix into an extensions dir with code-server's own CLI, as a user's
 * `code --install-extension` would.
 */
export async function installVsix(vsix, { extensionsDir, userDataDir, runDir }) {
  const node = await ensureCodeServer();
  const xdg = join(runDir, 'xdg');
  const result = spawnSync(
    node,
    [codeServerEntry(), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(xdg, 'config'),
        XDG_DATA_HOME: join(xdg, 'data'),
        XDG_CACHE_HOME: join(xdg, 'cache'),
      },
    },
  );
  if (result.status !== 0 || !/successfully installed/i.test(result.stdout + result.stderr)) {
    throw new Error(`installing ${vsix} failed (code ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** Copies a fixture folder to a fresh place (VS Code may re-save a notebook it opened). */
export function copyWorkspace(from, runDir, name = 'workspace') {
  const to = join(runDir, name);
  cpSync(from, to, { recursive: true });
  return to;
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
