import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // vitest's default leaves one core idle: on a 2-core machine that runs the files one at a time.
    maxWorkers: availableParallelism(),
  },
});
