// A weight file we cannot read or run exactly: the message says why, in the learner's words.
export class ModelError extends Error {}

/** What a caught error says (a parser's SyntaxError, an inflater's Error), for a message of our own. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
