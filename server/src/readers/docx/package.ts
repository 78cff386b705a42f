import { readXml } from './xml';
import { ReadFailure, ZipArchive } from './zip';

/**
 * The Word package (Open Packaging Conventions): the zip's parts found through their
 * relationships, as Word itself finds them, so a package whose main part is not named
 * word/document.xml still reads. Files that are no package at all are told apart by their
 * first bytes, for a reason the drafter can act on.
 */
export interface WordPackage {
  document: Uint8Array;
  documentName: string;
  styles?: Uint8Array;
  numbering?: Uint8Array;
  /** The notes parts, with their names (for messages). */
  footnotes?: { name: string; bytes: Uint8Array };
  endnotes?: { name: string; bytes: Uint8Array };
}

const OLE_COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function openPackage(bytes: Uint8Array): WordPackage {
  refuseOtherFormats(bytes);
  const zip = new ZipArchive(bytes);
  const documentName = mainDocumentName(zip);
  const document = zip.read(documentName);
  if (!document) {
    throw new ReadFailure(otherPackageKind(zip) ?? 'a zip file but not a Word document (no word/document.xml)');
  }
  const related = relationships(zip, relsNameOf(documentName), directoryOf(documentName));
  const styles = related.get('styles');
  const numbering = related.get('numbering');
  const part = (kind: string) => {
    const name = related.get(kind);
    const bytes = name ? zip.read(name) : undefined;
    return name && bytes ? { name, bytes } : undefined;
  };
  return { document, documentName, styles: styles ? zip.read(styles) : undefined, numbering: numbering ? zip.read(numbering) : undefined, footnotes: part('footnotes'), endnotes: part('endnotes') };
}

function refuseOtherFormats(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ReadFailure('an empty file, not a Word document');
  if (OLE_COMPOUND.every((b, i) => bytes[i] === b)) {
    // An encrypted .docx is an OLE compound file holding the package in a stream of this name.
    throw new ReadFailure(
      hasUtf16Name(bytes, 'EncryptedPackage')
        ? 'a password-protected Word file: it cannot be read without its password (save a copy without protection)'
        : 'an old binary Word file (.doc) or another Office file: save it as .docx to read it',
    );
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) throw new ReadFailure('a PDF file, not a Word document');
  if (head.startsWith('{\\rtf')) throw new ReadFailure('an RTF file, not a Word document: save it as .docx to read it');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReadFailure('not a Word document: the file is no zip package');
}

function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[2 * i] = name.charCodeAt(i);
  // The directory of a compound file lies within its first few sectors in practice; a bounded scan.
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - pattern.length;
  outer: for (let at = 0; at <= limit; at++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** The main part named by the package's relationships; word/document.xml when they say nothing. */
function mainDocumentName(zip: ZipArchive): string {
  return relationships(zip, '_rels/.rels', '').get('officeDocument') ?? 'word/document.xml';
}

/** What an OpenDocument text or another Office package is, said as such. */
function otherPackageKind(zip: ZipArchive): string | undefined {
  const mimetype = zip.has('mimetype') ? new TextDecoder().decode(zip.read('mimetype')) : '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) return 'an OpenDocument file, not a Word document: save it as .docx to read it';
  if (zip.has('xl/workbook.xml')) return 'an Excel workbook, not a Word document';
  if (zip.has('ppt/presentation.xml')) return 'a PowerPoint presentation, not a Word document';
  return undefined;
}

function relsNameOf(part: string): string {
  const dir = directoryOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/**
 * The targets of a relationships part by the last word of their type ("officeDocument",
 * "styles", "numbering"), resolved against `base`; the first of each type wins.
 */
function relationships(zip: ZipArchive, relsName: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  const bytes = zip.read(relsName);
  if (!bytes) return out;
  readXml(bytes, relsName, () => ({
    open(name, attributes) {
      if (name !== ':Relationship' && !name.endsWith(':Relationship')) return;
      const type = attributes.Type ?? '';
      const target = attributes.Target;
      if (!target || attributes.TargetMode === 'External') return;
      const kind = type.slice(type.lastIndexOf('/') + 1);
      if (!out.has(kind)) out.set(kind, resolve(base, target));
    },
    close() {},
    text() {},
  }));
  return out;
}

/** A relationship's target as a part name: "/word/document.xml", "styles.xml", "../media/x.png". */
function resolve(base: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return decodeURIComponentSafe(out.join('/'));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
