import { strict as assert } from 'node:assert';
import { casedAt, DocumentAnalysis, styleFindings, type Entry, type KnowledgeBase, type StyleOptions } from '../../src/core';
import { bundledKb, kbOf, repoText } from './helpers';

const entries: Entry[] = [
  { id: 'paresthesia', kind: 'symptom', name: 'paresthesia', synonyms: ['paraesthesia'], layTerms: ['pins and needles'], sayInstead: 'numbness or tingling' },
  { id: 'hypertension', kind: 'condition', name: 'hypertension', synonyms: ['high blood pressure'], sayInstead: 'high blood pressure' },
  { id: 'als', kind: 'condition', name: 'amyotrophic lateral sclerosis', abbreviations: ['ALS'], sayInstead: 'ALS' },
  { id: 'multiple-sclerosis', kind: 'condition', name: 'multiple sclerosis', abbreviations: ['MS'], synonyms: ['disseminated sclerosis'] },
  { id: 'sle', kind: 'condition', name: 'systemic lupus erythematosus', abbreviations: ['SLE'], layTerms: ['lupus'] },
  { id: 'uti', kind: 'condition', name: 'urinary tract infection', abbreviations: ['UTI'] },
  { id: 'mri', kind: 'test', name: 'magnetic resonance imaging', abbreviations: ['MRI'] },
];
const kb = kbOf(entries);

function findings(text: string, options?: StyleOptions, base: KnowledgeBase = kb) {
  const analysis = DocumentAnalysis.of(text);
  return styleFindings({ text, hits: analysis.terms(base.termIndex), headings: analysis.headings }, base, options);
}

/** Each finding as `rule: flagged text`, for tests about which terms are flagged. */
function flagged(text: string, options?: StyleOptions): string[] {
  return findings(text, options).map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`);
}

describe('plain-language style rules', () => {
  describe('jargon', () => {
    it('flags a name with plainer wording, with the offsets, message and both fixes', () => {
      const text = 'It causes paresthesia in the hands.';
      assert.deepEqual(findings(text), [
        {
          rule: 'jargon',
          start: 10,
          end: 21,
          message: '“paresthesia” is medical jargon; readers may know it as “numbness or tingling”.',
          fixes: [
            { title: 'Replace with “numbness or tingling”', start: 10, end: 21, replacement: 'numbness or tingling' },
            { title: 'Explain: paresthesia (numbness or tingling)', start: 10, end: 21, replacement: 'paresthesia (numbness or tingling)' },
          ],
        },
      ]);
    });

    it('capitalises the plain wording at the start of a sentence, and keeps the written form when explaining', () => {
      const [finding] = findings('Hands go numb. Paresthesia is common.');
      assert.deepEqual(
        finding.fixes.map((f) => f.replacement),
        ['Numbness or tingling', 'Paresthesia (numbness or tingling)'],
      );
    });

    it('flags synonyms, not lay terms or the say-instead wording itself', () => {
      assert.deepEqual(flagged('Some feel paraesthesia. Others feel pins and needles.'), ['jargon: paraesthesia']);
      assert.deepEqual(flagged('High blood pressure is common. So is hypertension.'), ['jargon: hypertension']);
    });

    it('leaves a term explained in brackets right after it, in any casing', () => {
      assert.deepEqual(flagged('You may feel paresthesia (numbness or tingling).'), []);
      assert.deepEqual(flagged('You may feel paresthesia (Pins and Needles).'), []);
      assert.deepEqual(flagged('You may feel paresthesia (a tingling).'), ['jargon: paresthesia']);
      assert.deepEqual(flagged('You may feel paresthesia, (numbness or tingling).'), ['jargon: paresthesia']);
    });

    it('leaves a term introduced by a naming cue, or next to a lay term in the same sentence', () => {
      assert.deepEqual(flagged('Your fingers tingle. This is called paresthesia.'), []);
      assert.deepEqual(flagged('The feeling is known as “paresthesia”.'), []);
      assert.deepEqual(flagged('Doctors call pins and needles paresthesia.'), []);
      assert.deepEqual(flagged('Paresthesia, or pins and needles, is common.'), []);
      assert.deepEqual(flagged('You may feel pins and needles. Paresthesia is common.'), ['jargon: Paresthesia']);
      assert.deepEqual(flagged('- pins and needles\n- paresthesia'), ['jargon: paresthesia']);
    });

    it('flags each use until the term is explained once, then none', () => {
      const text = 'First paresthesia. Then paresthesia (pins and needles). Later paresthesia again.';
      assert.deepEqual(
        findings(text).map((f) => f.start),
        [text.indexOf('paresthesia')],
      );
    });

    it('offers only to explain when the plain wording is an abbreviation, never a bare abbreviation for a name', () => {
      const [finding] = findings('Amyotrophic lateral sclerosis is rare.');
      assert.equal(finding.message, '“Amyotrophic lateral sclerosis” is medical jargon; readers may know it as “ALS”.');
      assert.deepEqual(finding.fixes, [
        { title: 'Explain: Amyotrophic lateral sclerosis (ALS)', start: 0, end: 29, replacement: 'Amyotrophic lateral sclerosis (ALS)' },
      ]);
      assert.deepEqual(flagged('Amyotrophic lateral sclerosis (ALS) is rare. ALS affects nerves.'), []);
    });

    it('writes a term split over a line break on one line in its message', () => {
      const [finding] = findings('It is amyotrophic lateral\nsclerosis.');
      assert.match(finding.message, /^“amyotrophic lateral sclerosis” is medical jargon/);
      assert.equal(finding.fixes[0].replacement, 'amyotrophic lateral\nsclerosis (ALS)');
    });
  });

  describe('abbreviations', () => {
    it('flags the first use of an abbreviation before it is spelled out, with the spelled-out fix', () => {
      const text = 'People with MS may feel tired. MS is common.';
      assert.deepEqual(findings(text), [
        {
          rule: 'abbreviation',
          start: 12,
          end: 14,
          message: 'Spell out “MS” at first use: “multiple sclerosis (MS)”.',
          fixes: [{ title: 'Spell out: multiple sclerosis (MS)', start: 12, end: 14, replacement: 'multiple sclerosis (MS)' }],
        },
      ]);
    });

    it('capitalises the spelled-out name at the start of a sentence, a heading-less line or a list item', () => {
      assert.equal(findings('MS can start slowly.')[0].fixes[0].replacement, 'Multiple sclerosis (MS)');
      assert.equal(findings('Tired? MS can do that.')[0].fixes[0].replacement, 'Multiple sclerosis (MS)');
      assert.equal(findings('- MS, for one')[0].fixes[0].replacement, 'Multiple sclerosis (MS)');
    });

    it('accepts the name or a synonym before it, or the name in brackets right after it', () => {
      assert.deepEqual(flagged('Multiple sclerosis is common. MS can cause numbness.'), []);
      assert.deepEqual(flagged('Disseminated sclerosis is an old name. MS is used now.'), []);
      assert.deepEqual(flagged('MS (multiple sclerosis) is common.'), []);
      assert.deepEqual(flagged('MS, or multiple sclerosis, is common.'), ['abbreviation: MS']);
    });

    it('does not take a lay term for spelling out: “lupus” does not explain “SLE”', () => {
      assert.deepEqual(flagged('Lupus is common. SLE is its most common type.'), ['abbreviation: SLE']);
    });

    it('leaves headings alone, and wants the body to spell the abbreviation out', () => {
      assert.deepEqual(flagged('# Living with MS\n\nMultiple sclerosis (MS) is common.'), []);
      assert.deepEqual(flagged('Living with MS\n==============\n\nMultiple sclerosis (MS) is common.'), []);
      const text = '# Multiple sclerosis\n\nMS is common.';
      assert.deepEqual(findings(text).map((f) => f.start), [text.lastIndexOf('MS')]);
    });

    it('skips allowed abbreviations, with their plurals', () => {
      assert.deepEqual(flagged('An MRI, or two MRIs.', { allowedAbbreviations: ['MRI'] }), []);
      assert.deepEqual(flagged('An MRI, or two MRIs.', { allowedAbbreviations: ['MS'] }), ['abbreviation: MRI']);
    });

    it('spells out a plural as a plural, and offers no fix for a possessive', () => {
      assert.equal(findings('Two UTIs in a year.')[0].fixes[0].replacement, 'urinary tract infections (UTIs)');
      const [possessive] = findings('The UTI’s cause was clear.');
      assert.equal(possessive.message, 'Spell out “UTI’s” at first use: “urinary tract infection (UTI)”.');
      assert.deepEqual(possessive.fixes, []);
    });
  });

  it('finds nothing to fix in the example article', () => {
    const text = repoText('examples/numbness-in-hands.md');
    assert.deepEqual(findings(text, {}, bundledKb()), []);
    // The article introduces its terms in the ways the rules accept; without those, they are flagged.
    const bare = 'Some people feel paresthesia. Later an MRI and peripheral neuropathy.';
    assert.deepEqual(
      findings(bare, {}, bundledKb()).map((f) => [f.rule, bare.slice(f.start, f.end)]),
      [
        ['jargon', 'paresthesia'],
        ['abbreviation', 'MRI'],
        ['jargon', 'peripheral neuropathy'],
      ],
    );
  });
});

describe('casing at a position', () => {
  const at = (before: string, written = '') => casedAt('multiple sclerosis', `${before}MS`, before.length, written);

  it('capitalises at the start of the text, a sentence, a heading, a list item or a quote', () => {
    for (const before of ['', 'Tired. ', 'Why?\n', 'Note: ', '## ', '- ', '  * ', '1. ', '> ', '**Imaging.** ', 'Done. *', 'x\n\n'])
      assert.equal(at(before), 'Multiple sclerosis', JSON.stringify(before));
  });

  it('keeps the canonical casing inside a sentence, unless the written form has a capital', () => {
    for (const before of ['People with ', 'e.g. 5.', 'a - ']) assert.equal(at(before), 'multiple sclerosis', JSON.stringify(before));
    assert.equal(at('People with ', 'Rhuem'), 'Multiple sclerosis');
    assert.equal(casedAt("Sjögren's syndrome", 'with ', 5), "Sjögren's syndrome");
  });

  it('looks back only a few characters on a long line', () => {
    assert.equal(at(`${'word '.repeat(20_000)}and `), 'multiple sclerosis');
    assert.equal(at(`${'word '.repeat(20_000)}end. `), 'Multiple sclerosis');
  });
});

describe('heading spans', () => {
  it('finds ATX and setext headings, not thematic breaks, hashtags or code', () => {
    const text = '# One\nbody\n#tag\n  ## Two ##\n\nThree\n===\n\n---\nFour\r\n---\r\n\n```\n# code\n```\n';
    assert.deepEqual(
      DocumentAnalysis.of(text).headings.map((s) => text.slice(s.start, s.end).trim()),
      ['# One', '## Two ##', 'Three', 'Four'],
    );
  });
});
