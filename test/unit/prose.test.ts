import { strict as assert } from 'node:assert';
import { frontMatterLength, proseSpans, readProse } from '../../src/core';
import { bundledKb, repoText } from './helpers';

/** The prose of `text`, as one string with spans joined by `|`. */
const prose = (text: string) => proseSpans(text).map((s) => text.slice(s.start, s.end)).join('|');
const termsIn = (text: string) => bundledKb().termIndex.findTerms(text, proseSpans(text)).map((h) => text.slice(h.start, h.end));

describe('Markdown prose spans', () => {
  it('skips front matter, fenced and indented code, and HTML blocks', () => {
    const text = '---\ntitle: lupus\n---\n# Lupus\n\n```\nlupus\n```\n\n    lupus code\n\n<div>\nlupus\n</div>\n\nlupus prose\n';
    assert.equal(prose(text), '# Lupus\n|lupus prose\n');
  });

  it('skips inline code, HTML comments and tags, link destinations and bare URLs, keeping link text', () => {
    const text = 'a `lupus` b <!-- lupus --> c <b>x</b> [lupus](https://x.org/lupus "t") see https://www.example.org/lupus now\n';
    assert.equal(prose(text), 'a | b | c |x| [lupus| see | now\n');
  });

  it('reads headings, lists, block quotes and table cells', () => {
    const text = '## Numbness\n\n- tingling\n\n> fatigue\n\n| a | b |\n|---|---|\n| lupus | rash |\n';
    assert.deepEqual(termsIn(text), ['Numbness', 'tingling', 'fatigue', 'lupus', 'rash']);
  });

  it('keeps offsets into the original text with CRLF line ends and a BOM', () => {
    const text = '\uFEFF---\r\ntitle: lupus\r\n---\r\nLupus and\r\nnumbness\r\n';
    const index = bundledKb().termIndex;
    const hits = index.findTerms(text, proseSpans(text));
    assert.deepEqual(hits.map((h) => text.slice(h.start, h.end)), ['Lupus', 'numbness']);
    assert.equal(frontMatterLength(text), '\uFEFF---\r\ntitle: lupus\r\n---\r\n'.length);
  });

  it('treats an unclosed fence as code to the end, and unclosed front matter as text', () => {
    assert.deepEqual(termsIn('lupus\n\n```\nlupus\nlupus'), ['lupus']);
    assert.deepEqual(termsIn('---\nlupus\n'), ['lupus']);
  });

  it('copes with emoji, mixed scripts and a 100 KB line', () => {
    assert.deepEqual(termsIn('😀 lupus — 狼疮 lupus 🧠'), ['lupus', 'lupus']);
    const long = 'numbness and tingling '.repeat(5000);
    assert.equal(termsIn(long).length, 10000);
    assert.doesNotThrow(() => proseSpans('`'.repeat(100_000)));
  });

  it('finds in the edge-case fixture every term it must, and nothing in code, URLs, comments or front matter', () => {
    const text = repoText('test/fixtures/edge-cases.md');
    const hits = bundledKb().termIndex.findTerms(text, proseSpans(text)).map((h) => text.slice(h.start, h.end));
    for (const must of ["Sjogren's", 'Sjögren syndrome', 'RHEUMATOID ARTHRITIS', 'carpal-tunnel syndrome', 'Peripheral neuropathies', 'nerve conduction studies', "lupus's"]) {
      assert.ok(hits.includes(must), must);
    }
    const silent = text.slice(0, text.indexOf('These must be found'));
    const found = proseSpans(silent).flatMap((s) => bundledKb().termIndex.findTerms(silent, [s]).map((h) => silent.slice(h.start, h.end)));
    assert.deepEqual(found.filter((t) => /lupus|sclerosis|numbness|tingling|carpal|^ms$|^all$/i.test(t)), []);
  });

  it('reads a lone CR as a line break, as markdown-it and VS Code do: fences, headings and front matter', () => {
    assert.deepEqual(termsIn('lupus\r\r```\rlupus\r```\r\rnumbness\r'), ['lupus', 'numbness']);
    assert.equal(prose('# Lupus\rtext\r'), '# Lupus\r|text\r');
    assert.deepEqual(termsIn('---\rtitle: lupus\r---\rnumbness\r'), ['numbness']);
    assert.equal(frontMatterLength('+++\rx\r+++\rtext'), 10);
  });

  it('reads an unclosed inline comment, tag or code span as the text markdown-it renders', () => {
    assert.deepEqual(termsIn('Lupus <!-- and numbness\nand tingling.\n'), ['Lupus', 'numbness', 'tingling']);
    assert.deepEqual(termsIn('a ``lupus` numbness <b tingling\n'), ['lupus', 'numbness', 'tingling']);
    assert.deepEqual(termsIn('\\`lupus\\` and <!-- numbness --> <?pi tingling?>\n'), ['lupus']);
  });

  it('scans content nested past the parser\'s limit as flat paragraphs, and says where', () => {
    const quotes = `${'> '.repeat(120)}lupus\n\n${'- '.repeat(60)}numbness\n\n${'- '.repeat(60)}\`\`\`\n\ntingling\n`;
    assert.deepEqual(termsIn(quotes), ['lupus', 'numbness', 'tingling']);
    const { flattened } = readProse(quotes, 0, quotes.length);
    assert.deepEqual(flattened.map((s) => quotes.slice(s.start, s.end).split(' ').pop()), ['lupus', 'numbness', '```']);
    assert.ok(flattened.every((s) => s.start === 0 || quotes[s.start - 1] === '\n'), 'from a line start');
  });

  it('finds inline non-prose in time linear in the line: 1 MB of `](`, `<!--`, `<a`, backticks or `](x  `', () => {
    for (const unit of ['](', '<!--', '<a ', '`', '](x  ', '<?', '<!X', 'https://']) {
      const line = `lupus ${unit.repeat(Math.ceil(1_000_000 / unit.length))} numbness\n`;
      const started = performance.now();
      const spans = proseSpans(line);
      const ms = performance.now() - started;
      assert.ok(ms < 2000, `${JSON.stringify(unit)}: ${Math.round(ms)} ms`);
      assert.ok(spans.length > 0);
    }
  });
});

