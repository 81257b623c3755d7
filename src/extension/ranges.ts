// Core problems (1-based line and column, length in characters) as VS Code ranges and diagnostics.
import * as vscode from 'vscode';
import type { Problem } from '../core/types';

export function toRange(problem: Pick<Problem, 'line' | 'column' | 'length'>): vscode.Range {
  const line = Math.max(0, problem.line - 1);
  const column = Math.max(0, problem.column - 1);
  return new vscode.Range(line, column, line, column + Math.max(1, problem.length));
}

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toRange(problem), problem.message, severity);
  diagnostic.source = 'lstm';
  return diagnostic;
}
