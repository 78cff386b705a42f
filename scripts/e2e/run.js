// End-to-end run in a real VS Code (code-server 4.139.1 = VS Code 1.139.1) driven by Debian's
// chromium through playwright-core; see shared E2E.md. Steps: type-check/compile the suite,
// bundle and package the .vsix, install it into a throw-away extensions folder, start
// code-server on a free loopback port, open a copy of test/e2e/workspace with the smoke-test
// payload, relay the suite's console, take screenshots it asks for, exit with its code.
//
//   node scripts/e2e/run.js [--grep PATTERN] [--keep] [--bench]     (after scripts/e2e/setup.sh)
//
// --bench runs the suite's measurements (*.bench.js) instead of its tests.
//
// Exit codes: 0 the suite passed; 1 it failed, hung after starting, or the project did not
// build; 3 this machine could not bring the real VS Code up (tools not installable, code-server
// or chromium not starting, the workbench never starting the suite): .ci/run reports that
// loudly and lets the other two test levels decide.
//
// Screenshots: a suite line `SCREENSHOT <name>` makes the runner write
// test-artifacts/<name>.png (atomically, by rename); the suite waits for that file to appear.
// Typing into a quick pick: a suite line `QUICKPICK {"type":"…","press":"Enter"}` makes the
// runner wait until a quick input is visible (holding the text `when`, if given), then type and
// press keys as a person would. `ANSWER {"name":"…","choose":"Export Anyway"}` waits for a quick
// pick, writes its title to test-artifacts/<name>.question.txt (by rename), types the item's label
// and presses Enter. `CLICKPREVIEW {"line":N}` clicks the preview's block that starts on source line N.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { format } = require('util');
const tools = require('./tools');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const KEEP = args.includes('--keep');
const BENCH = args.includes('--bench');
const GREP = option('--grep') ?? process.env.OUTCOME_E2E_GREP ?? '';
const ARTIFACTS = path.join(tools.ROOT, 'test-artifacts');
const SUITE_INDEX = path.join(tools.ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const WORKSPACE_SOURCE = path.join(tools.ROOT, 'test', 'e2e', 'workspace');
const TOTAL_TIMEOUT_MS = Number(process.env.OUTCOME_E2E_TOTAL_TIMEOUT ?? 10 * 60 * 1000);
/** From opening the workbench to the suite's first line. */
const START_TIMEOUT_MS = 5 * 60 * 1000;
/** Installing the tools from cold takes 4-6 minutes here. */
const SETUP_TIMEOUT_MS = 30 * 60 * 1000;
const ENVIRONMENT_UNAVAILABLE = 3;

/** The machine, not the project, stopped the run. */
class EnvironmentError extends Error {}

/** Runs a step that depends on the machine; its failure is an EnvironmentError. */
async function environment(what, promise) {
  try {
    return await promise;
  } catch (e) {
    throw new EnvironmentError(`${what}: ${e.message}`);
  }
}

// Workbench messages that only say this machine is offline or that the web build lacks a service.
const NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /authentication provider 'github'/,
  /^\[(AccountPolicyGate|AgentHost:remote|Service Worker|reconnection-grace-time)\]/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
];

const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[e2e ${stamp()}] ${msg}`);

async function main() {
  // setup.sh checks every tool (about a second when all are there) and installs what is missing.
  await environment('installing the end-to-end tools (scripts/e2e/setup.sh)', tools.run('bash', [path.join(__dirname, 'setup.sh')], { timeoutMs: SETUP_TIMEOUT_MS }));

  // Stale compiled tests of deleted sources would still be picked up by the suite's index.
  fs.rmSync(path.join(tools.ROOT, 'out', 'test', 'e2e'), { recursive: true, force: true });
  log('compiling (tsc -p .)');
  await tools.run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
  if (!fs.existsSync(SUITE_INDEX)) throw new Error(`the suite was not compiled to ${SUITE_INDEX}`);

  log('bundling and packaging the .vsix');
  const vsix = await tools.buildVsix();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-e2e-'));
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    xdg: path.join(tmp, 'xdg'),
    browser: path.join(tmp, 'browser'),
    workspace: path.join(tmp, 'workspace'),
  };
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  fs.cpSync(WORKSPACE_SOURCE, dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(tools.CLEAN_USER_SETTINGS, null, 2));
  // The export check of npm test keeps its rendered pages in test-artifacts/export: left alone.
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const entry of fs.readdirSync(ARTIFACTS)) if (entry !== 'export') fs.rmSync(path.join(ARTIFACTS, entry), { recursive: true, force: true });

  // XDG dirs keep code-server from writing a config (with a password) into $HOME.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    PATH: `${path.dirname(tools.NODE24)}${path.delimiter}${process.env.PATH}`,
  };

  log(`installing ${path.basename(vsix)}`);
  await tools.installVsix(vsix, dirs.extensions, env);
  const installed = fs.readdirSync(dirs.extensions).find((d) => d.toLowerCase().startsWith(tools.EXTENSION_ID.toLowerCase()));
  if (!installed) throw new Error(`${tools.EXTENSION_ID} was not installed into ${dirs.extensions}`);
  // The suite runs against the unpacked .vsix itself: the development path *is* the installed copy.
  const extensionPath = path.join(dirs.extensions, installed);

  const cleanups = [];
  const cleanup = async () => {
    // Each step is bounded: a wedged browser must not keep the run (and CI) waiting.
    for (const c of cleanups.reverse()) await withTimeout(c(), 20000).catch((e) => log(`cleanup: ${e.message}`));
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  };

  try {
    const port = await tools.freePort();
    const serverLog = fs.createWriteStream(path.join(ARTIFACTS, 'code-server.log'));
    const server = spawn(
      tools.NODE24,
      tools.codeServerArgs(port, dirs.userData, dirs.extensions, ['--vscode-option', 'enable-smoke-test-driver']),
      { env, cwd: dirs.workspace, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // code-server runs in a process group of its own: if this runner is ended, end it too.
    for (const signal of ['SIGTERM', 'SIGINT']) {
      process.once(signal, () => {
        try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
        process.exit(1);
      });
    }
    server.stdout.pipe(serverLog);
    server.stderr.pipe(serverLog);
    cleanups.push(() => killGroup(server));
    log(`starting code-server on 127.0.0.1:${port}`);
    await environment('starting code-server', tools.waitForHealthz(port, server, 60000));

    const { chromium } = require('playwright-core');
    log('launching chromium');
    const context = await environment('launching chromium', chromium.launchPersistentContext(dirs.browser, {
      executablePath: tools.CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    }));
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const pageLog = fs.createWriteStream(path.join(ARTIFACTS, 'browser-console.log'));
    page.on('console', (m) => pageLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => pageLog.write(`[pageerror] ${e.message}\n`));

    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    // Screenshots are taken one at a time, in the order the suite asks for them.
    let shots = Promise.resolve();
    let summary;
    let markStarted;
    const started = new Promise((r) => (markStarted = r));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      // The workbench's own console comes this way too; offline noise goes to the log file only.
      if (NOISE.some((n) => n.test(line))) return pageLog.write(`[${type}] ${line}\n`);
      process.stdout.write(`${line}\n`);
      if (line === 'e2e: suite started') markStarted();
      if (/^e2e: \d+ passed, \d+ failed/.test(line)) summary = line;
      const m = /^SCREENSHOT ([\w.-]+)\s*$/.exec(line);
      if (m) shots = shots.then(() => takeScreenshot(page, m[1])).catch((e) => log(`screenshot ${m[1]} failed: ${e.message}`));
      const keys = /^QUICKPICK (\{.*\})\s*$/.exec(line);
      if (keys) shots = shots.then(() => typeInQuickPick(page, JSON.parse(keys[1]))).catch((e) => log(`typing into the quick pick failed: ${e.message}`));
      const answer = /^ANSWER (\{.*\})\s*$/.exec(line);
      if (answer) shots = shots.then(() => answerQuestion(page, JSON.parse(answer[1]))).catch((e) => log(`answering the question failed: ${e.message}`));
      const click = /^CLICKPREVIEW (\{.*\})\s*$/.exec(line);
      if (click) shots = shots.then(() => clickPreview(page, JSON.parse(click[1]))).catch((e) => log(`clicking the preview failed: ${e.message}`));
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const extensionEnvironment = {
      OUTCOME_E2E_ARTIFACTS: ARTIFACTS,
      ...(GREP ? { OUTCOME_E2E_GREP: GREP } : {}),
      ...(BENCH ? { OUTCOME_E2E_BENCH: '1' } : {}),
    };
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(SUITE_INDEX)],
      ['extensionEnvironment', JSON.stringify(extensionEnvironment)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(remote(dirs.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log('opening the workbench; the suite starts when the extension host is up');
    await environment('opening the workbench', page.goto(url));
    let startTimer;
    const notStarted = new Promise((r) => (startTimer = setTimeout(() => r('not started'), START_TIMEOUT_MS)));
    const serverDied = new Promise((r) => server.once('exit', (c) => r(`code-server exited with ${c}`)));
    const start = await Promise.race([started, notStarted, serverDied]);
    clearTimeout(startTimer);
    if (typeof start === 'string') {
      await takeScreenshot(page, 'failure').catch(() => undefined);
      throw new EnvironmentError(`the workbench did not start the suite (${start === 'not started' ? `nothing within ${START_TIMEOUT_MS / 60000} min` : start}; see test-artifacts/)`);
    }

    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), TOTAL_TIMEOUT_MS)));
    const outcome = await Promise.race([exited, timedOut, serverDied]);
    clearTimeout(timer);
    await shots.catch(() => undefined);
    if (typeof outcome !== 'number') {
      await takeScreenshot(page, 'failure').catch(() => undefined);
      throw new Error(`the suite did not finish: ${outcome} (see test-artifacts/)`);
    }
    if (outcome !== 0) await takeScreenshot(page, 'failure').catch(() => undefined);
    log(`suite exit code ${outcome}`);
    return { code: outcome, summary };
  } finally {
    await cleanup();
  }
}

async function takeScreenshot(page, name) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  const partial = path.join(ARTIFACTS, `.${name}.png.partial`);
  await page.screenshot({ path: partial, type: 'png' });
  fs.renameSync(partial, file);
  log(`screenshot ${path.relative(tools.ROOT, file)}`);
}

/** Types into the quick input once it shows (its input focused), then presses a key. */
async function typeInQuickPick(page, { when, type = '', press }) {
  const widget = when ? page.locator('.quick-input-widget', { hasText: when }) : page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.focus();
  if (type) await page.keyboard.type(type, { delay: 30 });
  if (press) await page.keyboard.press(press);
  log(`typed ${JSON.stringify(type)}${press ? ` and ${press}` : ''} into the quick pick`);
}

/** Waits for a quick pick, writes down its title, chooses the item labelled `choose` (typed, then Enter). */
async function answerQuestion(page, { name, choose }) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  const title = (await widget.locator('.quick-input-title').innerText()).trim();
  const file = path.join(ARTIFACTS, `${name}.question.txt`);
  fs.writeFileSync(`${file}.partial`, title);
  fs.renameSync(`${file}.partial`, file);
  await input.focus();
  await page.keyboard.type(choose, { delay: 30 });
  await page.keyboard.press('Enter');
  log(`question "${title}": chose ${choose}`);
}

/** Clicks the preview block that starts on `line`: VS Code shows a webview in an iframe whose page is in the inner frame `active-frame`. */
async function clickPreview(page, { line }) {
  const block = page.frameLocator('iframe.webview').frameLocator('#active-frame').locator(`.blocks > .block[data-line="${Number(line)}"]`);
  await block.waitFor({ state: 'visible', timeout: 15000 });
  await block.click();
  log(`clicked the preview block of line ${line}`);
}

function withTimeout(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Ends code-server and everything it started (extension host, language server): its own process group. */
function killGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }
      resolve();
    });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { resolve(); }
  });
}

main().then(
  ({ code, summary }) => {
    log(code === 0 ? 'end-to-end suite passed' : 'end-to-end suite failed');
    if (summary) console.log(summary);
    process.exit(code);
  },
  (err) => {
    if (err instanceof EnvironmentError) {
      console.error(`[e2e ${stamp()}] END-TO-END ENVIRONMENT UNAVAILABLE: ${err.message}`);
      process.exit(ENVIRONMENT_UNAVAILABLE);
    }
    console.error(`[e2e ${stamp()}] ${err.stack || err.message}`);
    process.exit(1);
  },
);
