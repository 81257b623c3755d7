// The shared activate of both entries (node.ts, web.ts): a flat list of registrations. Each piece
// lives in its own file; what differs between the hosts comes in `platform`.
import * as vscode from 'vscode';
import { AnalysisCache } from './analysis';
import { copyLessons, newNotebook, openLesson, restartKernel } from './commands';
import { CompletionProvider } from './completion';
import { CellDiagnostics } from './diagnostics';
import { exportCommands } from './exportCommands';
import { FileProblems } from './fileProblems';
import { CellFormatter } from './formatting';
import { HoverProvider } from './hover';
import { ResultHints } from './inlayHints';
import { LstmKernel } from './kernel';
import { newLesson } from './newLesson';
import type { Platform } from './platform';
import { QuickFixProvider } from './quickFix';
import { useRealPath } from './realPath';
import { CellResults } from './results';
import { CELL_LANGUAGE, LstmSerializer, NOTEBOOK_TYPE, serializerOptions } from './serializer';
import { registerWriteBack } from './writeBack';

/** What `activate` gives other extensions (and the tests): which extension host this copy runs in. */
export interface LstmNotebooksApi {
  readonly host: Platform['host'];
}

export function activate(context: vscode.ExtensionContext, platform: Platform): LstmNotebooksApi {
  useRealPath(platform.realpath);
  const analyses = new AnalysisCache();
  const results = new CellResults();
  const diagnostics = new CellDiagnostics(analyses);
  const hints = new ResultHints();
  const kernel = new LstmKernel(results, diagnostics, hints);
  const cells: vscode.DocumentSelector = { language: CELL_LANGUAGE };

  context.subscriptions.push(
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new LstmSerializer(), serializerOptions),
    kernel,
    diagnostics,
    new FileProblems(),
    registerWriteBack(),
    vscode.languages.registerHoverProvider(cells, new HoverProvider(analyses, results)),
    vscode.languages.registerCompletionItemProvider(cells, new CompletionProvider(analyses)),
    vscode.languages.registerCodeActionsProvider(cells, new QuickFixProvider(diagnostics), QuickFixProvider.metadata),
    vscode.languages.registerDocumentFormattingEditProvider(cells, new CellFormatter()),
    hints,
    vscode.languages.registerInlayHintsProvider(cells, hints),
    vscode.commands.registerCommand('lstm-notebook.new', () => newNotebook()),
    vscode.commands.registerCommand('lstm-notebook.newLesson', () => newLesson()),
    vscode.commands.registerCommand('lstm-notebook.restart', (argument: unknown) => restartKernel(kernel, argument)),
    vscode.commands.registerCommand('lstm-notebook.copyLessons', (parent: unknown) =>
      copyLessons(context.extensionUri, parent),
    ),
    vscode.commands.registerCommand('lstm-notebook.openLesson', (name: unknown) =>
      openLesson(context.extensionUri, name),
    ),
    ...exportCommands(context.extensionUri, platform.host),
  );
  return { host: platform.host };
}
