// src/core, src/common and src/renderer map the module 'vscode' here (their tsconfig.json "paths"), so
// that importing it fails with "File '…/no-vscode.d.ts' is not a module": those layers must not use
// the extension API. (Without the mapping, TypeScript would find @types/vscode in node_modules.)
