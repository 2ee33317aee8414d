import { strict as assert } from 'node:assert';
import { DocumentAnalysis, styleFindings } from '../../src/core';
import { bundledKb } from './helpers';

/** The entry each recognised word of `text` leads to, as `word → id`. */
function recognised(text: string): string[] {
  const kb = bundledKb();
  return DocumentAnalysis.of(text)
    .terms(kb.termIndex)
    .map((hit) => `${text.slice(hit.start, hit.end)} → ${hit.entryId}`);
}

describe('what real articles say', () => {
  it('recognises everyday body parts, symptoms, conditions and treatments', () => {
    assert.deepEqual(recognised('Your hands and feet may swell. A lump, an infection or a tumor may need surgery, a splint or a catheter.'), [
      'hands → hand',
      'feet → foot',
      'swell → edema',
      'lump → lump',
      'infection → infection',
      'tumor → tumor',
      'surgery → surgery',
      'splint → splint',
      'catheter → catheter',
    ]);
  });

  it('leads adjective and verb forms of symptoms and conditions to their entries', () => {
    assert.deepEqual(recognised('The ankle is swollen, the skin itches and tingles; she is diabetic, feels feverish and nauseous, and was paralyzed.').filter((r) => !/^(ankle|skin) /.test(r)), [
      'swollen → edema',
      'itches → pruritus',
      'tingles → paresthesia',
      'diabetic → diabetes-mellitus',
      'feverish → fever',
      'nauseous → nausea',
      'paralyzed → paralysis',
    ]);
  });

  it('leaves out everyday words whose ordinary sense would mislead', () => {
    assert.deepEqual(recognised('It comes back when the weather turns cold; cast your vote, burn calories, the sole reason, on tissue paper.'), []);
  });

  it('never flags the everyday words or their forms as jargon', () => {
    const kb = bundledKb();
    const text = 'My hands are swollen and itchy. I feel feverish, stressed and anxious after surgery with a splint.';
    const analysis = DocumentAnalysis.of(text);
    assert.deepEqual(styleFindings({ text, hits: analysis.terms(kb.termIndex), headings: analysis.headings }, kb), []);
  });
});
