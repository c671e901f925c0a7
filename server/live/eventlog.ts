/**
 * The durable event log: every change appends a row in the same transaction as the change;
 * after commit the rows are fanned out. Pruned per forum (keep the newest `retainPerForum`
 * events and nothing older than `retainMs`); the highest pruned id per forum is kept in
 * `meta` (`events_floor:<forumId>`) so a client resuming from before it gets a `reset`.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Fanout, LiveEvent } from './fanout.ts';

export interface EventLogOptions {
  retainPerForum?: number;
  retainMs?: number;
}

export class EventLog {
  readonly #db: Kysely<DB>;
  readonly #fanout: Fanout;
  readonly retainPerForum: number;
  readonly retainMs: number;
  readonly #appendsSincePrune = new Map<string, number>();

  constructor(db: Kysely<DB>, fanout: Fanout, opts: EventLogOptions = {}) {
    this.#db = db;
    this.#fanout = fanout;
    this.retainPerForum = Math.max(1, opts.retainPerForum ?? 5000);
    this.retainMs = opts.retainMs ?? 24 * 3600 * 1000;
  }

  /** Append inside `trx`; the returned event must be published only after the commit. */
  async append(trx: Transaction<DB>, forumId: string, type: LiveEvent['type'], data: Record<string, unknown>, at: Date, audience?: LiveEvent['audience']): Promise<LiveEvent> {
    const atIso = at.toISOString();
    const row = await trx
      .insertInto('events')
      .values({ forum_id: forumId, type, data: JSON.stringify(data), at: atIso, audience: audience ?? 'public' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // prune now and then, inside the same transaction (so it is done when the write returns)
    const n = (this.#appendsSincePrune.get(forumId) ?? 0) + 1;
    if (n >= Math.max(1, Math.floor(this.retainPerForum / 10))) {
      this.#appendsSincePrune.set(forumId, 0);
      await this.#prune(trx, forumId, at);
    } else {
      this.#appendsSincePrune.set(forumId, n);
    }
    return { id: String(row.id), type, forumId, at: atIso, data, ...(audience ? { audience } : {}) };
  }

  /** Fan committed events out (call after the commit). */
  publish(events: readonly LiveEvent[]): void {
    for (const e of events) this.#fanout.publish(e.forumId, e);
  }

  /** Events of the forum with id > afterId, oldest first. */
  async since(forumId: string, afterId: number, db: Kysely<DB> = this.#db): Promise<LiveEvent[]> {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('id', '>', afterId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      type: r.type as LiveEvent['type'],
      forumId: r.forum_id,
      at: r.at,
      data: JSON.parse(r.data),
      ...(r.audience === 'staff' ? { audience: 'staff' as const } : {}),
    }));
  }

  /** The newest event id of the forum (0 when none). */
  async newestId(forumId: string, db: Kysely<DB> = this.#db): Promise<number> {
    const r = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).where('forum_id', '=', forumId).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /** The newest event id of any forum (0 when none): ids above it were never issued. */
  async globalNewestId(db: Kysely<DB> = this.#db): Promise<number> {
    const r = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /** Highest pruned id of the forum (0 when nothing was pruned). */
  async floor(forumId: string, db: Kysely<DB> = this.#db): Promise<number> {
    const r = await db.selectFrom('meta').select('value').where('key', '=', `events_floor:${forumId}`).executeTakeFirst();
    return r ? Number(r.value) : 0;
  }

  async pruneForum(forumId: string, now = new Date()): Promise<void> {
    await this.#db.transaction().execute((trx) => this.#prune(trx, forumId, now));
  }

  async #prune(trx: Transaction<DB>, forumId: string, now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - this.retainMs).toISOString();
    const keepFrom = await trx
      .selectFrom('events')
      .select('id')
      .where('forum_id', '=', forumId)
      .orderBy('id', 'desc')
      .offset(this.retainPerForum - 1)
      .limit(1)
      .executeTakeFirst();
    const byAge = await trx
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('m'))
      .where('forum_id', '=', forumId)
      .where('at', '<', cutoff)
      .executeTakeFirst();
    const upTo = Math.max(keepFrom ? keepFrom.id - 1 : 0, Number(byAge?.m ?? 0));
    if (upTo <= 0) return;
    const del = await trx.deleteFrom('events').where('forum_id', '=', forumId).where('id', '<=', upTo).executeTakeFirst();
    if (Number(del.numDeletedRows) === 0) return;
    const key = `events_floor:${forumId}`;
    await trx
      .insertInto('meta')
      .values({ key, value: String(upTo) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`excluded.value` }))
      .execute();
  }

  /** Prune every forum (periodic maintenance). */
  async pruneAll(): Promise<void> {
    const forums = await this.#db.selectFrom('events').select('forum_id').distinct().execute();
    for (const f of forums) await this.pruneForum(f.forum_id);
  }
}
