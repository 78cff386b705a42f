// npm start: a running VS Code (code-server, in the browser) with the packaged extension
// installed, opened on a fresh copy of example/ (in .tools/start/example, made anew at each
// start, so trying the quick fixes never changes the repository). For trying the extension on a
// machine without desktop VS Code.
//
//   npm start [-- --port 8080] [-- --folder DIR]     (--folder opens DIR itself)
//
// First run fills .tools/ (Node 24, code-server, vsce, chromium via apt: a few minutes);
// later runs start in seconds. State (settings, installed extension) lives in .tools/start/.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const tools = require('./e2e/tools');
const { workspaceFolder } = require('./startFolder');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

async function isFree(port) {
  return new Promise((resolve) => {
    const srv = require('net').createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Adds the clean-workbench settings the user has not set; leaves a file it cannot parse alone. */
function writeDefaultSettings(file) {
  let current = {};
  if (fs.existsSync(file)) {
    try {
      current = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return;
    }
  }
  fs.writeFileSync(file, JSON.stringify({ ...tools.CLEAN_USER_SETTINGS, ...current }, null, 2));
}

async function main() {
  const state = path.join(tools.TOOLS, 'start');
  const wanted = Number(option('--port') ?? process.env.PORT ?? 8080);

  await tools.ensureTools({ codeServer: true });
  console.log('[start] bundling and packaging the extension');
  const vsix = await tools.buildVsix({ quiet: true });
  const folder = workspaceFolder(path.join(tools.ROOT, 'example'), state, option('--folder'));

  const userData = path.join(state, 'user-data');
  const extensions = path.join(state, 'extensions');
  const settings = path.join(userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  writeDefaultSettings(settings);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(state, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(state, 'xdg', 'data'),
    PATH: `${path.dirname(tools.NODE24)}${path.delimiter}${process.env.PATH}`,
  };
  await tools.installVsix(vsix, extensions, env);

  const port = (await isFree(wanted)) ? wanted : await tools.freePort();
  const server = spawn(tools.NODE24, [...tools.codeServerArgs(port, userData, extensions), folder], {
    env,
    detached: true, // its own process group, so stopping it also ends its helpers (file watcher, extension host)
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const serverLog = fs.createWriteStream(path.join(state, 'code-server.log'));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  const stop = () => killGroup('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    killGroup('SIGKILL');
    console.log(`[start] code-server stopped (${code ?? 'signal'}); its log: ${path.relative(tools.ROOT, serverLog.path)}`);
    process.exit(code ?? 0);
  });
  await tools.waitForHealthz(port, server, 60000);
  console.log('');
  console.log(`  Outcome Drafting is running in VS Code (code-server) on ${option('--folder') ? path.relative(process.cwd(), folder) || '.' : 'a fresh copy of example/'}`);
  console.log(`  Open  http://127.0.0.1:${port}/?folder=${encodeURI(folder)}`);
  console.log('  (from another machine: ssh -L ' + `${port}:127.0.0.1:${port}` + ' this-host, then the same address)');
  console.log('  Stop with Ctrl+C.');
  console.log('');
}

main().catch((err) => {
  console.error(`[start] ${err.message}`);
  process.exit(1);
});
