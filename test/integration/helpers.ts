import { strict as assert } from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

/** The repository root (tests run from out/test/integration). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLE = vscode.Uri.file(path.join(ROOT, 'examples', 'numbness-in-hands.md'));
export const pkg = require(path.join(ROOT, 'package.json'));

export { cardsAt, complete, eventually, flagged, inside, labelOf, markdown, ourDiagnostics } from './editor';


/**
 * Checks that `tab` is VS Code's Markdown preview of the read-only view `uri` (the preview names
 * its tab after the file), and returns that document and its HTML as the preview renders it.
 */
export async function preview(tab: vscode.Tab | undefined, uri: string): Promise<{ doc: vscode.TextDocument; html: string }> {
  assert.ok(tab?.input instanceof vscode.TabInputWebview, `not a webview: ${tab?.label}`);
  assert.match(tab.input.viewType, /(^|-)markdown\.preview$/);
  assert.ok(tab.label.endsWith(uri.slice(uri.lastIndexOf('/') + 1)), tab.label);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return { doc, html: await vscode.commands.executeCommand<string>('markdown.api.render', doc) };
}

/** The open Markdown previews other than About: the entry views, as no test previews a file. */
export function entryTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('markdown.preview') && !t.label.endsWith('about.md'));
}
