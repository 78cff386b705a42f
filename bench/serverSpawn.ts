import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, ExitNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

/** The language server bundle the bench starts (made by `npm run build`). */
export const SERVER = path.resolve(__dirname, '../../dist/server.js');

/**
 * The bundle (this checkout's, or another's) started over stdio, as an editor starts it, and a
 * connection to it (not listening yet). `nodeOptions`: Node's own, before the script
 * (`--cpu-prof --cpu-prof-dir DIR` to profile the server's threads).
 */
export function startServer(server = SERVER, nodeOptions: string[] = []): { proc: ChildProcess; connection: ProtocolConnection } {
  const proc = spawn(process.execPath, [...nodeOptions, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return { proc, connection: createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!)) };
}

/**
 * Shuts the server down as an editor does and waits for it to exit on its own (a profiled server
 * writes its profile then), at most 10 s; the caller kills it if it is still running.
 */
export async function stopServer(proc: ChildProcess, connection: ProtocolConnection): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
}
