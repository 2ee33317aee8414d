import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, flagged, markdown, ourDiagnostics } from './helpers';

/** The quick fixes VS Code offers at a diagnostic, as the light bulb lists them. */
async function quickFixes(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** Polls an asynchronous `check` until it holds; fails with `what` after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Applies `fix`, checks the line it gives, undoes it and checks the text is back. */
async function applyAndUndo(doc: vscode.TextDocument, fix: vscode.CodeAction, line: string): Promise<void> {
  const before = doc.getText();
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  assert.equal(doc.lineAt(0).text, line);
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('undo');
  assert.equal(doc.getText(), before);
}

describe('Plain language in a real VS Code (issue 14)', function () {
  // The first diagnostics wait for the knowledge base to load, which a busy machine slows.
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('medterms');

  before(async () => {
    await vscode.extensions.getExtension('medterms.medterms')!.activate();
  });

  afterEach(async () => {
    await config().update('diagnostics.personFirst', undefined, vscode.ConfigurationTarget.Global);
    await config().update('preview.highlightTerms', undefined, vscode.ConfigurationTarget.Global);
  });

  it('flags a general medical word as jargon, with its quick fixes; a fix applies and undoes', async () => {
    const doc = await markdown('Ask your doctor about the prognosis.\n');
    const [diagnostic] = await eventually('the jargon diagnostic', () => (ourDiagnostics(doc).length === 1 ? ourDiagnostics(doc) : undefined), 30_000);
    assert.deepEqual(flagged(doc), [['jargon', 'prognosis']]);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    const fixes = await quickFixes(doc, diagnostic);
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [
      ['Replace with “outlook”', true],
      ['Explain: prognosis (outlook)', false],
    ]);
    await applyAndUndo(doc, fixes[0], 'Ask your doctor about the outlook.');
  });

  it('flags wording that is not person-first, with the reason and a quick fix; a fix applies and undoes', async () => {
    const doc = await markdown('Diabetics should check their feet every day.\n');
    const [diagnostic] = await eventually('the person-first diagnostic', () => (ourDiagnostics(doc).length === 1 ? ourDiagnostics(doc) : undefined), 30_000);
    assert.deepEqual(flagged(doc), [['person-first', 'Diabetics']]);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostic.message, /^“Diabetics”: consider “people with diabetes”\. /);
    const fixes = await quickFixes(doc, diagnostic);
    assert.deepEqual(fixes.map((f) => f.title), ['Replace with “People with diabetes”']);
    await applyAndUndo(doc, fixes[0], 'People with diabetes should check their feet every day.');
  });

  it('medterms.diagnostics.personFirst off removes the person-first diagnostics', async () => {
    const doc = await markdown('She suffers from migraine and asks about the prognosis.\n');
    await eventually('both diagnostics', () => ourDiagnostics(doc).length === 2, 30_000);
    await config().update('diagnostics.personFirst', 'off', vscode.ConfigurationTarget.Global);
    await eventually('person-first to be gone', () => ourDiagnostics(doc).length === 1, 30_000);
    assert.deepEqual(flagged(doc), [['jargon', 'prognosis']]);
  });

  it('the Markdown preview marks terms with their plain definition; the setting turns it off', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medterms-preview-')), 'article.md');
    fs.writeFileSync(file, '# Lupus\n\nLupus can cause joint pain. Write `lupus` in code.\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const render = () => vscode.commands.executeCommand<string>('markdown.api.render', doc);
    const MARK = /<span class="medterms-term" title="([^"]+)" data-medterms-id="([^"]+)">Lupus<\/span> can cause/;
    let html = '';
    await until('a marked term in the preview', async () => MARK.test((html = await render())));
    const [, title, id] = MARK.exec(html)!;
    assert.match(title, /^\S.{20,}/);
    assert.ok(id.length > 0);
    assert.match(html, /<code>lupus<\/code>/);
    await config().update('preview.highlightTerms', false, vscode.ConfigurationTarget.Global);
    await until('marks to be gone', async () => !(await render()).includes('medterms-term'));
  });
});
