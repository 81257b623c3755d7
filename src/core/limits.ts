// Limits that keep a hostile or mistaken notebook from exhausting memory or time. Errors name them.

/** Largest H (hidden size) or X (input size). */
export const MAX_DIMENSION = 1024;
/** Most time steps one cell may run. */
export const MAX_STEPS_PER_CELL = 1_000_000;
/**
 * Most tokens in one statement (a number and its comma are two), so a statement's tokens held at once stay
 * bounded. A `run` longer than this can be split into several run lines.
 */
export const MAX_STATEMENT_TOKENS = 100_000;
/**
 * Most tokens in a statement setting weights (a gate or dense line), which cannot be split: room for the
 * largest matrix H and X allow, W of MAX_DIMENSION × 2·MAX_DIMENSION, or wx, wh and b at full size on one line.
 */
export const MAX_WEIGHT_STATEMENT_TOKENS = 4 * MAX_DIMENSION * MAX_DIMENSION + 16 * MAX_DIMENSION + 64;
/** Largest code cell, in characters, the kernel will parse. */
export const MAX_CELL_CHARS = 16 * 1024 * 1024;
/** Largest file the CLI reads and `load` accepts, in bytes. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Numbers of step traces a cell keeps; beyond it only the first and last steps are kept. */
export const MAX_TRACE_NUMBERS = 4_000_000;
/** Largest binary weight file (.pt, .safetensors, .npz) `load` reads, and the most a zip may inflate to. */
export const MAX_WEIGHT_FILE_BYTES = 512 * 1024 * 1024;
