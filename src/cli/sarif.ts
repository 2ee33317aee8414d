import type * as Sarif from 'sarif';
import { DEFAULT_SEVERITY, LineMap, RULE_HELP, STYLE_RULES, type RuleSeverity, type StyleRule } from '../core';
import type { CheckRecord } from './cli';

/** Where SARIF 2.1.0's schema is published; readers (code scanning, viewers) recognise the log by it. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The SARIF level of each severity: SARIF has no hint, so hints and information are notes. */
const LEVEL: Readonly<Record<RuleSeverity, Sarif.ReportingConfiguration.level>> = { off: 'none', hint: 'note', information: 'note', warning: 'warning', error: 'error' };

/**
 * `medterms check` findings as a SARIF 2.1.0 log, for a team's CI to upload to code scanning:
 * one run whose tool lists every rule with its help text and default level, and one result
 * per finding with its region (one-based lines, columns in UTF-16 code units, as SARIF counts
 * them by default, plus the character offsets) and its fixes as replacements. File paths become
 * URIs relative to the checked-out sources (`%SRCROOT%`), or `file:` URIs when absolute.
 * `texts` holds each file's text, for the end positions of regions.
 */
export function sarifLog(records: readonly CheckRecord[], texts: ReadonlyMap<string, string>, version: string): Sarif.Log {
  const lineMaps = new Map<string, LineMap>();
  const linesOf = (file: string) => {
    let lines = lineMaps.get(file);
    if (!lines) lineMaps.set(file, (lines = new LineMap(texts.get(file) ?? '')));
    return lines;
  };
  const region = (file: string, start: number, end: number): Sarif.Region => {
    const lines = linesOf(file);
    const from = lines.position(start);
    const to = lines.position(end);
    return { startLine: from.line + 1, startColumn: from.column + 1, endLine: to.line + 1, endColumn: to.column + 1, charOffset: start, charLength: end - start };
  };
  const results = records.map((r): Sarif.Result => {
    const artifactLocation = artifact(r.file);
    return {
      ruleId: r.rule,
      ruleIndex: STYLE_RULES.indexOf(r.rule),
      level: LEVEL[DEFAULT_SEVERITY[r.rule]],
      message: { text: r.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(r.file, r.start, r.end) } }],
      ...(r.fixes.length > 0 && {
        fixes: r.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(r.file, fix.start, fix.end), insertedContent: { text: fix.replacement } }] }],
        })),
      }),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'MedTerms', semanticVersion: version, rules: STYLE_RULES.map(ruleDescriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder medterms check was run in.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function ruleDescriptor(rule: StyleRule): Sarif.ReportingDescriptor {
  const help = RULE_HELP[rule];
  return {
    id: rule,
    name: rule.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: help.slice(0, help.search(/[.(]/) === -1 ? help.length : help.search(/[.(]/)).trim() },
    fullDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[DEFAULT_SEVERITY[rule]], enabled: DEFAULT_SEVERITY[rule] !== 'off' },
  };
}

/** A file path as SARIF wants it: a URI, relative to the sources for a relative path. */
function artifact(file: string): Sarif.ArtifactLocation {
  const slashed = file.replace(/\\/g, '/');
  // Each segment encoded whole, so that `#`, `?` and `%` in a name stay part of the path; a drive's colon stays.
  const path = (p: string) => p.split('/').map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
  if (/^(?:\/|[A-Za-z]:\/)/.test(slashed)) return { uri: `file://${slashed.startsWith('/') ? '' : '/'}${path(slashed)}` };
  return { uri: path(slashed.replace(/^(?:\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}
