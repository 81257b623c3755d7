// lstm-notebook run|check [--json] FILE…: runs notebooks headless. Exit 0 ok, 1 failed, 2 usage or unreadable file.
// lstm-notebook export FILE --to html|ipynb|md: see ./export. lstm-notebook format [--check] FILE…: see ./format.
import { EXPORT_USAGE, exportCommand } from './export';
import { loaderFor, readText, UsageError } from './files';
import { FORMAT_USAGE, formatFiles } from './format';
import { runNotebook, toJson, unreadable, type FileReport } from './runFile';
import { summarize } from './summary';

const USAGE = 'usage: lstm-notebook run|check [--json] FILE…';

function main(args: string[]): number {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') {
    console.log(`${USAGE}\n       ${EXPORT_USAGE.replace(/^usage: /, '')}\n       ${FORMAT_USAGE}`);
    return 0;
  }
  if (command === 'export') return exportCommand(rest);
  if (command === 'format') return formatFiles(rest, readText);
  if (command !== 'run' && command !== 'check') throw new UsageError(USAGE);
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  const unknown = files.find((f) => f.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}; ${USAGE}`);
  if (!files.length) throw new UsageError(USAGE);
  // An unreadable file is reported (and makes the exit code 2) without hiding the others' results.
  const reports: FileReport[] = files.map((file) => {
    try {
      return runNotebook(file, readText(file), { readFile: loaderFor(file) });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`lstm-notebook: ${error.message}`);
      return unreadable(file, error.message.replace(/^cannot read [^:]*: /, ''));
    }
  });
  if (json) {
    const objects = reports.map(toJson);
    console.log(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
  } else {
    console.log(reports.map((r) => summarize(r, command === 'run')).join('\n\n'));
  }
  if (reports.some((r) => r.unreadable)) return 2;
  return reports.every((r) => r.ok) ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`lstm-notebook: ${error.message}`);
  process.exitCode = 2;
}
