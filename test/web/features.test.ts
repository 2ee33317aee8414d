// The features a writer uses, in VS Code for the Web: MedTerms' `browser` bundle in the web
// worker extension host, the knowledge base read through vscode.workspace.fs from the
// extension's URI (over HTTP), the example article in a virtual workspace. A subset of the
// desktop suite (test/integration), sharing its editor helpers; what differs in the browser is
// the host, the bundle and the file system, which every test here goes through.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cardsAt, complete, eventually, flagged, inside, labelOf, markdown, ourDiagnostics } from '../integration/editor';

const EXTENSION_ID = 'medterms.medterms';
const MS_SNIPPET = 'multiple-sclerosis-what-it-is';

describe('MedTerms in VS Code for the Web (web worker extension host)', () => {
  let example: vscode.TextDocument;

  before(async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    example = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'numbness-in-hands.md'));
    await vscode.window.showTextDocument(example);
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('medterms').update('diagnostics.jargon', undefined, vscode.ConfigurationTarget.Global);
  });

  it('runs as a web extension in a browser worker, on a virtual workspace', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    // A dedicated worker's global scope: the web worker extension host, not a Node one.
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'Node’s process in the host');
    assert.equal(vscode.workspace.workspaceFolders![0].uri.scheme, 'vscode-test-web');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI);
  });

  describe('hover', () => {
    it('shows the card of a term: name, kind, definition, codes, sources, review', async () => {
      const [card] = await cardsAt(example, inside(example, 'multiple sclerosis (MS)'));
      assert.ok(card, 'no MedTerms hover');
      for (const part of ['### multiple sclerosis (MS)', '*Condition*', 'myelin', 'ICD-10-CM G35', 'D009103', '**Sources:**', 'Review:']) {
        assert.ok(card.includes(part), `missing ${part}:\n${card}`);
      }
    });

    it('knows abbreviations, diacritics and lay terms, and stays silent in code', async () => {
      for (const [term, heading] of [
        ['CTS', '### carpal tunnel syndrome'],
        ["Sjogren's", "### Sjögren's syndrome"],
        ['pins and needles', '### paresthesia'],
      ]) {
        const cards = await cardsAt(example, inside(example, term));
        assert.ok(cards.some((c) => c.startsWith(heading)), `${term}: ${cards.join('\n---\n') || 'no card'}`);
      }
      const doc = await markdown('`lupus` and lupus\n');
      assert.deepEqual(await cardsAt(doc, inside(doc, 'lupus', 0)), []);
      assert.equal((await cardsAt(doc, inside(doc, 'lupus', 1))).length, 1);
    });
  });

  describe('completion', () => {
    it('forgives a misspelling and replaces only the term’s words', async () => {
      const items = await complete('Some people with rhuem');
      assert.ok(items.length > 0, 'nothing offered');
      const doc = vscode.window.activeTextEditor!.document;
      assert.equal(doc.getText(items[0].range as vscode.Range), 'rhuem');
      assert.match(labelOf(items[0]), /^rheumatoid arthritis$/i, items.map(labelOf).join(', '));
    });

    it('inserts the canonical spelling, with the card as documentation', async () => {
      const items = await complete('Pain from carpel tun');
      const item = items.find((i) => labelOf(i) === 'carpal tunnel syndrome');
      assert.ok(item, items.map(labelOf).join(', '));
      assert.match((item.documentation as vscode.MarkdownString).value, /G56\.0/);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.replace(item.range as vscode.Range, labelOf(item)));
      assert.equal(editor.document.getText(), 'Pain from carpal tunnel syndrome');
    });
  });

  describe('look-up', () => {
    it('Look Up Term… finds multiple sclerosis by its code and opens its entry', async () => {
      await vscode.window.showTextDocument(example, vscode.ViewColumn.One);
      const chosen = vscode.commands.executeCommand<string | undefined>('medterms.lookUpTerm', 'G35');
      let settled = false;
      void chosen.then(() => (settled = true));
      // The quick pick has no event for "shown": accept until the command answers.
      for (const until = Date.now() + 15_000; !settled && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 250));
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      assert.equal(await chosen, 'multiple-sclerosis');
      const entry = await vscode.workspace.openTextDocument(vscode.Uri.parse('medterms:/entry/multiple-sclerosis.md'));
      assert.match(entry.getText(), /^### multiple sclerosis \(MS\)\n/);
      assert.match(entry.getText(), /ICD-10-CM G35/);
    });

    it('Look Up Term at Cursor opens the entry of the term under the cursor', async () => {
      const editor = await vscode.window.showTextDocument(example, vscode.ViewColumn.One);
      const at = inside(example, 'CTS');
      editor.selection = new vscode.Selection(at, at);
      assert.equal(await vscode.commands.executeCommand('medterms.lookUpTermAtCursor'), 'carpal-tunnel-syndrome');
    });
  });

  describe('diagnostics and quick fixes', () => {
    const TEXT = 'MS can cause paresthesia in the hands.\n\nMultiple sclerosis is common.\n';

    it('flags jargon and an early abbreviation; a quick fix explains the jargon and is undoable', async () => {
      const doc = await markdown(TEXT);
      const [abbreviation, jargon] = await eventually('diagnostics', () => (ourDiagnostics(doc).length === 2 ? ourDiagnostics(doc) : undefined), 15_000);
      assert.deepEqual(flagged(doc), [
        ['abbreviation', 'MS'],
        ['jargon', 'paresthesia'],
      ]);
      assert.equal(abbreviation.message, 'Spell out “MS” at first use: “Multiple sclerosis (MS)”.');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, jargon.range, vscode.CodeActionKind.QuickFix.value);
      const explain = actions.find((a) => a.title === 'Explain: paresthesia (pins and needles or tingling)');
      assert.ok(explain?.edit, actions.map((a) => a.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(explain.edit));
      assert.equal(doc.lineAt(0).text, 'MS can cause paresthesia (pins and needles or tingling) in the hands.');
      await eventually('the jargon diagnostic to clear', () => ourDiagnostics(doc).length === 1);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), TEXT);
    });

    it('follows its settings: severity off removes a rule’s diagnostics', async () => {
      const doc = await markdown(TEXT);
      await eventually('diagnostics', () => ourDiagnostics(doc).length === 2, 15_000);
      await vscode.workspace.getConfiguration('medterms').update('diagnostics.jargon', 'off', vscode.ConfigurationTarget.Global);
      await eventually('jargon to be gone', () => ourDiagnostics(doc).length === 1);
      assert.deepEqual(flagged(doc), [['abbreviation', 'MS']]);
    });
  });

  describe('vetted snippets', () => {
    it('inserts a snippet in provenance markers; an edit inside it is flagged snippet-edited', async () => {
      const doc = await markdown('');
      assert.equal(await vscode.commands.executeCommand('medterms.insertSnippet', { id: MS_SNIPPET }), MS_SNIPPET);
      await vscode.commands.executeCommand('leaveSnippet');
      const text = doc.getText();
      assert.match(text, /^<!-- medterms:snippet id=multiple-sclerosis-what-it-is v=\d+ sha=[0-9a-f]{8} -->\n[^]*\n<!-- \/medterms:snippet -->\n?$/);
      assert.ok(/[Mm]ultiple sclerosis/.test(text.split('\n').slice(1, -2).join('\n')), text);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Edited. '));
      await eventually('snippet-edited', () => ourDiagnostics(doc).some((d) => d.code === 'snippet-edited'), 15_000);
    });
  });
});
