// Numbers as the walkthroughs print them (0.998, 6.40, 4.99), without ever rounding to a misleading value.

import { formatNumber } from '../common/numbers';

export { formatNumber };

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
