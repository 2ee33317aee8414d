import type { StyleRule } from './style';

/** How a rule's findings are shown: the values of the `medterms.diagnostics.<rule>` settings. */
export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** The severities, from none to the highest. */
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * Each rule's severity unless a setting says otherwise, as package.json declares the settings'
 * defaults (a test checks): jargon is a judgement, an unexplained abbreviation a slip. The
 * editor's diagnostics and the CLI's SARIF levels and `--min-severity` read the same table.
 */
export const DEFAULT_SEVERITY: Readonly<Record<StyleRule, RuleSeverity>> = {
  jargon: 'information',
  abbreviation: 'warning',
  // Vetted text changed by hand is what a reviewer must see; the rest are news, not slips.
  'snippet-edited': 'warning',
  'snippet-outdated': 'information',
  'snippet-review-due': 'information',
  'snippet-marker': 'warning',
  'snippet-unmarked': 'hint',
  nesting: 'information',
  // A grade is advice about a paragraph, not a slip in it.
  'reading-grade': 'information',
  // Wording about people is a judgement, like jargon.
  'person-first': 'information',
};

/** Whether `severity` is at least `threshold` (`warning` is at least `information`). */
export function atLeast(severity: RuleSeverity, threshold: RuleSeverity): boolean {
  return RULE_SEVERITIES.indexOf(severity) >= RULE_SEVERITIES.indexOf(threshold);
}

/** What each rule checks, in one sentence for a reader of a report (SARIF rule help, documentation). */
export const RULE_HELP: Readonly<Record<StyleRule, string>> = {
  jargon: 'Medical jargon that has plainer wording (a term of the knowledge base, or a general word such as “prognosis” or “contraindicated”), until the document explains it. Fixes: replace it with the plain wording, or explain it in brackets.',
  abbreviation: 'An abbreviation used in the body before it is spelled out. Fix: spell it out at first use, with the abbreviation in brackets.',
  'snippet-edited': 'A vetted snippet whose text was edited after it was inserted: the text between its provenance markers is no longer the vetted wording.',
  'snippet-outdated': 'A vetted snippet block for which the library has a newer version.',
  'snippet-review-due': 'A vetted snippet block whose review date has passed, or whose snippet has been retired.',
  'snippet-marker': 'A snippet provenance marker that cannot be used: an unknown snippet or version, a start without an end, an end without a start, or nested blocks.',
  'snippet-unmarked': 'A passage that is the text of a vetted snippet, or close to it, without provenance markers.',
  nesting: 'Text nested more deeply than Markdown parsers read; it was checked as plain text.',
  'reading-grade': 'A paragraph whose reading grade is above the target grade.',
  'person-first': 'Wording that names people by a condition or casts them as victims (“diabetics”, “suffers from”, “wheelchair-bound”), with a respectful rewrite and the reason. Fix, where the rewrite fits in place: replace it.',
};
