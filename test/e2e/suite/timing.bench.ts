// How long a drafter waits, in the real workbench, from opening a real-sized outcome document
// to its first diagnostics. Logged as a TIMING line that bench/vscode.ts reads; run only by
// `npm run bench` (scripts/e2e/run.js --bench), never by the test suite.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { generateDocument, mulberry32 } from '../../fixtures/generate';
import { SOURCE, activateExtension, waitForDiagnostics, workspaceUri } from './helpers';

/** Fresh documents, each opened once; the first warms nothing up that the others would miss. */
const DOCUMENTS = 5;
/** About the size of the real outcome documents (6-20 KB). */
const TARGET_BYTES = 14 * 1024;
/** What the workspace fixtures mention (workspace.test.ts finds their references). */
const FIXTURE_INSTRUMENTS = /Budapest|Cybercrime|Second Additional Protocol/;

describe('timing', () => {
  it('open-to-diagnostics on fresh real-sized documents', async function () {
    this.timeout(120000);
    await activateExtension();
    // A series, numbers and instruments of their own, so that the copies touch nothing the other
    // tests look at (the server drops a deleted file from its index only when the file watcher
    // reports it, a little after this test ends); one planted defect each, so that every copy has
    // a diagnostic to wait for.
    const uris: vscode.Uri[] = [];
    for (let seed = 4100; uris.length < DOCUMENTS; seed++) {
      const i = uris.length;
      const { text, facts } = generateDocument(mulberry32(seed), {
        serial: 90101 + i,
        date: `2019-0${3 + i}-1${i}`,
        series: 'EU-Japan',
        targetBytes: TARGET_BYTES,
        defects: ['codes-unknown'],
      });
      if (facts.instruments.some((name) => FIXTURE_INSTRUMENTS.test(name))) continue;
      const uri = workspaceUri(`timing-${i + 1}.outcome.md`);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      uris.push(uri);
    }

    const samples: number[] = [];
    try {
      for (const uri of uris) {
        const start = performance.now();
        // Listening before the open: the first report cannot be missed.
        const arrived = waitForDiagnostics(uri, (d) => d.length > 0, 30000);
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { preview: false });
        const diagnostics = await arrived;
        samples.push(performance.now() - start);
        assert.ok(diagnostics.every((d) => d.source === SOURCE));
        assert.ok(diagnostics.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'codes.unknown'), 'the planted defect is reported');
        assert.ok(document.getText().length > 8 * 1024, `a real-sized document (${document.getText().length} characters)`);
      }
    } finally {
      const ours = new Set(uris.map((u) => u.toString()));
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && ours.has(t.input.uri.toString()));
      await vscode.window.tabGroups.close(tabs);
      for (const uri of uris) {
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      }
    }

    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    console.log(`TIMING open-to-diagnostics median=${Math.round(median)} max=${Math.round(sorted[sorted.length - 1])}`);
    console.log(`  (${samples.length} documents of ~${TARGET_BYTES / 1024} KB, in ms: ${samples.map((s) => Math.round(s)).join(', ')})`);
  });
});
