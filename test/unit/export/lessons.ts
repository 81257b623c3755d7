// The seven lessons, run for export as the CLI runs them (load reads beside the lesson).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runForExport, type RanNotebook } from '../../../src/export/run';

export const LESSONS = resolve(__dirname, '../../../lessons');
export const lessonFiles = readdirSync(LESSONS)
  .filter((f) => f.endsWith('.lstm'))
  .sort();

export function lessonInput(file: string) {
  const path = join(LESSONS, file);
  return {
    file: path,
    text: readFileSync(path, 'utf8'),
    readFile: (p: string) => ({ bytes: new Uint8Array(readFileSync(resolve(dirname(path), p))) }),
  };
}

export function runLesson(file: string): RanNotebook {
  return runForExport(lessonInput(file));
}
