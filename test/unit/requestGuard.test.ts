import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { FramingCheck } from '../../server/src/features/framing';
import { guardHandlers } from '../../server/src/features/requestGuard';

type Handler = (...args: unknown[]) => unknown;

/** Just enough of a connection to register handlers on and call them. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const connection = {
    onHover: (h: Handler) => handlers.set('hover', h),
    onRequest: (type: { method: string }, h: Handler) => handlers.set(type.method, h),
    onDidCloseTextDocument: (h: Handler) => handlers.set('didClose', h),
    languages: { diagnostics: { on: (h: Handler) => handlers.set('diagnostic', h) } },
  };
  return { connection, handlers };
}

const hoverParams = { textDocument: { uri: 'untitled:a' }, position: { line: 0, character: 0 } };

describe('request guard: every handler checked and contained', () => {
  it('answers a handler that throws with an error of its own, and logs the stack', async () => {
    const { connection, handlers } = fakeConnection();
    const logs: string[] = [];
    const guarded = guardHandlers(connection, (m) => logs.push(m));
    guarded.onHover(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    guarded.languages.diagnostics.on(() => Promise.reject(new Error('lost')));
    assert.throws(
      () => handlers.get('hover')!(hoverParams),
      (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InternalError && e.message === 'Outcome Drafting could not answer textDocument/hover; its log says why.',
    );
    assert.match(logs[0], /^Outcome Drafting: textDocument\/hover failed: TypeError: Cannot read properties/);
    assert.match(logs[0], /requestGuard\.test/);
    await assert.rejects(Promise.resolve(handlers.get('diagnostic')!({ textDocument: { uri: 'untitled:a' } })), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InternalError);
    assert.match(logs[1], /textDocument\/diagnostic failed: Error: lost/);
  });

  it('lets a ResponseError of the handler (a cancellation) through as it is', () => {
    const { connection, handlers } = fakeConnection();
    guardHandlers(connection, () => undefined).onRequest({ method: 'outcome/documentInfo' }, () => {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled');
    });
    assert.throws(() => handlers.get('outcome/documentInfo')!({ uri: 'untitled:a' }), (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ServerCancelled);
  });

  it('logs a failing notification handler and returns', () => {
    const { connection, handlers } = fakeConnection();
    const logs: string[] = [];
    guardHandlers(connection, (m) => logs.push(m)).onDidCloseTextDocument(() => {
      throw new Error('gone');
    });
    assert.equal(handlers.get('didClose')!({ textDocument: { uri: 'untitled:a' } }), undefined);
    assert.match(logs[0], /textDocument\/didClose failed: Error: gone/);
  });

  it('passes good parameters and the results through untouched, synchronous ones synchronously', () => {
    const { connection, handlers } = fakeConnection();
    guardHandlers(connection, () => undefined).onHover((params: unknown, token: unknown) => ({ params, token }));
    const token = {};
    assert.deepEqual(handlers.get('hover')!(hoverParams, token), { params: hoverParams, token });
  });

  it('logs an error thrown in a timer or an unhandled rejection, and the process lives on', () => {
    const guard = path.resolve(__dirname, '../../server/src/features/requestGuard.js');
    const script = `
      const { containProcessErrors } = require(${JSON.stringify(guard)});
      containProcessErrors((m) => console.log(m.split('\\n')[0]));
      setTimeout(() => { throw new Error('in a timer'); });
      Promise.reject(new Error('not awaited'));
      setTimeout(() => console.log('still running'), 5);`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.deepEqual(out.trim().split('\n'), ['Outcome Drafting: unhandled rejection: Error: not awaited', 'Outcome Drafting: uncaught error: Error: in a timer', 'still running']);
  });
});

describe('framing check of the input stream', () => {
  const message = (body: string) => Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

  it('follows messages split anywhere, with multi-byte text and a Content-Type', () => {
    const check = new FramingCheck();
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'Brussels, 29 July 2011 — é€' } });
    const stream = Buffer.concat([message(body), Buffer.from(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n`), message('{}'), message('')]);
    for (let i = 0; i < stream.length; i += 7) assert.equal(check.push(stream.subarray(i, i + 7)), undefined);
  });

  it('names what is broken', () => {
    assert.equal(new FramingCheck().push(Buffer.from('Content-Type: x\r\n\r\n')), 'a message header without Content-Length');
    assert.equal(new FramingCheck().push(Buffer.from('Content-Length: -1\r\n\r\n')), 'a Content-Length that is not a whole number of bytes');
    assert.equal(new FramingCheck().push(Buffer.from('Content-Length: 1e3\r\n\r\n')), 'a Content-Length that is not a whole number of bytes');
    assert.equal(new FramingCheck().push(Buffer.from('{"jsonrpc":"2.0"}\r\n\r\n')), 'a message header line that is not "Name: value"');
    assert.equal(new FramingCheck().push(Buffer.alloc(5000, 0x61)), 'more than 4096 bytes without a message header');
  });
});
