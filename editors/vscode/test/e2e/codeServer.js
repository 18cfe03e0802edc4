// Starts code-server (a real VS Code, served to a browser) on 127.0.0.1 with
// the freshly packaged .vsix installed, in folders of its own, and drives
// it with puppeteer-core in Debian's chromium.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const extensionDir = path.resolve(__dirname, '../..');
const repository = path.resolve(extensionDir, '../..');
/** Where failures leave their screenshots and code-server its log (ignored by git). */
const artifacts = path.join(extensionDir, '.e2e');

/** The code-server executable test/e2e/install put in place. */
function codeServerBin() {
  const bin = path.join(repository, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} is missing: run editors/vscode/test/e2e/install first`);
  }
  return bin;
}

/** The one .vsix `npm run package` wrote. */
function packagedVsix() {
  const found = fs.readdirSync(extensionDir).filter((f) => /^transcript-ls-.+\.vsix$/.test(f));
  if (found.length !== 1) {
    throw new Error(`expected one transcript-ls-TARGET.vsix in ${extensionDir} (npm run package), found: ${found.join(', ') || 'none'}`);
  }
  return path.join(extensionDir, found[0]);
}

function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) {
      return candidate;
    }
  }
  throw new Error('no chromium: apt-get install chromium (or set CHROMIUM to its path)');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode} before serving`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * A code-server with the extension installed, serving `workspace` (a
 * folder this makes: `files` maps names to contents) with `settings` as the
 * user's settings.json. Returns the browser page showing it and what
 * stops it all.
 */
async function launch({ files, settings }) {
  fs.mkdirSync(artifacts, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-e2e-'));
  const userData = path.join(scratch, 'user-data');
  const extensions = path.join(scratch, 'extensions');
  const workspace = path.join(scratch, 'workspace');
  const settingsFile = path.join(userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.mkdirSync(workspace);
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(workspace, name), text);
  }
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const config = path.join(scratch, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');

  const bin = codeServerBin();
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  execFileSync(bin, [...common, '--install-extension', packagedVsix()], { stdio: 'pipe' });

  const port = await freePort();
  const log = fs.openSync(path.join(artifacts, 'code-server.log'), 'w');
  const child = spawn(
    bin,
    [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
    // transcript-ls on PATH must not stand in for the bundled server.
    { stdio: ['ignore', log, log], env: { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' } },
  );
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, 30_000);

  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    // As root, chromium runs only without its sandbox.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1600,1000'],
    defaultViewport: { width: 1600, height: 1000 },
  });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  return {
    page,
    workspace,
    settingsFile,
    userData,
    async stop() {
      await browser.close().catch(() => {});
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
        } else {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }
      });
      fs.closeSync(log);
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

module.exports = { artifacts, launch, repository };
