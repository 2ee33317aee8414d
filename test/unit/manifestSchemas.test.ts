import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { knowledgeFileRole, parseKbFile, WORKSPACE_KNOWLEDGE_FOLDER } from '../../src/core';
import { repoText } from './helpers';

// The YAML extension (redhat.vscode-yaml) matches its schema associations with picomatch; see
// yamlExtensionMatcher. A dev dependency, so this test follows the extension's own matching.
const picomatch = require('picomatch') as (patterns: string[], options: { bash: boolean; noglobstar: boolean }) => (path: string) => boolean;

const pkg = JSON.parse(repoText('package.json'));

/**
 * What the YAML extension makes of a `contributes.yamlValidation` item, as its sources do:
 * `fileMatch` is a string or a list of globs; the client puts a `/` before a glob that has no
 * scheme, leading `/` or `!` (`getSchemaAssociations` in vscode-yaml's extension.ts), and the
 * language server takes the `/` off again, puts `**∕` before the glob and matches the document's
 * URI with picomatch in bash mode (`FilePatternAssociation` in yaml-language-server's
 * yamlSchemaService.ts).
 */
function yamlExtensionMatcher(fileMatch: string | string[]): (uri: string) => boolean {
  const globs = (typeof fileMatch === 'string' ? [fileMatch] : fileMatch).map((fm) => (/^(\w+:\/\/|\/|!)/.test(fm) ? fm : `/${fm}`));
  return picomatch(globs.map((g) => `**/${g.startsWith('/') ? g.slice(1) : g}`), { bash: true, noglobstar: false });
}

/** The schema file a manifest `url` names (`./data/schema/…`), parsed. */
const schemaAt = (url: string) => JSON.parse(repoText(url.replace(/^\.\//, '')));

const VALID_YAML = `# A team's terms, as the YAML extension checks them while they are written.
entries:
  - id: grade-3-neuropathy
    kind: condition
    name: grade 3 neuropathy
    abbreviations: [G3N]
    definition: Nerve damage bad enough to limit self-care.
  - id: multiple-sclerosis
    definition: Our house wording.
  - id: cold
    suppress: true
`;

/** Each invalid file, with the path the loader reports the problem at. */
const INVALID_YAML: [text: string, at: string][] = [
  ['entries:\n  - id: x\n    kind: illness\n    name: x\n', 'entries[0].kind'],
  ['entries:\n  - kind: condition\n    name: no id\n', 'entries[0]'],
  ['entries:\n  - id: x\n    colour: red\n', 'entries[0].colour'],
  ['entries:\n  - id: Not Kebab\n', 'entries[0].id'],
  ['entries:\n  - id: x\n    suppress: false\n', 'entries[0].suppress'],
  ['terms: []\n', 'The file'],
];

describe('manifest: schemas for layer files (issue 15)', () => {
  const [yamlValidation] = pkg.contributes.yamlValidation as { fileMatch: string | string[]; url: string }[];

  it('contributes yamlValidation in the YAML extension\'s format, pointing at a schema file that exists', () => {
    assert.equal(pkg.contributes.yamlValidation.length, 1);
    assert.ok(typeof yamlValidation.fileMatch === 'string' || (Array.isArray(yamlValidation.fileMatch) && yamlValidation.fileMatch.every((f) => typeof f === 'string')));
    assert.match(yamlValidation.url, /^\.\/data\/schema\/[\w.-]+\.json$/);
    assert.equal(yamlValidation.url, './data/schema/layer.schema.json');
    // The same schema as the JSON layer files get, so both formats are checked alike.
    assert.ok(pkg.contributes.jsonValidation.some((v: { url: string; fileMatch: string[] }) => v.url === yamlValidation.url && v.fileMatch.includes('.medterms/terms/*.json')));
  });

  it('the contributed schema accepts a valid YAML layer and rejects invalid ones, as the loader does', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schemaAt(yamlValidation.url));
    assert.ok(validate(parse(VALID_YAML)), JSON.stringify(validate.errors));
    assert.deepEqual(parseKbFile(VALID_YAML, 'team.yaml', { layer: true, format: 'yaml' }).problems, []);
    for (const [text, at] of INVALID_YAML) {
      assert.equal(validate(parse(text)), false, `the schema accepts ${JSON.stringify(text)}`);
      const problems = parseKbFile(text, 'team.yaml', { layer: true, format: 'yaml' }).problems;
      assert.ok(problems.length > 0 && problems[0].message.startsWith(at), `${at}: ${problems.map((p) => p.message).join('; ')}`);
    }
  });

  it('its fileMatch globs match exactly the YAML files the loader reads as terms in .medterms/', () => {
    const matches = yamlExtensionMatcher(yamlValidation.fileMatch);
    // Not under a folder whose name starts with a dot: picomatch's `**` skips such folders, so the
    // YAML extension gives those files no IntelliSense (they load all the same).
    const roots = ['file:///home/writer/site', 'file:///c%3A/Users/writer/site', 'vscode-vfs://github/team/site'];
    // Lower-case extensions: the YAML extension matches case-sensitively (the loader reads `.YAML` too, without IntelliSense).
    const names = ['team.yaml', 'cardiology.yml', 'team.json', 'consent.md', 'notes.txt'];
    for (const root of roots) {
      for (const folder of ['terms', 'snippets', 'jargon', 'terms/nested', '']) {
        for (const name of names) {
          const relative = folder ? `${folder}/${name}` : name;
          const role = knowledgeFileRole(relative);
          const readAsYaml = role?.kind === 'terms' && role.format === 'yaml';
          const uri = `${root}/${WORKSPACE_KNOWLEDGE_FOLDER}/${relative}`;
          // picomatch's bash mode lets `*` cross a `/`, so a nested file matches; the loader reads no nested file, so nothing is checked that is not loaded.
          if (folder === 'terms/nested') continue;
          assert.equal(matches(uri), readAsYaml, uri);
        }
      }
      assert.equal(matches(`${root}/other/terms/team.yaml`), false);
    }
  });

  it('the jargon schema contributed for .medterms/jargon/*.json checks a team list as the loader does', () => {
    const contributed = pkg.contributes.jsonValidation.find((v: { fileMatch: string[] }) => v.fileMatch.includes('.medterms/jargon/*.json'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schemaAt(contributed.url));
    assert.ok(validate({ words: [{ term: 'titrate', plain: 'adjust the dose' }, { term: 'benign', suppress: true }] }), JSON.stringify(validate.errors));
    assert.equal(validate({ words: [{ term: 'Titrate', plain: 'x' }] }), false);
    assert.equal(validate({ words: [{ plain: 'x' }] }), false);
    assert.equal(validate({ entries: [] }), false);
  });
});

describe('manifest: restricted mode (issue 15)', () => {
  const trust = pkg.capabilities.untrustedWorkspaces;

  it('runs in restricted mode, limited only by settings that name files', () => {
    // `restrictedConfigurations` is read only with `supported: "limited"`, which needs a description.
    assert.equal(trust.supported, 'limited');
    assert.ok(typeof trust.description === 'string' && trust.description.includes('medterms.knowledge.paths'));
    assert.deepEqual(trust.restrictedConfigurations, ['medterms.knowledge.paths']);
  });

  it('restricts every setting that names files or folders, and only contributed settings', () => {
    const settings = pkg.contributes.configuration.properties as Record<string, { markdownDescription: string }>;
    for (const key of trust.restrictedConfigurations) assert.ok(settings[key], `${key} is not a contributed setting`);
    const namesFiles = Object.keys(settings).filter((key) => /paths?$|file|folder/i.test(key));
    assert.deepEqual(namesFiles, trust.restrictedConfigurations);
    assert.match(settings['medterms.knowledge.paths'].markdownDescription, /Restricted Mode/);
  });
});
