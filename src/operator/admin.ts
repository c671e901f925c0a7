/**
 * The contract's admin writes the operator tools make, on a backend's shared `ApiClient` with the
 * operator's token given per call (the registry keeps no client holding it). Every write carries
 * an `Idempotency-Key`, so the client may repeat it after a network failure; a write the operator
 * sends again unchanged (the same body, after an error) reuses its key, so a forum is created once
 * and an answer recorded once however often "save" is pressed. After each write the backend's
 * cached reads of the forum are marked stale (the public widgets on the page refetch them).
 *
 * Lives outside `src/api/` on purpose: that folder is in the foundation chunk every public widget
 * loads, and these calls are only for the operator tools (their own chunk).
 */
import type { ApiClient, HttpMethod } from '../api/client.js';
import { newIdempotencyKey } from '../api/client.js';
import type { BodyOf, ForumAdmin, ForumResult, Proposal, SignupForm } from '../api/types.js';

export type ForumInput = BodyOf<'createForum'>;
export type ForumPatch = BodyOf<'updateForum'>;
export type StatusMove = BodyOf<'setForumStatus'>['status'];
export type QuestionsInput = BodyOf<'putSignupForm'>;
export type ResultInput = BodyOf<'publishResults'>;
export type ResponseInput = BodyOf<'respondToProposal'>;

const enc = encodeURIComponent;

/** The last key per logical write ("create a forum", "answer proposal p1"), with the body it went with. */
const keys = new Map<string, { body: string; key: string }>();

/** The Idempotency-Key for this write: the previous one when the same body is sent again. */
function keyFor(scope: string, body: unknown): string {
  const text = JSON.stringify(body);
  const last = keys.get(scope);
  if (last && last.body === text) return last.key;
  const key = newIdempotencyKey();
  keys.set(scope, { body: text, key });
  return key;
}

export class AdminApi {
  readonly #client: ApiClient;
  readonly #token: string;

  constructor(client: ApiClient, token: string) {
    this.#client = client;
    this.#token = token;
  }

  async #write<T>(scope: string, method: HttpMethod, path: string, body: unknown, forumId?: string): Promise<T> {
    const idempotencyKey = keyFor(`${this.#client.baseUrl} ${scope}`, body);
    const res = await this.#client.request<T>({ method, path, body, token: this.#token, idempotencyKey });
    keys.delete(`${this.#client.baseUrl} ${scope}`); // done: the next save is a new write
    if (forumId) this.#client.invalidateForum(forumId);
    return res.data;
  }

  async createForum(input: ForumInput): Promise<ForumAdmin> {
    const forum = await this.#write<ForumAdmin>('create-forum', 'POST', '/forums', input);
    this.#client.invalidateForum(forum.id);
    return forum;
  }

  updateForum(forumId: string, patch: ForumPatch): Promise<ForumAdmin> {
    return this.#write(`forum ${forumId}`, 'PATCH', `/forums/${enc(forumId)}`, patch, forumId);
  }

  setStatus(forumId: string, status: StatusMove): Promise<ForumAdmin> {
    return this.#write(`status ${forumId}`, 'POST', `/forums/${enc(forumId)}/status`, { status }, forumId);
  }

  putQuestions(forumId: string, input: QuestionsInput): Promise<SignupForm> {
    return this.#write(`questions ${forumId}`, 'PUT', `/forums/${enc(forumId)}/signup-form`, input, forumId);
  }

  publishResults(forumId: string, input: ResultInput): Promise<ForumResult> {
    return this.#write(`results ${forumId}`, 'PUT', `/forums/${enc(forumId)}/results`, input, forumId);
  }

  respond(forumId: string, proposalId: string, input: ResponseInput): Promise<Proposal> {
    return this.#write(`response ${forumId} ${proposalId}`, 'PUT', `/forums/${enc(forumId)}/proposals/${enc(proposalId)}/response`, input, forumId);
  }
}
