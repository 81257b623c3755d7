// Leaving no process behind: process groups, a marker in the environment of everything a harness
// script starts, and the process tree read from /proc. Processes are always ended by pid.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { log } from './log.mjs';

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Every process a harness script starts inherits this marker in its environment, so that
 * `sweepStrays()` finds the ones that left their process group. (Chromium rewrites its children's
 * environment block for its process titles; `descendants()` covers those.)
 */
const RUN_MARKER = 'LSTM_HARNESS_RUN';
const runId = randomUUID();
// The ids of all harness scripts above this one stay: each one's sweep also finds what we start.
process.env[RUN_MARKER] = [process.env[RUN_MARKER], runId].filter(Boolean).join(':');

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {}
}

function pids() {
  try {
    return readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .map(Number);
  } catch {
    return [];
  }
}

function parentOf(pid) {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

/** All living descendants of `root` (children, their children, ...). */
export function descendants(root = process.pid) {
  const children = new Map();
  for (const pid of pids()) {
    const parent = parentOf(pid);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
  }
  const found = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

const isAlive = (pid) => {
  try {
    // A zombie is dead for our purposes: it only waits for its parent to reap it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

/** Waits up to `ms` for the given processes to end by themselves, then kills the rest. */
export async function reap(list, ms = 5000) {
  const deadline = Date.now() + ms;
  while (list.some(isAlive) && Date.now() < deadline) await delay(100);
  const survivors = list.filter(isAlive);
  for (const pid of survivors) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  return survivors;
}

/**
 * A marker for one group of child processes (one server): `env` carries it, and
 * `sweepStrays(id)` finds only that group.
 */
export function childMarker() {
  const id = randomUUID();
  return { id, env: { [RUN_MARKER]: `${process.env[RUN_MARKER]}:${id}` } };
}

/**
 * Kills every process carrying the marker `id` (by default this run's: everything it started),
 * except this one. Returns their pids.
 */
export function sweepStrays(id = runId, signal = 'SIGKILL') {
  const killed = [];
  for (const pid of pids()) {
    if (pid === process.pid) continue;
    let environ;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    } catch {
      continue;
    }
    const entry = environ.split('\0').find((variable) => variable.startsWith(RUN_MARKER + '='));
    if (
      !entry ||
      !entry
        .slice(RUN_MARKER.length + 1)
        .split(':')
        .includes(id)
    )
      continue;
    try {
      process.kill(pid, signal);
      killed.push(pid);
    } catch {}
  }
  return killed;
}

/**
 * Runs `cleanup` once, on Ctrl+C (SIGINT), SIGTERM or SIGHUP (then exits with `exitCode`, by
 * default 128 + the signal's number) or when called. At exit, whatever of this run still lives
 * is killed.
 * @param {() => unknown} cleanup
 * @param {{ exitCode?: number }} [options]
 */
export function onShutdown(cleanup, { exitCode } = {}) {
  let running = null;
  const run = () =>
    (running ??= Promise.resolve()
      .then(cleanup)
      .catch((error) => log(`cleanup failed: ${error.message}`)));
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      log(`${signal}: stopping ...`);
      run().finally(() => process.exit(exitCode ?? code));
    });
  }
  process.on('exit', () => {
    sweepStrays();
    for (const pid of descendants()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
  });
  return run;
}
