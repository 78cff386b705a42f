import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText } from '../../server/src/core/lint';
import { fixEdits } from '../../server/src/core/rules/finding';
import { RULE_CODES, type RuleCode } from '../../server/src/core/rules/codes';
import { entryFromDocument } from '../../server/src/core/workspace/documentEntry';
import { crossDocumentFindings } from '../../server/src/core/workspace/references';
import { corpusText, edit, OTHER_FILE, OUTCOME_FILES, rangeOf } from './corpus';

const catalogue = loadBuiltInCatalogue();
const codesOf = (text: string) => lintText(text, catalogue).findings.map((f) => f.code);

interface Defect {
  code: RuleCode;
  file: string;
  mutate: (text: string) => string;
  /** The text the finding's range must cover in the edited document (and which occurrence). */
  at: string;
  occurrence?: number;
  /** The range is the whole line holding `at`. */
  wholeLine?: boolean;
}

const S9278 = '9278-18.md';
const S7725 = '7725-23.md';
const S10483 = '10483-17.md';
const S13228 = '13228-11.md';

const DEFECTS: Defect[] = [
  { code: 'header.issuer-missing', file: S9278, mutate: (t) => edit(t, 'Council of the\nEuropean Union\n', ''), at: 'Brussels, 31 May 2018' },
  { code: 'header.date-missing', file: S9278, mutate: (t) => edit(t, 'Brussels, 31 May 2018\n', ''), at: 'Council of the' },
  { code: 'header.date-invalid', file: S9278, mutate: (t) => edit(t, 'Brussels, 31 May 2018', 'Brussels, 31st May 2018'), at: '31st May 2018' },
  { code: 'header.date-invalid', file: S10483, mutate: (t) => edit(t, 'Brussels, 29 June 2017', 'Brussels, 31 June 2017'), at: '31 June 2017' },
  { code: 'header.language-missing', file: S9278, mutate: (t) => edit(t, '(OR. en)\n', ''), at: 'Brussels, 31 May 2018' },
  { code: 'header.language-invalid', file: S9278, mutate: (t) => edit(t, '(OR. en)', '(OR. xz)'), at: 'xz' },
  { code: 'header.number-missing', file: S9278, mutate: (t) => edit(t, /^9278\/18\n/m, ''), at: 'en' },
  { code: 'header.number-invalid', file: S9278, mutate: (t) => edit(t, /^9278\/18$/m, '9278-18'), at: '9278-18' },
  { code: 'header.number-invalid', file: S7725, mutate: (t) => edit(t, /^7725\/23$/m, '7725/2023'), at: '7725/2023' },
  { code: 'header.number-invalid', file: S7725, mutate: (t) => edit(t, /^7725\/23$/m, '7725/1/23 REV'), at: '7725/1/23 REV' },
  { code: 'header.number-year', file: S9278, mutate: (t) => edit(t, /^9278\/18$/m, '9278/17'), at: '17' },
  { code: 'header.partial-access-date', file: S13228, mutate: (t) => edit(t, '(28.09.2011)', '(28.06.2011)'), at: '28.06.2011' },
  { code: 'header.partial-access-date', file: S13228, mutate: (t) => edit(t, '(28.09.2011)', '(31.09.2011)'), at: '31.09.2011' },
  { code: 'header.marking-unknown', file: S9278, mutate: (t) => edit(t, /^LIMITE$/m, 'LIMITED'), at: 'LIMITED' },
  { code: 'codes.missing', file: S7725, mutate: (t) => t.replace(/^(?:[A-Z]+ \d+\n)+/m, ''), at: 'LIMITE' },
  { code: 'codes.unknown', file: S9278, mutate: (t) => edit(t, 'RELEX 448', 'RELXE 448'), at: 'RELXE' },
  { code: 'codes.number-invalid', file: S9278, mutate: (t) => edit(t, 'ASIM 53', 'ASIM 5x'), at: '5x' },
  { code: 'codes.number-invalid', file: S7725, mutate: (t) => edit(t, 'COSI 46', 'COSI'), at: 'COSI' },
  { code: 'codes.duplicate', file: S9278, mutate: (t) => edit(t, 'VISA 123', 'ASIM 123'), at: 'ASIM', occurrence: 2 },
  { code: 'title.missing', file: S9278, mutate: (t) => edit(t, 'OUTCOME OF PROCEEDINGS\n\n', ''), at: 'From: General Secretariat of the Council' },
  { code: 'addressing.from-missing', file: S9278, mutate: (t) => edit(t, 'From: General Secretariat of the Council\n', ''), at: 'To: Delegations' },
  { code: 'addressing.to-missing', file: S9278, mutate: (t) => edit(t, 'To: Delegations\n', ''), at: 'From: General Secretariat of the Council' },
  { code: 'addressing.subject-missing', file: S7725, mutate: (t) => t.replace(/^Subject: .*\n/m, ''), at: 'From: General Secretariat of the Council' },
  { code: 'addressing.prev-doc-invalid', file: S10483, mutate: (t) => edit(t, '\t10084/17', '\t10084-17'), at: '10084-17' },
  { code: 'subject.meeting-date-missing', file: S9278, mutate: (t) => edit(t, '(Sofia, 22-23 May 2018)', '(Sofia)'), at: 'Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia)' },
  { code: 'subject.meeting-after-document', file: S9278, mutate: (t) => edit(t, '(Sofia, 22-23 May 2018)', '(Sofia, 22-23 June 2018)'), at: 'Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia, 22-23 June 2018)' },
  { code: 'body.sections-missing', file: S7725, mutate: (t) => t.replace(/^\d\. /gm, ''), at: 'The US delegation comprised', wholeLine: true },
  { code: 'body.section-numbering', file: S9278, mutate: (t) => edit(t, '3. Migration', '4. Migration'), at: '4' , occurrence: 1 },
  { code: 'body.item-numbering', file: S9278, mutate: (t) => edit(t, 'b) Prevention', 'c) Prevention'), at: 'c', occurrence: 1 },
  { code: 'body.section-empty', file: S7725, mutate: (t) => t.replace(/(3\. Access to electronic evidence\n\n)[^\n]+\n\n/, '$1'), at: '3. Access to electronic evidence' },
  { code: 'text.date-invalid', file: S7725, mutate: (t) => edit(t, 'on 3 March 2023', 'on 31 April 2023'), at: '31 April 2023' },
  { code: 'text.presidency-rota', file: S9278, mutate: (t) => edit(t, '5. Priorities of the incoming Austrian Presidency', '5. Priorities of the incoming Finnish Presidency'), at: 'Finnish' },
  { code: 'redaction.deleted-without-partial-access', file: S13228, mutate: (t) => t.replace(/\*\*DOCUMENT PARTIALLY[\s\S]*?\*\*\n/, ''), at: 'DELETED' },
];

/** A precise range check: the defect's text, found in the edited document. */
function expectedRange(d: Defect, text: string) {
  if (d.code === 'body.section-numbering' || d.code === 'body.item-numbering') {
    const heading = d.code === 'body.section-numbering' ? '4. Migration' : 'c) Prevention';
    const { start } = rangeOf(text, heading);
    return { start, end: { line: start.line, character: start.character + 1 } };
  }
  const r = rangeOf(text, d.at, d.occurrence ?? 1);
  if (d.wholeLine) r.end.character = text.split('\n')[r.start.line].length;
  return r;
}

describe('rules on the real documents', () => {
  for (const file of OUTCOME_FILES) {
    it(`${file}: no error and no codes.unknown`, () => {
      const { document, findings } = lintText(corpusText(file), catalogue);
      assert.equal(document.kind, 'outcome');
      assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.code === 'codes.unknown'), []);
    });

    it(`${file}: the same findings when Word put no-break spaces between the words`, () => {
      const text = corpusText(file);
      const hard = text.replace(/(\S) (?=\S)/g, '$1\u00a0');
      assert.notEqual(hard, text);
      const at = (f: { code: string; range: unknown }) => `${f.code} ${JSON.stringify(f.range)}`;
      assert.deepEqual(lintText(hard, catalogue).findings.map(at), lintText(text, catalogue).findings.map(at));
      assert.equal(lintText(hard, catalogue).document.dates.length, lintText(text, catalogue).document.dates.length);
    });

    for (const [layout, relayout] of [
      ['every line a paragraph (a blank line after each)', (t: string) => t.replace(/\n/g, '\n\n')],
      ['every line indented by three spaces', (t: string) => t.replace(/^/gm, '   ')],
      ['every line in bold', (t: string) => t.replace(/^(.+)$/gm, '**$1**')],
    ] as const) {
      it(`${file}: the same findings and outline with ${layout}`, () => {
        const text = corpusText(file);
        const reading = (t: string) => {
          const { document, findings } = lintText(t, catalogue);
          return {
            codes: findings.map((f) => f.code).sort(),
            subject: document.addressing.find((f) => f.label === 'subject')?.value,
            meeting: [document.meeting?.place, document.meeting?.start?.iso, document.meeting?.end?.iso],
            partialAccess: document.header.partialAccess?.date?.text,
            outline: document.sections.map((s) => [s.heading.label, s.heading.title, s.items.map((i) => i.heading.label)]),
          };
        };
        assert.deepEqual(reading(relayout(text)), reading(text));
      });
    }
  }

  it('the Commission communication is not an outcome document, with one diagnostic saying so', () => {
    const { document, findings } = lintText(corpusText(OTHER_FILE), catalogue);
    assert.equal(document.kind, 'other');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'document.not-outcome');
  });
});

describe('each rule fires on a real document edited to contain its defect', () => {
  for (const d of DEFECTS) {
    it(`${d.code} (${d.file})`, () => {
      const original = corpusText(d.file);
      const text = d.mutate(original);
      assert.notEqual(text, original, 'the edit changed nothing');
      const before = new Set(codesOf(original));
      const findings = lintText(text, catalogue).findings;
      const introduced = [...new Set(findings.map((f) => f.code))].filter((c) => !before.has(c));
      assert.deepEqual(introduced, [d.code], 'exactly the defect is reported');
      const hit = findings.find((f) => f.code === d.code)!;
      assert.deepEqual(hit.range, expectedRange(d, text));
      assert.ok(hit.message.length > 20);
    });
  }

  it('reference.unresolved names a referenced number missing from the workspace', () => {
    const text = corpusText(S10483);
    const { document } = lintText(text, catalogue);
    const entry = entryFromDocument('file:///w/10483-17.md', document, catalogue)!;
    const workspaceOf = (bases: string[]) => ({ documentsWithBase: (base: string) => (bases.includes(base) ? [entry] : []) });
    const findings = crossDocumentFindings(entry, workspaceOf(['10483/17']));
    assert.deepEqual(findings.map((f) => f.code), ['reference.unresolved']);
    assert.deepEqual(findings[0].range, rangeOf(text, '10084/17'));
    assert.deepEqual(crossDocumentFindings(entry, workspaceOf(['10483/17', '10084/17'])), []);
  });

  it('every template rule code has a firing test', () => {
    const tested = new Set<string>([...DEFECTS.map((d) => d.code), 'reference.unresolved']);
    const workspaceOnly = ['reference.prev-doc-later', 'workspace.duplicate-number', 'document.not-outcome'];
    assert.deepEqual(RULE_CODES.filter((c) => !tested.has(c) && !workspaceOnly.includes(c)), []);
  });
});

describe('messages speak the drafter\'s terms', () => {
  it('number year', () => {
    const text = edit(corpusText(S13228), /^\*\*13228\/11\*\*$/m, '**13228/12**');
    const f = lintText(text, catalogue).findings.find((x) => x.code === 'header.number-year')!;
    assert.equal(f.message, 'Document number 13228/12 ends in 12, but the document is dated 29 July 2011: expected /11.');
  });
  it('unknown code offers the closest', () => {
    const text = edit(corpusText(S9278), 'RELEX 448', 'RELXE 448');
    const f = lintText(text, catalogue).findings.find((x) => x.code === 'codes.unknown')!;
    assert.match(f.message, /^RELXE is not a Council subject code — did you mean RELEX\?$/);
    assert.equal(fixEdits(f.fixes![0])[0].newText, 'RELEX');
  });
  it('a header date in another form is offered in the Council\'s form, when it is a real date', () => {
    const finding = (date: string) => lintText(edit(corpusText(S9278), 'Brussels, 31 May 2018', `Brussels, ${date}`), catalogue).findings.find((x) => x.code === 'header.date-invalid')!;
    for (const written of ['31st May 2018', '31 May 2018.', 'May 31, 2018', '31 of May 2018', '31/05/2018', '31.05.2018', '31 Ma 2018x']) {
      const f = finding(written);
      if (written === '31 Ma 2018x') {
        assert.equal(f.fixes, undefined, 'nothing to offer');
        continue;
      }
      assert.equal(f.message, `"${written}" is not a date in the Council's form: write "31 May 2018" (day, month name and year; no ordinals, no figures for the month).`);
      assert.deepEqual(f.fixes?.map((x) => [x.title, fixEdits(x)[0].newText, fixEdits(x)[0].range]), [['Write "31 May 2018"', '31 May 2018', f.range]]);
    }
    assert.equal(finding('31/06/2018').fixes, undefined, '31 June does not exist: no date to offer');
  });
});

describe('severities', () => {
  it('a rule can be switched off or its severity changed', () => {
    const text = edit(corpusText(S9278), 'RELEX 448', 'RELXE 448');
    assert.equal(lintText(text, catalogue, { severities: { 'codes.unknown': 'off' } }).findings.filter((f) => f.code === 'codes.unknown').length, 0);
    assert.equal(lintText(text, catalogue, { severities: { 'codes.unknown': 'error' } }).findings.find((f) => f.code === 'codes.unknown')?.severity, 'error');
    assert.equal(lintText(text, catalogue, { severities: { 'codes.unknown': 'hint' } }).findings.find((f) => f.code === 'codes.unknown')?.severity, 'hint');
  });
});
