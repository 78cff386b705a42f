import { SaxesParser } from 'saxes';
import { ReadFailure } from './zip';

/**
 * A part of the package read as XML events with saxes. WordprocessingML elements reach the
 * handler by their local name ("p", "r", "t"), whatever prefix the file binds to the namespace
 * (Word, LibreOffice and the docx library all write "w:", but nothing requires it); elements of
 * other vocabularies keep their qualified name ("mc:Fallback", "wps:txbx"), markup
 * compatibility's under the prefix "mc:". Namespaces are taken from the root element, where
 * every producer declares them.
 */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const WORDPROCESSING = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Attribute names of the WordprocessingML namespace, as this part spells them. */
export type WordAttribute = (attributes: Record<string, string>, local: string) => string | undefined;

/** Names as read under the prefixes every producer binds ("w:", "mc:"), kept from one part to the next. */
const USUAL_PREFIXES = new Map<string, string>();
const MAX_KEPT_NAMES = 2048;

interface NamedTag {
  local?: string;
}

/**
 * Markup of the body that holds no text and that the text reader never looks at: the revision
 * ids Word writes on every paragraph and run, proofing and bookmark marks, and the properties
 * of font, size, language, colour, spacing and alignment. A document as Word saves it holds
 * several on every run, most of its bytes: they are taken out in one pass of one expression
 * before the parser sees them, which spares it their names and attributes. Only a whole
 * self-closing element or a whole attribute is taken (a tag with ">" inside a value is left
 * to the parser as it is); a name in another namespace under the prefix "w" is ignored by the
 * reader all the same.
 */
const TEXTLESS =
  /<w:(?:rFonts|sz|szCs|lang|proofErr|bookmarkStart|bookmarkEnd|noProof|lastRenderedPageBreak|color|kern|b|bCs|i|iCs|u|w|spacing|position|vertAlign|highlight|shd|jc|ind|keepNext|keepLines|widowControl|snapToGrid|contextualSpacing|bidi|rtl|cs|overflowPunct|autoSpaceDE|autoSpaceDN|adjustRightInd|textAlignment|tcW|tblW|tblInd|tblLayout|permStart|permEnd|commentRangeStart|commentRangeEnd)(?=[\s/])[^>]*\/>|[ \t\r\n](?:w:rsid[A-Za-z]*|w14:paraId|w14:textId)="[^"]*"/g;

export interface ReadOptions {
  /** A part read for its text only (the body, the notes): `TEXTLESS` markup is taken out first. */
  textOnly?: boolean;
  /** Asked after each slice of the part is read: false stops the reading there (the rest is neither read nor checked). */
  goOn?: () => boolean;
}

/** Characters of XML given to the parser at a time when `goOn` is asked. */
const SLICE = 4096;

export function readXml(bytes: Uint8Array, part: string, handler: (attribute: WordAttribute) => XmlHandler, options: ReadOptions = {}): void {
  const text = decode(bytes);
  try {
    // Text in a CDATA section is read as written: nothing is taken out of a part that has one.
    parse(options.textOnly && text.indexOf('<![CDATA[') < 0 ? text.replace(TEXTLESS, '') : text, part, handler, false, options.goOn);
  } catch (e) {
    // Read again, counting lines and columns, only to say where the XML breaks.
    if (e instanceof MalformedXml) parse(text, part, () => IGNORED, true);
    throw e;
  }
}

class MalformedXml extends ReadFailure {}

const IGNORED: XmlHandler = { open() {}, close() {}, text() {} };

function parse(text: string, part: string, handler: (attribute: WordAttribute) => XmlHandler, position: boolean, goOn?: () => boolean): void {
  const parser = new SaxesParser({ position });
  let names: Map<string, string> | undefined;
  let wordPrefix = 'w';
  let mcPrefix = 'mc';
  let inner: XmlHandler | undefined;
  const attributeNames = new Map<string, string>();
  const attribute: WordAttribute = (attributes, local) => {
    let qualified = attributeNames.get(local);
    if (qualified === undefined) attributeNames.set(local, (qualified = wordPrefix === '' ? local : `${wordPrefix}:${local}`));
    return attributes[qualified];
  };
  const nameOf = (qualified: string): string => {
    let name = names!.get(qualified);
    if (name === undefined) {
      const colon = qualified.indexOf(':');
      const prefix = colon < 0 ? '' : qualified.slice(0, colon);
      const local = qualified.slice(colon + 1);
      name = prefix === wordPrefix ? local : prefix === mcPrefix ? `mc:${local}` : colon < 0 ? `:${qualified}` : qualified;
      // Kept across parts, the usual names stay few; a file inventing names does not grow it.
      if (names !== USUAL_PREFIXES || names.size < MAX_KEPT_NAMES) names!.set(qualified, name);
    }
    return name;
  };
  parser.on('doctype', () => {
    throw new ReadFailure(`${part} declares a DOCTYPE, which no Word part has`);
  });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (!names) {
      for (const key in attributes) {
        if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
        const prefix = key === 'xmlns' ? '' : key.slice(6);
        if (WORDPROCESSING.includes(attributes[key])) wordPrefix = prefix;
        else if (attributes[key] === MARKUP_COMPATIBILITY) mcPrefix = prefix;
      }
      names = wordPrefix === 'w' && mcPrefix === 'mc' ? USUAL_PREFIXES : new Map();
      inner = handler(attribute);
    }
    const name = nameOf(tag.name);
    // The same tag object comes back at its close: the name read once.
    (tag as NamedTag).local = name;
    inner!.open(name, attributes);
  });
  // Emitted for self-closing tags too.
  parser.on('closetag', (tag) => inner!.close((tag as NamedTag).local ?? nameOf(tag.name)));
  parser.on('text', (text) => inner?.text(text));
  parser.on('cdata', (text) => inner?.text(text));
  // saxes reports what is not well-formed here; anything else thrown is no fault of the file's XML.
  parser.on('error', (e) => {
    throw new MalformedXml(`malformed XML in ${part}: ${e.message.split('\n')[0]}`);
  });
  if (goOn) {
    for (let at = 0; at < text.length; at += SLICE) {
      parser.write(text.slice(at, at + SLICE));
      if (at + SLICE < text.length && !goOn()) return;
    }
  } else parser.write(text);
  parser.close();
}

const UTF8 = new TextDecoder('utf-8');

function decode(bytes: Uint8Array): string {
  // A part may be UTF-16 (it then starts with a byte-order mark); TextDecoder drops the mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return UTF8.decode(bytes);
}
