// Short number formats for hovers and the markdown fallback, where a few digits read better than
// the full float the core prints.

/** At most `digits` decimals, trailing zeros dropped: 0.99786 → "0.998", 5 → "5", −0.0001 → "-0". */
export function round(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(2);
  return String(Number(value.toFixed(digits)));
}

/** Exactly `digits` decimals, as the walkthroughs write pre-activations: 6.4 → "6.40". */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

export function percent(value: number): string {
  return `${Number((value * 100).toFixed(1))}%`;
}

/** A scalar as itself, a vector as [a, b, …]. */
export function vector(values: readonly number[], format: (value: number) => string = round): string {
  return values.length === 1 ? format(values[0]) : `[${values.map((value) => format(value)).join(', ')}]`;
}
