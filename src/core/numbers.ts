// Numbers in the `.lstm` language are written the way Python and PyTorch print them.

/** Python's repr for a float, except whole numbers drop ".0" (`2`, but `-0.0` keeps its sign). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Object.is(value, -0)) return '-0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

export function formatVector(values: readonly number[]): string {
  return values.length === 1 ? formatNumber(values[0]) : `[${values.map(formatNumber).join(', ')}]`;
}

/**
 * Matches one number literal at the start of the text: sign, fraction and exponent. The minus may be the
 * Unicode minus sign U+2212 (−) the lessons and renderer print, so a copied value reads as it shows.
 */
export const NUMBER_PATTERN = /^[+\-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-\u2212]?\d+)?/;

/** The value of a literal NUMBER_PATTERN matched (Number() alone reads "−0.5" as NaN). */
export function literalValue(literal: string): number {
  // includes() first: a replace per literal made parsing a million numbers measurably slower.
  return Number(literal.includes('\u2212') ? literal.replace(/\u2212/g, '-') : literal);
}

/**
 * Half a unit in the last decimal place written, e.g. "0.998" → 0.0005, "5" → 0.5, "1.5e-05" → 5e-7:
 * the tolerance an `expect` without `within` uses, so a value is proven to the digits it shows.
 */
export function impliedTolerance(literal: string): number {
  const match = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal.replace(/\u2212/g, '-'));
  if (!match) return 0;
  const decimals = (match[2] ?? '').length;
  const exponent = match[3] ? Number(match[3]) : 0;
  return 0.5 * 10 ** (exponent - decimals);
}
