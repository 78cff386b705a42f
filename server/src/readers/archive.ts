/**
 * What a reader makes of an archive file, a Word or PDF document as the register holds it: the
 * text that the parser, the rules, the index and the read-only view of the file all read. Readers
 * are pure given the bytes (no file system, no vscode), so the CLI, the indexing workers and the
 * server share them.
 */
export type ArchiveFormat = 'docx' | 'pdf';

export interface ReadOptions {
  /**
   * Given the text of the first page (a Word file's: the start of its body, about a page of
   * text), whether the file is wanted whole. When not, the reader stops there and gives that
   * text: a folder of unrelated PDFs costs one page each. A first page with no text at all (a
   * scan) cannot tell: the file is read on.
   */
  wanted?: (firstPage: string) => boolean;
}

export type ArchiveRead =
  | {
      ok: true;
      format: ArchiveFormat;
      /** One line per paragraph or table row; page layout (footers, page numbers, stamps) left out. */
      text: string;
      /** What a reader wants the drafter to know about this file (one line each). */
      notes: string[];
      /** The text is the first page's only (a Word file's: the start of its body): the caller's `wanted` said no to it. */
      firstPageOnly?: true;
    }
  | {
      ok: false;
      format: ArchiveFormat;
      /**
       * Why the file gives no text, one line to show as it is: damaged, encrypted, too large; a PDF
       * without any text layer (a scan) says "no text layer: this PDF is an image". A PDF with some
       * pages that are images is read, with a note naming those pages.
       */
      reason: string;
    };
