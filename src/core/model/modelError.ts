// A weight file we cannot read or run exactly: the message says why, in the learner's words.
export class ModelError extends Error {}
