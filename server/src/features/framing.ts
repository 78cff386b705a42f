import type { Readable, Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import { ErrorCodes, StreamMessageReader, StreamMessageWriter, type DataCallback, type Disposable, type RemoteConsole, type ResponseMessage } from 'vscode-languageserver/node';

/** Real headers are a Content-Length and perhaps a Content-Type: far below this. */
const MAX_HEADER_BYTES = 4096;
const HEADER_END = [0x0d, 0x0a, 0x0d, 0x0a];
const HEADER_FIELD = /^([A-Za-z0-9-]+):(.*)$/;

/**
 * Follows the base protocol's framing (`Content-Length: n\r\n\r\n` and n bytes) of a byte stream
 * and says when it is broken beyond repair: a header without Content-Length, a length that is
 * not a whole number of bytes, or more bytes than any header without the blank line ending one.
 * The message reader itself would wait for ever on such input.
 */
export class FramingCheck {
  private bodyLeft = 0;
  private readonly header = Buffer.alloc(MAX_HEADER_BYTES);
  private headerLength = 0;

  /** The next bytes of the stream; the reason it cannot be read as LSP messages, once it cannot. */
  push(chunk: Buffer): string | undefined {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - offset);
        this.bodyLeft -= n;
        offset += n;
        continue;
      }
      if (this.headerLength === MAX_HEADER_BYTES) return `more than ${MAX_HEADER_BYTES} bytes without a message header`;
      this.header[this.headerLength++] = chunk[offset++];
      if (this.headerEnded()) {
        const problem = this.readHeader();
        if (problem) return problem;
      }
    }
    return undefined;
  }

  private headerEnded(): boolean {
    if (this.headerLength < 4) return false;
    for (let i = 0; i < 4; i++) if (this.header[this.headerLength - 4 + i] !== HEADER_END[i]) return false;
    return true;
  }

  private readHeader(): string | undefined {
    const lines = this.header.toString('latin1', 0, this.headerLength - 4).split('\r\n');
    this.headerLength = 0;
    let length: string | undefined;
    for (const line of lines) {
      const field = HEADER_FIELD.exec(line);
      if (!field) return 'a message header line that is not "Name: value"';
      if (field[1].toLowerCase() === 'content-length') length = field[2].trim();
    }
    if (length === undefined) return 'a message header without Content-Length';
    if (!/^\d{1,15}$/.test(length)) return 'a Content-Length that is not a whole number of bytes';
    this.bodyLeft = Number(length);
    return undefined;
  }
}

/**
 * Ends the process when the client's input stream can no longer be read as LSP messages: a
 * server that stays alive but deaf is never restarted by its client; one that exits is.
 */
export function exitOnBrokenFraming(input: Readable): void {
  const check = new FramingCheck();
  // A second listener on the stream the connection reads: it sees the same bytes, in order.
  const onData = (chunk: Buffer) => {
    const problem = check.push(chunk);
    if (!problem) return;
    input.off('data', onData);
    process.stderr.write(`Outcome Drafting: the input is not the Language Server Protocol (${problem}); the server ends so that the client can start it again.\n`);
    process.exit(1);
  };
  input.on('data', onData);
}

/**
 * The reader of the stdio transport: it also notes the shutdown request, so that a client that
 * closes the stream afterwards sees the server end with 0, as the library's own stdio transport does.
 */
class StdioReader extends StreamMessageReader {
  shutdownReceived = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if ((message as { method?: unknown }).method === 'shutdown') this.shutdownReceived = true;
      callback(message);
    });
  }
}

/**
 * The stdio transport, built here rather than by the library so that a message whose JSON is
 * broken gets its answer: a ParseError with id null, as JSON-RPC says (the library drops it
 * without a word, and the client waits for ever). The server then goes on reading the next
 * message. Once the connection is made, `attach` gives the console to it (standard output is
 * the protocol's: a stray console.log would break it) and ends the process with the stream.
 */
export function stdioTransport(input: Readable = process.stdin, output: Writable = process.stdout) {
  const reader = new StdioReader(input);
  const writer = new StreamMessageWriter(output);
  reader.onError((error) => {
    if (!(error instanceof SyntaxError)) return;
    const answer: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: the message is not JSON (${error.message.slice(0, 120)})` } };
    void writer.write(answer);
  });
  const attach = (console: RemoteConsole) => {
    routeConsole(console);
    const end = () => process.exit(reader.shutdownReceived ? 0 : 1);
    input.on('end', end);
    input.on('close', end);
  };
  return { reader, writer, attach };
}

/** Console output as log messages of the connection. */
function routeConsole(remote: RemoteConsole): void {
  const to = (send: (message: string) => void) => (...args: unknown[]) => send(format(...args));
  console.log = to((m) => remote.log(m));
  console.info = to((m) => remote.info(m));
  console.debug = to((m) => remote.log(m));
  console.trace = to((m) => remote.log(m));
  console.warn = to((m) => remote.warn(m));
  console.error = to((m) => remote.error(m));
  console.dir = (value: unknown) => remote.log(inspect(value));
}
