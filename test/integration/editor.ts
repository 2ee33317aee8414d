// Editor helpers for the integration suites that need nothing but the \`vscode\` API, so the
// desktop suite (test/integration) and the web worker suite (test/web) share them: no Node
// built-ins here, the web test bundle runs in a browser worker.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';

/** The Markdown of every hover at `position` that MedTerms gave (its cards end with a review line). */
export async function cardsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((md) => md.includes('*Review:'));
}

/**
 * Position inside the `nth` whole-word occurrence of `needle` (a character in), matched in its
 * own casing if it occurs so, else in any casing.
 */
export function inside(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  const text = doc.getText();
  const pattern = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const flags of ['g', 'gi']) {
    const at = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, `${flags}u`))][nth]?.index;
    if (at !== undefined) return doc.positionAt(at + Math.min(1, needle.length - 1));
  }
  assert.fail(`"${needle}" #${nth} not in ${doc.uri.path}`);
}

export async function markdown(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * MedTerms term completions at the end of a one-line document, in the order VS Code shows them:
 * their documentation resolved (VS Code resolves the item it shows), sorted by `sortText` — VS
 * Code's own order when, as the tests check, every item has the same range and filter text.
 */
export async function complete(line: string): Promise<vscode.CompletionItem[]> {
  const doc = await markdown(line);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(line.length), undefined, 100);
  const ours = list.items.filter((i) => typeof i.documentation === 'object' && i.documentation.value.includes('*Review:'));
  return ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

/** MedTerms diagnostics of a document. */
export function ourDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'MedTerms');
}

/** Polls `check` until it returns something truthy; fails with `what` after `ms`. */
export async function eventually<T>(what: string, check: () => T | undefined, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `[code, text under the range]` of each MedTerms diagnostic, in order. */
export function flagged(doc: vscode.TextDocument): [string, string][] {
  return ourDiagnostics(doc).map((d) => [String(d.code), doc.getText(d.range)]);
}

