// Set-up shared by `npm start` and `npm test`: only Node built-ins, because it runs
// before the project's dependencies are installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Print one clear line and stop. */
export function fail(line) {
  console.error(`✘ ${line}`);
  process.exit(1);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 16)) {
    fail(`Node ${process.versions.node} is too old: install Node 20.16 or newer.`);
  }
}

/** Installs the locked dependencies when node_modules is missing or was installed from another lock. */
export function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.hd-lock-hash');
  const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (have === want) return;
  console.log('• Installing dependencies (npm ci; better-sqlite3 compiles from source, which takes a minute or two)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('npm ci failed (see above): check that the npm registry is reachable.');
  writeFileSync(stamp, want + '\n');
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Finds Chromium (CHROME_PATH first), installs Debian's package when it can, and exports CHROME_PATH. */
export function ensureChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) fail(`CHROME_PATH=${fromEnv} is not an executable Chromium: fix it or unset it.`);
    return fromEnv;
  }
  let found = CANDIDATES.find(executable);
  const canApt = process.getuid?.() === 0 && executable('/usr/bin/apt-get');
  if (!found && canApt) {
    console.log("• Chromium not found: installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    // fonts-noto-cjk: without a Korean font every screenshot of the widgets shows empty boxes.
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
    if (!install || install.status !== 0) fail('Installing chromium with apt-get failed: install it yourself (apt-get install -y chromium) or set CHROME_PATH.');
    found = CANDIDATES.find(executable);
  }
  if (!found) fail('Chromium is needed for the browser tests: install it (as root: apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome binary.');
  process.env.CHROME_PATH = found;
  return found;
}

/** Runs a command in the project root, inheriting output; returns its exit status. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
