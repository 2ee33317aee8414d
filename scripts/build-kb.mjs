#!/usr/bin/env node
// Builds data/kb.json (plus its term index data/kb-terms.tsv, data/kb-report.json and NOTICE)
// from the raw open sources kept in
// data/sources/ and the hand-written layer in data/manual/. Deterministic, no network:
// the same inputs always give byte-identical outputs.
//
//   node scripts/build-kb.mjs [--out <kb.json>] [--terms <file>] [--report <file>] [--notice <file>] [--quiet]
//
// With --out and no --report/--notice, the report and NOTICE go next to --out (for the
// rebuild-equals-committed test). See data/manual/README.md for the hand-written formats.
// Each step is a module of scripts/kb/; this file runs them in order.

import { dirname, join, resolve } from 'node:path';
import { resolveAbbreviations } from './kb/abbreviations.mjs';
import { aliasAuditStep } from './kb/alias-audit.mjs';
import { icdCodes } from './kb/codes.mjs';
import { BuildError, DATA, fail, ROOT } from './kb/common.mjs';
import { conditionEntries } from './kb/conditions.mjs';
import { eponymStep } from './kb/eponyms.mjs';
import { finalEntries } from './kb/entries.mjs';
import { forcedTargets, loadManual, removeWrongSynonymsAtSource } from './kb/manual.mjs';
import { mergeManualLayer } from './kb/manual-merge.mjs';
import { addMedicines, medicineAttributions } from './kb/medicines.mjs';
import { applyWritersCasing } from './kb/names.mjs';
import { renderNotice, sourceAttributions } from './kb/notice.mjs';
import { renderKb, renderTermIndex, writeOutputs } from './kb/output.mjs';
import { markLookupOnly } from './kb/prose.mjs';
import { checkIcdOverridesShipped, finishReport, newReport, renderReport } from './kb/report.mjs';
import { indexSources, loadSources, verifyChecksums } from './kb/sources.mjs';
import { resolveSurfaceForms } from './kb/surface-forms.mjs';
import { addSymptoms } from './kb/symptoms.mjs';
import { validateKb } from './kb/validate.mjs';

function build(args) {
  const t0 = Date.now();
  // inputs: the raw sources (checked, read, indexed by id) and the hand-written layer
  verifyChecksums();
  const S = indexSources(loadSources());
  const M = loadManual();
  const report = newReport();
  const codes = icdCodes(S, report);
  const { forced, icdOverrides } = forcedTargets(M, S);
  const { wrongKeys, wrongAtSource } = removeWrongSynonymsAtSource(M, S);

  // generated entries by source id: conditions (DOID), then symptoms (HPO, SYMP)
  const gen = new Map(conditionEntries(S, codes, { forced, icdOverrides, wrongKeys }, report).map((e) => [e.src, e]));
  addSymptoms(gen, S, codes, M.separateConcepts, forced, report);

  // the hand-written layer, then one entry per surface form and per abbreviation
  const live = resolveSurfaceForms(addMedicines(mergeManualLayer(gen, M, S, wrongAtSource, report), M, report), report);
  const contextual = resolveAbbreviations(live, M, report);
  const out = finalEntries(live, S.doidAlt, report);
  applyWritersCasing(out, S); // HPO labels in sentence case marked (shipped verbatim), shouted source names re-cased
  eponymStep(out, S, M, report); // "Addison's", "Guillain-Barré": an eponym alone as a lay term of its condition
  aliasAuditStep(out, S, M, report); // every alias checked against its entry's name (decisions: data/manual/alias-decisions.json)
  markLookupOnly(out, M, report); // cell types, blood: found by look-up, never recognised in prose (data/manual/lookup-only.json)

  // outputs, the knowledge base checked against its schema before anything is written
  const sources = [...sourceAttributions(S), ...medicineAttributions()];
  const { version, contextualAbbreviations, kbText } = renderKb(out, contextual, sources, S.mondoVersion);
  validateKb(kbText);
  checkIcdOverridesShipped(out, report);
  finishReport(report, out, contextualAbbreviations);
  writeOutputs([
    [args.out, kbText],
    [args.terms, renderTermIndex(out, contextualAbbreviations)],
    [args.report, renderReport(report, version)],
    [args.notice, renderNotice(sources, version)],
  ]);
  if (!args.quiet) {
    console.log(`build:kb ${version}: ${JSON.stringify(report.counts)}`);
    console.log(`build:kb wrote ${args.out} (${(Buffer.byteLength(kbText) / 1e6).toFixed(2)} MB), ${args.terms}, ${args.report}, ${args.notice} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const w of report.warnings) console.warn(`warning: ${w}`);
  }
}

function parseArgs(argv) {
  const args = { out: join(DATA, 'kb.json'), terms: null, report: null, notice: null, quiet: false };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') (args.out = resolve(argv[++i])), (outGiven = true);
    else if (a === '--terms') args.terms = resolve(argv[++i]);
    else if (a === '--report') args.report = resolve(argv[++i]);
    else if (a === '--notice') args.notice = resolve(argv[++i]);
    else if (a === '--quiet') args.quiet = true;
    else fail(`unknown argument ${a}`);
  }
  const base = outGiven ? dirname(args.out) : null;
  args.terms ??= join(base ?? DATA, 'kb-terms.tsv');
  args.report ??= base ? join(base, 'kb-report.json') : join(DATA, 'kb-report.json');
  args.notice ??= base ? join(base, 'NOTICE') : join(ROOT, 'NOTICE');
  return args;
}

try {
  build(parseArgs(process.argv.slice(2)));
} catch (e) {
  if (e instanceof BuildError) {
    console.error(`build:kb failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
