/** The reference server the test runner started (see web-test-runner.config.mjs). */
export interface DemoInfo {
  apiBase: string;
  adminToken: string;
  demo: { liveForumId: string; joinCode: string; facilitatorToken: string; openForumId: string };
}

let info: Promise<DemoInfo> | undefined;

export function demoInfo(): Promise<DemoInfo> {
  info ??= fetch('/__hd/demo.json').then(async (res) => {
    if (!res.ok) throw new Error(`reference server unavailable: ${res.status} ${await res.text()}`);
    return (await res.json()) as DemoInfo;
  });
  return info;
}

/** A raw admin call (outside the client under test). */
export async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const { apiBase, adminToken } = await demoInfo();
  const res = await fetch(apiBase + path, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until `check` returns a truthy value (bounded). */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
