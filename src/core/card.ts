import type { KnowledgeBase } from './knowledgeBase';
import type { Entry, EntryCodes, ReviewStatus } from './kb/types';
import { writtenName } from './kb/writtenName';
import { formKey, shortensName } from './match/normalize';
import { linkDestination, safeHttpsUrl, terminalField } from './inert';

/** How a card links to other entries; without it, related terms are plain text. */
export interface CardOptions {
  /** A link target for another entry (e.g. a `command:` URI in a hover), or `undefined` for none. */
  readonly linkToEntry?: (id: string) => string | undefined;
}

const KIND_LABEL: Record<Entry['kind'], string> = {
  condition: 'Condition',
  symptom: 'Symptom or sign',
  test: 'Test or procedure',
  treatment: 'Treatment',
  anatomy: 'Body part',
};

// Codes link to their terminology's official browser; ICD-10-CM has no per-code official page.
const CODE_LABELS: readonly [keyof EntryCodes, string, ((code: string) => string)?][] = [
  ['icd10cm', 'ICD-10-CM'],
  ['mesh', 'MeSH', (c) => `https://meshb.nlm.nih.gov/record/ui?ui=${c}`],
  ['mondo', 'MONDO', (c) => `https://monarchinitiative.org/${c}`],
  ['doid', 'DOID', (c) => `https://disease-ontology.org/?id=${c}`],
  ['hpo', 'HPO', (c) => `https://hpo.jax.org/browse/term/${c}`],
  ['symp', 'SYMP', (c) => `https://www.ebi.ac.uk/ols4/ontologies/symp/classes?obo_id=${c}`],
];

/** The same statuses for a review a team's layer gave (or an entry it wrote without one). */
const TEAM_REVIEW_TEXT: Record<ReviewStatus, string> = {
  unreviewed: 'Not reviewed: your team wrote this, and MedTerms has not checked it.',
  written: 'Written by your team; not yet checked against sources or reviewed by a clinician.',
  'source-checked': 'Written by your team and checked against the sources above; not yet reviewed by a clinician.',
  'clinician-reviewed': 'Reviewed by a clinician',
};

const REVIEW_TEXT: Record<ReviewStatus, string> = {
  unreviewed: 'Not reviewed: names and codes come from the open sources listed in About the knowledge base.',
  written: 'Written by the MedTerms team in its own words; not yet checked against the sources above or reviewed by a clinician.',
  'source-checked': 'Written by the MedTerms team and checked against the sources above; not yet reviewed by a clinician.',
  'clinician-reviewed': 'Reviewed by a clinician',
};

/**
 * The card for one entry, as Markdown: name and kind, plain-language definition (or a plain
 * statement that none is written yet), say-instead wording, lay terms, synonyms and
 * abbreviations, codes, related terms, sources and review status. Each wording is shown once:
 * lay terms and synonyms that repeat the name, the say-instead wording or an earlier one are
 * left out. Hover, completion documentation, the look-up view and the CLI all show this. Every
 * knowledge-base text is escaped, so an entry cannot inject Markdown, HTML or links; only
 * `https:` source URLs and the caller's own entry links are emitted as links.
 */
export function renderCard(entry: Entry, kb: KnowledgeBase, options: CardOptions = {}): string {
  const lines: string[] = [];
  const abbreviations = entry.abbreviations?.length ? ` (${entry.abbreviations.map(escape).join(', ')})` : '';
  lines.push(`### ${escape(writtenName(entry))}${abbreviations}`, '', `*${KIND_LABEL[entry.kind]}*`, '');
  lines.push(entry.definition ? escape(entry.definition.trim()) : '_No plain-language definition has been written for this entry yet._', '');

  const facts: string[] = [];
  if (entry.sayInstead) facts.push(`**Say instead:** ${escape(entry.sayInstead)}`);
  // Each wording once: a lay term or synonym already shown (the name, the say-instead wording or
  // an earlier one, in any casing or as the same term to the matcher) is left out.
  const shown = new Set([entry.name, entry.sayInstead ?? ''].map(formKey));
  const unshown = (terms: readonly string[] = []) =>
    terms.filter((term) => {
      const key = formKey(term);
      return !shown.has(key) && Boolean(shown.add(key));
    });
  const medicine = medicineLine(entry, unshown(entry.brandNames));
  if (medicine) facts.push(medicine);
  // A lay term that is the first words of the name or a synonym (`Crohn's` of `Crohn's disease`)
  // is how writers shorten it: the reader learns nothing from it.
  const layTerms = unshown(entry.layTerms).filter((term) => !shortensName(term, [entry.name, ...(entry.synonyms ?? [])]));
  const synonyms = unshown(entry.synonyms);
  if (layTerms.length) facts.push(`**Lay terms:** ${layTerms.map(escape).join(', ')}`);
  if (synonyms.length) facts.push(`**Also called:** ${synonyms.map(escape).join(', ')}`);
  if (entry.abbreviations?.length) facts.push(`**Abbreviations:** ${entry.abbreviations.map(escape).join(', ')}`);
  const codes = CODE_LABELS.filter(([field]) => entry.codes?.[field]).map(([field, label, url]) => {
    const code = entry.codes![field]!;
    const href = url && safeHttpsUrl(url(code));
    return href ? `${label} [${escape(code)}](${href})` : `${label} ${escape(code)}`;
  });
  if (codes.length) facts.push(`**Codes:** ${codes.join(' · ')}`);
  const related = (entry.related ?? []).map((id) => kb.get(id)).filter((e): e is Entry => e !== undefined);
  if (related.length) {
    facts.push(`**Related:** ${related.map((r) => linkOrText(escape(writtenName(r)), options.linkToEntry?.(r.id))).join(' · ')}`);
  }
  // Two trailing spaces: a Markdown line break, so each fact gets its own line in one paragraph.
  if (facts.length) lines.push(facts.join('  \n'), '');

  const sources = (entry.sources ?? []).flatMap((s) => {
    const href = safeHttpsUrl(s.url);
    return href ? [`[${escape(s.title)}](${href})`] : [];
  });
  if (sources.length) lines.push(`**Sources:** ${sources.join(' · ')}`, '');
  const origin = originLine(entry, kb);
  if (origin) lines.push(`*${origin}*`, '');
  lines.push(`*${reviewLine(entry, kb)}*`);
  return lines.join('\n');
}

/**
 * Which layer the entry, or some of its fields, came from, when not the bundled knowledge base:
 * a team's own wording must never pass for the bundled, reviewed one.
 */
function originLine(entry: Entry, kb: KnowledgeBase): string | undefined {
  const origin = kb.originOf(entry.id);
  if (!origin) return undefined;
  const byFile = new Map<string, string[]>();
  for (const [field, file] of Object.entries(origin.fields)) if (field !== 'id') byFile.set(file, [...(byFile.get(file) ?? []), field]);
  const parts = [...byFile].map(([file, fields]) => `${fields.join(', ')} from ${escape(layerName(file))}`);
  if (origin.layer !== kb.baseFile) parts.unshift(`From ${escape(layerName(origin.layer))}`);
  else if (parts.length) parts.unshift('Changed by your team');
  return parts.length ? `${parts.join('; ')}.` : undefined;
}

/** A layer file as a reader knows it: its path from `.medterms/` on, or its last two parts. */
function layerName(file: string): string {
  let path = file.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded: shown as it is
  }
  const at = path.lastIndexOf('/.medterms/');
  return at !== -1 ? path.slice(at + 1) : path.split(/[\\/]/).slice(-2).join('/');
}

/** A medicine's one line: `**Class:** …; **brand names:** …`, or undefined when it has neither. */
function medicineLine(entry: Entry, brands: readonly string[]): string | undefined {
  const parts: string[] = [];
  if (entry.drugClasses?.length) parts.push(`**Class:** ${entry.drugClasses.map(escape).join(', ')}`);
  if (brands.length) parts.push(`**${parts.length ? 'brand' : 'Brand'} names:** ${brands.map(escape).join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}


/** The review status in words; a review from a team's layer is told apart from MedTerms' own. */
function reviewLine(entry: Entry, kb: KnowledgeBase): string {
  const review = entry.review ?? { status: 'unreviewed' as const };
  const origin = kb.originOf(entry.id);
  const fromTeam = origin !== undefined && (origin.fields.review ?? origin.layer) !== kb.baseFile;
  let text = (fromTeam ? TEAM_REVIEW_TEXT : REVIEW_TEXT)[review.status];
  if (review.status === 'clinician-reviewed' && review.reviewedBy) text += ` (${escape(review.reviewedBy)})`;
  if (review.status === 'clinician-reviewed') text += '.';
  if (review.reviewedOn) text += ` ${review.status === 'written' ? 'Written' : 'Last checked'} ${escape(review.reviewedOn)}.`;
  return `Review: ${text}`;
}

function linkOrText(text: string, href: string | undefined): string {
  return href ? `[${text}](${linkDestination(href)})` : text;
}

const HTML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

// Line breaks of every kind, and tabs (a tab at the start of a line is an indented code block).
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/**
 * Escapes knowledge-base text so it shows literally inside one line of Markdown, whatever it
 * holds: line breaks become a space (as a soft line break renders), so a definition cannot start
 * a heading, list, quote, code block or table of its own; emphasis, code, link brackets, tables
 * and HTML are neutralised; leading indentation is one space at most, and a leading `#`, `-`,
 * `+`, `=` or `1.` cannot start a heading or a list; other control characters, ANSI escapes and
 * bidirectional overrides show as visible escapes (`\u001b`). Linear in the text's length.
 */
export function escape(text: string): string {
  return terminalField(
    text
      .replace(BREAKS, ' ')
      .replace(/[\\`*_[\]|~]/g, '\\$&')
      .replace(/[<>&]/g, (c) => HTML_ENTITIES[c])
      .replace(/^ +/, ' ')
      .replace(/^( ?)([#+=-])/, '$1\\$2')
      .replace(/^( ?\d+)([.)])/, '$1\\$2'),
  );
}
