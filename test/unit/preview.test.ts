import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { plainExplanation, renderHandout, TERM_MARK_CSS, termMarks, type Entry, type KnowledgeBase } from '../../src/core';
import { kbOf, repoText } from './helpers';

const entries: Entry[] = [
  { id: 'lupus', kind: 'condition', name: 'lupus', definition: 'Lupus is an illness in which the immune system attacks the body.' },
  { id: 'paresthesia', kind: 'symptom', name: 'paresthesia', sayInstead: 'pins and needles' },
  { id: 'quiet', kind: 'symptom', name: 'quiet term' },
  { id: 'evil', kind: 'condition', name: 'evil syndrome', definition: 'A "bad" <img src=x onerror=alert(1)> & \'odd\'\nthing.' },
];
const kb = kbOf(entries);

function render(markdown: string, options: { kb?: () => KnowledgeBase | undefined; enabled?: (env: unknown) => boolean } = {}, env?: Record<string, unknown>): string {
  return new MarkdownIt().use(termMarks, { kb: options.kb ?? (() => kb), enabled: options.enabled }).render(markdown, env);
}

describe('terms explained in the Markdown preview (termMarks)', () => {
  it('marks a term with its plain definition as the tooltip', () => {
    assert.equal(
      render('Lupus can flare.'),
      '<p><span class="medterms-term" title="Lupus: Lupus is an illness in which the immune system attacks the body." data-medterms-id="lupus">Lupus</span> can flare.</p>\n',
    );
  });

  it('explains a term without a definition by its plainer wording, and leaves a term that explains nothing unmarked', () => {
    assert.match(render('Some paresthesia.'), /<span class="medterms-term" title="Paresthesia: in plain words, pins and needles\." data-medterms-id="paresthesia">paresthesia<\/span>/);
    assert.equal(render('A quiet term here.'), '<p>A quiet term here.</p>\n');
  });

  it('escapes everything taken from the knowledge base and the text', () => {
    const html = render('Evil syndrome & <lupus>.');
    assert.match(html, /title="Evil syndrome: A &quot;bad&quot; &lt;img src=x onerror=alert\(1\)&gt; &amp; 'odd' thing\."/);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&amp; &lt;<span class="medterms-term"[^>]*>lupus<\/span>&gt;/);
  });

  it('marks only text: never code, link destinations or image descriptions', () => {
    const html = render('`lupus` and\n\n```\nlupus\n```\n\n[about](https://example.org/lupus "lupus") ![lupus](x.png)');
    assert.doesNotMatch(html, /medterms-term/);
  });

  it('marks link text and headings, inside the link and heading', () => {
    assert.match(render('# Lupus\n\n[lupus facts](https://example.org)'), /<h1><span class="medterms-term"[^>]*>Lupus<\/span><\/h1>[^]*<a href="https:\/\/example.org"><span class="medterms-term"[^>]*>lupus<\/span> facts<\/a>/);
  });

  it('renders the text unmarked while the knowledge base loads, or when turned off for a render', () => {
    assert.equal(render('Lupus.', { kb: () => undefined }), '<p>Lupus.</p>\n');
    assert.equal(render('Lupus.', { enabled: (env) => (env as { mark?: boolean }).mark === true }, { mark: false }), '<p>Lupus.</p>\n');
    assert.match(render('Lupus.', { enabled: (env) => (env as { mark?: boolean }).mark === true }, { mark: true }), /medterms-term/);
  });

  it('gives the tooltip text on one line', () => {
    assert.equal(plainExplanation(entries[3]), 'Evil syndrome: A "bad" <img src=x onerror=alert(1)> & \'odd\' thing.');
    assert.equal(plainExplanation(entries[2]), undefined);
  });

  it('renders a standalone handout page with the same style, no raw HTML and no front matter', () => {
    const page = renderHandout('---\ntitle: t\n---\nLupus <script>alert(1)</script>.\n', kb, 'lupus.md');
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(page, /<title>lupus\.md<\/title>/);
    assert.ok(page.includes(TERM_MARK_CSS));
    assert.match(page, /&lt;script&gt;/);
    assert.doesNotMatch(page, /<script|title: t/);
  });

  describe('the VS Code contribution', () => {
    const pkg = JSON.parse(repoText('package.json'));

    it('contributes the plugin, the preview stylesheet (shipped) and the setting', () => {
      assert.equal(pkg.contributes['markdown.markdownItPlugins'], true);
      assert.deepEqual(pkg.contributes['markdown.previewStyles'], ['./media/preview.css']);
      assert.match(repoText('.vscodeignore'), /^!media\/preview\.css$/m);
      assert.equal(pkg.contributes.configuration.properties['medterms.preview.highlightTerms'].default, true);
    });

    it('styles the marks with the stylesheet the core uses for handouts', () => {
      assert.equal(repoText('media/preview.css').replace(/^\/\*.*\*\/\n/, ''), TERM_MARK_CSS);
    });
  });
});
