import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ErrorCodes, HoverRequest, ResponseError } from 'vscode-languageserver-protocol/node';
import { corpusText, positionOf, serverModule, Session } from './session';

const uri = 'untitled:malformed.outcome.md';
const zero = { line: 0, character: 0 };
const range = { start: zero, end: zero };

/** A malformed call of every request the server answers. */
const BAD_REQUESTS: [string, unknown][] = [
  ['codeLens/resolve', { range, data: { foreign: true } }],
  ['workspace/symbol', { query: 42 }],
  ['textDocument/hover', { textDocument: { uri: 5 }, position: zero }],
  ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } }],
  ['textDocument/definition', { textDocument: { uri } }],
  ['textDocument/references', { textDocument: { uri }, position: 'here', context: { includeDeclaration: true } }],
  ['textDocument/documentSymbol', {}],
  ['textDocument/foldingRange', { textDocument: null }],
  ['textDocument/documentLink', { textDocument: { uri: '' } }],
  ['textDocument/codeLens', { textDocument: [] }],
  ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: 'all' } }],
  ['textDocument/diagnostic', { textDocument: 7 }],
  ['outcome/documentInfo', { uri: 3 }],
  ['outcome/topicHistory', { query: null }],
  ['outcome/preview', { uri: ['untitled:a'] }],
  ['outcome/export', { uri, format: 'odt', target: '/tmp/x.odt' }],
  ['outcome/archiveText', {}],
];

describe('LSP: malformed requests', () => {
  let session: Session;
  const text = corpusText('13228-11.md');
  before(async () => {
    ({ session } = await Session.start());
    await session.open(uri, text);
  });
  after(async () => {
    await session.stop();
  });

  for (const [method, params] of BAD_REQUESTS) {
    it(`answers ${method} with bad parameters InvalidParams and a short reason of its own`, async () => {
      const error = await session.connection.sendRequest(method, params).then(
        () => assert.fail('answered as if the parameters were good'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, ErrorCodes.InvalidParams);
      assert.ok(error.message.startsWith(`${method}: `), error.message);
      assert.ok(error.message.length < 120, error.message);
      assert.doesNotMatch(error.message, /Cannot read|is not a function|TypeError|failed with message/);
    });
  }

  it('names what is wrong: the query of workspace/symbol, the data of a code lens', async () => {
    const reason = (method: string, params: unknown) => session.connection.sendRequest(method, params).then(() => '', (e: ResponseError) => e.message);
    assert.equal(await reason('workspace/symbol', { query: 42 }), 'workspace/symbol: query: Invalid input: expected string, received number');
    assert.equal(await reason('codeLens/resolve', { range, data: { foreign: true } }), 'codeLens/resolve: data.uri: Invalid input: expected string, received undefined');
  });

  it('logs and drops a malformed notification, and goes on answering', async () => {
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:bad.outcome.md', languageId: 'council-outcome', version: 1, text: 5 } });
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'all' });
    await session.until(() => session.logs.some((l) => l.includes('textDocument/didChange ignored, its parameters are malformed: contentChanges:')));
    assert.ok(session.logs.some((l) => l.includes('textDocument/didOpen ignored, its parameters are malformed: textDocument.text:')));
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, '29 July 2011') });
    assert.match(JSON.stringify(hover?.contents), /Friday 29 July 2011/);
  });
});

/** Starts the server on stdio, writes `input`, and resolves with its exit code and what it wrote to stderr. */
function feed(input: Buffer | string): Promise<{ code: number | null; stderr: string }> {
  const proc = spawn(process.execPath, [serverModule(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  proc.stdout.resume();
  // Written but not ended: a server that waits for more input would wait for ever.
  proc.stdin.write(input);
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stderr })));
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('LSP: a broken input stream ends the server (so that the client starts it again)', () => {
  const initialize = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

  it('on a header without Content-Length', async () => {
    const { code, stderr } = await feed('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}');
    assert.equal(code, 1);
    assert.match(stderr, /a message header without Content-Length/);
  });

  it('on a negative Content-Length, after a good message', async () => {
    const { code, stderr } = await feed(`${initialize}Content-Length: -5\r\n\r\n{}`);
    assert.equal(code, 1);
    assert.match(stderr, /a Content-Length that is not a whole number of bytes/);
  });

  it('on raw junk', async () => {
    const { code, stderr } = await feed('junk without any header '.repeat(400));
    assert.equal(code, 1);
    assert.match(stderr, /more than 4096 bytes without a message header/);
  });
});

/** The messages a server started on stdio writes, read frame by frame as they come. */
class RawServer {
  private readonly proc = spawn(process.execPath, [serverModule(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  private buffer = Buffer.alloc(0);
  private readonly messages: Record<string, unknown>[] = [];
  private waiting?: () => void;

  constructor() {
    this.proc.stdout.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n');
        const length = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, Math.max(0, headerEnd)).toString('ascii'));
        if (headerEnd < 0 || !length || this.buffer.length < headerEnd + 4 + Number(length[1])) break;
        this.messages.push(JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + Number(length[1])).toString('utf8')));
        this.buffer = this.buffer.subarray(headerEnd + 4 + Number(length[1]));
      }
      this.waiting?.();
    });
  }

  write(raw: string): void {
    this.proc.stdin.write(raw);
  }

  /** The messages written so far that `test` accepts, once there are `count` of them. */
  async received(test: (m: Record<string, unknown>) => boolean, count = 1): Promise<Record<string, unknown>[]> {
    for (;;) {
      const found = this.messages.filter(test);
      if (found.length >= count) return found;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  stop(): Promise<unknown> {
    const exited = new Promise((resolve) => this.proc.on('exit', resolve));
    this.proc.kill();
    return exited;
  }
}

describe('LSP: a message whose JSON is broken', () => {
  let server: RawServer;
  before(() => (server = new RawServer()));
  after(() => server.stop());

  it('is answered with a ParseError (id null), and the next requests are answered', async () => {
    server.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
    await server.received((m) => m.id === 1);
    server.write(frame('{"jsonrpc": "2.0", "id": 2, "method": "shutdown"'));
    server.write(frame('not json at all'));
    server.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'workspace/symbol', params: { query: 42 } })));
    const [answer] = (await server.received((m) => m.id === 3)) as { error?: { code: number } }[];
    assert.equal(answer.error?.code, ErrorCodes.InvalidParams);
    const parseErrors = (await server.received((m) => m.id === null, 2)) as { jsonrpc: string; error: { code: number; message: string } }[];
    assert.equal(parseErrors.length, 2);
    for (const e of parseErrors) {
      assert.equal(e.jsonrpc, '2.0');
      assert.equal(e.error.code, -32700);
      assert.match(e.error.message, /^Parse error: the message is not JSON/);
    }
  });
});
