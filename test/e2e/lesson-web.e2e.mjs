// A lesson opened and run in the notebook UI, with the extension in the web worker extension host, as on vscode.dev and github.dev (./lessonSuite.mjs).
import { lessonSuite } from './lessonSuite.mjs';

lessonSuite('web');
