import { strict as assert } from 'node:assert';
import { blockInsertion, CLOSE_MARKER, insertionRefusal, openMarker, parseSnippet, type Snippet } from '../../src/core';
import { repoText } from './helpers';

/** `text` with a block inserted where blockInsertion puts it (`|` in `marked` is the cursor or a selection's ends). */
function insert(marked: string, block = 'BLOCK'): string {
  const [start, end = start] = [...marked.matchAll(/\|/g)].map((m, i) => m.index - i);
  const text = marked.replace(/\|/g, '');
  const at = blockInsertion(text, start, end);
  return text.slice(0, at.start) + at.before + block + at.after + text.slice(at.end);
}

function snippet(frontMatter: string): Snippet {
  const text = `---\nid: s\ntitle: A snippet\nversion: 1\nterms: [numbness]\nreview: source-checked\nreviewedBy: MedTerms writer\nreviewedOn: 2026-01-01\nsources:\n  - title: t\n    url: https://example.org\n${frontMatter}\n---\nBody.\n`;
  const parsed = parseSnippet({ file: 's.md', text });
  assert.deepEqual(parsed.problems, []);
  return parsed.snippet!;
}

describe('where a snippet block is inserted', () => {
  it('takes a blank line, with a blank line before and after it', () => {
    assert.equal(insert('Para one.\n|\nPara two.\n'), 'Para one.\n\nBLOCK\n\nPara two.\n');
    assert.equal(insert('Para one.\n\n|\n\nPara two.\n'), 'Para one.\n\nBLOCK\n\nPara two.\n');
    assert.equal(insert('|'), 'BLOCK');
  });

  it('goes after the paragraph the cursor is in, never inside a sentence', () => {
    assert.equal(insert('A sen|tence that\nwraps.\n\nNext.\n'), 'A sentence that\nwraps.\n\nBLOCK\n\nNext.\n');
    assert.equal(insert('Last para|graph.'), 'Last paragraph.\n\nBLOCK');
    assert.equal(insert('- item| one\n- item two\n\nAfter.\n'), '- item one\n- item two\n\nBLOCK\n\nAfter.\n');
  });

  it('replaces a selection, putting the block on lines of its own', () => {
    assert.equal(insert('Keep |this| text.\n'), 'Keep \n\nBLOCK\n\n text.\n');
    assert.equal(insert('One.\n|Two.|\nThree.\n'), 'One.\n\nBLOCK\n\nThree.\n');
  });

  it('goes after the front matter when the cursor is in it', () => {
    assert.equal(insert('---\nti|tle: x\n---\nText.\n'), '---\ntitle: x\n---\nText.\n\nBLOCK\n');
    assert.equal(insert('---\nti|tle: x\n---\n\nText.\n'), '---\ntitle: x\n---\n\nBLOCK\n\nText.\n');
  });

  it('keeps CRLF line endings', () => {
    assert.equal(insert('One.\r\n|\r\nTwo.\r\n'), 'One.\r\n\r\nBLOCK\r\n\r\nTwo.\r\n');
  });
});

describe('which snippets may be inserted', () => {
  const allowAll = { allowDrafts: true, allowOverdue: true, today: '2026-06-01' };

  it('refuses a retired snippet always, a draft or an overdue one only when the policy says so', () => {
    assert.match(insertionRefusal(snippet('status: retired\nreviewDue: 2027-01-01'), allowAll) ?? '', /retired/);
    const draft = snippet('status: draft\nreviewDue: 2027-01-01');
    assert.equal(insertionRefusal(draft, allowAll), undefined);
    assert.match(insertionRefusal(draft, { ...allowAll, allowDrafts: false }) ?? '', /draft.*medterms\.snippets\.allowDrafts/);
    const overdue = snippet('status: vetted\nreviewDue: 2026-05-31');
    assert.equal(insertionRefusal(overdue, allowAll), undefined);
    assert.match(insertionRefusal(overdue, { ...allowAll, allowOverdue: false }) ?? '', /was due on 2026-05-31.*allowOverdue/);
    assert.equal(insertionRefusal(snippet('status: vetted\nreviewDue: 2026-06-01'), { ...allowAll, allowOverdue: false }), undefined, 'due today is not overdue');
  });
});

describe('the marker grammar', () => {
  const pkg = JSON.parse(repoText('package.json'));
  const [contribution] = pkg.contributes.grammars;
  const grammar = JSON.parse(repoText(contribution.path));
  const regex = (rule: string) => new RegExp(grammar.repository[rule].match);

  it('is contributed as an injection into Markdown', () => {
    assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
    assert.equal(contribution.scopeName, grammar.scopeName);
    assert.match(grammar.injectionSelector, /text\.html\.markdown/);
  });

  it('gives every scope a name ending in .medterms', () => {
    const names = JSON.stringify(grammar).match(/"name":\s*"[^"]*"/g)!.map((n) => JSON.parse(`{${n}}`).name as string);
    const scopes = names.filter((n) => n !== grammar.name);
    assert.ok(scopes.length >= 8);
    for (const scope of scopes) assert.match(scope, /\.medterms$/, scope);
  });

  it('matches the markers MedTerms writes, and not other comments', () => {
    const open = regex('open').exec(openMarker('numbness-when-to-see-a-doctor', 3, '1a2b3c4d'));
    assert.ok(open);
    assert.equal(open[2], 'medterms:snippet');
    assert.match(open[3], /id=numbness-when-to-see-a-doctor v=3 sha=1a2b3c4d/);
    assert.ok(regex('close').test(CLOSE_MARKER));
    for (const other of ['<!-- a note -->', '<!-- medterms:snippetx id=a -->', 'text <!-- medterms:snippet id=a -->']) {
      assert.ok(!regex('open').test(other) && !regex('close').test(other), other);
    }
  });
});
