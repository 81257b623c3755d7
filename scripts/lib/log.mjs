// Console output of the harness: one prefix, and steps that say how long they took.

export function log(message) {
  process.stdout.write(`[harness] ${message}\n`);
}

/** Logs the start of a step; the returned function logs its end with the time it took. */
export function step(message) {
  const started = Date.now();
  log(`${message} ...`);
  return (suffix = 'done') => log(`${suffix} (${seconds(started)})`);
}

export const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
