// The one display format for numbers, in the renderer, hovers, the markdown fallback and exports
// (the CLI and --json print numbers the Python way instead: src/core/numbers.ts).

const SIGNIFICANT = 3;
const MIN_DECIMALS = 2;
const MAX_SIGNIFICANT = 15;
/** Differences below this (relative) are floating-point noise, not something to show. */
const NOISE = 1e-9;

/**
 * Display text of one number: integers as integers ("1", "5"), others with 3 significant digits and at
 * least 2 decimals ("6.40", "0.998", "-0.05"), very large or small ones in e-notation ("1.20e-5").
 * A value that rounds to a whole number it is not gets more digits: σ(10) is "0.99995", not "1.00".
 * Anything that is not a number shows as "?", so payload strings never reach the output this way.
 */
export function formatNumber(value: unknown): string {
  if (typeof value !== 'number') return '?';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) return exponential(value);
  if (Number.isInteger(value)) return String(value);
  for (let digits = SIGNIFICANT; digits <= MAX_SIGNIFICANT; digits++) {
    const text = fixedDigits(value, digits);
    if (!roundsToWrongInteger(value, Number(text))) return text;
  }
  return String(value);
}

function fixedDigits(value: number, significant: number): string {
  const leading = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(20, Math.max(MIN_DECIMALS, significant - 1 - leading));
  return trimZeros(value.toFixed(decimals));
}

/** Drops trailing zeros beyond the minimum decimals: "0.0500" → "0.05", but "6.40" stays. */
function trimZeros(text: string): string {
  const point = text.indexOf('.');
  if (point < 0) return text;
  let end = text.length;
  while (end > point + 1 + MIN_DECIMALS && text[end - 1] === '0') end--;
  return text.slice(0, end);
}

function roundsToWrongInteger(value: number, shown: number): boolean {
  if (!Number.isInteger(shown)) return false;
  return Math.abs(value - shown) > NOISE * Math.max(1, Math.abs(value));
}

function exponential(value: number): string {
  const [mantissa, exponent] = value.toExponential(SIGNIFICANT - 1).split('e');
  return `${mantissa}e${Number(exponent)}`;
}

/**
 * A number for a hover or the markdown fallback: the one display format (formatNumber). With `digits`,
 * at most that many decimals instead, for an expect's actual value beside its tolerance.
 */
export function round(value: number, digits?: number): string {
  if (digits === undefined) return formatNumber(value);
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(2);
  return String(Number(value.toFixed(digits)));
}

/** Pre-activations as the walkthroughs write them (6.40): the same display format. */
export const fixed = (value: number): string => formatNumber(value);

/** A gate value as a percentage, by the same rule: 99.8%, but σ(10) keeps 99.995%, not "100%". */
export function percent(value: number): string {
  const share = value * 100;
  for (let digits = 1; digits <= MAX_SIGNIFICANT; digits++) {
    const shown = Number(share.toFixed(digits));
    if (!roundsToWrongInteger(value, shown / 100)) return `${shown}%`;
  }
  return `${share}%`;
}

/** A scalar as itself, a vector as [a, b, …]. */
export function vector(values: readonly number[], format: (value: number) => string = round): string {
  return values.length === 1 ? format(values[0]) : `[${values.map((value) => format(value)).join(', ')}]`;
}
