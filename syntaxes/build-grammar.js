#!/usr/bin/env node
// Generates syntaxes/council-outcome.tmLanguage.json.
//
// The grammar is written here, as JavaScript, so that the regular expressions
// can be composed from named parts instead of being maintained as
// double-escaped JSON. Run `node syntaxes/build-grammar.js` after editing and
// commit both files; `test/unit/grammar.test.ts` checks they agree.
//
// TextMate works line by line. The grammar keeps a little state so that
// header-only patterns do not fire in the body:
//   header   from the first line up to OUTCOME OF PROCEEDINGS (or the first
//            addressing label, section heading or prose line);
//   session  after a `Session N:` heading, numbered lines are items;
//   paragraph a run of non-blank lines; a `1.` inside it is text, not a heading.
'use strict';

const fs = require('fs');
const path = require('path');

const SUFFIX = '.council-outcome';
const s = (name) => name.split(' ').map((n) => n + SUFFIX).join(' ');

// ---------------------------------------------------------------- pieces ---

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];
const MONTH = '(?:' + MONTHS.map((m) => `${m}|${m.toUpperCase()}`).join('|') + ')';
const DASH = '[ \\t]*[-\u2013\u2014][ \\t]*';
const DAY = '(?<![\\d/.])[0-3]?\\d';

// Adjectives naming the EU member states (as used for "the X Presidency").
const MEMBER_STATE_ADJECTIVES = ['Austrian', 'Belgian', 'Bulgarian', 'Croatian',
  'Cypriot', 'Czech', 'Danish', 'Dutch', 'Netherlands', 'Estonian', 'Finnish',
  'French', 'German', 'Greek', 'Hellenic', 'Hungarian', 'Irish', 'Italian',
  'Latvian', 'Lithuanian', 'Luxembourg', 'Luxembourgish', 'Maltese', 'Polish',
  'Portuguese', 'Romanian', 'Slovak', 'Slovakian', 'Slovenian', 'Spanish',
  'Swedish'];

// Markdown / HTML emphasis that the extracted texts wrap around lines.
const OPEN = '(#{1,6}[ \\t]+)?((?:\\*\\*|\\*|__|_|<b>|<i>|<strong>|<em>)+)?';
const CLOSE = '((?:\\*\\*|\\*|__|_|</b>|</i>|</strong>|</em>)+)?';
const WS = '[ \\t]*';

// A Council document number: 13228/11, 13228/1/11, with REV/ADD/COR suffixes.
const DOCNUM_CORE = '\\d{1,5}/(?:\\d{1,2}/)?\\d{2}';
const DOCNUM_SUFFIX = '(?:[ \\t]+(?:REV|ADD|COR)[ \\t]*\\d{1,2})*';
// A subject code as written in the code block: JAIEX, CFSP/PESC.
const CODE = '[A-Z][A-Z0-9]{1,14}(?:/[A-Z][A-Z0-9]{1,14})?';
// Subject codes trailing a reference: `7970/08 ENFOPOL 64`, `, JAI 396 COSI 46`.
const TRAILING_CODES = `(?:,?[ \\t]+${CODE}[ \\t]+\\d{1,5}(?![\\d/]))*`;

const LABELS = '(?:From|Of|On|To|No\\.?[ \\t]*prev\\.?[ \\t]*docs?\\.?|No\\.?[ \\t]*Cion[ \\t]*docs?\\.?|Subject|Summary)';
const LABEL_LOOKAHEAD = `${WS}(?:\\*\\*|\\*)?${WS}(?i:${LABELS})${WS}:`;
const TITLE_LOOKAHEAD = `${WS}(?:#{1,6}${WS})?(?:\\*\\*|\\*|__|<b>)?${WS}(?i:OUTCOME[ \\t]+OF[ \\t]+PROCEEDINGS)${WS}(?:\\*\\*|\\*|__|</b>)?${WS}$`;
const SESSION_LOOKAHEAD = `${WS}(?:#{1,6}[ \\t]+)?(?:\\*\\*|\\*|__|_|<b>|<i>)*${WS}Session[ \\t]+\\d{1,2}${WS}[:.]`;
const NUMBERED_LOOKAHEAD = `${WS}(?:#{1,6}[ \\t]+)?(?:\\*\\*|\\*|__|_)*${WS}\\d{1,2}\\.[ \\t]+\\S`;
const RULE_LOOKAHEAD = `${WS}(?:-{3,}|\\*{3,}|_{3,})${WS}$`;
const MD_HEADING_LOOKAHEAD = `${WS}#{1,6}[ \\t]`;

// Heading text: short, and not ending like a sentence.
const HEADING_TEXT = '(\\S(?:.*?[^.;,\\s*_>])?)';

// ---------------------------------------------------------- repository ---

const markupCapture = { name: s('punctuation.definition.tag.markup') };
const headingMarkCapture = { name: s('punctuation.definition.heading') };

const repository = {};

// ---- header -------------------------------------------------------------

const HEADER_END = [
  TITLE_LOOKAHEAD,
  LABEL_LOOKAHEAD,
  SESSION_LOOKAHEAD,
  NUMBERED_LOOKAHEAD,
  '.{160}', // a prose paragraph: the header is over
].map((x) => `(?:${x})`).join('|');

repository['header'] = {
  name: s('meta.header'),
  begin: `\\A(?!${HEADER_END})`,
  end: `^(?=${HEADER_END})`,
  patterns: [
    { include: '#issuer' },
    { include: '#place-date' },
    { include: '#original-language' },
    { include: '#interinstitutional-file' },
    { include: '#header-document-number' },
    { include: '#partial-access' },
    { include: '#marking' },
    { include: '#subject-code-line' },
    { include: '#page-footer' },
    { include: '#rule' },
    { include: '#inline' },
  ],
};

repository['issuer'] = {
  patterns: [
    {
      // Council of the European Union / COUNCIL OF THE EUROPEAN UNION
      match: `(?i)^${WS}${OPEN}${WS}(Council[ \\t]+of[ \\t]+the[ \\t]+European[ \\t]+Union)${WS}${CLOSE}${WS}$`,
      captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('entity.name.type.issuer') }, 4: markupCapture },
    },
    {
      // split over two lines: "Council of the" / "European Union",
      // "COUNCIL OF" / "THE EUROPEAN UNION"
      match: `(?i)^${WS}${OPEN}${WS}(Council[ \\t]+of(?:[ \\t]+the)?)${WS}${CLOSE}${WS}$`,
      captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('entity.name.type.issuer') }, 4: markupCapture },
    },
    {
      match: `(?i)^${WS}${OPEN}${WS}((?:the[ \\t]+)?European[ \\t]+Union)${WS}${CLOSE}${WS}$`,
      captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('entity.name.type.issuer') }, 4: markupCapture },
    },
  ],
};

repository['place-date'] = {
  match: `^${WS}${OPEN}${WS}(Brussels|Luxembourg|BRUSSELS|LUXEMBOURG)(,)${WS}(?:(${DAY}[ \\t]+${MONTH}[ \\t]+\\d{4})|[^*<]*?)${WS}${CLOSE}${WS}$`,
  name: s('meta.place-date'),
  captures: {
    1: headingMarkCapture,
    2: markupCapture,
    3: { name: s('entity.name.tag.place') },
    4: { name: s('punctuation.separator.comma') },
    5: { name: s('constant.numeric.date') },
    6: markupCapture,
  },
};

repository['original-language'] = {
  match: `^${WS}${OPEN}${WS}(\\()${WS}(OR\\.)${WS}([a-zA-Z]{2}(?:${WS},${WS}[a-zA-Z]{2})*)${WS}(\\))${WS}${CLOSE}${WS}$`,
  name: s('meta.original-language'),
  captures: {
    1: headingMarkCapture,
    2: markupCapture,
    3: { name: s('punctuation.definition.group.begin') },
    4: { name: s('keyword.other.original-language') },
    5: { name: s('constant.other.language-code') },
    6: { name: s('punctuation.definition.group.end') },
    7: markupCapture,
  },
};

repository['interinstitutional-file'] = {
  match: `^${WS}${OPEN}${WS}((?i:Interinstitutional[ \\t]+File))${WS}(:)${WS}(\\d{4}/\\d{1,4})${WS}(?:(\\()([A-Za-z]{2,4})(\\)))?${WS}${CLOSE}${WS}$`,
  name: s('meta.interinstitutional-file'),
  captures: {
    1: headingMarkCapture,
    2: markupCapture,
    3: { name: s('keyword.other.label') },
    4: { name: s('punctuation.separator.key-value') },
    5: { name: s('constant.numeric.interinstitutional-file') },
    6: { name: s('punctuation.definition.group.begin') },
    7: { name: s('support.constant.procedure') },
    8: { name: s('punctuation.definition.group.end') },
    9: markupCapture,
  },
};

repository['document-number-parts'] = {
  patterns: [
    { match: '\\b(REV|ADD|COR|INIT)\\b(?:[ \\t]*(\\d{1,2}))?', captures: { 1: { name: s('keyword.other.revision') }, 2: { name: s('constant.numeric.revision') } } },
  ],
};

repository['header-document-number'] = {
  patterns: [
    {
      match: `^${WS}${OPEN}${WS}(${DOCNUM_CORE})((?:[ \\t]+(?:REV|ADD|COR)[ \\t]*\\d{1,2})*)${WS}${CLOSE}${WS}$`,
      captures: {
        1: headingMarkCapture,
        2: markupCapture,
        3: { name: s('constant.numeric.document-number') },
        4: { patterns: [{ include: '#document-number-parts' }] },
        5: markupCapture,
      },
    },
    {
      // "REV 1" standing on the line after the number
      match: `^${WS}${OPEN}${WS}(REV|ADD|COR)[ \\t]*(\\d{1,2})${WS}${CLOSE}${WS}$`,
      captures: {
        1: headingMarkCapture,
        2: markupCapture,
        3: { name: s('keyword.other.revision') },
        4: { name: s('constant.numeric.revision') },
        5: markupCapture,
      },
    },
  ],
};

const PARTIAL_DATE = '(\\()(\\d{1,2}\\.\\d{1,2}\\.\\d{4})(\\))';
repository['partial-access'] = {
  patterns: [
    {
      // all or the start of "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (28.09.2011)"
      match: `^${WS}${OPEN}${WS}(DOCUMENT[ \\t]+PARTIALLY(?:[ \\t]+ACCESSIBLE(?:[ \\t]+TO(?:[ \\t]+THE(?:[ \\t]+PUBLIC)?)?)?)?)${WS}(?:${PARTIAL_DATE})?${WS}${CLOSE}${WS}$`,
      name: s('meta.partial-access'),
      captures: {
        1: headingMarkCapture,
        2: markupCapture,
        3: { name: s('keyword.other.partial-access') },
        4: { name: s('punctuation.definition.group.begin') },
        5: { name: s('constant.numeric.date') },
        6: { name: s('punctuation.definition.group.end') },
        7: markupCapture,
      },
    },
    {
      // continuation lines of the wrapped form
      match: `^${WS}${OPEN}${WS}((?:ACCESSIBLE[ \\t]+)?(?:TO[ \\t]+)?THE[ \\t]+PUBLIC|ACCESSIBLE(?:[ \\t]+TO(?:[ \\t]+THE)?)?)${WS}(?:${PARTIAL_DATE})?${WS}${CLOSE}${WS}$`,
      name: s('meta.partial-access'),
      captures: {
        1: headingMarkCapture,
        2: markupCapture,
        3: { name: s('keyword.other.partial-access') },
        4: { name: s('punctuation.definition.group.begin') },
        5: { name: s('constant.numeric.date') },
        6: { name: s('punctuation.definition.group.end') },
        7: markupCapture,
      },
    },
    {
      match: `^${WS}${OPEN}${WS}${PARTIAL_DATE}${WS}${CLOSE}${WS}$`,
      name: s('meta.partial-access'),
      captures: {
        1: headingMarkCapture,
        2: markupCapture,
        3: { name: s('punctuation.definition.group.begin') },
        4: { name: s('constant.numeric.date') },
        5: { name: s('punctuation.definition.group.end') },
        6: markupCapture,
      },
    },
  ],
};

const MARKINGS = [
  'LIMITE',
  'RESTREINT[ \\t]+UE(?:[ \\t]*/[ \\t]*EU[ \\t]+RESTRICTED)?',
  'EU[ \\t]+RESTRICTED',
  'CONFIDENTIEL[ \\t]+UE(?:[ \\t]*/[ \\t]*EU[ \\t]+CONFIDENTIAL)?',
  'EU[ \\t]+CONFIDENTIAL',
  'TR[EÈ]S[ \\t]+SECRET[ \\t]+UE(?:[ \\t]*/[ \\t]*EU[ \\t]+TOP[ \\t]+SECRET)?',
  'EU[ \\t]+TOP[ \\t]+SECRET',
  'SECRET[ \\t]+UE(?:[ \\t]*/[ \\t]*EU[ \\t]+SECRET)?',
  'EU[ \\t]+SECRET',
];
repository['marking'] = {
  // a line that is only a distribution marking
  match: `^${WS}${OPEN}${WS}(${MARKINGS.join('|')})${WS}${CLOSE}${WS}$`,
  captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('keyword.control.marking') }, 4: markupCapture },
};

repository['subject-code-line'] = {
  // JAIEX 75 | **JAIEX 45 | USA 37** | <b>JAIEX</b>\t<b>75</b> | CFSP/PESC 1025
  match: `^${WS}((?:\\*\\*|\\*|<b>|<strong>)+)?${WS}(?!(?:REV|ADD|COR|ANNEX|PART|PAGE|SESSION|ITEM|ARTICLE|CHAPTER)\\b)(${CODE})((?:\\*\\*|\\*|</b>|</strong>)+)?[ \\t]+((?:\\*\\*|\\*|<b>|<strong>)+)?(\\d{1,5})((?:\\*\\*|\\*|</b>|</strong>)+)?${WS}$`,
  name: s('meta.subject-code'),
  captures: {
    1: markupCapture,
    2: { name: s('support.type.subject-code') },
    3: markupCapture,
    4: markupCapture,
    5: { name: s('constant.numeric.subject-code-number') },
    6: markupCapture,
  },
};

// ---- title and addressing ----------------------------------------------

repository['title'] = {
  match: `(?i)^${WS}${OPEN}${WS}(OUTCOME[ \\t]+OF[ \\t]+PROCEEDINGS)${WS}${CLOSE}${WS}$`,
  name: s('markup.heading.title'),
  captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('keyword.other.document-type') }, 4: markupCapture },
};

const ADDRESSING_END = `^(?=[ \\t]*$|${LABEL_LOOKAHEAD}|${RULE_LOOKAHEAD}|${MD_HEADING_LOOKAHEAD}|${SESSION_LOOKAHEAD}|${TITLE_LOOKAHEAD})`;

function labelRule(labelRegex, extra) {
  return Object.assign({
    begin: `^${WS}((?:\\*\\*|\\*|<b>)+)?${WS}(${labelRegex})${WS}(:)${WS}((?:\\*\\*|\\*|</b>)+)?${WS}`,
    beginCaptures: {
      1: markupCapture,
      2: { name: s('keyword.other.label') },
      3: { name: s('punctuation.separator.key-value') },
      4: markupCapture,
    },
    end: ADDRESSING_END,
  }, extra);
}

repository['addressing'] = {
  patterns: [
    labelRule('(?i:From|Of)', {
      name: s('meta.addressing.from'),
      contentName: s('string.unquoted.value'),
      patterns: [{ include: '#inline' }],
    }),
    labelRule('(?i:To)', {
      name: s('meta.addressing.to'),
      contentName: s('string.unquoted.value'),
      patterns: [{ include: '#inline' }],
    }),
    labelRule('(?i:On)', {
      name: s('meta.addressing.on'),
      contentName: s('string.unquoted.value'),
      patterns: [{ include: '#inline' }],
    }),
    labelRule('(?i:No\\.?[ \\t]*prev\\.?[ \\t]*docs?\\.?)', {
      name: s('meta.addressing.previous-document'),
      patterns: [{ include: '#inline' }],
    }),
    labelRule('(?i:No\\.?[ \\t]*Cion[ \\t]*docs?\\.?)', {
      name: s('meta.addressing.commission-document'),
      patterns: [{ include: '#inline' }],
    }),
    labelRule('(?i:Subject)', {
      name: s('meta.addressing.subject'),
      contentName: s('string.unquoted.subject'),
      patterns: [{ include: '#inline' }],
    }),
    labelRule('(?i:Summary)', {
      name: s('meta.summary'),
      patterns: [{ include: '#inline' }],
    }),
    {
      // "Summary" alone on a line, the paragraph follows
      match: `(?i)^${WS}${OPEN}${WS}(Summary)${WS}${CLOSE}${WS}$`,
      captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('keyword.other.label') }, 4: markupCapture },
    },
  ],
};

// ---- body --------------------------------------------------------------

const SESSION_HEADING = `^${WS}${OPEN}${WS}(Session)[ \\t]+(\\d{1,2})${WS}([:.])${WS}(?:${HEADING_TEXT})?${WS}${CLOSE}${WS}$`;

repository['session-heading'] = {
  match: SESSION_HEADING,
  name: s('markup.heading.section'),
  captures: {
    1: headingMarkCapture,
    2: markupCapture,
    3: { name: s('keyword.other.session') },
    4: { name: s('constant.numeric.section-number') },
    5: { name: s('punctuation.separator.section') },
    6: { name: s('entity.name.section'), patterns: [{ include: '#inline-basic' }] },
    7: markupCapture,
  },
};

repository['session'] = {
  // From a `Session N: Title` heading up to the next one. Inside, numbered
  // lines are items, not sections. (\\G keeps the end from firing on the
  // heading line that opened the region.)
  begin: `^(?=${SESSION_HEADING.slice(1)})`,
  end: `^(?!\\G)(?=${SESSION_LOOKAHEAD}|${TITLE_LOOKAHEAD})`,
  name: s('meta.section.session'),
  patterns: [
    { include: '#session-heading' },
    { include: '#annex-heading' },
    { include: '#page-footer' },
    { include: '#rule' },
    { include: '#numbered-item-heading' },
    { include: '#lettered-item-heading' },
    { include: '#lettered-item-heading-dot' },
    { include: '#markdown-heading' },
    { include: '#paragraph' },
  ],
};

// A line-level heading needs to be short: at most `max` characters.
function headingRule(numberRegex, sepRegex, scope, numberScope, titleScope, max) {
  return {
    // The title may stand on a line below ("1." alone, as text taken from a PDF table has it).
    match: `^(?=.{1,${max}}$)${WS}${OPEN}${WS}(${numberRegex})(${sepRegex})(?:[ \\t]+${HEADING_TEXT})?${WS}${CLOSE}${WS}$`,
    name: s(scope),
    captures: {
      1: headingMarkCapture,
      2: markupCapture,
      3: { name: s(numberScope) },
      4: { name: s('punctuation.separator.section') },
      5: { name: s(titleScope), patterns: [{ include: '#inline-basic' }] },
      6: markupCapture,
    },
  };
}

repository['numbered-section-heading'] = headingRule('\\d{1,2}', '\\.', 'markup.heading.section', 'constant.numeric.section-number', 'entity.name.section', 160);
repository['numbered-item-heading'] = headingRule('\\d{1,2}', '\\.', 'markup.heading.item', 'constant.numeric.item-number', 'entity.name.section.item', 200);
repository['lettered-item-heading'] = headingRule('\\(?[a-z]', '\\)', 'markup.heading.item', 'constant.numeric.item-number', 'entity.name.section.item', 200);
// "a. Information sharing": the title starts with a capital ("e. g. the" is text), or stands below.
repository['lettered-item-heading-dot'] = headingRule('[a-z]', '\\.(?=[ \\t]+["“‘\'(]?\\p{Lu}|[ \\t]*$)', 'markup.heading.item', 'constant.numeric.item-number', 'entity.name.section.item', 200);
// "I. Home Affairs": the parts of a document (its numbered headings are then items; a line-based
// grammar cannot tell, so they keep the section colours).
repository['roman-section-heading'] = headingRule('(?:X{0,3})(?:IX|IV|V?I{0,3})', '[.)]', 'markup.heading.section', 'constant.numeric.section-number', 'entity.name.section', 160);

repository['annex-heading'] = {
  match: `(?i)^${WS}${OPEN}${WS}(Annex(?:[ \\t]+[IVX\\d]{1,4})?)${WS}${CLOSE}${WS}$`,
  name: s('markup.heading.annex'),
  captures: { 1: headingMarkCapture, 2: markupCapture, 3: { name: s('entity.name.section.annex') }, 4: markupCapture },
};

repository['markdown-heading'] = {
  match: `^${WS}(#{1,6})[ \\t]+(.*?)${WS}$`,
  name: s('markup.heading.markdown'),
  captures: { 1: headingMarkCapture, 2: { patterns: [{ include: '#inline' }] } },
};

repository['rule'] = {
  match: `^${WS}(-{3,}|\\*{3,}|_{3,})${WS}$`,
  captures: { 1: { name: s('meta.separator') } },
};

const PARAGRAPH_END = `[ \\t]*$|${RULE_LOOKAHEAD}|${MD_HEADING_LOOKAHEAD}|${SESSION_LOOKAHEAD}|${TITLE_LOOKAHEAD}|${LABEL_LOOKAHEAD}`;
repository['paragraph'] = {
  // a run of non-blank lines; a numbered line inside it is text
  begin: `^(?=[ \\t]*\\S)(?!${PARAGRAPH_END})`,
  end: `^(?=${PARAGRAPH_END})`,
  patterns: [{ include: '#page-footer' }, { include: '#inline' }],
};

// Page footers of documents turned from PDF: number, directorate, drafters'
// initials, page, marking, language -- on one line or broken over two.
const FOOTER_DIRECTORATE = '[A-Z][A-Z0-9.]*(?:[ \\t]+[A-Z0-9][A-Z0-9.]{0,3}){0,2}';
const INITIALS = '[A-Z][A-Za-z]{0,4}(?:/[A-Z][A-Za-z]{0,4})*/[a-z]{1,4}';
repository['page-footer'] = {
  patterns: [
    {
      // 12230/19 VLV/NH/dn 1 COMM LIMITE EN | 7163/17 DGD1B PC/pf 1 LIMITE EN
      match: `^${WS}${DOCNUM_CORE}${DOCNUM_SUFFIX}[ \\t]+(?:${FOOTER_DIRECTORATE}[ \\t]+)?${INITIALS}[ \\t]+\\d{1,3}\\b.*$`,
      name: s('comment.line.page-footer'),
    },
    {
      // wrapped footer pieces: "VLV/NH/dn 1", "DGD1B LIMITE EN", "COMM LIMITE EN"
      match: `^${WS}${INITIALS}[ \\t]+\\d{1,3}(?:[ \\t]+.*)?$`,
      name: s('comment.line.page-footer'),
    },
    {
      match: `^${WS}(?:${FOOTER_DIRECTORATE}[ \\t]+)?(?:LIMITE[ \\t]+)?EN${WS}$`,
      name: s('comment.line.page-footer'),
    },
  ],
};

// ---- inline ------------------------------------------------------------

repository['inline-basic'] = {
  patterns: [
    { include: '#deleted' },
    { include: '#document-reference' },
    { include: '#commission-document' },
    { include: '#date' },
    { include: '#presidency' },
  ],
};

repository['inline'] = {
  patterns: [
    { include: '#inline-basic' },
    { include: '#emphasis' },
  ],
};

repository['deleted'] = {
  match: '\\bDELETED\\b',
  name: s('markup.deleted.redaction'),
};

repository['date'] = {
  patterns: [
    {
      // 30 November - 1 December 2020
      match: `${DAY}[ \\t]+${MONTH}${DASH}[0-3]?\\d[ \\t]+${MONTH}[ \\t]+\\d{4}\\b`,
      name: s('constant.numeric.date'),
    },
    {
      // 21 November 2011, 25-26 July 2011, 26 July
      match: `${DAY}(?:${DASH}[0-3]?\\d)?[ \\t]+${MONTH}\\b(?:[ \\t]+\\d{4}\\b)?`,
      name: s('constant.numeric.date'),
    },
    {
      // November 2010
      match: `\\b${MONTH}[ \\t]+\\d{4}\\b`,
      name: s('constant.numeric.date'),
    },
    {
      // 28.09.2011
      match: '(?<![\\d.])[0-3]?\\d\\.[01]?\\d\\.\\d{4}\\b',
      name: s('constant.numeric.date'),
    },
  ],
};

repository['presidency'] = {
  match: `\\b(?:(incoming|outgoing|current|next|previous|former|forthcoming|future|Incoming|Outgoing|Current|Next|Previous|Former|Forthcoming|Future)[ \\t]+)?(${MEMBER_STATE_ADJECTIVES.join('|')})[ \\t]+(Presidency|presidency|PRESIDENCY)\\b`,
  name: s('meta.presidency'),
  captures: {
    1: { name: s('storage.modifier.presidency') },
    2: { name: s('support.type.member-state') },
    3: { name: s('support.type.presidency') },
  },
};

const REF_SUFFIX = `((?:[ \\t]+(?:REV|ADD|COR)[ \\t]*\\d{1,2})*(?:[ \\t]+INIT\\b)?)`;
const refSuffixCaptures = (n) => ({ [n]: { patterns: [{ include: '#document-number-parts' }] } });
const trailingCodesCapture = (n) => ({ [n]: { patterns: [{ include: '#reference-subject-code' }] } });

repository['reference-subject-code'] = {
  match: `\\b(${CODE})[ \\t]+(\\d{1,5})\\b`,
  captures: {
    1: { name: s('support.type.subject-code') },
    2: { name: s('constant.numeric.subject-code-number') },
  },
};

repository['document-reference'] = {
  patterns: [
    {
      // register form: ST 9278 2018 INIT
      match: `\\b(ST|WK|CM|SN|DS)[ \\t]+(\\d{1,5}[ \\t]+\\d{4})${REF_SUFFIX}`,
      name: s('meta.reference.document'),
      captures: Object.assign({
        1: { name: s('keyword.other.document-series') },
        2: { name: s('variable.other.reference.document-number') },
      }, refSuffixCaptures(3)),
    },
    {
      // CM 1405/08, WK 10837/2020 INIT, SN 4438/01
      match: `\\b(ST|WK|CM|SN|DS)[ \\t]+(\\d{1,5}/(?:\\d{1,2}/)?(?:\\d{4}|\\d{2}))(?![\\d/])${REF_SUFFIX}`,
      name: s('meta.reference.document'),
      captures: Object.assign({
        1: { name: s('keyword.other.document-series') },
        2: { name: s('variable.other.reference.document-number') },
      }, refSuffixCaptures(3)),
    },
    {
      // doc. 11050/11, JAI 396 COSI 46 ENFOPOL 184
      match: `\\b((?i:docs?\\.?|documents?))[ \\t]+(?:(?i:No\\.?)[ \\t]*)?(${DOCNUM_CORE})(?![\\d/])${REF_SUFFIX}(${TRAILING_CODES})`,
      name: s('meta.reference.document'),
      captures: Object.assign({
        1: { name: s('keyword.other.document-series') },
        2: { name: s('variable.other.reference.document-number') },
      }, refSuffixCaptures(3), trailingCodesCapture(4)),
    },
    {
      // 7970/08 ENFOPOL 64, 10084/17, 7226/3/13 REV 3 JAI 192 DAPIX 53
      match: `(?<![\\w/.\\-])(\\d{2,5}/(?:\\d{1,2}/)?\\d{2})(?![\\d/])${REF_SUFFIX}(${TRAILING_CODES})`,
      name: s('meta.reference.document'),
      captures: Object.assign({
        1: { name: s('variable.other.reference.document-number') },
      }, refSuffixCaptures(2), trailingCodesCapture(3)),
    },
  ],
};

repository['commission-document'] = {
  // COM(2016) 272 final
  match: '\\b(COM|SEC|SWD|JOIN|C)[ \\t]*\\((\\d{4})\\)[ \\t]*(\\d{1,5}(?:/\\d)?)(?:[ \\t]+(final))?',
  name: s('meta.reference.commission-document'),
  captures: {
    1: { name: s('keyword.other.document-series') },
    2: { name: s('variable.other.reference.document-number') },
    3: { name: s('variable.other.reference.document-number') },
    4: { name: s('keyword.other.revision') },
  },
};

repository['emphasis'] = {
  patterns: [
    {
      match: '(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)(\\1)',
      name: s('markup.bold'),
      captures: { 1: markupCapture, 2: { patterns: [{ include: '#inline-basic' }] }, 3: markupCapture },
    },
    {
      match: '(<b>|<strong>)(.*?)(</b>|</strong>)',
      name: s('markup.bold'),
      captures: { 1: markupCapture, 2: { patterns: [{ include: '#inline-basic' }] }, 3: markupCapture },
    },
    {
      match: '(?<![\\w*])(\\*|_)(?=[^\\s*_])(.+?)(?<=[^\\s*_])(\\1)(?![\\w*])',
      name: s('markup.italic'),
      captures: { 1: markupCapture, 2: { patterns: [{ include: '#inline-basic' }] }, 3: markupCapture },
    },
    {
      match: '(<i>|<em>)(.*?)(</i>|</em>)',
      name: s('markup.italic'),
      captures: { 1: markupCapture, 2: { patterns: [{ include: '#inline-basic' }] }, 3: markupCapture },
    },
  ],
};

// ---------------------------------------------------------------- root ---

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Council Outcome of Proceedings',
  scopeName: 'text.council-outcome',
  fileTypes: ['outcome.md', 'outcome.txt'],
  comment: 'Generated by syntaxes/build-grammar.js; edit that file, not this one.',
  patterns: [
    { include: '#header' },
    { include: '#title' },
    { include: '#addressing' },
    { include: '#rule' },
    { include: '#session' },
    { include: '#annex-heading' },
    { include: '#page-footer' },
    { include: '#marking' },
    { include: '#numbered-section-heading' },
    { include: '#roman-section-heading' },
    { include: '#lettered-item-heading' },
    { include: '#lettered-item-heading-dot' },
    { include: '#markdown-heading' },
    { include: '#paragraph' },
  ],
  repository,
};

const out = path.join(__dirname, 'council-outcome.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';
if (require.main === module) {
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error('syntaxes/council-outcome.tmLanguage.json is out of date: run node syntaxes/build-grammar.js');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(out, text);
  }
}
module.exports = { grammar, text };
