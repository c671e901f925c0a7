/**
 * What the wall keeps on the device, per backend and forum (localStorage):
 * - the participant session (token, table) so a reload keeps the person and their votes;
 * - the outbox: ideas written while offline, each with the Idempotency-Key of its one logical
 *   attempt, so sending it again after a reload can never post it twice.
 * Storage may be unavailable (private mode, a sandboxed iframe): then nothing persists.
 */
export interface StoredSession {
  token: string;
  table: number;
}

export interface QueuedIdea {
  key: string;
  text: string;
  table?: number;
  at: string;
}

const PREFIX = 'hd-idea-wall:';

function read<T>(name: string): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + name);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(name: string, value: unknown): void {
  try {
    if (value === undefined) globalThis.localStorage?.removeItem(PREFIX + name);
    else globalThis.localStorage?.setItem(PREFIX + name, JSON.stringify(value));
  } catch {
    // Full or unavailable: the wall still works for this visit.
  }
}

export const storeKey = (baseUrl: string, forumId: string) => `${baseUrl}|${forumId}`;

export function loadSession(scope: string): StoredSession | undefined {
  const s = read<StoredSession>(`session:${scope}`);
  return s && typeof s.token === 'string' && Number.isInteger(s.table) ? s : undefined;
}

export function saveSession(scope: string, session: StoredSession | undefined): void {
  write(`session:${scope}`, session);
}

export function loadOutbox(scope: string): QueuedIdea[] {
  const list = read<QueuedIdea[]>(`outbox:${scope}`);
  return Array.isArray(list) ? list.filter((q) => q && typeof q.key === 'string' && typeof q.text === 'string') : [];
}

export function saveOutbox(scope: string, list: readonly QueuedIdea[]): void {
  write(`outbox:${scope}`, list.length ? list : undefined);
}
