import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../src/vscode/constants';
import { cardsAt, flagged, inside, markdown, ROOT } from './helpers';

// The suite opens examples/ as the workspace folder (test/runIntegration.ts); its .medterms/
// exists only while this suite runs, and only if no one made one there.
const KNOWLEDGE = path.join(ROOT, 'examples', '.medterms');

const encoder = new TextEncoder();
// As the explorer or an edit in VS Code makes them (the first test writes with Node's fs, as
// another program would).
const write = async (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(vscode.Uri.file(file), { overwrite: true, contents: encoder.encode(text) });
  assert.ok(await vscode.workspace.applyEdit(edit), `cannot write ${file}`);
};
const remove = async (file: string) => {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(vscode.Uri.file(file));
  assert.ok(await vscode.workspace.applyEdit(edit), `cannot delete ${file}`);
};

/** Polls an async `check` until it returns something truthy; fails with `what` after `ms`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a team's own knowledge (.medterms/), live", () => {
  let created = false;

  before(async function () {
    if (fs.existsSync(KNOWLEDGE)) this.skip();
    await vscode.extensions.getExtension('medterms.medterms')!.activate();
    created = true;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (created) fs.rmSync(KNOWLEDGE, { recursive: true, force: true });
  });

  it('a .medterms/ folder made after activation, and files written in it by another program (Node fs), change hover', async () => {
    const doc = await markdown('Blorvitis is rare.\n');
    assert.deepEqual(await cardsAt(doc, inside(doc, 'Blorvitis')), []);
    // Give the extension a moment to start watching, as a writer would before any file appears.
    await new Promise((r) => setTimeout(r, 500));
    const file = path.join(KNOWLEDGE, 'terms', 'fs.json');
    const entry = (definition: string) => JSON.stringify({ entries: [{ id: 'blorvitis', kind: 'condition', name: 'blorvitis', definition }] });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry('Written by another program.'));
    assert.match((await until('the term of a file in a folder made after activation', async () => (await cardsAt(doc, inside(doc, 'Blorvitis')))[0]))!, /Written by another program/);
    fs.writeFileSync(file, entry('Changed by another program.'));
    await until('the changed definition', async () => ((await cardsAt(doc, inside(doc, 'Blorvitis')))[0]?.includes('Changed by another program') ? true : undefined));
    // A folder made later inside the watched one, and a file in it.
    fs.mkdirSync(path.join(KNOWLEDGE, 'jargon'));
    fs.writeFileSync(path.join(KNOWLEDGE, 'jargon', 'fs.json'), JSON.stringify({ words: [{ term: 'rare', plain: 'uncommon' }] }));
    await until('a jargon file in a subfolder made later', async () => (flagged(doc).some(([code, text]) => code === 'jargon' && text === 'rare') ? true : undefined));
    fs.rmSync(path.join(KNOWLEDGE, 'jargon'), { recursive: true });
    fs.rmSync(file);
    await until('the term gone after the file is deleted', async () => ((await cardsAt(doc, inside(doc, 'Blorvitis'))).length === 0 ? true : undefined));
  });

  it('a team jargon pair added to .medterms/jargon/ is flagged in an open document, and not once it is removed', async () => {
    const doc = await markdown('Do not quarbify the pills.\n');
    const quarbify = () => flagged(doc).some(([code, text]) => code === 'jargon' && text === 'quarbify');
    assert.equal(quarbify(), false);
    const file = path.join(KNOWLEDGE, 'jargon', 'team.json');
    await write(file, JSON.stringify({ words: [{ term: 'quarbify', plain: 'mix up' }] }));
    await until('the team pair flagged', async () => (quarbify() ? true : undefined));
    const range = vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'jargon')!.range;
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
    assert.ok(fixes.some((f) => f.title.includes('mix up')), fixes.map((f) => f.title).join(', '));
    await remove(file);
    await until('the pair no longer flagged', async () => (quarbify() ? undefined : true));
  });

  it('a layer file created, changed and deleted changes hover within a second, without a reload', async () => {
    const doc = await markdown('Zorblaxitis and asthma.\n');
    assert.deepEqual(await cardsAt(doc, inside(doc, 'Zorblaxitis')), []);
    const file = path.join(KNOWLEDGE, 'terms', 'x.json');
    const entry = { id: 'zorblaxitis', kind: 'condition', name: 'zorblaxitis', definition: 'A made-up illness for this test.' };
    await write(file, JSON.stringify({ entries: [entry, { id: 'asthma', definition: 'Our team wording for asthma.' }] }));
    const started = Date.now();
    const card = await until('the new term on hover', async () => (await cardsAt(doc, inside(doc, 'Zorblaxitis')))[0]);
    assert.ok(Date.now() - started < 1_000 + 500, `took ${Date.now() - started} ms`);
    assert.match(card, /### zorblaxitis/);
    assert.match(card, /From \.medterms\/terms\/x\.json/);
    const [asthma] = await cardsAt(doc, inside(doc, 'asthma'));
    assert.match(asthma, /Our team wording for asthma/);
    // The team's wording carries no bundled review: the card says who wrote it.
    assert.match(asthma, /definition, review from \.medterms\/terms\/x\.json/);
    assert.match(asthma, /Review: Not reviewed: your team wrote this/);

    await remove(file);
    await until('the term gone after the file is deleted', async () => ((await cardsAt(doc, inside(doc, 'Zorblaxitis'))).length === 0 ? true : undefined));
  });

  it('a broken layer file shows a diagnostic at the line at fault, and its valid entries still load', async () => {
    const file = path.join(KNOWLEDGE, 'terms', 'broken.json');
    await write(file, '{"entries": [\n  {"id": "quarbitis", "kind": "condition", "name": "quarbitis"},\n  {"id": "bad", "kind": "illness", "name": "bad"}\n]}');
    const uri = vscode.Uri.file(file);
    const diagnostic = await until('a diagnostic on the layer file', async () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'MedTerms'));
    assert.equal(diagnostic.range.start.line, 2);
    assert.equal(diagnostic.range.start.character, 24);
    assert.match(diagnostic.message, /kind must be one of/);
    const doc = await markdown('Quarbitis again.\n');
    await until('the valid entry of the broken file', async () => (await cardsAt(doc, inside(doc, 'Quarbitis')))[0]);
    await remove(file);
    await until('the diagnostic gone', async () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('offers "Add … to workspace knowledge" on an unknown word; the command writes a prefilled entry; undo takes it back', async () => {
    const doc = await markdown('The flumphosis came back.\n');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(inside(doc, 'flumphosis'), inside(doc, 'flumphosis')));
    const add = actions.find((a) => a.title === 'Add "flumphosis" to workspace knowledge');
    assert.ok(add?.command, actions.map((a) => a.title).join(', '));
    assert.equal(add.command.command, Commands.addToWorkspaceKnowledge);
    const known = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', (await markdown('Lupus.\n')).uri, new vscode.Range(0, 1, 0, 1));
    assert.ok(!known.some((a) => a.title.startsWith('Add "')), 'offered for a known term');

    // An existing file: the edit is then one text edit there, undone in its editor (undoing a
    // file's creation asks the writer first, which a test cannot answer).
    const teamFile = vscode.Uri.file(path.join(KNOWLEDGE, 'terms', 'team.json'));
    await write(teamFile.fsPath, '{\n  "entries": []\n}\n');
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, teamFile.fsPath);
    const written = JSON.parse(editor.document.getText());
    assert.equal(written.entries[0].id, 'flumphosis');
    assert.equal(written.entries[0].name, 'flumphosis');
    assert.equal(editor.document.getText(new vscode.Range(editor.selection.active, editor.selection.active.translate(0, 1))), '{');
    await until('the new entry on hover', async () => (await cardsAt(doc, inside(doc, 'flumphosis')))[0]);

    await vscode.commands.executeCommand('undo');
    assert.ok(!editor.document.getText().includes('flumphosis'), editor.document.getText());
    // Saved as it was, so that closing the editor leaves nothing to write after the folder is gone.
    await editor.document.save();
  });
});
