// lstm-notebook format [--check] FILE…: formats the code cells of notebooks in place. With --check nothing
// is written: exit 1 names the files that would change, 0 when all are formatted. 2: a file could not be read.
import { writeFileSync } from 'node:fs';
import { formatNotebook } from '../core/formatNotebook';
import { messageOf } from '../core/model/modelError';

export const FORMAT_USAGE = 'lstm-notebook format [--check] FILE…';

export function formatFiles(args: readonly string[], readText: (path: string) => string): number {
  const check = args.includes('--check');
  const files = args.filter((arg) => arg !== '--check');
  const unknown = files.find((file) => file.startsWith('--'));
  if (unknown || !files.length) {
    console.error(`lstm-notebook: ${unknown ? `unknown option ${unknown}; ` : ''}usage: ${FORMAT_USAGE}`);
    return 2;
  }
  let unreadable = false;
  let changed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      console.error(`lstm-notebook: ${messageOf(error)}`);
      unreadable = true;
      continue;
    }
    const formatted = formatNotebook(text);
    for (const line of formatted.skipped)
      console.error(
        `${file}:${line}: warning: this code cell has errors, so it was left as it is (see lstm-notebook check).`,
      );
    if (formatted.text === text) continue;
    changed++;
    if (check) console.log(`would reformat ${file}`);
    else {
      writeFileSync(file, formatted.text);
      console.log(`formatted ${file}`);
    }
  }
  if (unreadable) return 2;
  if (check && changed) {
    console.log(`${changed} of ${files.length} file${files.length === 1 ? '' : 's'} would be reformatted.`);
    return 1;
  }
  return 0;
}
