// Text taken from a Council PDF (pdftotext, copy and paste from the register) puts each cell
// of the page's tables on a line of its own: "Subject:", a blank line, the subject; "1.", a
// blank line, the section's title; the page footer as five short lines. The same document
// must read the same in that layout.
import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import type { OutcomeDocument } from '../../server/src/core/document/model';
import { lintText, parseWith } from '../../server/src/core/lint';
import { fixEdits } from '../../server/src/core/rules/finding';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();

/** The document in the PDF-table layout, and the line after which a broken page footer was put. */
function pdfTableLayout(text: string): string {
  const doc = parseWith(text, catalogue);
  const lines = text.split('\n');
  const splitAt = new Map<number, number>();
  for (const f of doc.addressing) {
    if (f.label !== 'summary' && f.value && f.labelRange.start.line === f.valueRange.start.line) splitAt.set(f.labelRange.start.line, f.labelRange.end.character);
  }
  for (const h of doc.sections.flatMap((s) => [s.heading, ...s.items.map((i) => i.heading)])) {
    // After "1." or "a)": the label's punctuation stays with it.
    if (h.style !== 'session') splitAt.set(h.range.start.line, h.labelRange.end.character + 1);
  }
  const footerAfter = doc.sections[0].paragraphs[0]?.range.end.line ?? doc.sections[0].heading.range.end.line;
  const footer = ['', `${doc.header.number!.text} DGD1B`, '', 'XY/ab', '', '2', '', 'LIMITE', '', 'EN'];
  return lines
    .flatMap((line, l) => {
      const at = splitAt.get(l);
      const out = at === undefined ? [line] : [line.slice(0, at), '', line.slice(at).trimStart()];
      return l === footerAfter ? [...out, ...footer] : out;
    })
    .join('\n');
}

function outline(doc: OutcomeDocument) {
  return doc.sections.map((s) => ({
    section: `${s.heading.label} ${s.heading.title}`,
    paragraphs: s.paragraphs.length,
    items: s.items.map((i) => `${i.heading.label} ${i.heading.title} (${i.paragraphs.length})`),
  }));
}

describe('parse: text taken from a PDF table', () => {
  for (const file of OUTCOME_FILES) {
    it(`reads ${file} the same with labels, numbers and footer cells on lines of their own`, () => {
      const original = lintText(corpusText(file), catalogue);
      const layout = pdfTableLayout(corpusText(file));
      assert.notEqual(layout, corpusText(file));
      const split = lintText(layout, catalogue);
      assert.deepEqual(
        split.document.addressing.map((f) => [f.label, f.value]),
        original.document.addressing.map((f) => [f.label, f.value]),
      );
      assert.deepEqual(outline(split.document), outline(original.document));
      assert.equal(split.document.footers.length, original.document.footers.length + 5, 'the five cells of the footer are layout');
      assert.deepEqual(split.findings.map((f) => f.code).sort(), original.findings.map((f) => f.code).sort());
    });
  }

  it('knows page footers in their other forms: the typist\'s initials alone, initials in capitals, a directorate with a space', () => {
    const text = [
      'OUTCOME OF PROCEEDINGS',
      '',
      'From: Presidency',
      '',
      '1. Opening',
      '',
      'The Presidency opened the meeting.',
      '',
      '12926/16 al 1 GIP 1B',
      '',
      'The delegations welcomed the agenda.',
      '',
      '14735/15 SN/es 2 DG D LIMITE EN',
      '',
      'The delegations took note.',
      '',
      '15214/19            VL/MV            3',
      '                    COMM             EN',
      '',
      '2. Closing',
      '',
      'The meeting closed.',
    ].join('\n');
    const doc = parseWith(text, catalogue);
    assert.deepEqual(doc.footers.map((f) => f.start.line), [8, 12, 16, 17]);
    assert.deepEqual(doc.references, [], 'a footer\'s number is no reference');
    assert.deepEqual(doc.sections.map((s) => s.paragraphs.length), [3, 1]);
  });

  it('keeps a number standing before a sentence as a paragraph, not a heading', () => {
    const text = 'OUTCOME OF PROCEEDINGS\n\nFrom:\n\nPresidency\n\n1.\n\nOpening\n\n2.\n\nThe delegations agreed that the work would go on at expert level in the coming months.\n';
    const doc = parseWith(text, catalogue);
    assert.deepEqual(doc.addressing.map((f) => [f.label, f.value]), [['from', 'Presidency']]);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), ['1. Opening']);
    assert.deepEqual(doc.sections[0].paragraphs.map((p) => p.text), ['2.', 'The delegations agreed that the work would go on at expert level in the coming months.']);
  });

  it('joins a title wrapped onto the next line, in lower case, to its heading', () => {
    const titles = (text: string) => parseWith(text, catalogue).sections.map((s) => [s.heading.title, s.heading.text, s.paragraphs.length, s.items.map((i) => `${i.heading.title}|${i.paragraphs.length}`)]);
    for (const [file, wrap] of [
      ['9278-18.md', (t: string) => t.replace('a) Latest developments on migration policy and border management', 'a) Latest developments on migration policy and border\nmanagement')],
      // In bold under heading marks, as a Markdown converter writes a two-line title.
      ['10483-17.md', (t: string) => t.replace('## **2. Cyberspace - jurisdiction, cooperation and protection of personal data**', '## **2. Cyberspace - jurisdiction, cooperation and protection**\n**of personal data**')],
    ] as const) {
      const original = corpusText(file);
      const wrapped = wrap(original);
      assert.notEqual(wrapped, original, file);
      assert.deepEqual(titles(wrapped), titles(original), file);
      assert.deepEqual(lintText(wrapped, catalogue).findings.map((f) => f.code), lintText(original, catalogue).findings.map((f) => f.code), file);
    }
  });

  it('leaves a paragraph right under a heading, and a title that has ended, as they are', () => {
    const body = (heading: string, next: string) => parseWith(`OUTCOME OF PROCEEDINGS\n\nFrom:\tPresidency\n\n${heading}\n${next}\n`, catalogue).sections[0];
    const paragraph = body('1. Data protection', 'The EU informed the US side about the state of play.');
    assert.equal(paragraph.heading.title, 'Data protection');
    assert.deepEqual(paragraph.paragraphs.map((p) => p.text), ['The EU informed the US side about the state of play.']);
    assert.equal(body('1. Data protection:', 'state of play').heading.title, 'Data protection:');
    assert.equal(body('1. Data protection', 'was discussed at length.').heading.title, 'Data protection', 'a sentence is no title');
    assert.equal(body('1. Data protection and', 'related issues').heading.title, 'Data protection and related issues');
    assert.equal(body('1. Cooperation with the', 'United States').heading.title, 'Cooperation with the United States');
    assert.equal(body('1. Visa reciprocity,', 'Canada and Australia').heading.title, 'Visa reciprocity, Canada and Australia');
    assert.equal(body('1. Cooperation with the', 'United States informed the EU of the new rules.').heading.title, 'Cooperation with the', 'a sentence is no title');
    assert.equal(body('1. Cooperation with Canada', 'The EU informed Canada').heading.title, 'Cooperation with Canada', 'a capital after a finished title starts the text');
  });
});

describe('parse: a header laid out as on the printed page', () => {
  /** What the header says, whatever its layout. */
  const headerValues = (doc: OutcomeDocument) => ({
    issuer: doc.header.issuer?.value.replace(/\s+/g, ' '),
    date: doc.header.date?.value.iso,
    language: doc.header.language?.value,
    number: doc.header.number?.text,
    partialAccess: doc.header.partialAccess?.value,
    marking: doc.header.marking?.value,
    codes: doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`),
  });

  /**
   * The document with its header's parts up to the subject codes rewritten by `layout`, which
   * receives them as parsed (issuer halves, date line, language, number, marking).
   */
  function relaid(text: string, layout: (parts: { issuer?: [string, string]; dateLine: string; language?: string; number: string; rest: string[] }) => string[]): string {
    const doc = parseWith(text, catalogue);
    const h = doc.header;
    const lines = text.split('\n');
    const firstCode = h.subjectCodes[0].lineRange.start.line;
    const issuer = h.issuer ? (h.issuer.value.replace(/\s+/g, ' ').match(/^(Council of the) (European Union)$/i)!.slice(1) as [string, string]) : undefined;
    // Between the number and the codes: partial access, marking, as written.
    const rest = lines.slice(h.number!.range.end.line + 1, firstCode).filter((l) => l.trim() !== '');
    const parts = { issuer, dateLine: h.dateLine!.value.replace(/\(OR\.[^)]*\)$/, '').trimEnd(), language: h.language && `(OR. ${h.language.value})`, number: h.number!.text, rest };
    return [...layout(parts), '', ...lines.slice(firstCode)].join('\n');
  }

  const RIGHT = 56;
  for (const file of OUTCOME_FILES) {
    it(`reads ${file} the same with the header in two columns (pdftotext -layout), flattened onto one line, or with its line breaks lost`, () => {
      const original = lintText(corpusText(file), catalogue);
      const columns = relaid(corpusText(file), ({ issuer, dateLine, language, number, rest }) => [
        (issuer?.[0] ?? '').padEnd(RIGHT) + dateLine,
        ...(language || issuer ? [(issuer?.[1] ?? '').padEnd(RIGHT) + (language ?? '')] : []),
        '',
        ' '.repeat(RIGHT) + number,
        '',
        ...rest,
      ]);
      const oneLine = relaid(corpusText(file), ({ issuer, dateLine, language, number, rest }) => [[issuer?.join(' '), dateLine, language].filter(Boolean).join('    '), '', number, ...rest]);
      // Its line breaks lost: the parts one space apart.
      const joined = relaid(corpusText(file), ({ issuer, dateLine, language, number, rest }) => [[issuer?.join(' '), dateLine, language].filter(Boolean).join(' '), '', number, ...rest]);
      for (const [layout, text] of [['two columns', columns], ['one line', oneLine], ['joined', joined]]) {
        const relaidOut = lintText(text, catalogue);
        assert.deepEqual(headerValues(relaidOut.document), headerValues(original.document), `${layout}:\n${text.slice(0, 400)}`);
        assert.deepEqual(relaidOut.findings.map((f) => f.code).sort(), original.findings.map((f) => f.code).sort(), layout);
      }
    });
  }

  for (const file of OUTCOME_FILES) {
    it(`reads the codes of ${file} the same when their line breaks were lost (one line, apart by spaces or by commas)`, () => {
      const text = corpusText(file);
      const original = lintText(text, catalogue);
      const codes = original.document.header.subjectCodes;
      const lines = text.split('\n');
      const first = codes[0].lineRange.start.line;
      const last = codes[codes.length - 1].lineRange.end.line;
      for (const separator of [' ', ', ']) {
        const joined = [...lines.slice(0, first), codes.map((c) => `${c.code} ${c.numberText}`).join(separator), ...lines.slice(last + 1)].join('\n');
        const relaidOut = lintText(joined, catalogue);
        assert.deepEqual(headerValues(relaidOut.document), headerValues(original.document), JSON.stringify(separator));
        assert.deepEqual(relaidOut.findings.map((f) => f.code).sort(), original.findings.map((f) => f.code).sort(), JSON.stringify(separator));
      }
    });
  }

  it('removes a code listed twice in a run of codes, and only that code', () => {
    const text = 'Council of the European Union\nBrussels, 29 June 2017 (OR. en)\n10483/17\nJAIEX 45, USA 37, JAIEX 46; CYBER 99\nUSA 12\n\nOUTCOME OF PROCEEDINGS\n';
    const fixed = (code: string, line: number) => {
      const finding = lintText(text, catalogue).findings.find((f) => f.code === 'codes.duplicate' && f.range.start.line === line && text.split('\n')[line].startsWith(code, f.range.start.character))!;
      const [edit] = fixEdits(finding.fixes![0]);
      const lines = text.split('\n');
      const l = lines[edit.range.start.line];
      return edit.range.end.line > edit.range.start.line ? lines.filter((_, k) => k !== edit.range.start.line).join('\n') : [...lines.slice(0, edit.range.start.line), l.slice(0, edit.range.start.character) + edit.newText + l.slice(edit.range.end.character), ...lines.slice(edit.range.start.line + 1)].join('\n');
    };
    assert.deepEqual(parseWith(text, catalogue).header.subjectCodes.map((c) => `${c.code} ${c.number}`), ['JAIEX 45', 'USA 37', 'JAIEX 46', 'CYBER 99', 'USA 12']);
    assert.equal(fixed('JAIEX', 3).split('\n')[3], 'JAIEX 45, USA 37, CYBER 99');
    assert.equal(fixed('USA', 4).split('\n').slice(3, 5).join('|'), 'JAIEX 45, USA 37, JAIEX 46; CYBER 99|');
    assert.ok(!parseWith('Brussels, 29 June 2017\nJAIEX 45 and more\n\nOUTCOME OF PROCEEDINGS\n', catalogue).header.subjectCodes.some((c) => c.code === 'JAIEX'), 'a line that is not all codes is no run');
  });

  it('keeps a line whose second cell is no header part of its own as one line: codes with their numbers apart, a partial-access date', () => {
    const doc = parseWith(
      [
        'Council of the European Union',
        'Brussels, 29 June 2017 (OR. en)',
        '13228/11',
        'DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC                    (28.09.2011)',
        'JAIEX                      75',
        'USA       24',
        '',
        'OUTCOME OF PROCEEDINGS',
      ].join('\n'),
      catalogue,
    );
    assert.equal(doc.header.partialAccess?.date?.text, '28.09.2011');
    assert.deepEqual(doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`), ['JAIEX 75', 'USA 24']);
  });

  it('reads a marking in the right column as the marking, before the codes below', () => {
    const doc = parseWith(['Council of the European Union      Brussels, 29 June 2017      (OR. en)      LIMITE', '10483/17', 'JAIEX 45', '', 'OUTCOME OF PROCEEDINGS'].join('\n'), catalogue);
    assert.deepEqual(headerValues(doc), { issuer: 'Council of the European Union', date: '2017-06-29', language: 'en', number: '10483/17', partialAccess: undefined, marking: 'LIMITE', codes: ['JAIEX 45'] });
    // Many cells on one line are no layout: the line is read whole, and quickly.
    const many = parseWith(['Council of the European Union', `Brussels, 29 June 2017${'   LIMITE'.repeat(50_000)}`, '', 'OUTCOME OF PROCEEDINGS'].join('\n'), catalogue);
    assert.equal(many.header.marking, undefined);
    assert.equal(many.header.issuer?.value, 'Council of the European Union');
  });

  it('reads codes laid out in two columns, each column in turn', () => {
    const doc = parseWith(['Council of the European Union', 'Brussels, 29 June 2017 (OR. en)', '10483/17', 'JAIEX 45                      RELEX 558', 'ASIM 79                       VISA 239', '', 'OUTCOME OF PROCEEDINGS'].join('\n'), catalogue);
    assert.deepEqual(doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`), ['JAIEX 45', 'ASIM 79', 'RELEX 558', 'VISA 239']);
    assert.deepEqual(doc.header.subjectCodes[2].codeRange, { start: { line: 3, character: 30 }, end: { line: 3, character: 35 } });
  });
});
