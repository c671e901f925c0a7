/**
 * `Membership`: who writes on this wall from this device, and with which client. A participant
 * joins with the forum's join code at a table; the session (token, table) is kept on the device
 * per backend and forum, so a reload keeps the person and their dots. A facilitator writes with
 * the token given to the wall (or its provider). Holds the person's dots (`me`), which the
 * writer's part moves optimistically and the server's answers correct. State, not a lifecycle:
 * the wall and its parts ask it; it re-renders the wall when what it holds changes.
 */
import type { ApiClient } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { Forum } from '../../api/types.js';
import type { ApiController } from '../../controllers/api-controller.js';
import { loadOutbox, loadSession, saveSession, type StoredSession } from './storage.js';
import type { WallHost } from './wall-context.js';
import type { WallData } from './wall-data.js';

/** A participant's dots: the budget, how many are used, and how many on each idea. */
export interface MyVotes {
  budget: number;
  used: number;
  votes: Map<string, number>;
}

/** What belongs to one backend and forum. */
interface Scoped {
  key: string;
  session: StoredSession | undefined;
  /** Ideas wait in this device's outbox from an earlier visit. */
  queued: boolean;
  me: MyVotes | undefined;
}

export class Membership {
  readonly #host: WallHost;
  readonly #api: ApiController;
  readonly #data: WallData;
  #scoped: Scoped = { key: '', session: undefined, queued: false, me: undefined };
  /** A facilitator's own table (the default for posting on a table's behalf; 0: none). */
  facilitatorTable = 0;

  constructor(host: WallHost, api: ApiController, data: WallData) {
    this.#host = host;
    this.#api = api;
    this.#data = data;
  }

  get session(): StoredSession | undefined {
    return this.#current.session;
  }

  /** The person's dots (a joined participant), once known. */
  get me(): MyVotes | undefined {
    return this.#current.me;
  }

  set me(me: MyVotes | undefined) {
    this.#current.me = me;
  }

  /** Ideas wait in this device's outbox from an earlier visit. */
  get queued(): boolean {
    return this.#current.queued;
  }

  /** A client with the writer's token: the facilitator's, or the participant's session; none for a reader. */
  writer(): ApiClient | undefined {
    if (this.#data.facilitator) return this.#api.client;
    const session = this.session;
    return session ? this.#api.value?.withToken(session.token) : undefined;
  }

  /** Whether this wall has someone who writes (not on the projector): a writer, or ideas waiting to be sent. */
  get writes(): boolean {
    return this.#host.mode !== 'projector' && (!!this.writer() || this.queued);
  }

  /**
   * Joins the forum at a table. Resolves with the session (undefined when the backend or forum
   * changed meanwhile); rejects with the server's reason.
   */
  async join(code: string, table: number): Promise<StoredSession | undefined> {
    const value = this.#api.value;
    const forumId = this.#host.forumId;
    if (!value || !forumId) return undefined;
    const scoped = this.#current;
    const answer = await value.withToken(null).join(forumId, { joinCode: code.trim().toUpperCase(), table });
    if (scoped !== this.#current) return undefined;
    scoped.session = { token: answer.token, table: answer.table };
    saveSession(scoped.key, scoped.session);
    scoped.me = { budget: answer.voteBudget, used: answer.votesUsed, votes: new Map() };
    this.#host.requestUpdate();
    return scoped.session;
  }

  /**
   * Reads the writer's own state (a load does, alongside the forum): a participant's dots, a
   * facilitator's table. A session the server no longer knows is forgotten.
   */
  async refresh(signal?: AbortSignal): Promise<void> {
    const scoped = this.#current;
    const writer = (this.#host.mode === 'participant' && scoped.session) || this.#data.facilitator ? this.writer() : undefined;
    if (!writer) return;
    try {
      const me = await writer.me(this.#host.forumId, { signal });
      if (scoped !== this.#current) return;
      if (me.role === 'facilitator') this.facilitatorTable ||= me.table ?? 0;
      else scoped.me = { budget: me.voteBudget, used: me.votesUsed, votes: new Map(Object.entries(me.votes)) };
    } catch (error) {
      if (!(error instanceof ApiError && (error.status === 401 || error.status === 403))) throw error;
      saveSession(scoped.key, undefined);
      scoped.session = scoped.me = undefined;
    }
    this.#host.requestUpdate();
  }

  /** The forum changed: the person's budget follows it. */
  forumChanged(forum: Forum): void {
    const me = this.me;
    if (me) me.budget = forum.voteBudget;
  }

  /** The scope's state, read from the device again when the backend or the forum changed. */
  get #current(): Scoped {
    const key = this.#data.scope;
    if (key !== this.#scoped.key) {
      this.#scoped = { key, session: key ? loadSession(key) : undefined, queued: !!key && loadOutbox(key).length > 0, me: undefined };
    }
    return this.#scoped;
  }
}
