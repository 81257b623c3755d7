// vitest's asymmetric matchers are typed `any`; these stand, typed, for the value they match, so an
// object literal that holds one stays typed.
import { expect } from 'vitest';

/** A string that matches `pattern`. */
export const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

/** A number within 10^-digits / 2 of `value`. */
export const near = (value: number, digits: number): number => expect.closeTo(value, digits) as number;

/** A string that does not match `pattern`. */
export const notMatching = (pattern: RegExp): string => expect.not.stringMatching(pattern) as string;
