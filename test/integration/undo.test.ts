import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, ourDiagnostics } from './helpers';

/** A Markdown file on disk, saved with a BOM and CRLF line ends. */
function fileWith(text: string): vscode.Uri {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medterms-undo-')), 'article.md');
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]));
  return vscode.Uri.file(file);
}

/**
 * Makes one of the extension's edits, saves, undoes once and saves again: the file must be the
 * original byte for byte — the edit was one undoable step, and the BOM and CRLF survived it.
 */
async function undoIsExact(text: string, edit: (editor: vscode.TextEditor) => Promise<unknown>): Promise<void> {
  const uri = fileWith(text);
  const original = fs.readFileSync(uri.fsPath);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const before = editor.document.getText();
  await edit(editor);
  assert.notEqual(editor.document.getText(), before, 'the edit changed nothing');
  assert.ok(await editor.document.save());
  assert.notDeepEqual(fs.readFileSync(uri.fsPath), original);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before);
  assert.ok(await editor.document.save());
  assert.deepEqual(fs.readFileSync(uri.fsPath), original, 'the file is not byte for byte what it was');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

describe('Undo restores a CRLF document with a BOM byte for byte', () => {
  before(async () => {
    await vscode.extensions.getExtension('medterms.medterms')!.activate();
  });

  it('after a quick fix', async () => {
    await undoIsExact('# Numb hands\n\nIt can cause paresthesia in the hands.\n', async (editor) => {
      const [jargon] = await eventually('the jargon diagnostic', () => (ourDiagnostics(editor.document).length ? ourDiagnostics(editor.document) : undefined));
      const [fix] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, jargon.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    });
  });

  it('after a person-first quick fix', async () => {
    await undoIsExact('# Feet\n\nDiabetics should check their feet.\n', async (editor) => {
      const [finding] = await eventually('the person-first diagnostic', () => (ourDiagnostics(editor.document).length ? ourDiagnostics(editor.document) : undefined));
      assert.equal(finding.code, 'person-first');
      const [fix] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(editor.document.lineAt(2).text, 'People with diabetes should check their feet.');
    });
  });

  it('after a snippet is inserted', async () => {
    await undoIsExact('# Numb hands\n\nMultiple sclerosis can cause numbness.\n\nThe end.\n', async (editor) => {
      editor.selection = new vscode.Selection(2, 5, 2, 5);
      assert.equal(await vscode.commands.executeCommand('medterms.insertSnippet', { id: 'multiple-sclerosis-what-it-is' }), 'multiple-sclerosis-what-it-is');
      await vscode.commands.executeCommand('leaveSnippet');
      assert.match(editor.document.getText(), /\r\n<!-- \/medterms:snippet -->\r\n\r\nThe end\./);
    });
  });

  it('after a completion is accepted in the suggest widget', async () => {
    await undoIsExact('# Numb hands\n\nSome people with rhuem\n', async (editor) => {
      const end = editor.document.lineAt(2).range.end;
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 1500));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await eventually('the completion to be accepted', () => !editor.document.getText().includes('rhuem'));
      assert.match(editor.document.lineAt(2).text, /^Some people with (polymyalgia rheumatica|rheumatoid arthritis)$/);
    });
  });
});
