import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/vscode/constants';
import type { MedTermsApi } from '../../src/vscode/extension';
import type { ShownReadingReport } from '../../src/vscode/readability';
import { eventually, flagged, markdown, preview } from './helpers';

const EASY = 'Rest your hand. Wear the splint at night. Call us if it still hurts after a week.';
const HARD = 'Immunosuppressive pharmacotherapy necessitates comprehensive laboratory monitoring of hepatic parameters. Concomitant nephrotoxic medications are contraindicated.';
const TEXT = `# Wrist care\n\n${EASY}\n\n## Medicines\n\n${HARD}\n`;

describe('reading grade in a real VS Code', () => {
  let api: MedTermsApi;
  const config = () => vscode.workspace.getConfiguration('medterms');

  before(async () => {
    api = (await vscode.extensions.getExtension<MedTermsApi>('medterms.medterms')!.activate()) as MedTermsApi;
  });

  afterEach(async () => {
    await config().update('readability.targetGrade', undefined, vscode.ConfigurationTarget.Global);
    await config().update('diagnostics.readingGrade', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the grade of the active Markdown editor in the status bar, against the target', async () => {
    const doc = await markdown(TEXT);
    const shown = await eventually('the reading grade', () => {
      const status = api.readingGradeStatus();
      return status?.uri === doc.uri.toString() && status.version === doc.version ? status : undefined;
    });
    assert.match(shown.text, /^\$\(book\) Grade \d+\.\d > 8$/);
    assert.match(shown.tooltip, /Flesch-Kincaid \d+\.\d, SMOG \d+\.\d \(rough: 5 sentences, SMOG needs 30\); target 8 or below/);

    await config().update('readability.targetGrade', 40, vscode.ConfigurationTarget.Global);
    await eventually('the new target', () => /^\$\(book\) Grade \d+\.\d$/.test(api.readingGradeStatus()?.text ?? ''));
  });

  it('follows edits, and hides for a document that is not Markdown', async () => {
    const doc = await markdown(`# Care\n\n${HARD}\n`);
    const editor = await vscode.window.showTextDocument(doc);
    const before = await eventually('the first grade', () => (api.readingGradeStatus()?.uri === doc.uri.toString() ? api.readingGradeStatus() : undefined));
    await editor.edit((b) => b.replace(new vscode.Range(2, 0, 2, HARD.length), EASY));
    const after = await eventually('the grade after the edit', () => (api.readingGradeStatus()?.version === doc.version ? api.readingGradeStatus() : undefined));
    assert.notEqual(after.text, before.text);
    assert.doesNotMatch(after.text, />/);

    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: HARD });
    await vscode.window.showTextDocument(plain);
    await eventually('the item to hide', () => api.readingGradeStatus() === undefined);
  });

  it('flags the hard paragraph on its longest sentence, and can be turned off', async () => {
    const doc = await markdown(TEXT);
    const grade = () => flagged(doc).filter(([code]) => code === 'reading-grade');
    const [[, text]] = await eventually('the reading-grade diagnostic', () => (grade().length ? grade() : undefined));
    assert.equal(text, HARD.split(' Concomitant')[0]);
    await config().update('diagnostics.readingGrade', 'off', vscode.ConfigurationTarget.Global);
    await eventually('the diagnostic to go', () => grade().length === 0);
  });

  it('opens the per-section report in the locked Markdown preview', async () => {
    const doc = await markdown(TEXT);
    const shown = await vscode.commands.executeCommand<ShownReadingReport>(Commands.showReadingReport);
    assert.ok(shown, 'no report');
    assert.match(shown.markdown, /^# Reading grade: /);
    assert.match(shown.markdown, /^\| Wrist care \| 17 \| 3 \|/m);
    assert.match(shown.markdown, /^\| Medicines \| 14 \| 2 \| [\d.]+ ⚠ \|/m);
    assert.match(shown.markdown, /^- line 7, 9 words: Immunosuppressive pharmacotherapy/m);
    const tab = await eventually('the report preview', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('reading-grade')));
    const { html } = await preview(tab, shown.uri);
    assert.match(html, /<table[\s>]/);
    assert.match(html, /<td>Medicines<\/td>/);
    assert.ok(doc.getText() === TEXT, 'the document is untouched');
    await vscode.window.tabGroups.close(tab!);
  });
});
