import { strict as assert } from 'node:assert';
import { escape, renderCard, type Entry } from '../../src/core';
import { bundledKb, kbOf } from './helpers';

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

  it('leaves out related ids the knowledge base does not have', () => {
    const kb = kbOf([{ id: 'a', kind: 'condition', name: 'alpha', related: ['missing'] }]);
    assert.ok(!renderCard(kb.get('a')!, kb).includes('Related'));
  });
});
