import { escape } from '../card';
import { safeHttpsUrl } from '../inert';
import { writtenName } from '../kb/writtenName';
import type { KnowledgeBase } from '../knowledgeBase';
import type { Snippet } from './snippet';
import { renderDefaults } from './template';

/**
 * What review a snippet has truly had, in one sentence for every place that shows a snippet:
 * bundled text is written and source-checked by the MedTerms team, and never claims a
 * clinician's review it did not have.
 */
export function snippetReviewText(snippet: Snippet): string {
  const role = snippet.reviewedBy;
  return snippet.review === 'clinician-reviewed'
    ? `Clinician-reviewed (${role}) on ${snippet.reviewedOn}.`
    : `Source-checked (${role}) on ${snippet.reviewedOn}: checked against the sources listed; not reviewed by a clinician.`;
}

/** The snippet's state in a few words: `vetted · v3 · review due 2027-06-01`, with `review overdue` once it lapsed. */
export function snippetState(snippet: Snippet, today: string): string {
  const due = snippet.reviewDue < today ? `review overdue since ${snippet.reviewDue}` : `review due ${snippet.reviewDue}`;
  return `${snippet.status} · v${snippet.version} · ${due}`;
}

/**
 * A snippet as Markdown, for the picker's preview, completion documentation and the snippet
 * view: title, state, the terms it is about, its review, reading grade and sources (with any
 * attribution they ask for), then the text as it will be inserted (slots at their defaults).
 * Metadata is escaped and only `https:` source URLs become links (see inert.ts); the text is
 * the library's own reviewed Markdown, shown only where it cannot run anything: completion
 * documentation is an untrusted MarkdownString (no `command:` links, no HTML) and the snippet
 * view opens as plain text.
 */
export function renderSnippetCard(snippet: Snippet, kb: KnowledgeBase, today: string): string {
  const about = snippet.terms
    .map((id) => kb.get(id))
    .map((entry, i) => escape(entry ? writtenName(entry) : snippet.terms[i]))
    .join(' · ');
  const facts = [`**About:** ${about}`, `**Review:** ${escape(snippetReviewText(snippet))}`];
  const reader = [snippet.readingGrade !== undefined ? `reading grade ${snippet.readingGrade}` : '', snippet.audience ? `for ${escape(snippet.audience)}` : ''].filter(Boolean);
  if (reader.length) facts.push(`**Reader:** ${reader.join(', ')}`);
  const sources = snippet.sources.flatMap((s) => {
    const href = safeHttpsUrl(s.url);
    return href ? [`[${escape(s.title)}](${href})${s.attribution ? ` (${escape(s.attribution)})` : ''}`] : [];
  });
  if (sources.length) facts.push(`**Sources:** ${sources.join(' · ')}`);
  return [`### ${escape(snippet.title)}`, '', `*MedTerms snippet · ${escape(snippetState(snippet, today))}*`, '', facts.join('  \n'), '', '---', '', renderDefaults(snippet.parts)].join('\n');
}
