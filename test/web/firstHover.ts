// Bench entry (scripts/bench/web.mjs), not a test: in a fresh VS Code for the Web window, times
// MedTerms' activation and its first hover in the web worker extension host, which includes
// reading the knowledge base through vscode.workspace.fs (over HTTP) and loading it. Then the
// alternative the extension does not take, measured in the same worker: the same data shipped
// inside a JavaScript file (out/web-bench/kb-bundled.js, written by the bench), fetched and
// compiled, against the two data files read through workspace.fs again. Reports one JSON line.
import * as vscode from 'vscode';
import { BUNDLED_KB } from '../../src/core/bundled';
import { REPORT_TAG } from './report';

const ms = (from: number): number => Math.round((performance.now() - from) * 10) / 10;

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('medterms.medterms')!;
  const wasActive = ext.isActive;
  const t0 = performance.now();
  await ext.activate();
  const activationMs = ms(t0);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'numbness-in-hands.md'));
  await vscode.window.showTextDocument(doc);
  const position = doc.positionAt(doc.getText().indexOf('carpal tunnel syndrome') + 2);
  const t1 = performance.now();
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  const firstHoverMs = ms(t1);
  const card = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).find((md) => md.includes('*Review:')) ?? '';
  const t2 = performance.now();
  await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  const warmHoverMs = ms(t2);

  const decoder = new TextDecoder();
  const t3 = performance.now();
  const files = await Promise.all([BUNDLED_KB.entries, BUNDLED_KB.terms].map(async (f) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, f))).length));
  const workspaceFsMs = ms(t3);
  const t4 = performance.now();
  const response = await fetch(vscode.Uri.joinPath(ext.extensionUri, 'out/web-bench/kb-bundled.js').toString(true));
  const source = await response.text();
  const module = { exports: {} as { entries?: string; terms?: string } };
  new Function('module', source)(module);
  const bundledMs = ms(t4);
  const result = {
    wasActive,
    activationMs,
    firstHoverMs,
    warmHoverMs,
    cardFound: card.startsWith('### carpal tunnel syndrome'),
    data: { workspaceFsMs, bundledInJsMs: bundledMs, chars: files.reduce((a, b) => a + b, 0), bundledChars: (module.exports.entries?.length ?? 0) + (module.exports.terms?.length ?? 0) },
  };
  console.log(`${REPORT_TAG}1 ${JSON.stringify(result)}`);
}
