import { strict as assert } from 'node:assert';
import { escape, renderCard, termKey, type Entry } from '../../src/core';
import { bundledKb, kbOf } from './helpers';

/** The wordings of a card's `**label:** a, b, c` line, read greedily as items of `known`. */
function listed(card: string, label: string, known: readonly string[]): string[] {
  const line = new RegExp(`^\\*\\*${label}:\\*\\* (.*?)(?: {2})?$`, 'm').exec(card)?.[1];
  const items: string[] = [];
  for (let at = 0; line !== undefined && at < line.length; ) {
    const item = known.filter((k) => line.startsWith(k, at) && (at + k.length === line.length || line.startsWith(', ', at + k.length))).sort((a, b) => b.length - a.length)[0];
    assert.ok(item, `${label}: cannot read "${line.slice(at)}"`);
    items.push(item);
    at += item.length + 2;
  }
  return items;
}

describe('card', () => {
  it('shows name, kind, definition, lay terms, synonyms, abbreviations, codes, related, sources and review', () => {
    const kb = bundledKb();
    const card = renderCard(kb.get('multiple-sclerosis')!, kb, { linkToEntry: (id) => `command:open?${id}` });
    for (const part of ['### multiple sclerosis (MS)', '*Condition*', 'myelin', '**Abbreviations:** MS', 'ICD-10-CM G35', 'MeSH [D009103]', 'DOID [DOID:2377]', '**Sources:**', '*Review:']) {
      assert.ok(card.includes(part), `missing ${part}\n${card}`);
    }
    assert.match(card, /\*\*Related:\*\* .*\[myelin\]\(command:open\?myelin\)/);
  });

  it('says plainly when no plain-language definition has been written', () => {
    const kb = kbOf([{ id: 'x', kind: 'symptom', name: 'hypoesthesia', layTerms: ['numb feeling'] }]);
    const card = renderCard(kb.get('x')!, kb);
    assert.match(card, /No plain-language definition has been written for this entry yet/);
    assert.match(card, /\*\*Lay terms:\*\* numb feeling/);
    assert.match(card, /Review: Not reviewed/);
  });

  it('dates a definition as written when it is not yet checked, as checked when it is', () => {
    const review = (status: 'written' | 'source-checked') => ({ status, reviewedOn: '2026-12-06', reviewedBy: 'MedTerms writer' });
    const kb = kbOf([
      { id: 'w', kind: 'symptom', name: 'numbness', definition: 'Less feeling than usual.', review: review('written') },
      { id: 'c', kind: 'symptom', name: 'tingling', definition: 'A pins and needles feeling.', review: review('source-checked') },
    ]);
    assert.match(renderCard(kb.get('w')!, kb), /not yet checked against the sources above[^*]* Written 2026-12-06\./);
    assert.match(renderCard(kb.get('c')!, kb), /checked against the sources above; not yet reviewed by a clinician\. Last checked 2026-12-06\./);
    assert.doesNotMatch(renderCard(kb.get('w')!, kb), /Last checked/);
  });

  it('escapes knowledge-base text so it cannot inject Markdown, HTML or links', () => {
    const hostile: Entry = {
      id: 'evil',
      kind: 'condition',
      name: '<img src=x onerror=alert(1)>',
      definition: '[click](command:workbench.action.terminal.new) **bold** `code`',
      synonyms: ['# heading'],
      sources: [{ title: 'ok', url: 'https://example.org/a' }, { title: 'bad', url: 'javascript:alert(1)' }],
    };
    const kb = kbOf([hostile]);
    const card = renderCard(hostile, kb);
    assert.ok(!card.includes('<img'));
    assert.ok(!/(?<!\\)\]\(command:/.test(card), 'a command link was formed');
    assert.ok(card.includes('\\*\\*bold\\*\\*'));
    assert.ok(!card.includes('javascript:'));
    assert.ok(card.includes('(https://example.org/a)'));
  });

  it('escapes only what Markdown would misread', () => {
    assert.equal(escape('Sjögren’s syndrome (SS), type-2.'), 'Sjögren’s syndrome (SS), type-2.');
    assert.equal(escape('1. not a list'), '1\\. not a list');
    assert.equal(escape('a_b*c'), 'a\\_b\\*c');
  });

  it('shows each wording once: a lay term differing only in case is not repeated', () => {
    const kb = kbOf([{ id: 'p', kind: 'symptom', name: 'paresthesia', layTerms: ['pins and needles', 'Pins and needles', 'Pins and needles feeling', 'Tingling'], synonyms: ['PINS AND NEEDLES', 'paraesthesia'] }]);
    const card = renderCard(kb.get('p')!, kb);
    assert.match(card, /^\*\*Lay terms:\*\* pins and needles, Pins and needles feeling, Tingling {2}$/m);
    assert.match(card, /^\*\*Also called:\*\* paraesthesia(?: {2})?$/m);
  });

  it('does not repeat the say-instead wording or the name as a lay term or synonym', () => {
    const kb = kbOf([{ id: 'sle', kind: 'condition', name: 'systemic lupus erythematosus', sayInstead: 'lupus', layTerms: ['Lupus'], synonyms: ['Systemic Lupus Erythematosus', "Libman-Sacks' disease", 'lupus'] }]);
    const card = renderCard(kb.get('sle')!, kb);
    assert.match(card, /\*\*Say instead:\*\* lupus/);
    assert.ok(!card.includes('Lay terms'), card);
    assert.match(card, /^\*\*Also called:\*\* Libman-Sacks' disease(?: {2})?$/m);
    assert.equal(card.match(/lupus/gi)?.length, 2, card);
  });

  it('leaves out a lay term that only shortens the name or a synonym (Crohn’s of Crohn’s disease)', () => {
    const kb = kbOf([{ id: 'c', kind: 'condition', name: "Crohn's disease", layTerms: ["Crohn's", 'Crohn', 'Granulomatous', 'bowel swelling'], synonyms: ['granulomatous enteritis'] }]);
    const card = renderCard(kb.get('c')!, kb);
    assert.match(card, /^\*\*Lay terms:\*\* bowel swelling {2}$/m);
    assert.match(card, /^\*\*Also called:\*\* granulomatous enteritis(?: {2})?$/m);
  });

  it('shows no bundled entry’s wording twice across name, say instead, lay terms and also called', () => {
    const kb = bundledKb();
    const lupus = renderCard(kb.get('systemic-lupus-erythematosus')!, kb);
    assert.match(lupus, /\*\*Say instead:\*\* lupus/);
    assert.ok(!lupus.includes('Lay terms'), lupus);
    const repeats: string[] = [];
    for (const entry of kb.entries) {
      const card = renderCard(entry, kb);
      // A wording may contain ", " itself, so each list is read back as the entry's own wordings.
      const known = new Map([...(entry.layTerms ?? []), ...(entry.synonyms ?? [])].map((w) => [escape(w), w]));
      const wordings = [...listed(card, 'Lay terms', [...known.keys()]), ...listed(card, 'Also called', [...known.keys()])].map((w) => known.get(w)!);
      // The name may itself be the plain wording (`dry eyes`, say instead `dry eyes`): both stay.
      const keys = [...new Set([entry.name, entry.sayInstead ?? entry.name].map(termKey)), ...wordings.map(termKey)];
      if (new Set(keys).size < keys.length) repeats.push(`${entry.id}: ${wordings.join(' | ')}`);
    }
    assert.deepEqual(repeats.slice(0, 5), []);
  });

  it('leaves out related ids the knowledge base does not have', () => {
    const kb = kbOf([{ id: 'a', kind: 'condition', name: 'alpha', related: ['missing'] }]);
    assert.ok(!renderCard(kb.get('a')!, kb).includes('Related'));
  });
});
