/**
 * The pure core of MedTerms: no `vscode`, no Node built-ins, no DOM. The VS Code adapters, the
 * web extension and the CLI import from here only.
 */
export type { Entry, EntryCodes, EntryKind, KbFile, KbSource, Review, ReviewStatus, SourceRef } from './kb/types';
export { ENTRY_KINDS } from './kb/types';
export { writtenLayTerm, writtenName } from './kb/writtenName';
export { layerSchema, parseKbFile, type KbFormat, type LoadResult, type Problem } from './kb/load';
export { mergeLayers, type EntryOrigin, type LayerMerge, type MergeBase, type OverlayLayer } from './kb/merge';
export { addToLayer, idForTerm, newTermEntry, type LayerAddition, type LayerTextEdit } from './kb/layerEdit';
export { CSPELL_DICTIONARY, cspellConfig, cspellWords, literalPattern, substitutionPairs, VALE_STYLE, valeAccept, valeSubstitutionRule, type SubstitutionPair } from './export/export';
export { KNOWLEDGE_SUBFOLDERS, knowledgeFileRole, knowledgeLayers, namedKnowledgeFile, WORKSPACE_KNOWLEDGE_FOLDER, type KnowledgeFile, type KnowledgeFileRole } from './knowledgeFolder';
export { formatPath, validateJson } from './kb/jsonSchema';
export { KnowledgeBase, type Layer } from './knowledgeBase';
export { BUNDLED_KB, bundledLayer } from './bundled';
export { foldCase, formKey, searchForm, shortensName, termKey, tokenKey, tokenize, wordKeys, type Token } from './match/normalize';
export { TermIndex, confirmContextual, hitAt, type SurfaceField, type TermHit } from './match/termIndex';
export { frontMatterLength, proseSpans, readDocumentProse, readProse, updateProse, type ProseMap } from './markdown/prose';
export { DocumentAnalysis } from './analysis';
export { Cancelled, EDITOR_SLICE_MS, finish, inSlices, type SlicePacing, type Sliced } from './slices';
export { TermSearch, FUSE_OPTIONS, MAX_QUERY_LENGTH, wholeTerm, type SearchResult, type TermSearchOptions } from './search/search';
export { PrefixIndex } from './search/prefixIndex';
export { NgramIndex, pairsOf } from './search/ngramIndex';
export { WordIndex, type WordMatch } from './search/wordIndex';
export { FUNCTION_WORDS, searchStem, wordWeight } from './search/words';
export { renderCard, escape, type CardOptions } from './card';
export { linkDestination, plainLabel, safeHttpsUrl, terminalField, terminalText } from './inert';
export {
  countSyllables,
  fleschKincaidGrade,
  gradesOf,
  longestSentences,
  LONGEST_SENTENCES,
  readingParagraphs,
  readingReport,
  readingReportSliced,
  smogGrade,
  SMOG_SAMPLE_SENTENCES,
  textStats,
  type Grades,
  type ReadingInput,
  type ReadingParagraph,
  type ReadingReport,
  type ReadingSection,
  type Sentence,
  type TextStats,
} from './readability/readability';
export { DEFAULT_TARGET_GRADE, gradesText, MIN_WORDS_TO_GRADE, oneDecimal, quoted, readingGradeFindingsSliced, readingReportMarkdown } from './readability/readingGrade';
export { casedAt, changedRange, isoDate, LineMap, partitionPoint, lineOfOffset, type LineColumn, type Span, type TextChange } from './text';
export { styleFindings, STYLE_RULES, type SnippetRule, type StyleFinding, type StyleFix, type StyleInput, type StyleOptions, type StyleRule } from './style/style';
export { insertionRefusal, parseSnippet, snippetHash, type InsertPolicy, snippetReadingGrade, snippetText, type Snippet, type SnippetMeta, type SnippetParse, type SnippetSource, type SnippetSourceRef, type SnippetStatus } from './snippets/snippet';
export { matchesTemplate, maskedWording, normalizeWording, parseTemplate, renderDefaults, type SlotPart, type Template, type TemplatePart, type TextPart } from './snippets/template';
export { sha256Hex } from './snippets/sha256';
export { byTitle, SnippetLibrary } from './snippets/library';
export { blockInsertion, CLOSE_MARKER, findMarkedBlocks, openMarker, type MarkedBlock, type MarkerProblem } from './snippets/markers';
export { MIN_PASTED_WORDS, PastedSnippetFinder, type PastedSnippet } from './snippets/nearMatch';
export { markedSnippet, snippetFindings, type SnippetCheckOptions } from './snippets/check';
export { renderSnippetCard, snippetReviewText, snippetState } from './snippets/card';
export { completeAt, MAX_COMPLETIONS, type Completion, type CompletionAnswer } from './search/complete';
export { collectFindings, documentFindings, documentFindingsSliced, nestingFindings, type DocumentInput, type FindingOptions, type RuleGroup } from './findings';
export { atLeast, DEFAULT_SEVERITY, RULE_HELP, RULE_SEVERITIES, type RuleSeverity } from './style/rules';
export { mergePlainWords, parsePlainWordsLayer, plainWordsLayerSchema, type PlainWordEdit, type PlainWordsLayer, type PlainWordsMerge } from './style/plainWordLayers';
export { BUNDLED_PLAIN_WORDS, bundledPlainWords, NEAR_WORDS, PlainWords, plainWordFindingsSliced, type PlainWord, type PlainWordsFile, type PlainWordsInput } from './style/plainWords';
export { bundledPersonFirst, PersonFirstWording, personFirstFindingsSliced, type PersonFirstFile, type PersonFirstPattern } from './style/personFirst';
export { explainedAt, jargonFinding } from './style/style';
export { plainExplanation, TERM_MARK_CLASS, TERM_MARK_CSS, termMarks, type MarkdownItInstance, type TermMarksOptions } from './preview/termMarks';
export { renderHandout } from './preview/handout';
