import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { STYLE_RULES } from '../../src/core';
import { DIAGNOSTICS, Settings } from '../../src/vscode/constants';
import type { MedTermsApi } from '../../src/vscode/extension';
import { DEFAULT_MAX_PROBLEMS, DEFAULT_SEVERITY } from '../../src/vscode/settings';
import { COMPLETION_CASES } from '../unit/completionTable';
import { cardsAt, complete, entryTabs, eventually, EXAMPLE, flagged, inside, labelOf, markdown, ourDiagnostics, pkg, preview } from './helpers';

describe('MedTerms in a real VS Code', () => {
  let example: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension('medterms.medterms')!.activate();
    example = await vscode.workspace.openTextDocument(EXAMPLE);
    await vscode.window.showTextDocument(example);
  });

  describe('hover', () => {
    it('shows the card of a term: name, kind, definition, codes, sources, review', async () => {
      const [card] = await cardsAt(example, inside(example, 'multiple sclerosis (MS)'));
      assert.ok(card, 'no MedTerms hover');
      for (const part of ['### multiple sclerosis (MS)', '*Condition*', 'myelin', 'ICD-10-CM G35', 'D009103', '**Sources:**', 'Review:']) {
        assert.ok(card.includes(part), `missing ${part}:\n${card}`);
      }
    });

    it('knows every surface form: abbreviations, possessives, diacritics, lay terms, plurals', async () => {
      const cases: [string, string][] = [
        ['MS', '### multiple sclerosis'],
        ["Sjogren's", "### Sjögren's syndrome"],
        ['pins and needles', '### paresthesia'],
        ['nerve conduction studies', '### nerve conduction study'],
        ['CTS', '### carpal tunnel syndrome'],
        ['median nerve', '### median nerve'],
        ['corticosteroids', '### corticosteroids'],
      ];
      for (const [term, heading] of cases) {
        const cards = await cardsAt(example, inside(example, term));
        assert.ok(cards.some((c) => c.startsWith(heading)), `${term}: ${cards.join('\n---\n') || 'no card'}`);
      }
    });

    it('prefers the longest term: peripheral neuropathy, not neuropathy', async () => {
      const text = example.getText();
      const at = text.indexOf('peripheral neuropathy') + 'peripheral '.length + 2;
      const [card] = await cardsAt(example, example.positionAt(at));
      assert.ok(card?.startsWith('### peripheral neuropathy'), card);
    });

    it('stays silent in front matter, code, URLs and HTML comments, and on lowercase "ms"', async () => {
      const doc = await markdown('---\ntitle: lupus\n---\n\n`lupus` <!-- lupus --> [x](https://e.org/lupus) 5 ms\n\n```\nlupus\n```\n\nlupus\n');
      for (const [needle, nth] of [['lupus', 0], ['lupus', 1], ['lupus', 2], ['lupus', 3], ['ms', 0], ['lupus', 4]] as const) {
        assert.deepEqual(await cardsAt(doc, inside(doc, needle, nth)), [], `${needle} #${nth}`);
      }
      assert.equal((await cardsAt(doc, inside(doc, 'lupus', 5))).length, 1, 'prose lupus');
    });

    it('follows edits: terms move with the text, new ones light up, a fence opened above silences them', async () => {
      const doc = await markdown('Lupus and numbness.\n\nTingling.\n');
      const editor = vscode.window.activeTextEditor!;
      assert.equal((await cardsAt(doc, inside(doc, 'Tingling'))).length, 1);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Fatigue and '));
      assert.equal((await cardsAt(doc, inside(doc, 'Fatigue'))).length, 1, 'typed term');
      assert.equal((await cardsAt(doc, inside(doc, 'Tingling'))).length, 1, 'term after the edit');
      await editor.edit((b) => b.insert(new vscode.Position(2, 0), '```\n'));
      assert.deepEqual(await cardsAt(doc, inside(doc, 'Tingling')), [], 'in an unclosed fence');
      assert.equal((await cardsAt(doc, inside(doc, 'Lupus'))).length, 1, 'before the fence');
    });

    it('copes with CRLF, a BOM, emoji and a 100 KB line', async () => {
      const doc = await markdown('\uFEFF😀 Lupus\r\n\r\n' + 'numbness '.repeat(11_000) + 'tingling\r\n');
      assert.equal((await cardsAt(doc, inside(doc, 'Lupus'))).length, 1);
      assert.equal((await cardsAt(doc, inside(doc, 'tingling'))).length, 1);
    });
  });

  describe('completion', () => {
    it('keeps the list while a word is typed: in Markdown, quick suggestions on, word-based and snippet suggestions off', () => {
      // A provider whose answer is empty at a word's first letter is asked again at the next only
      // if no other provider's items opened the list: Markdown's snippets (`heading1` for `h`,
      // `code` for `c`…) would keep MedTerms out of the list for the rest of the word.
      const editor = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
      assert.deepEqual(editor.get('quickSuggestions'), { comments: 'off', strings: 'off', other: 'on' });
      assert.equal(editor.get('wordBasedSuggestions'), 'off');
      assert.equal(editor.get('snippetSuggestions'), 'none');
    });

    // Part of the table the core and CLI tests run in full, through the real editor.
    for (const { before, replaces, first } of COMPLETION_CASES.filter((_, i) => i % 4 === 0)) {
      it(`“${before}”: replaces “${replaces}”, ${first} first, in the order VS Code shows`, async () => {
        const items = await complete(before);
        assert.ok(items.length > 0, 'nothing offered');
        const doc = vscode.window.activeTextEditor!.document;
        for (const item of items) {
          // One range and one filter text for all: VS Code's fuzzy score is the same for each,
          // so it cannot reorder what the core ranked.
          assert.equal(doc.getText(item.range as vscode.Range), replaces);
          assert.equal(item.filterText, replaces);
        }
        // The card's own *Open entry* link names the entry the item is for.
        assert.ok((items[0].documentation as vscode.MarkdownString).value.includes(`[Open entry](command:medterms.openEntry?${encodeURIComponent(JSON.stringify([first]))})`), labelOf(items[0]));
      });
    }

    it('renders the card only for the item VS Code resolves, not for every item per keystroke', async () => {
      const doc = await markdown('Symptoms of rhuem');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(17));
      const ours = list.items.filter((i) => i.filterText === 'rhuem');
      assert.ok(ours.length > 5);
      assert.ok(ours.every((i) => i.documentation === undefined));
    });

    it('replaces the typed words with the canonical spelling, and documents the card', async () => {
      const doc = await markdown('Pain from carpel tun');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(20), undefined, 100);
      const item = list.items.find((i) => labelOf(i) === 'carpal tunnel syndrome')!;
      const range = item.range as vscode.Range;
      assert.equal(doc.getText(range), 'carpel tun');
      assert.match((item.documentation as vscode.MarkdownString).value, /G56\.0/);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.replace(range, labelOf(item)));
      assert.equal(doc.getText(), 'Pain from carpal tunnel syndrome');
    });

    it('completes the lay term a writer is typing mid-sentence, names its entry beside it, and accepting it keeps the lay words', async () => {
      const doc = await markdown('Many feel a tingle of pins and nee in the hands.\n');
      const editor = vscode.window.activeTextEditor!;
      const end = doc.getText().indexOf(' in the hands');
      const items = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(end), undefined, 100)).items;
      const first = items.filter((i) => i.filterText === 'pins and nee').sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
      assert.deepEqual([labelOf(first), (first.label as vscode.CompletionItemLabel).detail], ['pins and needles', ' (paresthesia)']);
      editor.selection = new vscode.Selection(doc.positionAt(end), doc.positionAt(end));
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 1500));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await eventually('the completion to be accepted', () => !doc.getText().includes('pins and nee '));
      assert.equal(doc.getText(), 'Many feel a tingle of pins and needles in the hands.\n');
      // The lay words are what the plain-language rules ask for: nothing is flagged there.
      assert.ok(!flagged(doc).some(([, text]) => /pins and needles/i.test(text)), JSON.stringify(flagged(doc)));
    });

    it('capitalises at the start of a sentence', async () => {
      const items = await complete('Rhuem');
      assert.ok(items.some((i) => labelOf(i) === 'Rheumatoid arthritis'), items.map(labelOf).join(', '));
    });

    it('offers nothing inside code', async () => {
      assert.deepEqual(await complete('`rhuem'), []);
    });
  });

  describe('diagnostics and quick fixes', () => {
    const TEXT = 'MS can cause paresthesia in the hands.\n\nMultiple sclerosis is common.\n';
    const config = () => vscode.workspace.getConfiguration('medterms');

    afterEach(async () => {
      await config().update('diagnostics.jargon', undefined, vscode.ConfigurationTarget.Global);
    });

    it('flags jargon and an abbreviation used before it is spelled out, with codes, ranges and severities', async () => {
      const doc = await markdown(TEXT);
      const diagnostics = await eventually('diagnostics', () => (ourDiagnostics(doc).length === 2 ? ourDiagnostics(doc) : undefined));
      assert.deepEqual(flagged(doc), [
        ['abbreviation', 'MS'],
        ['jargon', 'paresthesia'],
      ]);
      assert.deepEqual(diagnostics[0].range, new vscode.Range(0, 0, 0, 2));
      assert.deepEqual(diagnostics[1].range, new vscode.Range(0, 13, 0, 24));
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(diagnostics[1].severity, vscode.DiagnosticSeverity.Information);
      assert.equal(diagnostics[0].message, 'Spell out “MS” at first use: “Multiple sclerosis (MS)”.');
    });

    it('offers the fixes as quick fixes, the first preferred; applying one is undoable', async () => {
      const doc = await markdown(TEXT);
      const [, jargon] = await eventually('diagnostics', () => (ourDiagnostics(doc).length === 2 ? ourDiagnostics(doc) : undefined));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, jargon.range, vscode.CodeActionKind.QuickFix.value);
      // The command's results do not carry their diagnostics; no other provider has fixes here.
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred ?? false]),
        [
          ['Replace with “pins and needles or tingling”', true],
          ['Explain: paresthesia (pins and needles or tingling)', false],
        ],
      );
      assert.equal(doc.getText(), TEXT, 'asking for fixes changed the document');
      assert.ok(await vscode.workspace.applyEdit(actions[1].edit!));
      assert.equal(doc.lineAt(0).text, 'MS can cause paresthesia (pins and needles or tingling) in the hands.');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), TEXT);
    });

    it('severity off removes a rule’s diagnostics', async () => {
      const doc = await markdown(TEXT);
      await eventually('diagnostics', () => ourDiagnostics(doc).length === 2);
      await config().update('diagnostics.jargon', 'off', vscode.ConfigurationTarget.Global);
      await eventually('jargon to be gone', () => ourDiagnostics(doc).length === 1);
      assert.deepEqual(flagged(doc), [['abbreviation', 'MS']]);
    });

    it('clears a diagnostic after an edit fixes the text', async () => {
      const doc = await markdown(TEXT);
      await eventually('diagnostics', () => ourDiagnostics(doc).length === 2);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, 0, 2), 'Multiple sclerosis (MS)'));
      await eventually('the abbreviation diagnostic to clear', () => ourDiagnostics(doc).length === 1);
      assert.deepEqual(flagged(doc), [['jargon', 'paresthesia']]);
    });

    it('contributes its settings with descriptions, resource scope and the defaults the code uses', () => {
      const props = pkg.contributes.configuration.properties;
      for (const rule of STYLE_RULES) assert.equal(props[`medterms.${Settings.diagnosticSeverity[rule]}`].default, DEFAULT_SEVERITY[rule], rule);
      assert.deepEqual(props['medterms.diagnostics.allowedAbbreviations'].default, []);
      assert.equal(props['medterms.diagnostics.maxProblems'].default, DEFAULT_MAX_PROBLEMS);
      for (const [key, value] of Object.entries<{ scope: string; markdownDescription: string }>(props)) {
        assert.equal(value.scope, 'resource', key);
        assert.ok(value.markdownDescription, key);
      }
    });
  });

  describe('commands', () => {
    it('contributes every command in the MedTerms category, and registers it', async () => {
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const c of pkg.contributes.commands) {
        assert.equal(c.category, 'MedTerms', c.command);
        assert.ok(c.command.startsWith('medterms.'), c.command);
        assert.ok(registered.has(c.command), `${c.command} is not registered`);
      }
    });

    it('Look Up Term… finds multiple sclerosis by its code and opens the entry beside, rendered and read-only', async () => {
      await vscode.window.showTextDocument(example, vscode.ViewColumn.One);
      const chosen = vscode.commands.executeCommand<string | undefined>('medterms.lookUpTerm', 'G35');
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await chosen, 'multiple-sclerosis');
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      const { doc, html } = await preview(tab, 'medterms:/entry/multiple-sclerosis.md');
      assert.notEqual(tab!.group.viewColumn, vscode.ViewColumn.One, 'not beside the article');
      assert.match(html, /<h3[^>]*>multiple sclerosis \(MS\)<\/h3>/);
      assert.match(html, /<strong>Codes:<\/strong> ICD-10-CM G35 · MeSH <a href="https:\/\/meshb\.nlm\.nih\.gov\/[^"]*"[^>]*>D009103<\/a>/);
      assert.ok(!html.includes('**'), 'Markdown marks left in the rendered entry');
      // Read-only: no editor shows its text, so the writer's typing lands nowhere.
      const before = doc.getText();
      await vscode.commands.executeCommand('type', { text: 'typed by the writer' });
      assert.equal(doc.getText(), before, 'the entry view accepted typing');
      assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document === doc), 'the entry is open as text');
    });

    it('links an entry’s related terms to their entries, which the preview opens in place', async () => {
      const { doc, html } = await preview(entryTabs()[0], 'medterms:/entry/multiple-sclerosis.md');
      const href = /<a href="([^"]+)"[^>]*>myelin<\/a>/.exec(html)?.[1];
      assert.equal(href, 'myelin.md');
      // A click in the preview resolves the link with the Markdown language server, as this link
      // provider does, and opens a Markdown target in the same preview (the default setting).
      assert.equal(vscode.workspace.getConfiguration('markdown.preview', doc).get('openMarkdownLinks'), 'inPreview');
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100);
      const link = links.find((l) => doc.getText(l.range) === href);
      assert.equal(link?.target?.with({ fragment: '' }).toString(), 'medterms:/entry/myelin.md', JSON.stringify(links.map((l) => l.target?.toString())));
      const myelin = await vscode.workspace.openTextDocument(link!.target!.with({ fragment: '' }));
      assert.equal(myelin.languageId, 'markdown', 'the preview would not open it in place');
      assert.match(myelin.getText(), /^### myelin\n/);
      // Opening another entry from a card (hover, completion) replaces the entry view.
      await vscode.commands.executeCommand('medterms.openEntry', 'myelin');
      const next = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.match((await preview(next, 'medterms:/entry/myelin.md')).html, /<h3[^>]*>myelin<\/h3>/);
      assert.equal(entryTabs().length, 1, entryTabs().map((t) => t.label).join(', '));
    });

    it('Look Up Term at Cursor opens the entry of the term under the cursor', async () => {
      const editor = await vscode.window.showTextDocument(example, vscode.ViewColumn.One);
      const at = inside(example, 'CTS');
      editor.selection = new vscode.Selection(at, at);
      assert.equal(await vscode.commands.executeCommand('medterms.lookUpTermAtCursor'), 'carpal-tunnel-syndrome');
      const { html } = await preview(vscode.window.tabGroups.activeTabGroup.activeTab, 'medterms:/entry/carpal-tunnel-syndrome.md');
      assert.match(html, /ICD-10-CM G56\.0/);
      assert.deepEqual(entryTabs().map((t) => t.label.replace(/^.* /, '')), ['carpal-tunnel-syndrome.md']);
    });

    it('About the Knowledge Base names the sources, rendered', async () => {
      await vscode.window.showTextDocument(example, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('medterms.showAbout');
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      const { html } = await preview(tab, 'medterms:/about.md');
      assert.equal(tab!.group.viewColumn, vscode.ViewColumn.One, 'About opens where the writer is');
      assert.match(html, /<h1[^>]*>About the MedTerms knowledge base<\/h1>/);
      assert.match(html, /entries:/);
      // The HPO licence asks that its version be shown.
      assert.match(html, /Human Phenotype Ontology[^]*2023-01-27/);
      assert.match(html, /No SNOMED CT content or ids/);
      // URLs in notices are links to themselves, not to their escaped text.
      assert.match(html, /<a href="https:\/\/www\.nlm\.nih\.gov\/databases\/download\/terms_and_conditions\.html"/);
      assert.ok(!/\\_|command:/.test(html), 'escapes or a command link the preview cannot run');
    });
  });

  describe('a 10 MB document', () => {
    it('is read in slices that hold the extension host briefly; hover and diagnostics come, and hover elsewhere still answers', async function () {
      this.timeout(180_000);
      const api = vscode.extensions.getExtension<MedTermsApi>('medterms.medterms')!.exports;
      const small = await markdown('Living with lupus.\n');
      assert.ok((await cardsAt(small, inside(small, 'lupus'))).length, 'hover works before');
      const paragraph = 'Lupus can cause a rash, joint pain and fatigue. Multiple sclerosis (MS) affects the nerves; tachycardia is a fast heartbeat.\n\n';
      const big = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${paragraph.repeat(Math.ceil(10e6 / paragraph.length))}The last lupus.\n` });
      try {
        // Beside the small one, which stays open (an editor replaced in its place could close it).
        await vscode.window.showTextDocument(big, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        const [[elsewhere], [own]] = await Promise.all([cardsAt(small, inside(small, 'lupus')), cardsAt(big, big.positionAt(big.getText().lastIndexOf('lupus') + 1))]);
        assert.match(elsewhere ?? '', /lupus/, 'hover in another document');
        assert.match(own ?? '', /lupus/, 'hover at the end of the big document');
        // Read whole, the document would hold the host for over a second (prose and terms alone:
        // about 1.3 s on a quiet machine). The bound on a slice's wall time leaves room for a
        // shared, noisy machine (a slice of 15 ms took 315 ms of wall time at a load of 14 on 2
        // cores); `npm run bench` measures the slice's own CPU time (budget 50 ms).
        const pacing = api.analysisPacing(big.uri);
        assert.ok(pacing && pacing.chars === big.getText().length, JSON.stringify(pacing));
        assert.ok(pacing.slices >= 20, `read in ${pacing.slices} slices`);
        assert.ok(pacing.longestSliceMs < 600, `the longest slice held the host ${pacing.longestSliceMs} ms (${JSON.stringify(pacing)})`);
        // 79,000 jargon findings: the first thousand are shown, and one note counts the rest.
        const diagnostics = await eventually('diagnostics of the big document', () => (ourDiagnostics(big).length > 0 ? ourDiagnostics(big) : undefined), 60_000);
        assert.equal(diagnostics.length, DEFAULT_MAX_PROBLEMS + 1);
        assert.equal(diagnostics.at(-1)!.code, DIAGNOSTICS.moreProblems);
        assert.match(diagnostics.at(-1)!.message, /first 1,000 problems of this document; 78,\d{3} more/);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });
});
