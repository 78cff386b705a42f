import * as assert from 'node:assert/strict';
import { DocumentSelection } from '../../server/src/features/documentSelection';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleLinks, ruleLinksFromReadme } from '../../server/src/features/ruleLinks';
import { readSettings, settingsSectionOf } from '../../server/src/features/settings';

describe('LSP edge: settings, rule links, document selection', () => {
  it('reads each setting on its own: a bad value costs only itself', () => {
    const { settings, problems } = readSettings({
      rules: { 'codes.unknown': 'loud', 'codes.duplicate': 'hint', 'codes.nope': 'error' },
      catalogue: { extraFiles: 'x.json' },
      trace: { server: 'verbose' },
    });
    assert.deepEqual(settings.rules, { 'codes.duplicate': 'hint' });
    assert.deepEqual(settings.catalogue.extraFiles, []);
    assert.equal(settings.trace.server, 'verbose');
    assert.deepEqual(settings.files.include, ['**/*.outcome.md', '**/*.outcome.txt', '**/*.docx', '**/*.pdf']);
    assert.equal(problems[0], 'outcomeDrafting.rules["codes.unknown"]: expected one of off, hint, information, warning, error; got "loud"');
    assert.match(problems[1], /^outcomeDrafting\.rules\["codes\.nope"\]: not a rule code/);
    assert.equal(problems[2], 'outcomeDrafting.catalogue.extraFiles: expected an array of file paths; got "x.json"');
    assert.deepEqual(readSettings(undefined).problems, []);
    assert.deepEqual(readSettings(42).problems, ['outcomeDrafting: expected an object; got 42']);
  });

  it('takes initializationOptions as the section or wrapped in outcomeDrafting', () => {
    const section = { rules: {} };
    assert.equal(settingsSectionOf(section), section);
    assert.equal(settingsSectionOf({ outcomeDrafting: section }), section);
  });

  it('links a rule code to its row of the README table', () => {
    const readme = '# Outcome Drafting\n\n| code | level |\n|---|---|\n| `codes.unknown` | warning |\n| `header.date-missing` | error |\n';
    const links = ruleLinks(readme, 'file:///ext/README.md');
    assert.equal(links.get('codes.unknown'), 'file:///ext/README.md#L5');
    assert.equal(links.get('header.date-missing'), 'file:///ext/README.md#L6');
    assert.equal(links.get('code'), undefined);
  });

  it('finds the README whatever its case (the .vsix holds it as readme.md)', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-readme-'));
    try {
      fs.writeFileSync(path.join(folder, 'readme.md'), '| `codes.unknown` | warning |\n');
      assert.equal(ruleLinksFromReadme(folder).get('codes.unknown'), `${pathToFileURL(path.join(folder, 'readme.md')).href}#L1`);
      // In the repository the user guide sits beside the developers' README, which has no table.
      fs.writeFileSync(path.join(folder, 'README.extension.md'), 'Rules\n\n| `codes.unknown` | warning |\n');
      assert.equal(ruleLinksFromReadme(folder).get('codes.unknown'), `${pathToFileURL(path.join(folder, 'README.extension.md')).href}#L3`);
      fs.rmSync(path.join(folder, 'readme.md'));
      fs.rmSync(path.join(folder, 'README.extension.md'));
      assert.equal(ruleLinksFromReadme(folder).size, 0);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('matches VS Code globs on paths, relative ones against the workspace folders', () => {
    const selection = new DocumentSelection(['/w']);
    selection.setInclude(['drafts/*.md']);
    assert.ok(selection.isOutcome('file:///w/drafts/a.md', 'markdown'));
    assert.ok(!selection.isOutcome('file:///w/other/drafts/a.md', 'markdown'));
    assert.ok(selection.isOutcome('file:///anywhere/x.txt', 'council-outcome'));
  });
});
