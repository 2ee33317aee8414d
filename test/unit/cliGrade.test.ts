import { strict as assert } from 'node:assert';
import { runCli, type GradeRecord } from '../../src/cli/cli';
import { bundledLayer } from './helpers';

const FILES: Record<string, string> = {
  'easy.md': '---\ntitle: Wrist care\n---\n# Wrist care\n\nRest your hand. Wear the splint at night.\n\n| Table | words |\n| --- | --- |\n| Immunosuppressive | pharmacotherapy |\n',
  'hard.md':
    '# Medicines\n\nImmunosuppressive pharmacotherapy necessitates comprehensive laboratory monitoring of hepatic parameters. Concomitant nephrotoxic medications are contraindicated.\n',
};

/** Runs `medterms grade` in-process on the files above; returns exit status and output. */
function grade(...argv: string[]) {
  let out = '';
  let err = '';
  const status = runCli(['grade', ...argv], {
    bundled: bundledLayer,
    readFile: (p) => {
      if (!(p in FILES)) throw new Error('no such file');
      return FILES[p];
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
    version: '9.9.9',
    today: () => '2026-12-06',
  });
  return { status, out, err };
}

describe('CLI: medterms grade', () => {
  it('prints the grade, each section with its longest sentences, and exits 0 within the target', () => {
    const { status, out, err } = grade('easy.md');
    assert.equal(err, '');
    assert.equal(status, 0);
    assert.equal(
      out,
      [
        'easy.md: grade -2.2 (Flesch-Kincaid -2.2, SMOG 3.1 (rough: 2 sentences, SMOG needs 30)), target 8; 8 words, 2 sentences',
        '  Wrist care [line 4]: Flesch-Kincaid -2.2, SMOG 3.1 (rough: 2 sentences, SMOG needs 30); 8 words',
        '    5 words, line 6: Wear the splint at night.',
        '    3 words, line 6: Rest your hand.',
        '',
      ].join('\n'),
    );
  });

  it('names the paragraphs above the target and exits 1; --target-grade moves the target', () => {
    const { status, out } = grade('hard.md');
    assert.equal(status, 1);
    assert.match(out, /^hard\.md: grade [\d.]+ .*target 8: ABOVE;/);
    assert.match(out, /^ {2}hard\.md:3: This paragraph reads at grade [\d.]+ \(Flesch-Kincaid; target 8 or below\)\. Its longest sentence, 9 words: “Immunosuppressive/m);
    assert.equal(grade('hard.md', '--target-grade', '40').status, 0);
    assert.equal(grade('hard.md', '--target-grade', 'x').status, 2);
  });

  it('--json gives one record per file, in the documented shape', () => {
    const { status, out } = grade('easy.md', 'hard.md', '--json');
    assert.equal(status, 1);
    const { files } = JSON.parse(out) as { files: GradeRecord[] };
    assert.deepEqual(files.map((f) => [f.file, f.aboveTarget]), [['easy.md', false], ['hard.md', true]]);
    const [easy, hard] = files;
    assert.deepEqual(Object.keys(easy), ['file', 'targetGrade', 'sentences', 'words', 'syllables', 'polysyllables', 'fleschKincaid', 'smog', 'smogReliable', 'aboveTarget', 'sections', 'paragraphsAboveTarget']);
    assert.deepEqual([easy.words, easy.sentences, easy.smogReliable], [8, 2, false]);
    assert.deepEqual(easy.sections, [
      {
        heading: 'Wrist care',
        line: 4,
        words: 8,
        sentences: 2,
        fleschKincaid: easy.fleschKincaid,
        smog: easy.smog,
        smogReliable: false,
        longest: [
          { line: 6, column: 17, start: 56, end: 81, words: 5, text: 'Wear the splint at night.' },
          { line: 6, column: 1, start: 40, end: 55, words: 3, text: 'Rest your hand.' },
        ],
      },
    ]);
    assert.deepEqual(Object.keys(hard.paragraphsAboveTarget[0]), ['line', 'start', 'end', 'message']);
    assert.equal(hard.paragraphsAboveTarget[0].line, 3);
  });

  it('reports an unreadable file and grades the others', () => {
    const { status, out, err } = grade('missing.md', 'easy.md', '--json');
    assert.equal(status, 1);
    assert.match(err, /^missing\.md:1: error: cannot read the file/);
    assert.equal((JSON.parse(out) as { files: GradeRecord[] }).files.length, 1);
  });

  it('needs a file', () => {
    assert.equal(grade().status, 2);
  });
});
