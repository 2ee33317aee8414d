import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { runCli } from '../../src/cli/cli';
import {
  escape,
  KnowledgeBase,
  plainLabel,
  renderCard,
  renderSnippetCard,
  safeHttpsUrl,
  terminalField,
  terminalText,
  type Entry,
  type Layer,
  type Snippet,
  type SnippetSource,
} from '../../src/core';
import { commandLink } from '../../src/vscode/commandLinks';
import { Commands } from '../../src/vscode/constants';

// Knowledge-base text must stay inert wherever it is shown: a hostile entry (HTML, `javascript:`
// and `command:` links, a `)` that would end a link early, line breaks that would start headings
// or lists, ANSI escapes, 5 MB strings) renders as exactly the text below — and, read back by
// markdown-it as the Markdown preview reads it, forms no link, element or block of its own.

const ESC = '\u001b';

const HOSTILE: Entry = {
  id: 'evil',
  kind: 'condition',
  name: `<img src=x onerror=alert(1)>${ESC}[31mred${ESC}[0m`,
  abbreviations: ['E\u0007VL'],
  definition: 'Line one.\n# Heading\n- item\n\n    code block\r\n1. list\n> quote\n===\n<script>alert(1)</script> [click](command:workbench.action.terminal.new) ![i](javascript:alert(1))',
  sayInstead: '\u202eevil\u202c',
  synonyms: ['**bold**', '`code`'],
  layTerms: ['| a | b |'],
  codes: { icd10cm: 'G35', mesh: 'D0)[x](command:y)' },
  related: ['other'],
  sources: [
    { title: 'ok', url: 'https://example.org/a(b) c' },
    { title: 'closes early', url: 'https://a)[click](command:workbench.action.terminal.new)' },
    { title: 'closes early in the path', url: 'https://a.example/)[click](command:workbench.action.terminal.new)' },
    { title: 'js', url: 'javascript:alert(1)' },
    { title: 'cmd', url: 'command:workbench.action.terminal.new' },
    { title: 'http', url: 'http://example.org/' },
    { title: 'user info', url: 'https://trusted.example@evil.example/' },
    { title: '[t](command:x)', url: 'HTTPS://Example.org/x?q="<b>"' },
  ],
  review: { status: 'clinician-reviewed', reviewedBy: 'nurse\n# x', reviewedOn: '2026-01-01' },
};
const OTHER: Entry = { id: 'other', kind: 'symptom', name: 'oth)er' };

function kbWith(...entries: Entry[]): KnowledgeBase {
  return new KnowledgeBase([{ file: 'hostile.json', kb: { entries }, problems: [] }]);
}

const HOSTILE_CARD = [
  `### &lt;img src=x onerror=alert(1)&gt;\\u001b\\[31mred\\u001b\\[0m (E\\u0007VL)`,
  '',
  '*Condition*',
  '',
  'Line one. # Heading - item     code block 1. list &gt; quote === &lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](command:workbench.action.terminal.new) !\\[i\\](javascript:alert(1))',
  '',
  '**Say instead:** \\u202eevil\\u202c  ',
  '**Lay terms:** \\| a \\| b \\|  ',
  '**Also called:** \\*\\*bold\\*\\*, \\`code\\`  ',
  '**Abbreviations:** E\\u0007VL  ',
  '**Codes:** ICD-10-CM G35 · MeSH [D0)\\[x\\](command:y)](https://meshb.nlm.nih.gov/record/ui?ui=D0%29%5Bx%5D%28command:y%29)  ',
  '**Related:** [oth)er](other%29%5D%28command:x%29.md)',
  '',
  '**Sources:** [ok](https://example.org/a%28b%29%20c) · [closes early in the path](https://a.example/%29%5Bclick%5D%28command:workbench.action.terminal.new%29) · [\\[t\\](command:x)](https://Example.org/x?q=%22%3Cb%3E%22)',
  '',
  '*Review: Reviewed by a clinician (nurse # x). Last checked 2026-01-01.*',
].join('\n');

/** What the Markdown preview would make of a card: its links, and the elements it has. */
function rendered(markdown: string) {
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
  const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
  return { html, links, tags };
}

describe('inert rendering of knowledge-base text', () => {
  it('renders a hostile entry as exactly this card: escaped text, only https and own links', () => {
    const kb = kbWith(HOSTILE, OTHER);
    // A caller's entry link is encoded too: it cannot end the link early either.
    const card = renderCard(HOSTILE, kb, { linkToEntry: (id) => `${id})](command:x).md` });
    assert.equal(card, HOSTILE_CARD);
  });

  it('forms no heading, list, quote, code, HTML or foreign link when rendered as the preview does', () => {
    const { links, tags, html } = rendered(renderCard(HOSTILE, kbWith(HOSTILE, OTHER), { linkToEntry: (id) => `${id}.md` }));
    assert.deepEqual([...tags].sort(), ['a', 'br', 'em', 'h3', 'p', 'strong'], html);
    assert.deepEqual(links, [
      'https://meshb.nlm.nih.gov/record/ui?ui=D0%29%5Bx%5D%28command:y%29',
      'other.md',
      'https://example.org/a%28b%29%20c',
      'https://a.example/%29%5Bclick%5D%28command:workbench.action.terminal.new%29',
      'https://Example.org/x?q=%22%3Cb%3E%22',
    ]);
    assert.ok(!html.includes(ESC) && !html.includes('\u202e'), 'a control character reached the HTML');
  });

  it('keeps every line break, tab and indent of a definition inside one line', () => {
    assert.equal(escape('a\n# b\r\n- c\r+ d\u2028e\u2029f\u0085g\th\v\fi'), 'a # b - c + d e f g h i');
    assert.equal(escape('    indented code'), ' indented code');
    assert.equal(escape('\t# tab heading'), ' \\# tab heading');
    assert.equal(escape('  12) list'), ' 12\\) list');
    assert.equal(escape('=== setext'), '\\=== setext');
    assert.equal(escape(`${ESC}[2J\u009b31m\u0000`), '\\u001b\\[2J\\u009b31m\\u0000');
    // Unchanged: what Markdown would not misread.
    assert.equal(escape('Sjögren’s syndrome (SS), type-2.'), 'Sjögren’s syndrome (SS), type-2.');
  });

  it('renders 5 MB strings in linear time, still inert', () => {
    const n = 1_250_000; // '# x\n' is 4 characters: 5 MB
    const huge: Entry = {
      id: 'huge',
      kind: 'symptom',
      name: '['.repeat(5_000_000),
      definition: '# x\n'.repeat(n),
      layTerms: [' '.repeat(5_000_000) + 'x'],
      sources: [{ title: 't', url: `https://example.org/${')'.repeat(5_000_000)}` }],
    };
    // Linear: about 0.5 µs per escaped character (a quadratic escape would take hours).
    const started = Date.now();
    const card = renderCard(huge, kbWith(huge));
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    const lines = card.split('\n');
    assert.equal(lines[0], `### ${'\\['.repeat(5_000_000)}`);
    assert.equal(lines[4], `\\# x${' # x'.repeat(n - 1)}`);
    assert.equal(lines[6], `**Lay terms:**  x`);
    // An overlong URL is not shown as a link (nor at all).
    assert.ok(!card.includes('**Sources:**'));
  });

  it('validates URLs: https only, a plain host, parentheses, spaces and quotes encoded', () => {
    assert.equal(safeHttpsUrl('https://example.org/a (b)'), 'https://example.org/a%20%28b%29');
    assert.equal(safeHttpsUrl('https://a)[click](command:x)'), undefined);
    assert.equal(safeHttpsUrl("https://a.example/x')*!"), 'https://a.example/x%27%29%2A!');
    assert.equal(safeHttpsUrl('https://example.org/ö?q=<x>&r=`'), 'https://example.org/%C3%B6?q=%3Cx%3E&r=%60');
    assert.equal(safeHttpsUrl('https://example.org/\ud800'), 'https://example.org/%EF%BF%BD');
    assert.equal(safeHttpsUrl('https://example.org:8443'), 'https://example.org:8443');
    for (const bad of ['javascript:alert(1)', 'command:x', 'http://example.org', 'https://', 'https://user@evil.example/', 'https://[::1]/', ' https://example.org', 'data:text/html,x', 'vscode://x', 'https:example.org']) {
      assert.equal(safeHttpsUrl(bad), undefined, bad);
    }
  });

  it('renders a hostile snippet card: metadata escaped, only https source links', () => {
    const snippet = {
      id: 'evil-snippet',
      title: '<b>Title</b>\n# injected',
      version: 2,
      terms: ['evil', 'missing-id'],
      status: 'vetted',
      review: 'clinician-reviewed',
      reviewedBy: `nurse${ESC}]0;pwned\u0007`,
      reviewedOn: '2026-01-01',
      reviewDue: '2027-01-01',
      audience: '[everyone](command:x)',
      readingGrade: 6.5,
      sources: [
        { title: 'ok', url: 'https://example.org/(a)', attribution: '*CC BY* <i>x</i>' },
        { title: 'bad', url: 'https://a)[click](command:workbench.action.terminal.new)' },
        { title: 'js', url: 'javascript:alert(1)' },
      ],
      body: 'Text.',
      parts: [{ kind: 'text', text: 'Text.' }],
      hash: '00000000',
      file: 'evil.md',
    } as Snippet;
    const card = renderSnippetCard(snippet, kbWith(HOSTILE), '2026-06-01');
    assert.equal(
      card,
      [
        '### &lt;b&gt;Title&lt;/b&gt; # injected',
        '',
        '*MedTerms snippet · vetted · v2 · review due 2027-01-01*',
        '',
        '**About:** &lt;img src=x onerror=alert(1)&gt;\\u001b\\[31mred\\u001b\\[0m · missing-id  ',
        '**Review:** Clinician-reviewed (nurse\\u001b\\]0;pwned\\u0007) on 2026-01-01.  ',
        '**Reader:** reading grade 6.5, for \\[everyone\\](command:x)  ',
        '**Sources:** [ok](https://example.org/%28a%29) (\\*CC BY\\* &lt;i&gt;x&lt;/i&gt;)',
        '',
        '---',
        '',
        'Text.',
      ].join('\n'),
    );
    const { links, tags } = rendered(card);
    assert.deepEqual(links, ['https://example.org/%28a%29']);
    assert.deepEqual([...tags].sort(), ['a', 'br', 'em', 'h3', 'hr', 'p', 'strong']);
  });

  it('makes control characters visible for a terminal', () => {
    assert.equal(terminalField(`a${ESC}[31mb\tc\nd\re\u009bf\u202eg`), 'a\\u001b[31mb\\u0009c\\u000ad\\u000de\\u009bf\\u202eg');
    assert.equal(terminalText(`line 1\n\tline 2${ESC}[2J\r\n`), 'line 1\n\tline 2\\u001b[2J\\u000d\n');
  });

  it('shows knowledge-base text in a quick pick or CodeLens as written: one line, no icon of its own', () => {
    assert.equal(plainLabel(`$(warning) Name\n# two\t${ESC}[1m`), '\\$(warning) Name # two \\u001b[1m');
  });

  it('links a hover only to our own commands, with arguments they take', () => {
    assert.equal(commandLink(Commands.openEntry, 'multiple-sclerosis'), 'command:medterms.openEntry?%5B%22multiple-sclerosis%22%5D');
    assert.equal(commandLink(Commands.insertSnippet, { term: 'ms', line: 3 }), 'command:medterms.insertSnippet?%5B%7B%22term%22%3A%22ms%22%2C%22line%22%3A3%7D%5D');
    assert.equal(commandLink(Commands.openEntry, 'a)](command:workbench.action.terminal.new)'), undefined);
    assert.equal(commandLink(Commands.openEntry, 'ok', 'extra'), undefined);
    assert.equal(commandLink(Commands.insertSnippet, { term: 'ms', line: -1 }), undefined);
    assert.equal(commandLink(Commands.insertSnippet, { term: 'ms', code: 'x' }), undefined);
    assert.equal(commandLink('workbench.action.terminal.new' as typeof Commands.openEntry, 'ms'), undefined);
    assert.equal(commandLink('toString' as typeof Commands.openEntry, 'ms'), undefined);
  });
});

// ---- the CLI --------------------------------------------------------------------------------

const NAME = `Evil${ESC}[2J${ESC}]0;title\u0007\nfake.md:1:1\tline`;
const CLI_KB = JSON.stringify({
  entries: [
    { id: 'evil-term', kind: 'condition', name: NAME, synonyms: ['zorblax'], definition: 'Bad\n# heading', sources: [{ title: 'x', url: 'https://a)[c](command:x)' }] },
  ],
});
const SNIPPET: SnippetSource = {
  file: 'evil.md',
  text: [
    '---',
    'id: evil-snippet',
    `title: "Red \\e[31m title\\nsecond line"`,
    'version: 1',
    'terms: [evil-term]',
    'status: vetted',
    'review: source-checked',
    'reviewedBy: "writer \\e[0m"',
    'reviewedOn: 2026-01-01',
    'reviewDue: 2027-01-01',
    'sources:',
    '  - title: Example',
    '    url: https://example.org/x',
    '---',
    'Zorblax is bad.',
    '',
  ].join('\n'),
};

function hostileCli(...argv: string[]) {
  let out = '';
  let err = '';
  const files: Record<string, string> = { 'hostile.json': CLI_KB, 'doc.md': 'Some zorblax here.\n' };
  const bundled: Layer = { file: 'bundled', kb: { entries: [] }, problems: [], snippets: [SNIPPET] };
  const status = runCli([...argv, '--kb', 'hostile.json'], {
    bundled: () => bundled,
    readFile: (p) => {
      if (!(p in files)) throw new Error(`no file ${p}`);
      return files[p];
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
    version: '0',
    today: () => '2026-06-01',
  });
  return { status, out, err };
}

/** No raw control character but line feed (and tab, between fields) reaches the terminal. */
function assertNoRawControls(text: string) {
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(text), JSON.stringify(text));
}

describe('inert CLI text output', () => {
  const SAFE_NAME = 'Evil\\u001b[2J\\u001b]0;title\\u0007\\u000afake.md:1:1\\u0009line';

  it('scan: one line per term, the name’s controls, tab and newline shown as escapes', () => {
    const { out, err } = hostileCli('scan', 'doc.md');
    assert.equal(err, '');
    assert.equal(out, `doc.md:1:6\tzorblax\t${SAFE_NAME} (evil-term, condition)\n`);
    assertNoRawControls(out);
  });

  it('search: the same escapes', () => {
    const { out } = hostileCli('search', 'zorblax', '--limit', '1');
    assert.equal(out.replace(/^ 1\. \d\.\d{3} /, ' 1. (score) '), ` 1. (score)  ${SAFE_NAME}  (evil-term, condition)\n`);
  });

  it('card: Markdown escaped, the heading one line, no source link formed', () => {
    const { out } = hostileCli('card', 'evil-term');
    assert.equal(
      out,
      [
        '### Evil\\u001b\\[2J\\u001b\\]0;title\\u0007 fake.md:1:1 line',
        '',
        '*Condition*',
        '',
        'Bad # heading',
        '',
        '**Also called:** zorblax',
        '',
        // The entry comes from a --kb layer, and the card says so.
        '*From hostile.json.*',
        '',
        '*Review: Not reviewed: your team wrote this, and MedTerms has not checked it.*',
        '',
      ].join('\n'),
    );
    assertNoRawControls(out);
  });

  it('snippets and snippet: titles and roles escaped, one line per snippet', () => {
    const list = hostileCli('snippets');
    assert.equal(list.out, 'evil-snippet\tv1\tvetted\tsource-checked\treview due 2027-01-01\tRed \\u001b[31m title\\u000asecond line\t(evil-term)\n');
    assertNoRawControls(list.out);
    const one = hostileCli('snippet', 'evil-snippet');
    assertNoRawControls(one.err);
    assert.match(one.err, /Source-checked \(writer \\u001b\[0m\)/);
  });

  it('--json keeps the text, with C1 controls and bidirectional overrides as \\u escapes', () => {
    const { out } = hostileCli('scan', 'doc.md', '--json');
    assert.equal(JSON.parse(out).terms[0].name, NAME);
    assertNoRawControls(out);
  });

  it('reports problems and unknown input with their controls escaped', () => {
    const { err } = hostileCli('card', `no such${ESC}[2J`);
    assertNoRawControls(err);
  });
});
