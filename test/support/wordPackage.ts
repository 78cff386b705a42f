import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Minimal Word packages built in a test: the parts a reader needs and nothing else, so each
 * test shows the one construct it is about. `body` is the inside of w:body.
 */
export interface WordParts {
  body: string;
  numbering?: string;
  styles?: string;
  /** The inside of w:footnotes and w:endnotes. */
  footnotes?: string;
  endnotes?: string;
  /** More parts, by name (a header, a footer), or parts replaced. */
  extra?: Record<string, string | Uint8Array>;
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES = `xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function wordPackage(parts: WordParts): Uint8Array {
  const rels = [
    parts.styles !== undefined ? `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` : '',
    parts.numbering !== undefined ? `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` : '',
    parts.footnotes !== undefined ? `<Relationship Id="rId3" Type="${REL}/footnotes" Target="footnotes.xml"/>` : '',
    parts.endnotes !== undefined ? `<Relationship Id="rId4" Type="${REL}/endnotes" Target="endnotes.xml"/>` : '',
  ].join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${parts.body}</w:body></w:document>`),
  };
  if (parts.styles !== undefined) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${NAMESPACES}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NAMESPACES}>${parts.numbering}</w:numbering>`);
  if (parts.footnotes !== undefined) files['word/footnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NAMESPACES}>${parts.footnotes}</w:footnotes>`);
  if (parts.endnotes !== undefined) files['word/endnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:endnotes ${NAMESPACES}>${parts.endnotes}</w:endnotes>`);
  for (const [name, content] of Object.entries(parts.extra ?? {})) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files);
}

/** A paragraph of runs; `props` is the inside of w:pPr. */
export function para(content: string, props = ''): string {
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
}

export function run(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}

/** A numbered paragraph of list `numId` at level `ilvl`. */
export function listPara(text: string, numId: number, ilvl = 0): string {
  return para(run(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

/** One w:lvl: format, text template, and more (w:lvlRestart, w:isLgl, w:suff…) as XML. */
export function level(ilvl: number, numFmt: string, lvlText: string, more = '', start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${more}</w:lvl>`;
}

export function abstractNum(id: number, levels: string): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
}

export function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}
