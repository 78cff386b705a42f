import * as assert from 'assert';
import * as vscode from 'vscode';
import { ClientState, activateExtension, openInEditor, serverPid, waitFor, waitForDiagnostics } from './helpers';

describe('server crashes', () => {
  it('restarts a crashed server 4 times in 3 minutes, then stops until restarted by command', async function () {
    if (process.platform !== 'linux') this.skip();
    this.timeout(120000);
    const api = await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    await waitForDiagnostics(editor.document.uri);
    const state = (s: ClientState) => waitFor(api.client.onDidChangeState, () => (api.client.state === s ? true : undefined), 30000, `client state ${ClientState[s]}`);

    for (let crash = 1; crash <= 5; crash++) {
      await state(ClientState.Running);
      const pid = serverPid();
      assert.ok(pid, `crash ${crash}: no language server process found`);
      // Wait for the client to notice, not for the process to be gone.
      const noticed = waitFor(api.client.onDidChangeState, () => (api.client.state !== ClientState.Running ? true : undefined), 30000, 'the client to notice the crash');
      process.kill(pid, 'SIGKILL');
      await noticed;
      // The close handler decides before the client leaves Running: restart, or give up.
      assert.strictEqual(api.restartsExhausted(), crash === 5, `crash ${crash}`);
      if (crash <= 4) await state(ClientState.Running);
    }
    assert.strictEqual(api.client.state, ClientState.Stopped);

    await vscode.commands.executeCommand('outcomeDrafting.restartServer');
    await state(ClientState.Running);
    await waitForDiagnostics(editor.document.uri);
  });
});
