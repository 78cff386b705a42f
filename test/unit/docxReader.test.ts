import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readDocx } from '../../server/src/readers/docx';
import { abstractNum, level, listPara, num, para, run, wordPackage, type WordParts } from '../support/wordPackage';

function textOf(parts: WordParts): string {
  const read = readDocx(wordPackage(parts));
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return read.text;
}

describe('Word reader: paragraphs, runs and characters', () => {
  it('reads paragraphs in order, runs joined, a blank line between paragraphs', () => {
    const text = textOf({ body: para(run('The Presidency ') + run('opened', '<w:b/>') + run(' the meeting.')) + para('') + para(run('The agenda was adopted.')) });
    assert.equal(text, 'The Presidency opened the meeting.\n\nThe agenda was adopted.');
  });

  it('writes tabs, line breaks, no-break hyphens and spaces as a drafter sees them; drops soft hyphens', () => {
    const body = para(
      '<w:r><w:t>From:</w:t><w:tab/><w:t>Presidency</w:t><w:br/><w:t>EU</w:t><w:noBreakHyphen/><w:t>US</w:t><w:cr/>' +
        '<w:t>co</w:t><w:softHyphen/><w:t>operation, infor\u00admation,\u00a0Brussels</w:t></w:r>',
    );
    assert.equal(textOf({ body }), 'From:\tPresidency\nEU-US\ncooperation, information,\u00a0Brussels');
  });

  it('writes symbols (w:sym) as the characters they show', () => {
    const body = para('<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> item </w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="F0B3"/></w:r>');
    assert.equal(textOf({ body }), '• item ✓≥');
  });

  it('keeps the text of hyperlinks, smart tags, custom XML and content controls, not their properties', () => {
    const body =
      para(`<w:hyperlink r:id="rId9">${run('Council register')}</w:hyperlink>${run(' and ')}<w:smartTag w:element="place">${run('Brussels')}</w:smartTag>`) +
      `<w:sdt><w:sdtPr><w:alias w:val="Number"/><w:rPr><w:b/></w:rPr><w:text/></w:sdtPr><w:sdtContent>${para(`<w:customXml w:element="n">${run('15990/25')}</w:customXml>`)}</w:sdtContent></w:sdt>` +
      para(`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${run('LIMITE')}</w:sdtContent></w:sdt>`);
    assert.equal(textOf({ body }), 'Council register and Brussels\n\n15990/25\n\nLIMITE');
  });

  it('leaves out hidden text and writes text in capitals (w:caps) in capitals, from the run or its styles', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Title"><w:rPr><w:caps/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Plain"><w:basedOn w:val="Hidden"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>';
    const body =
      para(run('Outcome of proceedings'), '<w:pStyle w:val="Title"/>') +
      para(run('Delegations') + run(' (draft)', '<w:vanish/>') + run(' note', '<w:rStyle w:val="Hidden"/>') + run(' agreed', '<w:rStyle w:val="Plain"/>') + run(' limite', '<w:caps/>'));
    assert.equal(textOf({ body, styles }), 'OUTCOME OF PROCEEDINGS\n\nDelegations agreed LIMITE');
  });

  it('reads a part that binds the WordprocessingML namespace to another prefix', () => {
    const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const document = `<?xml version="1.0"?><x:document xmlns:x="${ns}"><x:body><x:p><x:r><x:t>Any other business</x:t></x:r></x:p></x:body></x:document>`;
    assert.equal(textOf({ body: '', extra: { 'word/document.xml': document } }), 'Any other business');
  });
});

describe('Word reader: a document as Word saves it', () => {
  it('reads the text alike with and without the markup Word adds (revision ids, proofing and bookmark marks, font, size and language), whatever that markup holds', () => {
    const rPr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/><w:caps/></w:rPr>';
    const saved =
      `<w:p w:rsidR="00A1B2C3" w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidRDefault="00A1B2C3" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:pPr><w:jc w:val="both"/><w:spacing w:after="120"/></w:pPr>` +
      `<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r w:rsidRPr="00D4E5F6">${rPr}<w:t>limite</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellStart"/>` +
      // A value holding ">" (left to the parser), text that spells markup, and a CDATA section (the part is then read as it is).
      `<w:r><w:rPr><w:u w:val="x>y"/></w:rPr><w:t xml:space="preserve"> &lt;w:sz/&gt; and </w:t></w:r><w:r><w:t><![CDATA[<w:b/> kept]]></w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>` +
      `<w:p w:rsidR="00A1B2C3"><w:r w:rsidR="00123456"><w:rPr><w:vanish/><w:sz w:val="2"/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>Shown.</w:t></w:r></w:p>`;
    const withoutCdata = saved.replace('<![CDATA[<w:b/> kept]]>', '&lt;w:b/&gt; kept');
    const plain = para(run('limite', '<w:caps/>') + run(' &lt;w:sz/&gt; and ') + run('&lt;w:b/&gt; kept')) + para(run('hidden', '<w:vanish/>') + run('Shown.'));
    const expected = 'LIMITE <w:sz/> and <w:b/> kept\n\nShown.';
    assert.equal(textOf({ body: plain }), expected);
    assert.equal(textOf({ body: saved }), expected);
    assert.equal(textOf({ body: withoutCdata }), expected);
  });
});

describe('Word reader: fields', () => {
  it('shows a field\'s result, not its instruction: simple and complex fields, nested, without result', () => {
    const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>';
    const instr = (i: string) => `<w:r><w:instrText xml:space="preserve">${i}</w:instrText></w:r>`;
    const separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const body =
      para(run('Page ') + begin + instr(' PAGE ') + separate + run('3') + end + run(' of ') + '<w:fldSimple w:instr=" NUMPAGES ">' + run('7') + '</w:fldSimple>') +
      // An IF field whose instruction holds another field: only the outer result shows.
      para(run('See ') + begin + instr(' IF ') + begin + instr(' DOCPROPERTY x ') + separate + run('hidden') + end + instr(' = 1 "a" "b" ') + separate + run('ST 14870/25') + end + run('.')) +
      // A field never updated: no result, nothing shows.
      para(run('Printed on ') + begin + instr(' DATE ') + end + run('the day.'));
    assert.equal(textOf({ body }), 'Page 3 of 7\n\nSee ST 14870/25.\n\nPrinted on the day.');
  });
});

describe('Word reader: tracked changes', () => {
  it('reads the text as accepted: insertions kept, deletions and moved-away text dropped', () => {
    const body =
      para(`${run('Both sides ')}<w:del w:id="1" w:author="A"><w:r><w:delText>declined</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">${run('agreed')}</w:ins>${run(' to meet.')}`) +
      para(`<w:moveFrom w:id="3" w:author="A">${run('Moved sentence. ')}</w:moveFrom>${run('Kept.')}`) +
      para(`${run('Then ')}<w:moveTo w:id="4" w:author="A">${run('Moved sentence.')}</w:moveTo>`) +
      // delText outside w:del (a broken file) is never text either.
      para('<w:r><w:delText>ghost</w:delText><w:t>Real</w:t></w:r>');
    const read = readDocx(wordPackage({ body }));
    assert.ok(read.ok);
    assert.equal(read.text, 'Both sides agreed to meet.\n\nKept.\n\nThen Moved sentence.\n\nReal');
    assert.deepEqual(read.notes, ['tracked changes: read as accepted (deleted text left out)']);
  });

  it('runs a paragraph whose mark was deleted on into the next; drops deleted table rows; ignores earlier properties', () => {
    const numbering = abstractNum(1, level(0, 'decimal', '%1.')) + num(1, 1);
    const body =
      para(run('The delegations '), '<w:rPr><w:del w:id="5" w:author="A"/></w:rPr>') +
      para(run('took note.'), '<w:pPrChange w:id="6" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>') +
      `<w:tbl><w:tr><w:tc>${para(run('From:'))}</w:tc><w:tc>${para(run('Presidency'))}</w:tc></w:tr>` +
      `<w:tr><w:trPr><w:del w:id="7" w:author="A"/></w:trPr><w:tc>${para(run('On:'))}</w:tc><w:tc>${para(run('1 May 2025'))}</w:tc></w:tr></w:tbl>` +
      listPara('Opening', 1);
    assert.equal(textOf({ body, numbering }), 'The delegations took note.\n\nFrom:\tPresidency\n\n1.\tOpening');
  });
});

describe('Word reader: tables', () => {
  const cell = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${text === '' ? '<w:p/>' : text.split('|').map((t) => para(run(t))).join('')}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const table = (grid: number[], ...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;

  it('writes a row as one line, its cells apart by a tab, empty cells kept before text and dropped after it', () => {
    const body = table([2000, 7000], row(cell('From:'), cell('General Secretariat of the Council')), row(cell(''), cell('15990/25')), row(cell('JAIEX'), cell(''))) + para(run('After the table.'));
    assert.equal(textOf({ body }), 'From:\tGeneral Secretariat of the Council\n\t15990/25\nJAIEX\n\nAfter the table.');
  });

  it('lays out a row whose cells hold several lines as printed, each column at its place on the grid', () => {
    const body = table([4400, 4400], row(cell('Council of the|European Union'), cell('Brussels, 12 December 2025|(OR. en)|15990/25')));
    assert.equal(
      textOf({ body }),
      ['Council of the                          Brussels, 12 December 2025', 'European Union                          (OR. en)', '                                        15990/25'].join('\n'),
    );
  });

  it('keeps three spaces between columns when the grid is too narrow for the text', () => {
    const body = table([600, 600], row(cell('Subject:|'), cell('Outcome|(Copenhagen)')));
    assert.equal(textOf({ body }), 'Subject:   Outcome\n           (Copenhagen)');
  });

  it('writes a cell spanning columns once, and a vertically merged cell\'s text in its first row only', () => {
    const body = table(
      [1000, 1000, 1000],
      row(cell('Codes', '<w:gridSpan w:val="2"/>'), cell('Marking', '<w:vMerge w:val="restart"/>')),
      row(cell('JAIEX'), cell('142'), cell('', '<w:vMerge/>')),
    );
    assert.equal(textOf({ body }), 'Codes\tMarking\nJAIEX\t142');
  });

  it('reads a table nested in a cell as lines of that cell', () => {
    const inner = table([1000, 1000], row(cell('JAIEX'), cell('142')), row(cell('USA'), cell('88')));
    const body = table([2200, 4400], row(cell('Codes:'), `<w:tc>${inner}<w:p/></w:tc>`));
    assert.equal(textOf({ body }), 'Codes:              JAIEX\t142\n                    USA\t88');
  });
});

describe('Word reader: text boxes and alternate content', () => {
  it('reads a text box after the paragraph it is anchored in, once, not again from the fallback', () => {
    const box = (t: string) => `<w:txbxContent>${para(run(t))}</w:txbxContent>`;
    const body =
      para(
        run('Anchor paragraph.') +
          `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('Boxed note.')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:shape><v:textbox>${box('Boxed note.')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ) + para(run('Next paragraph.'));
    assert.equal(textOf({ body }), 'Anchor paragraph.\n\nBoxed note.\n\nNext paragraph.');
  });

  it('leaves page headers and footers out', () => {
    const body = para(run('Body text.')) + '<w:sectPr><w:footerReference w:type="default" r:id="rId7"/></w:sectPr>';
    const footer = `<?xml version="1.0"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${para(run('15990/25 JV/ab 1'))}</w:ftr>`;
    assert.equal(textOf({ body, extra: { 'word/footer1.xml': footer } }), 'Body text.');
  });
});

describe('Word reader: footnotes and endnotes', () => {
  const SEPARATORS = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';
  /** A note as Word writes it: its own mark in a run, then a space and its text. */
  const note = (kind: 'footnote' | 'endnote', id: number, ...paragraphs: string[]) =>
    `<w:${kind} w:id="${id}">${paragraphs.map((t, k) => para((k === 0 ? `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:${kind}Ref/></w:r>` : '') + t, '<w:pStyle w:val="FootnoteText"/>')).join('')}</w:${kind}>`;
  const ref = (kind: 'footnote' | 'endnote', id: number, more = '') => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"${more}/></w:r>`;

  it('writes each footnote after the paragraph that refers to it, numbered in the order referred to, the sentence left whole', () => {
    const text = textOf({
      body: para(run('The Chair recalled the roadmap') + ref('footnote', 7) + run(' and the PNR Directive') + ref('footnote', 3) + run('.')) + para(run('The meeting closed.')),
      footnotes: SEPARATORS + note('footnote', 3, run(' Directive (EU) 2016/681.')) + note('footnote', 7, run('\tSee doc. 6110/16.'), run('Second paragraph of the note.')),
    });
    assert.equal(text, ['The Chair recalled the roadmap and the PNR Directive.', '', '1 See doc. 6110/16.', '', 'Second paragraph of the note.', '', '2 Directive (EU) 2016/681.', '', 'The meeting closed.'].join('\n'));
  });

  it('writes a footnote referred to in a table or a text box after the table or the paragraph the box is anchored in', () => {
    const cell = (t: string) => `<w:tc>${para(t)}</w:tc>`;
    const box = `<w:r><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${para(run('Boxed') + ref('footnote', 2))}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></w:r>`;
    const text = textOf({
      body: `<w:tbl><w:tr>${cell(run('Subject:'))}${cell(run('Outcome of the meeting') + ref('footnote', 1))}</w:tr></w:tbl>` + para(run('Anchor.') + box) + para(run('Next.')),
      footnotes: note('footnote', 1, run(' Held in Vienna.')) + note('footnote', 2, run(' In the margin.')),
    });
    assert.equal(text, ['Subject:\tOutcome of the meeting', '', '1 Held in Vienna.', '', 'Anchor.', '', 'Boxed', '', '2 In the margin.', '', 'Next.'].join('\n'));
  });

  it('writes endnotes after the body, numbered i, ii; a custom mark is the note\'s own; a deleted reference takes its note away', () => {
    const text = textOf({
      body:
        para(run('First') + ref('endnote', 1) + run(' and second') + ref('endnote', 2) + run('.')) +
        para(run('Starred') + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>` + run(' and struck') + `<w:del w:id="9" w:author="GSC">${ref('footnote', 2)}</w:del>` + run('.')) +
        para(run('Last paragraph.')),
      footnotes: note('footnote', 1, run('* As marked.')) + note('footnote', 2, run(' Deleted note.')),
      endnotes: note('endnote', 1, run(' First endnote.')) + note('endnote', 2, run(' Second endnote.')),
    });
    assert.equal(text, ['First and second.', '', 'Starred* and struck.', '', '* As marked.', '', 'Last paragraph.', '', 'i First endnote.', '', 'ii Second endnote.'].join('\n'));
  });

  it('counts a list in a footnote apart from the body\'s list, and reads a note\'s tracked changes as accepted', () => {
    const numbering = abstractNum(0, level(0, 'decimal', '%1.')) + num(1, 0);
    const read = readDocx(
      wordPackage({
        numbering,
        body: listPara('Opening', 1) + para(run('Text') + ref('footnote', 1)) + listPara('Closing', 1),
        footnotes: note('footnote', 1, run(' See') + `<w:del w:id="3" w:author="GSC"><w:r><w:delText> not</w:delText></w:r></w:del>` + run(' below.'), `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('Point in the note')}`),
      }),
    );
    assert.ok(read.ok);
    assert.equal(read.text, ['1.\tOpening', '', 'Text', '', '1 See below.', '', '1.\tPoint in the note', '', '2.\tClosing'].join('\n'));
    assert.deepEqual(read.notes, ['tracked changes: read as accepted (deleted text left out)']);
  });
});

describe('Word reader: any well-formed document part', () => {
  const NAMES = ['p', 'r', 't', 'tbl', 'tr', 'tc', 'tcPr', 'trPr', 'tblGrid', 'del', 'ins', 'moveFrom', 'txbxContent', 'sdt', 'sdtContent', 'sdtPr', 'hyperlink', 'smartTag', 'fldSimple', 'pPr', 'rPr', 'numPr', 'mc:AlternateContent', 'mc:Choice', 'mc:Fallback', 'pPrChange'];
  const EMPTY = [
    '<w:br/>', '<w:tab/>', '<w:cr/>', '<w:softHyphen/>', '<w:noBreakHyphen/>', '<w:sym w:char="F0B7" w:font="Symbol"/>', '<w:sym w:char="zz"/>', '<w:sym w:char="110000"/>', '<w:sym w:char="D800"/>',
    '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>', '<w:instrText> PAGE </w:instrText>', '<w:delText>gone</w:delText>',
    '<w:numId w:val="1"/>', '<w:numId w:val="x"/>', '<w:ilvl w:val="12"/>', '<w:ilvl w:val="-3"/>', '<w:pStyle w:val="Heading1"/>', '<w:gridSpan w:val="0"/>', '<w:vMerge/>', '<w:gridCol w:w="-5"/>', '<w:gridCol w:w="999999999"/>', '<w:caps/>', '<w:vanish/>', '<w:cellDel/>',
  ];
  const tree = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...EMPTY),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')),
      fc.tuple(fc.constantFrom(...NAMES), fc.array(tie('node'), { maxLength: 4 })).map(([name, children]) => {
        const tag = name.includes(':') ? name : `w:${name}`;
        return `<${tag}>${children.join('')}</${tag}>`;
      }),
    ),
  })).node;
  const numbering = abstractNum(1, level(0, 'decimal', '%1.') + level(1, 'lowerLetter', '%2)', '<w:lvlRestart w:val="9"/>', 2000000000)) + num(1, 1, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride>');
  const styles = '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';

  it('reads every arrangement of the elements it knows, however they nest, to text: never a failure, never a throw', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (nodes) => {
        const read = readDocx(wordPackage({ body: nodes.join(''), numbering, styles }));
        assert.ok(read.ok, read.ok ? '' : read.reason);
        assert.equal(typeof read.text, 'string');
      }),
      { numRuns: 400 },
    );
  });
});
