import assert from 'node:assert/strict';
import { compileGlob, compileInclude, globProblem } from '../../server/src/node/includeGlobs';
import { readSettings } from '../../server/src/features/settings';

describe('include globs', () => {
  it('match VS Code globs on /-separated paths', () => {
    const m = (glob: string, path: string) => compileGlob(glob)(path);
    assert.ok(m('**/*.outcome.md', '/w/a/b.outcome.md'));
    assert.ok(m('**/*.outcome.md', 'b.outcome.md'));
    assert.ok(m('**/*.{md,txt}', '/w/b.txt'));
    assert.ok(!m('**/*.{md,txt}', '/w/b.pdf'));
    assert.ok(!m('*.md', '/w/b.md'));
    assert.ok(m('*.md', 'b.md'));
    assert.ok(m('drafts/**/*.pdf', 'drafts/2018/05/x.pdf'));
    assert.ok(m('drafts/**/*.pdf', 'drafts/x.pdf'));
    assert.ok(!m('drafts/**/*.pdf', 'other/drafts/x.pdf'));
    assert.ok(m('**/.hidden/*.md', 'a/.hidden/x.md'));
    assert.ok(m('{a,b}/x?.md', 'b/x1.md'));
    assert.ok(m('[0-9]*.md', '7725-23.md'));
    assert.ok(!m('[0-9]*.md', 'x7725-23.md'));
  });

  it('a bad glob is named with its reason, the others still match', () => {
    for (const glob of ['{', '[z-a]', '**/*{a,', '', '**/{a/b,c}', `${'*a'.repeat(6)}`, 'x'.repeat(300)]) assert.ok(globProblem(glob), JSON.stringify(glob));
    const { matches, problems } = compileInclude(['{', '**/*.pdf']);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^"\{": /);
    assert.ok(matches('/w/x.pdf'));
  });

  it('the setting keeps its default for a bad glob, with a message naming it', () => {
    for (const glob of ['{', '[z-a]', '**/*{a,', '**/'.repeat(30)]) {
      const { settings, problems } = readSettings({ files: { include: ['**/*.outcome.md', glob] } });
      if (glob.startsWith('**/**')) {
        // `**/` thirty times is `**/`: a usable glob, matched at once.
        assert.deepEqual(problems, []);
        continue;
      }
      assert.equal(problems.length, 1, glob);
      assert.match(problems[0], /^outcomeDrafting\.files\.include: /);
      assert.deepEqual(settings.files.include, readSettings({}).settings.files.include);
    }
  });

  it('matching a hostile glob against a deep path stays cheap (a table, not backtracking)', () => {
    // As one regular expression these backtrack for seconds (four "**") or minutes (five).
    const deep = `${'a/'.repeat(2000)}c`;
    for (const glob of ['**/a/'.repeat(8) + 'b', '**/'.repeat(30), `**/${'*a'.repeat(3)}b`]) assert.equal(compileGlob(glob)(deep), false);
    assert.equal(compileGlob('**/a/'.repeat(8) + 'c')(deep), true);
  });
});
