import {
  atLeast,
  completeAt,
  DEFAULT_SEVERITY,
  DEFAULT_TARGET_GRADE,
  DocumentAnalysis,
  documentFindings,
  finish,
  gradesText,
  oneDecimal,
  quoted,
  isoDate,
  KnowledgeBase,
  knowledgeLayers,
  WORKSPACE_KNOWLEDGE_FOLDER,
  LineMap,
  MAX_QUERY_LENGTH,
  markedSnippet,
  parseKbFile,
  proseSpans,
  readingGradeFindingsSliced,
  readingReport,
  renderCard,
  renderHandout,
  RULE_SEVERITIES,
  searchForm,
  snippetReviewText,
  terminalField as field,
  terminalText,
  type CompletionAnswer,
  type KnowledgeFile,
  type Layer,
  type Problem,
  type RuleSeverity,
  type SearchResult,
  type Snippet,
  type StyleFix,
  type StyleRule,
} from '../core';
import { ChunkedWriter, jsonText, writeJsonList } from './output';
import { sarifLog } from './sarif';
import { exportKnowledge } from './export';

/** What the CLI needs from its host; the real one is Node's fs and stdio (see index.ts). */
export interface CliHost {
  /** The bundled knowledge base. */
  readonly bundled: () => Layer;
  /** Reads a file as UTF-8 text; throws when it cannot. */
  readonly readFile: (path: string) => string;
  /** Writes output; long output comes in several calls, each of at most 64 K code units. */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly version: string;
  /** Today's date, YYYY-MM-DD, for review dates (`--today` overrides it). */
  readonly today: () => string;
  /** Writes a text file (UTF-8), for `render -o`; throws when it cannot. */
  readonly writeFile?: (path: string, text: string) => void;
  /**
   * The files of a knowledge folder (`DIR/.medterms`: `terms/*`, `snippets/*`, `jargon/*`), each with its
   * path inside the folder; none when the folder does not exist. Node's fs in the real host.
   */
  readonly readKnowledgeFolder?: (dir: string) => KnowledgeFile[];
  /** Joins path parts the host's way (Node's `path.join` in the real host). */
  readonly joinPath?: (...parts: string[]) => string;
}

/** One recognised term in `medterms scan --json` output. Public: change only additively. */
export interface ScanRecord {
  readonly file: string;
  /** UTF-16 offsets into the file as read, half-open. */
  readonly start: number;
  readonly end: number;
  /** One-based line and column (UTF-16 code units) of `start`. */
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/** One plain-language finding in `medterms check --json` output. Public: change only additively. */
export interface CheckRecord {
  readonly file: string;
  /** UTF-16 offsets into the file as read, half-open. */
  readonly start: number;
  readonly end: number;
  /** One-based line and column (UTF-16 code units) of `start`. */
  readonly line: number;
  readonly column: number;
  /** `jargon`, `abbreviation` or a `snippet-…` rule, as the editor's diagnostic codes name them. */
  readonly rule: StyleRule;
  readonly message: string;
  /** Ways to fix it, best first: replace `[start, end)` of the file with `replacement`. */
  readonly fixes: readonly StyleFix[];
}

/** One item of `medterms complete --json` output. Public: change only additively. */
export interface CompleteRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly score: number;
  /** UTF-16 offset into TEXT where the replacement begins; it runs to the end of TEXT. */
  readonly replaceStart: number;
  /** What replaces it, capitalised at the start of a sentence: the lay term the typed words match (`pins and needles`), or else the name. */
  readonly text: string;
}

/** One snippet in `medterms snippets --json` output. Public: change only additively. */
export interface SnippetRecord {
  readonly id: string;
  readonly title: string;
  readonly version: number;
  readonly status: string;
  /** What review the text has had: `source-checked` or `clinician-reviewed`. */
  readonly review: string;
  /** A role, never a person's name. */
  readonly reviewedBy: string;
  readonly reviewedOn: string;
  readonly reviewDue: string;
  /** Knowledge-base entry ids the snippet is about. */
  readonly terms: readonly string[];
  readonly file: string;
}

/** `medterms snippet ID --json` output. Public: change only additively. */
export interface SnippetBlockRecord {
  readonly id: string;
  readonly version: number;
  /** The provenance hash the opening marker carries. */
  readonly hash: string;
  /** The marked block as inserted, slots at their defaults. */
  readonly text: string;
  /** The same in VS Code snippet syntax, slots as tab stops. */
  readonly snippet: string;
}

/** One file in `medterms grade --json` output. Public: change only additively. */
export interface GradeRecord {
  readonly file: string;
  readonly targetGrade: number;
  /** Counts over the prose (no headings, tables, code, list markers or URLs; a list item is a sentence). */
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  readonly polysyllables: number;
  /** Grades rounded to two decimals; 0 without prose. */
  readonly fleschKincaid: number;
  readonly smog: number;
  /** False under 30 sentences, the sample SMOG was calibrated on. */
  readonly smogReliable: boolean;
  /** Whether the Flesch-Kincaid grade is above `targetGrade`. */
  readonly aboveTarget: boolean;
  readonly sections: readonly GradeSectionRecord[];
  /** The paragraphs the `reading-grade` rule flags (see `medterms check`). */
  readonly paragraphsAboveTarget: readonly { readonly line: number; readonly start: number; readonly end: number; readonly message: string }[];
}

/** One section (the prose under a heading) in {@link GradeRecord}. */
export interface GradeSectionRecord {
  /** The heading's text; null for the prose before the first heading. */
  readonly heading: string | null;
  /** One-based line of the heading (1 before the first heading). */
  readonly line: number;
  readonly words: number;
  readonly sentences: number;
  readonly fleschKincaid: number;
  readonly smog: number;
  readonly smogReliable: boolean;
  /** The longest sentences, longest first: one-based line and column, offsets, words, text. */
  readonly longest: readonly { readonly line: number; readonly column: number; readonly start: number; readonly end: number; readonly words: number; readonly text: string }[];
}

export const USAGE = `Usage: medterms <command> [options]

Commands:
  scan FILE...              list every recognised term in Markdown files
  check FILE...             flag jargon (terms and general medical words), abbreviations used
                            before they are spelled out, wording that is not person-first,
                            paragraphs above the target grade, and vetted snippets edited,
                            outdated or due for review
  search QUERY              rank knowledge-base entries for a query (a term's own words)
  complete TEXT             what completion offers at the end of TEXT (the text before the
                            cursor): the entries for the words that belong to the term being
                            typed, in search's order, and where their replacement starts
  grade FILE...             reading grade of Markdown prose (Flesch-Kincaid, SMOG), overall and
                            by section, with the longest sentences and the paragraphs above
                            the target
  render FILE               write FILE as an HTML page with its medical terms explained (a dotted
                            underline, the plain definition on hover): a handout to review in a
                            browser; to standard output, or to the file given with -o
  card ID|TERM              print an entry's card as Markdown
  snippets                  list the vetted snippets: id, title, version, status, review due, terms
  snippet ID                print a snippet as inserted, with its provenance markers
  export                    write the knowledge base, team layers included, for other tools:
                            --cspell FILE (a words file, and FILE.cspell.json, the dictionary
                            definition for cspell) and/or --vale DIR (a Vale vocabulary,
                            DIR/config/vocabularies/MedTerms/accept.txt, and a substitution
                            style, DIR/MedTerms/PlainLanguage.yml)

Options:
  --json                    machine-readable output (scan, check, grade, search, complete, snippets, snippet)
  --format text|json|sarif  check's output: lines of text (default), JSON (as --json), or a SARIF
                            2.1.0 log for code scanning
  --min-severity LEVEL      the least severity of a check finding that makes the exit status 1:
                            hint (default: any finding), information, warning or error
  -o, --output FILE         where render writes its page (default: standard output)
  --target-grade N          the reading grade prose should not exceed (check, grade; default 8)
  --allow ABBR              an abbreviation check need not see spelled out (repeatable)
  --today YYYY-MM-DD        the date review dates are checked against (default: today)
  --limit N                 number of search or complete results (default 10)
  --kb FILE                 add a knowledge-base layer over the bundled one (repeatable)
  --workspace DIR           read DIR/.medterms/ as the editor does (default: the current
                            directory): terms/*.json, terms/*.yaml, snippets/*.md and
                            jargon/*.json, layered over the bundled knowledge base and any
                            --kb files
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 on success, 1 when a file could not be read or loaded cleanly, check found
something (at --min-severity or above), grade found a file above the target, or nothing was found for card; 2 on a usage error.`;

class UsageError extends Error {}

interface Options {
  readonly command: string | undefined;
  readonly args: string[];
  readonly json: boolean;
  readonly limit: number;
  readonly kbFiles: string[];
  readonly allowed: string[];
  readonly today: string | undefined;
  readonly targetGrade: number;
  /** check's output format; `--json` is `json`. */
  readonly format: OutputFormat;
  /** The least severity of a check finding that fails the run. */
  readonly minSeverity: RuleSeverity;
  /** Where render writes, or undefined for standard output. */
  readonly output: string | undefined;
  /** The folder whose `.medterms/` is read; the current directory by default. */
  readonly workspace: string;
  /** export's targets. */
  readonly cspell: string | undefined;
  readonly vale: string | undefined;
}

/** The output formats of `medterms check`. */
type OutputFormat = 'text' | 'json' | 'sarif';
const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const args: string[] = [];
  const kbFiles: string[] = [];
  const allowed: string[] = [];
  let json = false;
  let limit = 10;
  let today: string | undefined;
  let targetGrade = DEFAULT_TARGET_GRADE;
  let format: OutputFormat | undefined;
  let minSeverity: RuleSeverity = 'hint';
  let output: string | undefined;
  let workspace = '.';
  let cspell: string | undefined;
  let vale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--json') json = true;
    else if (a === '--limit') {
      limit = Number(value());
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
    } else if (a === '--kb') kbFiles.push(value());
    else if (a === '--allow') allowed.push(value());
    else if (a === '--format') {
      const f = value();
      if (!OUTPUT_FORMATS.includes(f as OutputFormat)) throw new UsageError('--format must be text, json or sarif');
      format = f as OutputFormat;
    } else if (a === '--min-severity') {
      const m = value();
      if (m === 'off' || !RULE_SEVERITIES.includes(m as RuleSeverity)) throw new UsageError('--min-severity must be hint, information, warning or error');
      minSeverity = m as RuleSeverity;
    } else if (a === '-o' || a === '--output') output = value();
    else if (a === '--workspace') workspace = value();
    else if (a === '--cspell') cspell = value();
    else if (a === '--vale') vale = value();
    else if (a === '--target-grade') {
      targetGrade = Number(value());
      if (!Number.isFinite(targetGrade) || targetGrade <= 0) throw new UsageError('--target-grade must be a positive number');
    }
    else if (a === '--today') {
      today = value();
      // A calendar date: review dates are compared as text, so 2027-13-01 would pass for a date after every real one.
      const date = /^\d{4}-\d{2}-\d{2}$/.test(today) ? new Date(`${today}T00:00:00Z`) : undefined;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== today) throw new UsageError('--today must be a date, YYYY-MM-DD');
    }
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.push(a);
  }
  return { command: args.shift(), args, json: json || format === 'json', limit, kbFiles, allowed, today, targetGrade, format: format ?? (json ? 'json' : 'text'), minSeverity, output, workspace, cspell, vale };
}

/**
 * Runs the `medterms` command line and resolves to its exit status. Never throws for bad
 * input: unreadable files and broken knowledge-base layers are reported on stderr (see
 * {@link formatProblem}), and the rest of the work is still done.
 */
export function runCli(argv: readonly string[], host: CliHost): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (e) {
    host.err(`medterms: ${field((e as Error).message)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') return host.out(`${USAGE}\n`), 0;
  if (options === 'version') return host.out(`${host.version}\n`), 0;

  let failed = false;
  const report = (problems: readonly Problem[]) => {
    for (const p of problems) host.err(formatProblem(p));
    if (problems.some((p) => p.severity === 'error')) failed = true;
  };
  const layers: Layer[] = [host.bundled()];
  for (const file of options.kbFiles) {
    try {
      layers.push({ file, ...parseKbFile(host.readFile(file), file) });
    } catch (e) {
      report([{ file, line: 1, severity: 'error', message: `cannot read the file (${(e as Error).message})` }]);
    }
  }
  // The workspace's own layers come last, as in the editor, so CI sees what the writer sees.
  const folder = host.joinPath ? host.joinPath(options.workspace, WORKSPACE_KNOWLEDGE_FOLDER) : `${options.workspace}/${WORKSPACE_KNOWLEDGE_FOLDER}`;
  layers.push(...knowledgeLayers(host.readKnowledgeFolder?.(folder) ?? []));
  const kb = new KnowledgeBase(layers);
  report(kb.problems);
  /** The files that could be read, with their text; the others are reported. */
  const readAll = (files: readonly string[]) =>
    files.flatMap((file): [string, string][] => {
      try {
        return [[file, host.readFile(file)]];
      } catch (e) {
        report([{ file, line: 1, severity: 'error', message: `cannot read the file (${(e as Error).message})` }]);
        return [];
      }
    });

  /** The snippet library, its problems reported once. */
  let snippetsReported = false;
  const snippets = () => {
    if (!snippetsReported) report(kb.snippets.problems);
    snippetsReported = true;
    return kb.snippets;
  };
  const today = options.today ?? host.today();

  switch (options.command) {
    case 'scan': {
      if (options.args.length === 0) return usage(host, 'scan needs at least one FILE');
      const records = readAll(options.args).flatMap(([file, text]) => scanText(kb, file, text));
      writeRecords(host, options.json, 'terms', records, formatScanRecord);
      break;
    }
    case 'check': {
      if (options.args.length === 0) return usage(host, 'check needs at least one FILE');
      snippets(); // reports the library's problems before the findings that rest on it
      const files = readAll(options.args);
      const records = files.flatMap(([file, text]) => checkText(kb, file, text, options.allowed, today, (p) => report([p]), options.targetGrade));
      if (options.format === 'sarif') writeRecords(host, false, 'sarif', [jsonText(sarifLog(records, new Map(files), host.version))], (log) => `${log}\n`);
      else writeRecords(host, options.format === 'json', 'findings', records, formatCheckRecord);
      if (records.some((r) => atLeast(DEFAULT_SEVERITY[r.rule], options.minSeverity))) failed = true;
      break;
    }
    case 'render': {
      if (options.args.length !== 1) return usage(host, 'render needs one FILE');
      const [read] = readAll(options.args);
      if (!read) break;
      const [file, text] = read;
      const html = renderHandout(text, kb, file.replace(/^.*[\\/]/, ''));
      if (options.output === undefined) writeRecords(host, false, 'html', [html], (page) => page);
      else if (!host.writeFile) return usage(host, 'render cannot write files here; leave out -o');
      else {
        try {
          host.writeFile(options.output, html);
        } catch (e) {
          report([{ file: options.output, line: 1, severity: 'error', message: `cannot write the file (${(e as Error).message})` }]);
        }
      }
      break;
    }
    case 'grade': {
      if (options.args.length === 0) return usage(host, 'grade needs at least one FILE');
      const records = readAll(options.args).map(([file, text]) => gradeText(file, text, options.targetGrade));
      writeRecords(host, options.json, 'files', records, formatGradeRecord);
      if (records.some((r) => r.aboveTarget)) failed = true;
      break;
    }
    case 'search': {
      if (options.args.length === 0) return usage(host, 'search needs a QUERY');
      const query = options.args.join(' ');
      const results = kb.search.search(query, options.limit);
      if (searchForm(query).length > MAX_QUERY_LENGTH) host.err(`medterms: only the first ${MAX_QUERY_LENGTH} characters of the query were searched\n`);
      host.out(options.json ? `${jsonText({ query, results: results.map(publicResult) })}\n` : formatResults(results));
      break;
    }
    case 'card': {
      if (options.args.length === 0) return usage(host, 'card needs an ID or TERM');
      const wanted = options.args.join(' ');
      const entry = kb.resolve(wanted, true);
      if (!entry) {
        host.err(`medterms: no entry matches "${field(wanted)}"\n`);
        return 1;
      }
      if (!kb.resolve(wanted)) host.err(`medterms: no exact match for "${field(wanted)}"; showing the closest, ${field(entry.id)}\n`);
      writeRecords(host, false, 'card', [renderCard(entry, kb)], (card) => `${terminalText(card)}\n`);
      break;
    }
    case 'complete': {
      if (options.args.length === 0) return usage(host, 'complete needs the TEXT before the cursor');
      const text = options.args.join(' ');
      const answer = completeAt(kb.search, text, options.limit);
      const records: CompleteRecord[] = (answer?.items ?? []).map(({ id, name, kind, score, text: insert }) => ({ id, name, kind, score, replaceStart: answer!.replaceStart, text: insert }));
      host.out(options.json ? `${jsonText({ text, query: answer?.query ?? null, replaceStart: answer?.replaceStart ?? null, items: records })}\n` : formatCompletions(text, answer));
      break;
    }
    case 'snippets': {
      const records = snippets().all.map(snippetRecord);
      writeRecords(host, options.json, 'snippets', records, formatSnippetRecord);
      break;
    }
    case 'snippet': {
      if (options.args.length !== 1) return usage(host, 'snippet needs one snippet ID (see medterms snippets)');
      const snippet = snippets().get(options.args[0]);
      if (!snippet) {
        host.err(`medterms: no snippet "${field(options.args[0])}" (see medterms snippets)\n`);
        return 1;
      }
      const block = markedSnippet(snippet);
      const record: SnippetBlockRecord = { id: snippet.id, version: snippet.version, hash: snippet.hash, ...block };
      writeRecords(host, false, 'snippet', [options.json ? jsonText(record) : terminalText(block.text)], (text) => `${text}\n`);
      if (!options.json) host.err(`medterms: ${field(snippet.id)} v${snippet.version}, ${field(snippet.status)}. ${field(snippetReviewText(snippet))}\n`);
      break;
    }
    case 'export':
      return exportKnowledge(kb, options, host);
    default:
      return usage(host, options.command ? `unknown command "${options.command}"` : 'no command given');
  }
  return failed ? 1 : 0;
}

/**
 * A problem as one line of standard error, `file:line:column: severity: message` (the column
 * left out when unknown, as for a file that cannot be read): the form compilers print, which
 * terminals and editors' problem matchers turn into a link to the place at fault.
 */
export function formatProblem(p: Problem): string {
  return `${field(p.file)}:${p.line}${p.column === undefined ? '' : `:${p.column}`}: ${p.severity}: ${field(p.message)}\n`;
}

/** Every recognised term in one Markdown text, with one-based line and column. */
export function scanText(kb: KnowledgeBase, file: string, text: string): ScanRecord[] {
  const lines = new LineMap(text);
  return kb.termIndex.findTerms(text, proseSpans(text)).map((hit) => {
    const entry = kb.get(hit.entryId)!;
    const { line, column } = lines.position(hit.start);
    return { file, start: hit.start, end: hit.end, line: line + 1, column: column + 1, text: text.slice(hit.start, hit.end), id: entry.id, name: entry.name, kind: entry.kind };
  });
}

/**
 * The findings in one Markdown text, with one-based line and column: plain language and vetted
 * snippets (review dates checked against `today`, YYYY-MM-DD), sorted by position. A rule group
 * that fails is passed to `onError` (by default, thrown) and the others' findings are kept.
 */
export function checkText(
  kb: KnowledgeBase,
  file: string,
  text: string,
  allowedAbbreviations: readonly string[] = [],
  today = isoDate(new Date()),
  onError: (problem: Problem) => void = (p) => {
    throw new Error(p.message);
  },
  targetGrade = DEFAULT_TARGET_GRADE,
): CheckRecord[] {
  const lines = new LineMap(text);
  const analysis = DocumentAnalysis.of(text);
  const input = { text, hits: analysis.terms(kb.termIndex), headings: analysis.headings, prose: analysis.prose, flattened: analysis.flattened, tables: analysis.tables };
  const findings = documentFindings(input, kb, { allowedAbbreviations, today, targetGrade }, (group, err) =>
    onError({ file, line: 1, severity: 'error', message: `the ${group} rules failed (${err instanceof Error ? err.message : String(err)}); the other rules were run.` }),
  );
  return findings.map(({ rule, start, end, message, fixes }) => {
    const { line, column } = lines.position(start);
    return { file, start, end, line: line + 1, column: column + 1, rule, message, fixes };
  });
}

/** The reading grade of one Markdown text's prose, overall and by section, against `targetGrade` (see `readingReport`). */
export function gradeText(file: string, text: string, targetGrade = DEFAULT_TARGET_GRADE): GradeRecord {
  const lines = new LineMap(text);
  const analysis = DocumentAnalysis.of(text);
  const input = { text, prose: analysis.prose, headings: analysis.headings, tables: analysis.tables };
  const report = readingReport(input);
  const round = (grade: number) => Math.round(grade * 100) / 100;
  const line = (offset: number) => lines.position(offset).line + 1;
  return {
    file,
    targetGrade,
    ...report.stats,
    fleschKincaid: round(report.grades.fleschKincaid),
    smog: round(report.grades.smog),
    smogReliable: report.grades.smogReliable,
    aboveTarget: report.grades.fleschKincaid > targetGrade,
    sections: report.sections.map((s) => ({
      heading: s.heading ?? null,
      line: line(s.start),
      words: s.stats.words,
      sentences: s.stats.sentences,
      fleschKincaid: round(s.grades.fleschKincaid),
      smog: round(s.grades.smog),
      smogReliable: s.grades.smogReliable,
      longest: s.longest.map((sentence) => ({ ...lines.position(sentence.start), start: sentence.start, end: sentence.end, words: sentence.words, text: quoted(text, sentence) })).map(({ line, column, ...rest }) => ({ line: line + 1, column: column + 1, ...rest })),
    })),
    paragraphsAboveTarget: finish(readingGradeFindingsSliced(input, targetGrade)).map(({ start, end, message }) => ({ line: line(start), start, end, message })),
  };
}

function formatGradeRecord(r: GradeRecord): string {
  const grades = { fleschKincaid: r.fleschKincaid, smog: r.smog, smogReliable: r.smogReliable };
  const out = [`${field(r.file)}: grade ${oneDecimal(r.fleschKincaid)} (${gradesText(grades, r)}), target ${r.targetGrade}${r.aboveTarget ? ': ABOVE' : ''}; ${r.words} words, ${r.sentences} sentences\n`];
  for (const s of r.sections) {
    out.push(`  ${s.heading === null ? '(before the first heading)' : field(s.heading)} [line ${s.line}]: ${gradesText(s, s)}; ${s.words} words\n`);
    for (const l of s.longest) out.push(`    ${l.words} words, line ${l.line}: ${field(l.text)}\n`);
  }
  for (const p of r.paragraphsAboveTarget) out.push(`  ${field(r.file)}:${p.line}: ${field(p.message)}\n`);
  return out.join('');
}

function snippetRecord(s: Snippet): SnippetRecord {
  return { id: s.id, title: s.title, version: s.version, status: s.status, review: s.review, reviewedBy: s.reviewedBy, reviewedOn: s.reviewedOn, reviewDue: s.reviewDue, terms: s.terms, file: s.file };
}

/**
 * Writes records in chunks (see output.ts): as `{ "key": [records] }` JSON, or as one line of
 * text each. Text lines have their fields' control characters made visible (`field`), so a name
 * cannot start a line of its own, shift a column or send an escape sequence to the terminal.
 */
function writeRecords<T>(host: CliHost, json: boolean, key: string, records: readonly T[], format: (record: T) => string): void {
  const writer = new ChunkedWriter(host.out);
  if (json) writeJsonList(writer, key, records);
  else for (const record of records) writer.write(format(record));
  writer.end();
}

function formatSnippetRecord(r: SnippetRecord): string {
  return `${field(r.id)}\tv${r.version}\t${field(r.status)}\t${field(r.review)}\treview due ${field(r.reviewDue)}\t${field(r.title)}\t(${r.terms.map(field).join(', ')})\n`;
}

function formatCheckRecord(r: CheckRecord): string {
  return `${field(r.file)}:${r.line}:${r.column}\t${field(r.rule)}\t${field(r.message)}\n`;
}

function formatScanRecord(r: ScanRecord): string {
  return `${field(r.file)}:${r.line}:${r.column}\t${field(r.text)}\t${field(r.name)} (${field(r.id)}, ${field(r.kind)})\n`;
}

/** The public fields of a search result in `--json` output. */
function publicResult({ id, name, kind, score }: SearchResult) {
  return { id, name, kind, score };
}

function formatCompletions(text: string, answer: CompletionAnswer | undefined): string {
  if (!answer) return 'No completions.\n';
  const head = `Replaces “${field(text.slice(answer.replaceStart))}” (from offset ${answer.replaceStart}) with:\n`;
  return head + answer.items.map((r, i) => `${String(i + 1).padStart(2)}. ${r.score.toFixed(3)}  ${field(r.text)}  (${field(r.id)}, ${field(r.kind)})\n`).join('');
}

function formatResults(results: readonly SearchResult[]): string {
  if (results.length === 0) return 'No matching entries.\n';
  return results.map((r, i) => `${String(i + 1).padStart(2)}. ${r.score.toFixed(3)}  ${field(r.writtenName)}  (${field(r.id)}, ${field(r.kind)})\n`).join('');
}

function usage(host: CliHost, message: string): number {
  host.err(`medterms: ${field(message)}\n\n${USAGE}\n`);
  return 2;
}
