import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import {
  CLOSE_MARKER,
  findMarkedBlocks,
  KnowledgeBase,
  markedSnippet,
  matchesTemplate,
  openMarker,
  parseSnippet,
  parseTemplate,
  proseSpans,
  renderDefaults,
  sha256Hex,
  SnippetLibrary,
  snippetFindings,
  snippetHash,
  snippetText,
  type Snippet,
  type SnippetSource,
  type StyleFinding,
  type StyleFix,
} from '../../src/core';

// Vetted snippets: templates, hashing, snippet files, the library, provenance markers and the
// findings on a document, all with small hand-made snippets (the bundled ones are tested in
// snippets-data.test.ts).

interface Front {
  id?: string;
  title?: string;
  version?: number;
  terms?: string;
  status?: string;
  reviewDue?: string;
}

/** A snippet file with valid front matter (overridable) and `body`. */
function snippetFile(body: string, front: Front = {}, file?: string): SnippetSource {
  const f = { id: 'ms-basics', title: 'MS basics', version: 1, terms: '[multiple-sclerosis]', status: 'vetted', reviewDue: '2027-01-01', ...front };
  const text = [
    '---',
    `id: ${f.id}`,
    `title: ${f.title}`,
    `version: ${f.version}`,
    `terms: ${f.terms}`,
    `status: ${f.status}`,
    'review: source-checked',
    'reviewedBy: MedTerms writer',
    'reviewedOn: 2026-01-01',
    `reviewDue: ${f.reviewDue}`,
    'sources:',
    '  - title: Example source',
    '    url: https://example.org/ms',
    '---',
    body,
    '',
  ].join('\n');
  return { file: file ?? `${f.id}-v${f.version}.md`, text };
}

/** A 45-word body with a placeholder and a choice: long enough to be found pasted. */
const LONG =
  'Multiple sclerosis is a long-term disease of the brain and spinal cord.\n' +
  'The immune system attacks the coating of the nerves by mistake, and\n' +
  'nerve signals slow down. Ask ${1:your doctor} about it, or ${2|call 911,go to the emergency room|} if it is sudden.';
/** The same snippet, version 2: one sentence added. */
const LONG_V2 = `${LONG}\nMost people with it live full lives.`;
/** Fewer than 25 words: a phrase anyone might write, never looked for unmarked. */
const SHORT = 'Drink plenty of water before a blood test unless you are told not to.';

const TODAY = '2026-06-01';

/** Replaces a fix's span of `text` with its replacement. */
function apply(text: string, fix: StyleFix): string {
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);
}

/** The snippet findings on a Markdown text, pasted text looked for. */
function check(text: string, library: SnippetLibrary, today = TODAY): StyleFinding[] {
  return snippetFindings(text, proseSpans(text), library, { today, pasted: library.pasted });
}

const rules = (findings: readonly StyleFinding[]) => findings.map((f) => f.rule);
const fix = (finding: StyleFinding | undefined, title: RegExp): StyleFix => {
  const found = finding?.fixes.find((f) => title.test(f.title));
  assert.ok(found, `no fix matching ${title} in ${JSON.stringify(finding)}`);
  return found;
};

describe('vetted snippets', () => {
  describe('parseTemplate', () => {
    it('reads placeholders with their defaults between runs of text', () => {
      assert.deepEqual(parseTemplate('Ask ${1:your doctor} today.'), {
        parts: [
          { kind: 'text', text: 'Ask ' },
          { kind: 'slot', index: 1, value: 'your doctor' },
          { kind: 'text', text: ' today.' },
        ],
        problems: [],
      });
    });

    it('reads a choice: its first option is the default, every option is kept', () => {
      assert.deepEqual(parseTemplate('${2|call 911,go to the emergency room|}').parts, [
        { kind: 'slot', index: 2, value: 'call 911', options: ['call 911', 'go to the emergency room'] },
      ]);
    });

    it('reads $n and ${n} as empty tab stops', () => {
      assert.deepEqual(parseTemplate('a $1 b ${3}$0').parts, [
        { kind: 'text', text: 'a ' },
        { kind: 'slot', index: 1, value: '' },
        { kind: 'text', text: ' b ' },
        { kind: 'slot', index: 3, value: '' },
        { kind: 'slot', index: 0, value: '' },
      ]);
    });

    it('resolves the escapes \\$, \\} and \\\\ in text, in a default and in a choice (with \\, and \\|)', () => {
      const t = parseTemplate('It costs \\$5 \\} \\\\ ${1:a \\} b} ${2|x\\,y,p\\|q|}');
      assert.deepEqual(t.problems, []);
      assert.deepEqual(t.parts, [
        { kind: 'text', text: 'It costs $5 } \\ ' },
        { kind: 'slot', index: 1, value: 'a } b' },
        { kind: 'text', text: ' ' },
        { kind: 'slot', index: 2, value: 'x,y', options: ['x,y', 'p|q'] },
      ]);
    });

    it('reports a variable at its offset and keeps it as literal text', () => {
      const body = 'Saved in $TM_FILENAME today.';
      const t = parseTemplate(body);
      assert.deepEqual(
        t.problems.map((p) => p.offset),
        [body.indexOf('$TM_FILENAME')],
      );
      assert.match(t.problems[0].message, /variable/);
      assert.equal(renderDefaults(t.parts), body);
      assert.deepEqual(parseTemplate('x ${TM_FILENAME} y').problems.map((p) => p.offset), [2]);
    });

    it('does not report a dollar sign followed by a space, or at the end', () => {
      assert.deepEqual(parseTemplate('It costs $ 5, or $').problems, []);
    });

    it('reports a nested placeholder at the outer one’s offset', () => {
      const body = 'Ask ${1:a ${2:b}} now';
      const t = parseTemplate(body);
      assert.deepEqual(t.problems.map((p) => p.offset), [4]);
      assert.match(t.problems[0].message, /nests/);
    });

    it('reports unclosed placeholders and choices at their offsets', () => {
      assert.deepEqual(parseTemplate('Ask ${1:your doctor').problems.map((p) => p.offset), [4]);
      assert.deepEqual(parseTemplate('Then ${2|a,b').problems.map((p) => p.offset), [5]);
      assert.deepEqual(parseTemplate('One ${3 two').problems.map((p) => p.offset), [4]);
    });

    it('reports a choice with an empty option', () => {
      assert.equal(parseTemplate('${1|a,,b|}').problems.length, 1);
    });

    it('renders the template with each slot at its default', () => {
      assert.equal(renderDefaults(parseTemplate('Ask ${1:your doctor} or ${2|call 911,go now|}$0. \\$3').parts), 'Ask your doctor or call 911. $3');
    });
  });

  describe('sha256Hex', () => {
    const node = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    const cases: [string, string][] = [
      ['empty', ''],
      ['abc', 'abc'],
      ['55 bytes (one block with the length)', 'a'.repeat(55)],
      ['56 bytes (the length needs a second block)', 'a'.repeat(56)],
      ['63 bytes', 'b'.repeat(63)],
      ['64 bytes (exactly one block of data)', 'c'.repeat(64)],
      ['65 bytes', 'd'.repeat(65)],
      ['two-byte characters', 'Sjögren’s syndrome, naïve café'],
      ['three-byte characters straddling 56 bytes', '€'.repeat(19)],
      ['emoji (four-byte, surrogate pairs)', '🧠 brain and 💊 pills 👩🏽‍⚕️'],
      ['a long text', 'Multiple sclerosis is a long-term disease. '.repeat(100)],
    ];
    for (const [name, text] of cases) {
      it(`matches Node's crypto: ${name}`, () => assert.equal(sha256Hex(text), node(text)));
    }
  });

  describe('snippetHash', () => {
    const hash = (body: string) => snippetHash(parseTemplate(body).parts);
    const base = 'Multiple sclerosis is a long-term disease.\nAsk ${1:your doctor} about it, or ${2|call 911,go|}.';

    it('is 8 hex digits of the SHA-256 of the masked wording', () => {
      assert.match(hash(base), /^[0-9a-f]{8}$/);
    });

    it('does not change when lines are re-wrapped, indented or end in CRLF', () => {
      assert.equal(hash('Multiple sclerosis is a\nlong-term disease. Ask ${1:your doctor}\nabout it, or ${2|call 911,go|}.'), hash(base));
      assert.equal(hash('  Multiple   sclerosis is a long-term disease.\n\n    Ask ${1:your doctor} about it,\tor ${2|call 911,go|}.\n'), hash(base));
      assert.equal(hash(base.replace(/\n/g, '\r\n')), hash(base));
    });

    it('changes when a word changes', () => {
      assert.notEqual(hash(base.replace('long-term', 'lifelong')), hash(base));
      assert.notEqual(hash(base.replace('about it', 'about this')), hash(base));
    });

    it('does not change when a slot’s default changes', () => {
      assert.equal(hash(base.replace('your doctor', 'your nurse')), hash(base));
      assert.equal(hash(base.replace('${1:your doctor}', '$1')), hash(base));
    });
  });

  describe('matchesTemplate', () => {
    const parts = parseTemplate('Ask ${1:your doctor} about it, or ${2|call 911,go to the emergency room|} if it is sudden.').parts;

    it('matches the text at its defaults, and re-wrapped or indented', () => {
      assert.ok(matchesTemplate(parts, 'Ask your doctor about it, or call 911 if it is sudden.'));
      assert.ok(matchesTemplate(parts, 'Ask your doctor about\n   it, or call 911 if it\r\nis sudden.\n'));
    });

    it('matches a placeholder filled with other words', () => {
      assert.ok(matchesTemplate(parts, 'Ask the nurse at Elm Street Clinic about it, or call 911 if it is sudden.'));
    });

    it('matches a choice filled with any of its options, and not with other words', () => {
      assert.ok(matchesTemplate(parts, 'Ask your doctor about it, or go to the emergency room if it is sudden.'));
      assert.ok(!matchesTemplate(parts, 'Ask your doctor about it, or text a friend if it is sudden.'));
    });

    it('does not match when a word of the vetted wording changes, at the start, middle or end', () => {
      assert.ok(!matchesTemplate(parts, 'Tell your doctor about it, or call 911 if it is sudden.'));
      assert.ok(!matchesTemplate(parts, 'Ask your doctor about this, or call 911 if it is sudden.'));
      assert.ok(!matchesTemplate(parts, 'Ask your doctor about it, or call 911 if it is serious.'));
      assert.ok(!matchesTemplate(parts, 'Ask your doctor about it, or call 911 if it is sudden. And more.'));
    });

    it('matches a template without slots word for word only', () => {
      const plain = parseTemplate('Rest your hand.\nWear a splint at night.').parts;
      assert.ok(matchesTemplate(plain, 'Rest your hand. Wear a splint at night.'));
      assert.ok(!matchesTemplate(plain, 'Rest your hand. Wear a brace at night.'));
    });
  });

  describe('parseSnippet', () => {
    const good = snippetFile(LONG);
    /** The file with one front-matter line replaced (or removed, for `''`). */
    const withLine = (from: string, to: string): SnippetSource => ({ file: 'bad.md', text: good.text.replace(`${from}\n`, to ? `${to}\n` : '') });
    const lineOf = (source: SnippetSource, text: string) => source.text.split('\n').findIndex((l) => l.startsWith(text)) + 1;

    it('loads a good file: front matter, body and hash', () => {
      const { snippet, problems } = parseSnippet(good);
      assert.deepEqual(problems, []);
      assert.ok(snippet);
      assert.deepEqual(
        [snippet.id, snippet.title, snippet.version, snippet.terms, snippet.status, snippet.review, snippet.reviewedBy, snippet.reviewDue, snippet.file],
        ['ms-basics', 'MS basics', 1, ['multiple-sclerosis'], 'vetted', 'source-checked', 'MedTerms writer', '2027-01-01', 'ms-basics-v1.md'],
      );
      assert.deepEqual(snippet.sources, [{ title: 'Example source', url: 'https://example.org/ms' }]);
      assert.equal(snippet.body, LONG);
      assert.equal(snippet.hash, snippetHash(parseTemplate(LONG).parts));
    });

    it('loads a file with CRLF line ends and a byte-order mark the same', () => {
      const { snippet, problems } = parseSnippet({ file: 'crlf.md', text: `\uFEFF${good.text.replace(/\n/g, '\r\n')}` });
      assert.deepEqual(problems, []);
      assert.equal(snippet?.hash, parseSnippet(good).snippet!.hash);
      assert.equal(snippet?.title, 'MS basics');
    });

    /** Asserts that a file is refused with one error on `line`, its message matching `message`. */
    function refused(source: SnippetSource, line: number, message: RegExp) {
      const { snippet, problems } = parseSnippet(source);
      assert.equal(snippet, undefined);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.deepEqual([problems[0].file, problems[0].line, problems[0].severity], [source.file, line, 'error']);
      assert.match(problems[0].message, message);
    }

    it('refuses a file without front matter, at line 1', () => refused({ file: 'bad.md', text: 'Just text.\n' }, 1, /starts with YAML front matter/));

    it('refuses front matter that is never closed, at line 1', () => refused({ file: 'bad.md', text: '---\nid: x\ntitle: y\n\nBody.\n' }, 1, /not closed/));

    it('refuses YAML that does not parse, at the line of the error', () => {
      refused(withLine('title: MS basics', 'title: a: b'), 3, /not valid YAML/);
      refused(withLine('status: vetted', 'status: vetted\ntitle: Again'), lineOf(good, 'status:') + 1, /not valid YAML.*unique/);
    });

    it('refuses an unknown property, at its line', () => {
      const bad = withLine('status: vetted', 'status: vetted\ncolour: red');
      refused(bad, lineOf(bad, 'colour:'), /unknown property "colour"/);
    });

    it('refuses version 0, at the version line', () => refused(withLine('version: 1', 'version: 0'), lineOf(good, 'version:'), /version must be at least 1/));

    it('refuses a date that is not YYYY-MM-DD, at its line', () => {
      refused(withLine('reviewDue: 2027-01-01', 'reviewDue: 2027-13-01'), lineOf(good, 'reviewDue:'), /reviewDue/);
      refused(withLine('reviewedOn: 2026-01-01', 'reviewedOn: 1 Jan 2026'), lineOf(good, 'reviewedOn:'), /reviewedOn/);
    });

    it('refuses a missing sources list, at the start of the front matter', () => {
      const bad: SnippetSource = { file: 'bad.md', text: good.text.replace('sources:\n  - title: Example source\n    url: https://example.org/ms\n', '') };
      refused(bad, 2, /missing the required property "sources"/);
    });

    it('refuses a source URL that is not https, at its line', () => {
      refused(withLine('    url: https://example.org/ms', '    url: http://example.org/ms'), lineOf(good, '    url:'), /sources\[0\]\.url/);
    });

    it('refuses a body with a variable, at the line of the variable', () => {
      const bad = snippetFile('First line.\nSaved in $TM_FILENAME.', {}, 'bad.md');
      refused(bad, lineOf(bad, 'Saved in'), /variable/);
    });

    it('refuses an empty body', () => refused(snippetFile('', {}, 'bad.md'), lineOf(good, LONG.slice(0, 10)), /no text/));
  });

  describe('SnippetLibrary', () => {
    const v1 = snippetFile(LONG);
    const v2 = snippetFile(LONG_V2, { version: 2 });

    it('makes the highest version current and keeps the older ones by version', () => {
      const library = new SnippetLibrary([[v2, v1]]);
      assert.deepEqual(library.problems, []);
      assert.equal(library.get('ms-basics')?.version, 2);
      assert.equal(library.get('ms-basics')?.body, LONG_V2);
      assert.equal(library.version('ms-basics', 1)?.body, LONG);
      assert.equal(library.version('ms-basics', 3), undefined);
      assert.equal(library.get('nope'), undefined);
      assert.deepEqual(library.all.map((s) => `${s.id} v${s.version}`), ['ms-basics v2']);
    });

    it('lists the current snippets sorted by title', () => {
      const library = new SnippetLibrary([[snippetFile(SHORT, { id: 'zeta', title: 'Zeta' }), snippetFile(SHORT, { id: 'alpha', title: 'Alpha' })]]);
      assert.deepEqual(library.all.map((s) => s.id), ['alpha', 'zeta']);
    });

    it('lets a later layer replace the same id and version', () => {
      const team = snippetFile(LONG.replace('long-term', 'lifelong'), {}, 'team/ms-basics.md');
      const library = new SnippetLibrary([[v1], [team]]);
      assert.deepEqual(library.problems, []);
      assert.equal(library.get('ms-basics')?.file, 'team/ms-basics.md');
      assert.match(library.get('ms-basics')!.body, /lifelong/);
    });

    it('reports the same id and version twice in one layer, and keeps the first', () => {
      const again = snippetFile(SHORT, {}, 'again.md');
      const library = new SnippetLibrary([[v1, again]]);
      assert.equal(library.problems.length, 1);
      assert.deepEqual([library.problems[0].file, library.problems[0].severity], ['again.md', 'error']);
      assert.match(library.problems[0].message, /repeats ms-basics v1 of ms-basics-v1\.md/);
      assert.equal(library.get('ms-basics')?.body, LONG);
    });

    it('warns of a terms id that is not an entry, and still loads the snippet', () => {
      const library = new SnippetLibrary([[snippetFile(SHORT, { terms: '[multiple-sclerosis, no-such-entry]' })]], (id) => id === 'multiple-sclerosis');
      assert.deepEqual(
        library.problems.map((p) => [p.severity, p.message]),
        [['warning', 'terms names "no-such-entry", which is not an entry of the knowledge base.']],
      );
      assert.ok(library.get('ms-basics'));
    });

    it('loads the other snippets when one file is broken', () => {
      const broken: SnippetSource = { file: 'broken.md', text: '---\nid: broken\n---\nNo metadata.\n' };
      const library = new SnippetLibrary([[broken, v1, snippetFile(SHORT, { id: 'water' })]]);
      assert.deepEqual([...new Set(library.problems.map((p) => p.file))], ['broken.md']);
      assert.deepEqual(library.all.map((s) => s.id).sort(), ['ms-basics', 'water']);
    });

    it('is loaded from the knowledge base’s layers, terms checked against its entries', () => {
      const kb = new KnowledgeBase([
        { file: 'base', kb: { entries: [{ id: 'multiple-sclerosis', kind: 'condition', name: 'multiple sclerosis' }] }, problems: [], snippets: [v1] },
        { file: 'team', kb: { entries: [] }, problems: [], snippets: [snippetFile(SHORT, { id: 'water', terms: '[blood-test]' })] },
      ]);
      assert.deepEqual(kb.snippets.all.map((s) => s.id).sort(), ['ms-basics', 'water']);
      assert.deepEqual(kb.snippets.problems.map((p) => p.message), ['terms names "blood-test", which is not an entry of the knowledge base.']);
    });
  });

  describe('findMarkedBlocks', () => {
    const open = openMarker('ms-basics', 1, 'abcd1234');

    it('finds a block with the spans of the block, its opening line and its body', () => {
      const text = `Intro.\n\n${open}\nThe text.\nMore text.\n${CLOSE_MARKER}\n\nAfter.\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(problems, []);
      assert.equal(blocks.length, 1);
      const [b] = blocks;
      assert.deepEqual([b.id, b.version, b.hash], ['ms-basics', 1, 'abcd1234']);
      assert.equal(text.slice(b.start, b.end), `${open}\nThe text.\nMore text.\n${CLOSE_MARKER}`);
      assert.equal(text.slice(b.open.start, b.open.end), open);
      assert.equal(text.slice(b.body.start, b.body.end), 'The text.\nMore text.\n');
    });

    it('reads a marker without a version or hash as NaN and empty', () => {
      const { blocks } = findMarkedBlocks(`<!-- medterms:snippet id=ms-basics -->\nText.\n${CLOSE_MARKER}`);
      assert.equal(blocks[0].id, 'ms-basics');
      assert.ok(Number.isNaN(blocks[0].version));
      assert.equal(blocks[0].hash, '');
    });

    it('reports a start without an end, at the start marker', () => {
      const text = `Intro.\n${open}\nThe text.\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(blocks, []);
      assert.equal(problems.length, 1);
      assert.equal(text.slice(problems[0].start, problems[0].end), open);
      assert.match(problems[0].message, /no end marker/);
    });

    it('reports an end without a start, at the end marker', () => {
      const text = `Intro.\n${CLOSE_MARKER}\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(blocks, []);
      assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), [CLOSE_MARKER]);
      assert.match(problems[0].message, /no start marker/);
    });

    it('reports a start inside a block at the outer start, and keeps the inner block', () => {
      const inner = openMarker('water', 2, '00000000');
      const text = `${open}\nOuter.\n${inner}\nInner.\n${CLOSE_MARKER}\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), [open]);
      assert.match(problems[0].message, /cannot nest/);
      assert.deepEqual(blocks.map((b) => [b.id, text.slice(b.body.start, b.body.end)]), [['water', 'Inner.\n']]);
    });

    it('reports a marker that names no id, and one not closed with -->', () => {
      const noId = '<!-- medterms:snippet v=1 sha=abcd1234 -->';
      const unclosed = '<!-- medterms:snippet id=ms-basics v=1';
      const text = `${noId}\nText.\n\n${unclosed}\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(blocks, []);
      assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), [noId, unclosed]);
      assert.match(problems[0].message, /names no snippet/);
      assert.match(problems[1].message, /not closed/);
    });

    it('ignores markers inside fenced code (``` and ~~~), and finds them after the fence', () => {
      const example = `${open}\nExample.\n${CLOSE_MARKER}`;
      const text = `\`\`\`markdown\n${example}\n\`\`\`\n\n~~~~\n${CLOSE_MARKER}\n~~~~\n\n${example}\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(problems, []);
      assert.equal(blocks.length, 1);
      assert.equal(blocks[0].start, text.lastIndexOf(open));
    });

    it('keeps carriage returns out of the marker spans, and in the body, with CRLF', () => {
      const text = `Intro.\r\n${open}\r\nThe text.\r\n${CLOSE_MARKER}\r\nAfter.\r\n`;
      const { blocks, problems } = findMarkedBlocks(text);
      assert.deepEqual(problems, []);
      const [b] = blocks;
      assert.equal(text.slice(b.open.start, b.open.end), open);
      assert.equal(text.slice(b.start, b.end), `${open}\r\nThe text.\r\n${CLOSE_MARKER}`);
      assert.equal(text.slice(b.body.start, b.body.end), 'The text.\r\n');
    });

    it('finds nothing in a text without markers', () => {
      assert.deepEqual(findMarkedBlocks('Plain <!-- comment --> text.\n'), { blocks: [], problems: [] });
    });
  });

  describe('snippetFindings', () => {
    const library = new SnippetLibrary([[snippetFile(LONG), snippetFile(SHORT, { id: 'water', title: 'Water before a blood test' })]]);
    const ms = library.get('ms-basics')!;
    const block = markedSnippet(ms).text;
    const doc = (body: string) => `# About MS\n\nAn intro of our own.\n\n${body}\n\nA closing line of our own.\n`;

    it('finds nothing in an untouched block', () => {
      assert.deepEqual(check(doc(block), library), []);
    });

    it('finds nothing in a block re-wrapped and indented by a formatter, or with its slots filled', () => {
      const rewrapped = block.replace('brain and spinal cord.\nThe immune', 'brain and\nspinal cord. The immune').replace('\nnerve signals', '\n  nerve signals');
      assert.notEqual(rewrapped, block);
      assert.deepEqual(check(doc(rewrapped), library), []);
      const filled = block.replace('your doctor', 'the team at Elm Street Clinic').replace('call 911', 'go to the emergency room');
      assert.deepEqual(check(doc(filled), library), []);
    });

    it('finds nothing with CRLF line ends', () => {
      assert.deepEqual(check(doc(markedSnippet(ms, '\r\n').text).replace(/\r?\n/g, '\r\n'), library), []);
    });

    it('flags an edited block with snippet-edited over the whole block', () => {
      const text = doc(block.replace('long-term', 'short-term'));
      const findings = check(text, library);
      assert.deepEqual(rules(findings), ['snippet-edited']);
      const [f] = findings;
      assert.equal(text.slice(f.start, f.end), block.replace('long-term', 'short-term'));
      assert.deepEqual(
        f.fixes.map((x) => x.title),
        ['Restore the vetted text (v1)', 'Detach: remove the snippet markers, keep the text'],
      );
    });

    it('flags a choice filled with words that are not one of its options', () => {
      assert.deepEqual(rules(check(doc(block.replace('call 911', 'text a friend')), library)), ['snippet-edited']);
    });

    it('offers Restore: the vetted text at its defaults in place of the body, and in snippet syntax', () => {
      const text = doc(block.replace('long-term', 'short-term'));
      const restore = fix(check(text, library)[0], /^Restore/);
      assert.equal(restore.replacement, `${snippetText(ms)}\n`);
      assert.equal(restore.snippet, `${LONG}\n`);
      const restored = apply(text, restore);
      assert.equal(restored, doc(block));
      assert.deepEqual(check(restored, library), []);
    });

    it('offers Restore in the document’s line ends (CRLF)', () => {
      const text = doc(block.replace('long-term', 'short-term')).replace(/\n/g, '\r\n');
      const restore = fix(check(text, library)[0], /^Restore/);
      assert.equal(restore.replacement, `${snippetText(ms)}\n`.replace(/\n/g, '\r\n'));
      assert.equal(apply(text, restore), doc(block).replace(/\n/g, '\r\n'));
    });

    it('offers Detach: the text kept byte for byte, the marker lines removed', () => {
      const edited = block.replace('long-term', 'short-term');
      const text = doc(edited);
      const detach = fix(check(text, library)[0], /^Detach/);
      const body = edited.split('\n').slice(1, -1).join('\n');
      assert.equal(apply(text, detach), doc(body));
    });

    it('flags a block of an older version as outdated, and Update (after a preview) brings it to the current version', () => {
      const both = new SnippetLibrary([[snippetFile(LONG), snippetFile(LONG_V2, { version: 2 })]]);
      const text = doc(markedSnippet(both.version('ms-basics', 1)!).text);
      const findings = check(text, both);
      assert.deepEqual(rules(findings), ['snippet-outdated']);
      assert.equal(text.slice(findings[0].start, findings[0].end), openMarker('ms-basics', 1, both.version('ms-basics', 1)!.hash));
      const update = fix(findings[0], /^Update to v2$/);
      assert.equal(update.preview, true);
      assert.match(update.replacement, /^<!-- medterms:snippet id=ms-basics v=2 sha=[0-9a-f]{8} -->\n/);
      assert.equal(update.replacement, markedSnippet(both.get('ms-basics')!).text);
      assert.equal(update.snippet, markedSnippet(both.get('ms-basics')!).snippet);
      const updated = apply(text, update);
      assert.deepEqual(check(updated, both), []);
    });

    it('flags a block whose hash is not the library’s for the same version as outdated, not edited', () => {
      // The block was inserted from v1 as bundled; a team layer has since corrected v1's text.
      const team = snippetFile(LONG.replace('long-term', 'lifelong'), {}, 'team/ms-basics.md');
      const corrected = new SnippetLibrary([[snippetFile(LONG)], [team]]);
      const text = doc(block);
      const findings = check(text, corrected);
      assert.deepEqual(rules(findings), ['snippet-outdated']);
      assert.match(findings[0].message, /differs from the text this block was inserted from/);
      const updated = apply(text, fix(findings[0], /^Update to v1$/));
      assert.match(updated, /lifelong/);
      assert.deepEqual(check(updated, corrected), []);
    });

    it('flags a lapsed review the day after reviewDue, not on the day', () => {
      assert.deepEqual(check(doc(block), library, '2027-01-01'), []);
      const findings = check(doc(block), library, '2027-01-02');
      assert.deepEqual(rules(findings), ['snippet-review-due']);
      assert.match(findings[0].message, /due on 2027-01-01/);
    });

    it('flags a block of a retired snippet as review-due, with Detach', () => {
      const retired = new SnippetLibrary([[snippetFile(LONG, { status: 'retired' })]]);
      const findings = check(doc(block), retired);
      assert.deepEqual(rules(findings), ['snippet-review-due']);
      assert.match(findings[0].message, /retired/);
      fix(findings[0], /^Detach/);
    });

    it('flags a marker naming an unknown snippet, or a version newer than the library’s, as snippet-marker', () => {
      const unknown = block.replace('id=ms-basics', 'id=no-such-snippet');
      const text = doc(unknown);
      const findings = check(text, library);
      assert.deepEqual(rules(findings), ['snippet-marker']);
      assert.equal(text.slice(findings[0].start, findings[0].end), unknown.split('\n')[0]);
      assert.match(findings[0].message, /No snippet "no-such-snippet"/);
      assert.deepEqual(rules(check(doc(block.replace('v=1', 'v=7')), library)), ['snippet-marker']);
    });

    it('flags damaged markers as snippet-marker, and never throws', () => {
      const text = `${block.split('\n')[0]}\nText.\n\n${CLOSE_MARKER}\n${CLOSE_MARKER}\n`;
      assert.deepEqual(rules(check(text, library)), ['snippet-edited', 'snippet-marker']);
      assert.deepEqual(rules(check(`${block.split('\n')[0]}\nNo end.\n`, library)), ['snippet-marker']);
    });

    it('flags an exact copy of a long snippet pasted without markers, and Mark wraps it so nothing is left to flag', () => {
      const text = doc(snippetText(ms));
      const findings = check(text, library);
      assert.deepEqual(rules(findings), ['snippet-unmarked']);
      assert.match(findings[0].message, /without its markers/);
      const mark = fix(findings[0], /^Mark as vetted snippet$/);
      const marked = apply(text, mark);
      assert.equal(marked, doc(block));
      assert.deepEqual(check(marked, library), []);
    });

    it('flags a pasted copy with its slots filled as an exact copy', () => {
      const text = doc(snippetText(ms).replace('your doctor', 'your care team').replace('call 911', 'go to the emergency room'));
      const findings = check(text, library);
      assert.deepEqual(rules(findings), ['snippet-unmarked']);
      const marked = apply(text, fix(findings[0], /^Mark as vetted snippet$/));
      assert.deepEqual(check(marked, library), []);
    });

    it('flags a near copy (a few words changed) and offers to replace it with the vetted text, after a preview', () => {
      const near = snippetText(ms).replace('long-term', 'lasting').replace('slow down', 'get slower');
      const text = doc(near);
      const findings = check(text, library);
      assert.deepEqual(rules(findings), ['snippet-unmarked']);
      assert.match(findings[0].message, /close to the vetted snippet/);
      assert.equal(findings[0].fixes.length, 1);
      const replace = fix(findings[0], /^Replace with the vetted text$/);
      assert.equal(replace.preview, true);
      // The whole near copy gives way to the vetted text: no piece of the edited wording is left beside it.
      const replaced = apply(text, replace);
      assert.equal(replaced, doc(block));
      assert.deepEqual(check(replaced, library), []);
    });

    it('replaces only the near copy, keeping the writer’s own sentences on its lines', () => {
      const near = snippetText(ms).replace('long-term', 'lasting').replace('slow down', 'get slower').replace(/\n/g, ' ');
      const text = doc(`Here is what to know. ${near} We can help.`);
      const replaced = apply(text, fix(check(text, library)[0], /^Replace with the vetted text$/));
      assert.equal(replaced, doc(`Here is what to know. \n${block}\n We can help.`));
      assert.deepEqual(check(replaced, library), []);
    });

    it('does not look for short snippets (under 25 words) pasted without markers', () => {
      assert.deepEqual(check(doc(SHORT), library), []);
    });

    it('does not look for retired snippets pasted without markers', () => {
      const retired = new SnippetLibrary([[snippetFile(LONG, { status: 'retired' })]]);
      assert.deepEqual(check(doc(snippetText(ms)), retired), []);
    });

    it('does not flag a marked block as pasted text', () => {
      const findings = check(doc(block.replace('long-term', 'short-term')), library);
      assert.ok(!rules(findings).includes('snippet-unmarked'));
    });

    it('does not look for pasted text without a finder', () => {
      const text = doc(snippetText(ms));
      assert.deepEqual(snippetFindings(text, proseSpans(text), library, { today: TODAY }), []);
    });

    it('returns on a 1 MB line of one snippet word repeated, and on a block with a 1 MB body', () => {
      const line = 'nerve '.repeat(175_000);
      assert.ok(line.length > 1_000_000);
      assert.deepEqual(check(doc(line), library), []);
      const huge = `${block.split('\n')[0]}\n${line}\n${CLOSE_MARKER}`;
      assert.deepEqual(rules(check(doc(huge), library)), ['snippet-edited']);
    });

    it('returns findings sorted by start', () => {
      const text = `${doc(block.replace('long-term', 'short-term'))}\n${CLOSE_MARKER}\n\n${snippetText(ms)}\n`;
      const findings = check(text, library, '2030-01-01');
      assert.deepEqual(rules(findings), ['snippet-edited', 'snippet-review-due', 'snippet-marker', 'snippet-unmarked']);
      assert.deepEqual(findings.map((f) => f.start), [...findings.map((f) => f.start)].sort((a, b) => a - b));
    });
  });

  describe('markedSnippet', () => {
    const ms: Snippet = new SnippetLibrary([[snippetFile(LONG)]]).get('ms-basics')!;

    it('wraps the text at its defaults, and the snippet syntax, in the opening and closing markers', () => {
      const { text, snippet } = markedSnippet(ms);
      assert.equal(text, `${openMarker('ms-basics', 1, ms.hash)}\n${snippetText(ms)}\n${CLOSE_MARKER}`);
      assert.equal(snippet, `${openMarker('ms-basics', 1, ms.hash)}\n${LONG}\n${CLOSE_MARKER}`);
    });

    it('uses the document’s line ends, and inserts bare text without markers', () => {
      assert.equal(markedSnippet(ms, '\r\n').text, markedSnippet(ms).text.replace(/\n/g, '\r\n'));
      assert.deepEqual(markedSnippet(ms, '\n', false), { text: snippetText(ms), snippet: LONG });
    });
  });
});
