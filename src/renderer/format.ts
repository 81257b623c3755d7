// Numbers as the walkthroughs print them (0.998, 6.40, 4.99), without ever rounding to a misleading value.

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
    const text = fixed(value, digits);
    if (!roundsToWrongInteger(value, Number(text))) return text;
  }
  return String(value);
}

/** The same number as TeX source: e-notation becomes ×10^n, symbols become TeX commands. */
export function formatTex(value: unknown): string {
  const text = formatNumber(value);
  if (text === '?') return '?';
  if (text === 'NaN') return '\\text{NaN}';
  if (text.endsWith('∞')) return text.replace('∞', '\\infty');
  const match = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  if (!match) return text;
  return `${match[1]}\\times 10^{${Number(match[2])}}`;
}

/** A vector as plain text: one element bare, several in parentheses, long ones cut after `max` with "…". */
export function formatVector(values: readonly unknown[], max = 4): string {
  if (values.length === 1) return formatNumber(values[0]);
  const shown = values.slice(0, max).map(formatNumber);
  if (values.length > max) shown.push('…');
  return `(${shown.join(', ')})`;
}

function fixed(value: number, significant: number): string {
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
