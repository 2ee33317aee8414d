/**
 * The knowledge-base entry schema. `data/schema/kb.schema.json` is the JSON Schema twin of
 * these types, kept in step by hand: `load.ts` checks files against the schema with the
 * validator of `jsonSchema.ts`, and the build (`scripts/build-kb.mjs`) checks every entry of the
 * bundled knowledge base with the same validator.
 */

/** What an entry names. Conditions and symptoms are the focus; the rest travel with them. */
export type EntryKind = 'condition' | 'symptom' | 'test' | 'treatment' | 'anatomy';

/** Every kind, in the order cards and pickers list them. */
export const ENTRY_KINDS: readonly EntryKind[] = ['condition', 'symptom', 'test', 'treatment', 'anatomy'];

/** Codes in public terminologies. SNOMED CT ids are deliberately absent (licence). */
export interface EntryCodes {
  /** ICD-10-CM code or category, e.g. `G35`, `G56.0`, `R20.2`. */
  readonly icd10cm?: string;
  /** MeSH descriptor id, e.g. `D009103`. */
  readonly mesh?: string;
  /** Human Phenotype Ontology id, e.g. `HP:0003401`. */
  readonly hpo?: string;
  /** Mondo Disease Ontology id, e.g. `MONDO:0005301`. */
  readonly mondo?: string;
  /** Human Disease Ontology id, e.g. `DOID:2377`. */
  readonly doid?: string;
  /** Symptom Ontology id, e.g. `SYMP:0000435`. */
  readonly symp?: string;
}

/** A public page or record a fact or definition was checked against. */
export interface SourceRef {
  readonly title: string;
  readonly url: string;
}

/**
 * How far a human has checked the entry's own-words text:
 * - `unreviewed`: generated from the open sources; no definition written or checked yet;
 * - `source-checked`: written by the MedTerms team and checked against the cited sources,
 *   not yet reviewed by a clinician;
 * - `written`: written by the MedTerms team in its own words, not yet checked against the cited
 *   sources nor reviewed by a clinician (the medicine definitions, written where the sources'
 *   web pages could not be opened);
 * - `clinician-reviewed`: additionally reviewed by a named clinical role.
 */
export type ReviewStatus = 'unreviewed' | 'written' | 'source-checked' | 'clinician-reviewed';

export interface Review {
  readonly status: ReviewStatus;
  /** ISO date (YYYY-MM-DD) of the last check. */
  readonly reviewedOn?: string;
  /** A role, not a person's name, e.g. "MedTerms editor", "registered nurse". */
  readonly reviewedBy?: string;
}

/** One term of the knowledge base. */
export interface Entry {
  /** Stable kebab-case id, e.g. `multiple-sclerosis`. Public: links, CLI output and settings use it. */
  readonly id: string;
  readonly kind: EntryKind;
  /** Preferred name in canonical casing, e.g. `multiple sclerosis`, `Sjögren's syndrome`. */
  readonly name: string;
  /**
   * The name is a label in sentence case (HPO's labels, which ship verbatim): its first capital is
   * the label's, not the term's (`Paranoia`). Read the name through `writtenName` to show or
   * insert it.
   */
  readonly sentenceCase?: true;
  /**
   * The entry is found by look-up and linked from cards, but its forms are not recognised in
   * prose: a cell type or blood (`platelet`, `blood`), which the annotation guidelines the
   * product follows do not count as terms. Set by the build (`scripts/kb/prose.mjs`).
   */
  readonly lookupOnly?: true;
  /** Case-sensitive short forms, e.g. `MS`. Matched only in exactly this casing. */
  readonly abbreviations?: readonly string[];
  /** Other clinical names. Matched case-insensitively. */
  readonly synonyms?: readonly string[];
  /** Words patients use, e.g. `pins and needles`. Matched case-insensitively. */
  readonly layTerms?: readonly string[];
  /** Plainer wording to prefer in patient text, when the name is jargon. */
  readonly sayInstead?: string;
  /** Plain-language definition in this project's own words: 1–3 sentences, reading grade 8 or below. */
  readonly definition?: string;
  /** A medicine's classes in plain words, e.g. `nonsteroidal anti-inflammatory drug` (FDA established pharmacologic classes). */
  readonly drugClasses?: readonly string[];
  /** Which of a medicine's `synonyms` are brand names, e.g. `Advil`: shown apart on its card. */
  readonly brandNames?: readonly string[];
  readonly codes?: EntryCodes;
  /** Ids of related entries. */
  readonly related?: readonly string[];
  /** Where the facts and the definition were checked. */
  readonly sources?: readonly SourceRef[];
  readonly review?: Review;
}

/** Attribution for one open source the knowledge base was built from. */
export interface KbSource {
  readonly name: string;
  readonly version: string;
  readonly licence: string;
  readonly url: string;
  /** Any wording the licence asks us to show. */
  readonly notice?: string;
}

/** A knowledge-base file: the bundled one, or a team's own layer. */
export interface KbFile {
  readonly version?: string;
  readonly sources?: readonly KbSource[];
  /**
   * Abbreviations that are also everyday words (`ALL`, `COLD`, …). They are matched only in a
   * document that also uses the entry's full name or another unambiguous surface form.
   */
  readonly contextualAbbreviations?: readonly string[];
  readonly entries: readonly Entry[];
}
