import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { eventually, inside, labelOf, markdown, ourDiagnostics } from './helpers';

const MS = 'multiple-sclerosis-what-it-is';
const OPEN = /<!-- medterms:snippet id=([a-z0-9-]+) v=(\d+) sha=([0-9a-f]{8}) -->/;
const CLOSE = '<!-- /medterms:snippet -->';

/** A snippet's marked block as inserted into an empty document, slots at their defaults. */
async function markedText(id: string): Promise<string> {
  const scratch = await markdown('');
  assert.equal(await vscode.commands.executeCommand('medterms.insertSnippet', { id }), id);
  await vscode.commands.executeCommand('leaveSnippet');
  return scratch.getText();
}

/** MedTerms diagnostics of one rule, once there are `count` of them. */
function diagnosticsOf(doc: vscode.TextDocument, rule: string, count = 1): Promise<vscode.Diagnostic[]> {
  return eventually(`${count} ${rule} diagnostic(s)`, () => {
    const found = ourDiagnostics(doc).filter((d) => d.code === rule);
    return found.length === count ? found : undefined;
  });
}

async function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.edit || a.command?.command.startsWith('medterms.'));
}

/** Runs a code action as VS Code does: its edit, then its command. */
async function run(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  return action.command ? vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])) : undefined;
}

/**
 * Accepts the active item of the quick pick a command shows, once it shows: VS Code has no event
 * for that, so accept is sent until the command's promise settles (a no-op while none is open).
 */
async function acceptQuickPick<T>(pending: Promise<T>, ms = 15_000): Promise<T> {
  let settled = false;
  const result = pending.finally(() => (settled = true));
  for (const until = Date.now() + ms; !settled && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 250));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

function tabsOf(scheme: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(({ input }) => (input instanceof vscode.TabInputTextDiff ? input.modified.scheme === scheme : input instanceof vscode.TabInputText && input.uri.scheme === scheme));
}

describe('Vetted snippets in a real VS Code', () => {
  let msBlock: string;

  before(async () => {
    await vscode.extensions.getExtension('medterms.medterms')!.activate();
    msBlock = await markedText(MS);
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('medterms').update('snippets.markers', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('inserts a snippet wrapped in provenance markers, the vetted text between them', () => {
    const lines = msBlock.split('\n');
    assert.match(lines[0], OPEN);
    assert.equal(OPEN.exec(lines[0])![1], MS);
    assert.equal(lines[lines.length - 1], CLOSE);
    assert.match(msBlock, /^Multiple sclerosis \(MS\) is a long-term disease/m);
  });

  it('Insert Vetted Snippet… offers the article’s snippets first, previews the active one, and its insert is undone in one step', async () => {
    const text = 'Some people with multiple sclerosis feel numb.\n\n\n\nThe end.\n';
    const doc = await markdown(text);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const chosen = vscode.commands.executeCommand<string | undefined>('medterms.insertSnippet');
    const preview = await eventually('the preview of the active snippet', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.startsWith('/snippet/')));
    assert.match(preview.document.getText(), /Source-checked \(MedTerms writer\)[^]*not reviewed by a clinician/);
    const id = await acceptQuickPick(Promise.resolve(chosen));
    assert.ok(id, 'nothing was inserted');
    // The first offered is about the article's main term (multiple sclerosis, counted twice as main term).
    assert.match(id, /^multiple-sclerosis-/);
    assert.equal(OPEN.exec(doc.getText())?.[1], id);
    assert.ok(doc.getText().startsWith('Some people with multiple sclerosis feel numb.\n\n<!-- medterms:snippet'), doc.getText().slice(0, 120));
    assert.ok(doc.getText().endsWith(`${CLOSE}\n\nThe end.\n`), 'the block is not on lines of its own before the next paragraph');
    await eventually('the preview to close', () => !vscode.window.visibleTextEditors.some((e) => e.document.uri.path.startsWith('/snippet/')));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), text, 'undo did not restore the document byte for byte');
  });

  it('inserts after the paragraph the cursor is in, never splitting the writer’s sentence', async () => {
    const text = 'MS affects\nthe nerves. It varies.\nNext line.\n\nLater paragraph.';
    const doc = await markdown(text);
    const editor = await vscode.window.showTextDocument(doc);
    const mid = doc.positionAt(text.indexOf('nerves') + 2);
    editor.selection = new vscode.Selection(mid, mid);
    await vscode.commands.executeCommand('medterms.insertSnippet', { id: MS });
    await vscode.commands.executeCommand('leaveSnippet');
    assert.equal(doc.getText(), `MS affects\nthe nerves. It varies.\nNext line.\n\n${msBlock}\n\nLater paragraph.`);
  });

  it('with medterms.snippets.markers off, inserts the bare text', async () => {
    await vscode.workspace.getConfiguration('medterms').update('snippets.markers', false, vscode.ConfigurationTarget.Global);
    const doc = await markdown('');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('medterms.insertSnippet', { id: MS });
    assert.equal(doc.getText(), msBlock.split('\n').slice(1, -1).join('\n'));
  });

  it('an edit inside a block is flagged snippet-edited; Restore brings back the vetted text, Detach keeps the text without markers', async () => {
    const edited = msBlock.replace('long-term disease', 'short-lived disease');
    const doc = await markdown(`Intro.\n\n${edited}\n`);
    const [diagnostic] = await diagnosticsOf(doc, 'snippet-edited');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, 2);
    const inBlock = new vscode.Range(inside(doc, 'short-lived'), inside(doc, 'short-lived'));
    const actions = await quickFixes(doc, inBlock);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Restore the vetted text (v1)', 'Detach: remove the snippet markers, keep the text', 'Compare with the vetted text'],
    );
    assert.equal(doc.getText(), `Intro.\n\n${edited}\n`, 'asking for fixes changed the document');

    await run(actions[2]);
    const diff = await eventually('the comparison', () => tabsOf('medterms').find((t) => t.input instanceof vscode.TabInputTextDiff));
    assert.match(diff.label, /Compare with the vetted text/);
    await vscode.window.showTextDocument(doc);

    await run(actions[0]);
    await vscode.commands.executeCommand('leaveSnippet');
    assert.equal(doc.getText(), `Intro.\n\n${msBlock}\n`);
    await eventually('snippet-edited to clear', () => ourDiagnostics(doc).every((d) => d.code !== 'snippet-edited'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), `Intro.\n\n${edited}\n`);

    const [again] = await diagnosticsOf(doc, 'snippet-edited');
    const detach = (await quickFixes(doc, again.range)).find((a) => a.title.startsWith('Detach'))!;
    await run(detach);
    assert.equal(doc.getText(), `Intro.\n\n${edited.split('\n').slice(1, -1).join('\n')}\n`);
  });

  it('re-wrapping a block’s lines is not an edit', async () => {
    const [open, ...rest] = msBlock.split('\n');
    const close = rest.pop()!;
    const rewrapped = rest.join('\n').replace(/\. /g, '.\n');
    const doc = await markdown(`${open}\n${rewrapped}\n${close}\n\nIt can cause paresthesia.\n`);
    // Once the jargon after the block is flagged, the whole document has been checked.
    await diagnosticsOf(doc, 'jargon');
    assert.deepEqual(ourDiagnostics(doc).map((d) => d.code), ['jargon']);
  });

  it('an older version is flagged snippet-outdated; Update shows the diff, asks, then replaces the block', async () => {
    const old = `<!-- medterms:snippet id=${MS} v=0 sha=00000000 -->\nAn older text about MS.\n${CLOSE}`;
    const doc = await markdown(`${old}\n`);
    const [diagnostic] = await diagnosticsOf(doc, 'snippet-outdated');
    assert.match(diagnostic.message, /newer version in the library: v1 \(this block has v0\)/);
    const update = (await quickFixes(doc, diagnostic.range)).find((a) => a.title === 'Update to v1…');
    assert.ok(update?.command, 'no Update action that previews first');
    const applied = run(update);
    await eventually('the diff before the update', () => tabsOf('medterms').find((t) => t.input instanceof vscode.TabInputTextDiff));
    assert.equal(doc.getText(), `${old}\n`, 'the update was applied before the writer confirmed it');
    assert.equal(await acceptQuickPick(applied), true);
    await vscode.commands.executeCommand('leaveSnippet');
    assert.equal(doc.getText(), `${msBlock}\n`);
    await eventually('snippet-outdated to clear', () => ourDiagnostics(doc).every((d) => d.code !== 'snippet-outdated'));
  });

  it('a marker MedTerms cannot use is flagged snippet-marker: unknown id, start without end', async () => {
    const doc = await markdown(`<!-- medterms:snippet id=no-such-snippet v=1 sha=12345678 -->\nText.\n${CLOSE}\n\n<!-- medterms:snippet id=${MS} v=1 sha=2ff26a1c -->\nNo end.\n`);
    const found = await diagnosticsOf(doc, 'snippet-marker', 2);
    assert.deepEqual(
      found.map((d) => d.range.start.line),
      [0, 4],
    );
    assert.match(found[0].message, /No snippet "no-such-snippet"/);
    assert.match(found[1].message, /no end marker/);
  });

  it('vetted text pasted without markers is found, and Mark as vetted snippet wraps it', async () => {
    const bare = msBlock.split('\n').slice(1, -1).join('\n');
    const doc = await markdown(`# About MS\n\n${bare}\n`);
    const [diagnostic] = await diagnosticsOf(doc, 'snippet-unmarked');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Hint);
    const [mark] = await quickFixes(doc, diagnostic.range);
    assert.equal(mark.title, 'Mark as vetted snippet');
    await run(mark);
    assert.equal(doc.getText(), `# About MS\n\n${msBlock}\n`);
    await eventually('snippet-unmarked to clear', () => ourDiagnostics(doc).every((d) => d.code !== 'snippet-unmarked'));
  });

  it('a near copy without markers is found, and Replace with the vetted text shows the diff, asks, then puts the marked snippet in its place', async () => {
    const bare = msBlock.split('\n').slice(1, -1).join('\n');
    const near = bare.replace('long-term disease', 'lifelong illness').replace('more common in women', 'more usual in women');
    const doc = await markdown(`# About MS\n\n${near}\n`);
    const [diagnostic] = await diagnosticsOf(doc, 'snippet-unmarked');
    assert.match(diagnostic.message, /close to the vetted snippet “What multiple sclerosis is”/);
    const actions = await quickFixes(doc, diagnostic.range);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace with the vetted text…', 'Compare with the vetted text'],
    );
    const applied = run(actions[0]);
    await eventually('the diff before the replacement', () => tabsOf('medterms').find((t) => t.input instanceof vscode.TabInputTextDiff));
    assert.equal(await acceptQuickPick(applied), true);
    await vscode.commands.executeCommand('leaveSnippet');
    assert.equal(doc.getText(), `# About MS\n\n${msBlock}\n`);
  });

  it('shows a CodeLens above each block with its title, status, version and review date', async () => {
    const doc = await markdown(`${msBlock}\n`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'medterms.showSnippet');
    assert.equal(ours.length, 1);
    assert.equal(ours[0].range.start.line, 0);
    assert.match(ours[0].command!.title, /What multiple sclerosis is · vetted · v1 · review due \d{4}-\d{2}-\d{2} · source-checked/);
  });

  it('/snippet in prose completes to snippets, the article’s first, and inserts the marked block', async () => {
    const text = 'Multiple sclerosis can cause numbness.\n\n/snippet';
    const doc = await markdown(text);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(text.length), '/');
    const items = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference && i.insertText instanceof vscode.SnippetString && i.insertText.value.includes('medterms:snippet'));
    assert.ok(items.length >= 60, `only ${items.length} snippet items`);
    const ordered = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.match(labelOf(ordered[0]), /multiple sclerosis/i);
    // No term completions for the command word.
    assert.ok(!list.items.some((i) => typeof i.documentation === 'object' && i.documentation.value.includes('*Review:')));
    const item = ordered.find((i) => labelOf(i) === 'What multiple sclerosis is')!;
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(item.insertText as vscode.SnippetString, item.range as vscode.Range);
    await vscode.commands.executeCommand('leaveSnippet');
    assert.equal(doc.getText(), `Multiple sclerosis can cause numbness.\n\n${msBlock}`);
  });

  it('the hover card of a term offers to insert a snippet about it', async () => {
    const doc = await markdown('Multiple sclerosis is common.\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inside(doc, 'sclerosis'));
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const link = /\[Insert snippet about multiple sclerosis\]\(command:medterms\.insertSnippet\?([^)]+)\)/.exec(md);
    assert.ok(link, 'no insert link on the card');
    const args = JSON.parse(decodeURIComponent(link[1]));
    assert.deepEqual(args, [{ term: 'multiple-sclerosis', line: 0 }]);
    // Following the link offers the snippets about MS and inserts the chosen one after the hovered paragraph, wherever the cursor is.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\nAnother paragraph.\n'));
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    const id = await acceptQuickPick(Promise.resolve(vscode.commands.executeCommand<string | undefined>('medterms.insertSnippet', ...args)));
    assert.match(id ?? '', /^multiple-sclerosis-/);
    await vscode.commands.executeCommand('leaveSnippet');
    assert.match(doc.getText(), /^Multiple sclerosis is common\.\n\n<!-- medterms:snippet id=multiple-sclerosis-[^]*<!-- \/medterms:snippet -->\n\nAnother paragraph\.\n$/);
  });
});
