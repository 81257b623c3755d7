// A lesson opened and run in the notebook UI, with the extension in the Node extension host, as in desktop VS Code (./lessonSuite.mjs).
import { lessonSuite } from './lessonSuite.mjs';

lessonSuite('node');
