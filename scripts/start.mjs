// `npm start`: try the extension in a real VS Code. Installs code-server and Node 24 into .cache/
// (once), builds the extension, installs it into a fresh code-server and opens lessons/.
//
//   npm start                        serve on 127.0.0.1, print the URL, stop with Ctrl+C
//   npm start -- --port 8080         a fixed port (default: a free one)
//   npm start -- --vsix              install the packaged .vsix instead of linking the repository
//   npm start -- --web               run the extension in the web worker extension host, as vscode.dev does
//   npm start -- --headless          no browser of yours: open a lesson in headless Chromium, Run All,
//   npm run screenshots                and save screenshots in light and dark themes to screenshots/
//   npm start -- --headless --lesson 02-name.lstm | --all
//
// The repository is linked into the extensions folder, so after a rebuild (`npm run build`, or
// `node esbuild.mjs --watch` in another terminal) "Developer: Reload Window" shows the change.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureChromium, ensureCodeServer, REPO_ROOT, rel } from './lib/cache.mjs';
import { extensionHostSettings, startCodeServer } from './lib/code-server.mjs';
import { buildExtension, packageVsix } from './lib/extension.mjs';
import { log, seconds, step } from './lib/log.mjs';
import { onShutdown } from './lib/processes.mjs';
import { inspectOutputs, LESSONS_DIR, listLessons, openLesson, openWorkbench, runAll } from './lib/workbench.mjs';

const { values: options } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    port: { type: 'string' },
    vsix: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    lesson: { type: 'string' },
    all: { type: 'boolean', default: false },
    out: { type: 'string', default: join(REPO_ROOT, 'screenshots') },
  },
});

const started = Date.now();

async function prepare() {
  await ensureCodeServer();
  if (!options['no-build']) buildExtension();
  return options.vsix ? packageVsix(join(REPO_ROOT, '.cache', 'lstm-notebooks.vsix')) : undefined;
}

/** Serves VS Code until Ctrl+C. */
async function serve() {
  const vsix = await prepare();
  const folder = existsSync(LESSONS_DIR) ? LESSONS_DIR : REPO_ROOT;
  const server = await startCodeServer({
    port: options.port ? Number(options.port) : undefined,
    folder,
    ...(vsix ? { vsixFiles: [vsix] } : { extensions: [REPO_ROOT] }),
    settings: extensionHostSettings(options.web ? 'web' : 'node', [REPO_ROOT]),
  });
  let stopping = false;
  const stop = onShutdown(
    () => {
      stopping = true;
      return server.stop();
    },
    { exitCode: 0 },
  );
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  const where = options.web ? ', in the web worker extension host' : '';
  log(
    `VS Code ${vsix ? `with ${rel(vsix)}` : '(extension linked from this repository)'}${where} is ready after ${seconds(started)}:`,
  );
  process.stdout.write(`\n    ${url}\n\n`);
  log(
    `Open it in a browser on this machine (or forward port ${server.port}), open a .lstm lesson and press "Run All".`,
  );
  if (!vsix) log('After a rebuild (npm run build), run "Developer: Reload Window" to load the new code.');
  log(`Server log: ${server.logFile}. Stop with Ctrl+C.`);
  const { code, signal } = await new Promise((r) => server.child.on('exit', (c, s) => r({ code: c, signal: s })));
  if (stopping) return 0;
  log(`code-server exited by itself (${code ?? signal})`);
  await stop();
  return code === 0 ? 0 : 1;
}

/** Opens lessons in headless Chromium and saves screenshots of their outputs, light and dark. */
async function screenshots() {
  const vsix = await prepare();
  ensureChromium();
  const lessons = options.all ? listLessons() : [options.lesson ?? listLessons()[0]].filter(Boolean);
  if (lessons.length === 0) throw new Error(`no .lstm lesson in ${rel(LESSONS_DIR)}/`);
  mkdirSync(options.out, { recursive: true });
  let workbench;
  const stop = onShutdown(() => workbench?.close());
  let problems = 0;
  // One fresh window per theme: the renderer picks mermaid's theme when it draws.
  for (const theme of /** @type {const} */ (['light', 'dark'])) {
    workbench = await openWorkbench({
      theme,
      vsix,
      viewport: { width: 1400, height: 1000 },
      extensionHost: options.web ? 'web' : 'node',
    });
    try {
      for (const lesson of lessons) {
        const done = step(`${lesson}, ${theme} theme: open, Run All, screenshots`);
        await openLesson(workbench.page, lesson);
        await runAll(workbench.page);
        const prefix = `${lesson.replace(/\.lstm$/, '').replace(/[\\/]/g, '-')}-${theme}`;
        const seen = await inspectOutputs(workbench.page, { shots: { dir: options.out, prefix } });
        const missing = ['diagram', 'formula'].filter((key) => !seen.screenshots.includes(key));
        if (seen.cells.error || missing.length || seen.error) problems++;
        done(
          `${seen.cells.success} cell(s) ran, ${seen.cells.error} failed; ${seen.diagram} diagram(s), ${seen.formula} formula(s), ` +
            `${seen.error} drawing error(s)${missing.length ? `; no ${missing.join(' or ')} seen` : ''}`,
        );
      }
    } finally {
      await workbench.close();
    }
  }
  await stop();
  log(`Screenshots in ${rel(options.out)}/ (${seconds(started)} in all)`);
  return problems ? 1 : 0;
}

process.exitCode = await (options.headless ? screenshots() : serve()).catch((error) => {
  console.error(error.stack ?? error);
  return 1;
});
