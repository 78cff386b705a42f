import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, DocumentLinkRequest, ReferencesRequest, RequestType, WorkspaceSymbolRequest, type Location, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { readDocx } from '../../server/src/readers/docx';
import { readPdf } from '../../server/src/readers/pdf';
import { positionOf, ROOT, Session } from './session';

const ARCHIVE = path.join(ROOT, 'test/fixtures/archive');
const ArchiveTextRequest = new RequestType<{ uri: string }, { text: string; notes?: string } | { reason: string }, void>('outcome/archiveText');

/** A draft that names both archive files: its previous document (the Word file) and a document of the PDF's working party. */
const DRAFT = `Council of the European Union
Brussels, 15 March 2026
(OR. en)
7001/26
JAIEX 20
OUTCOME OF PROCEEDINGS
From: General Secretariat of the Council
To: Delegations
No. prev. doc.: 15990/25
Subject: Summary of the meeting of the Working Party on JHA External Relations (JAIEX) held on 10 March 2026
1. Cybercrime and electronic evidence
The Chair recalled the outcome in doc. 6401/26 on electronic evidence.
`;

describe('LSP: Word and PDF files in the workspace', () => {
  let dir: string;
  let session: Session;
  let docxText: string;
  let pdfText: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-archive-'));
    fs.mkdirSync(path.join(dir, 'register'));
    fs.copyFileSync(path.join(ARCHIVE, 'outcome-libreoffice.docx'), path.join(dir, 'register', '15990-25.docx'));
    fs.copyFileSync(path.join(ARCHIVE, 'outcome-pages.pdf'), path.join(dir, 'register', '6401-26.pdf'));
    // Not an outcome: read once, kept out of the index.
    fs.copyFileSync(path.join(ARCHIVE, 'scanned.pdf'), path.join(dir, 'register', 'scan.pdf'));
    fs.writeFileSync(path.join(dir, 'draft.outcome.md'), DRAFT);
    const docx = readDocx(fs.readFileSync(path.join(ARCHIVE, 'outcome-libreoffice.docx')));
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(ARCHIVE, 'outcome-pages.pdf'))));
    assert.ok(docx.ok && pdf.ok);
    docxText = docx.text;
    pdfText = pdf.text;
    ({ session } = await Session.start({ workspaceFolder: dir }));
    await session.until(() => session.refreshes > 0);
    await session.open(uri('draft.outcome.md'), DRAFT);
  });
  after(async () => {
    await session.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the text it read in each file, which the ranges below point into', async () => {
    assert.deepEqual(await session.connection.sendRequest(ArchiveTextRequest, { uri: uri('register/15990-25.docx') }), { text: docxText });
    assert.deepEqual(await session.connection.sendRequest(ArchiveTextRequest, { uri: `outcome-archive:${path.join(dir, 'register', '6401-26.pdf')}` }), { text: pdfText });
    assert.deepEqual(await session.connection.sendRequest(ArchiveTextRequest, { uri: uri('register/scan.pdf') }), { reason: 'no text layer: this PDF is an image' });
    assert.deepEqual(await session.connection.sendRequest(ArchiveTextRequest, { uri: uri('draft.outcome.md') }), { reason: 'not a Word (.docx) or PDF (.pdf) file' });
  });

  it('links document numbers to the Word and PDF files', async () => {
    const links = (await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri('draft.outcome.md') } })) ?? [];
    const at = (needle: string) => links.find((l) => l.range.start.line === positionOf(DRAFT, needle).line)?.target;
    assert.equal(at('15990/25'), uri('register/15990-25.docx'));
    assert.equal(at('doc. 6401/26'), uri('register/6401-26.pdf'));
  });

  it('goes to the PDF from its number, at the place in its text', async () => {
    const found = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('draft.outcome.md') }, position: positionOf(DRAFT, '6401/26') })) as Location[];
    assert.deepEqual(found.map((l) => l.uri), [uri('register/6401-26.pdf')]);
  });

  it('finds headings of the Word file among the workspace symbols, at their place in its text', async () => {
    const symbols = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'counter-terrorism' })) as SymbolInformation[];
    const inDocx = symbols.find((s) => s.location.uri === uri('register/15990-25.docx'));
    assert.ok(inDocx, JSON.stringify(symbols));
    assert.deepEqual(inDocx.location.range.start, positionOf(docxText, '2.\tCounter-terrorism'));
  });

  it('lists mentions in the PDF among the references, in its text', async () => {
    const refs = (await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('draft.outcome.md') }, position: positionOf(DRAFT, 'electronic evidence.'), context: { includeDeclaration: true } })) ?? [];
    const inPdf = refs.filter((r) => r.uri === uri('register/6401-26.pdf'));
    assert.ok(inPdf.length > 0, JSON.stringify(refs));
    for (const r of inPdf) {
      const line = pdfText.split('\n')[r.range.start.line];
      assert.match(line.slice(r.range.start.character, r.range.end.character), /^(?:electronic evidence|e-evidence)$/i);
    }
  });
});
