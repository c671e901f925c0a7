// What every end-to-end test needs: the server started the way `npm start` runs it (the built
// widgets, a fresh data directory, the demo seed), stopped cleanly, and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const root = join(import.meta.dirname, '..', '..');

/** The server's `HD_READY` line. */
export interface Ready {
  url: string;
  apiBase: string;
  adminToken: string;
  demo: { liveForumId: string; joinCode: string; facilitatorToken: string; openForumId: string } | null;
}

export interface Started {
  child: ChildProcess;
  ready: Ready;
  /** Everything the server printed so far. */
  output: () => string;
}

/**
 * Starts `server/main.ts --ready-json` on a random port with `dataDir` (or another command that
 * prints an `HD_READY {json}` line, given as `args` to node), and resolves once it is ready.
 */
export function startMain(dataDir: string, options: { env?: Record<string, string>; args?: string[] } = {}): Promise<Started> {
  const args = options.args ?? [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'main.ts'), '--ready-json'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HD_DATA_DIR: dataDir, HD_ADMIN_TOKEN: '', HD_SEED: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('HD_READY '));
      if (line) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line.slice('HD_READY '.length)) as Ready, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

/** Stops a server started by `startMain` (SIGTERM: it closes its streams and database). */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Headless Debian Chromium (CHROME_PATH when set) with the flags this machine needs. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-extensions',
      ...extraArgs,
    ],
  });
}
