import * as vscode from 'vscode';
import type { Span } from '../core';

/** The core's offsets as an editor range in `doc`. */
export function rangeOf(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}
