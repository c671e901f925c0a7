/**
 * The audit log: one append-only row per write made with the admin token or a staff token (and
 * per personal-data export, a read of personal data). Written inside the write's own transaction
 * (http/write.ts), so a refused or rolled-back write leaves no entry and a committed one always
 * has its entry; an idempotent replay is not a new write and adds none.
 *
 * What an entry holds: who (the staff member's name, or "admin"), the operation (the contract's
 * operationId), the forum and the resource (ids and registration codes), when, the HTTP status
 * and a short summary. Summaries are built here from chosen, non-personal values only (counts,
 * statuses, table numbers, field NAMES) — never a contact, a token, a name of a citizen or free
 * text someone typed. The table refuses UPDATE and DELETE (migration 0005): there is no path to
 * alter it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Principal } from '../http/auth.ts';

type Q = Kysely<DB>;
type Json = Record<string, unknown>;

/** Route (method + Hono route path under /api) → the contract's operationId, for every write operators make. */
export const AUDITED_ROUTES: Readonly<Record<string, string>> = {
  'POST /api/forums': 'createForum',
  'PATCH /api/forums/:forumId': 'updateForum',
  'POST /api/forums/:forumId/status': 'setForumStatus',
  'PUT /api/forums/:forumId/signup-form': 'putSignupForm',
  'POST /api/forums/:forumId/facilitators': 'createFacilitator',
  'PUT /api/forums/:forumId/voting': 'setVoting',
  'DELETE /api/forums/:forumId/participants/:participantId': 'revokeParticipant',
  'PATCH /api/forums/:forumId/ideas/:ideaId': 'moderateIdea',
  'POST /api/forums/:forumId/ideas/:ideaId/merge': 'mergeIdea',
  'PUT /api/forums/:forumId/results': 'publishResults',
  'PUT /api/forums/:forumId/proposals/:proposalId/response': 'respondToProposal',
  'POST /api/admin/personal-data/export': 'exportPersonalData',
  'POST /api/admin/personal-data/erase': 'erasePersonalData',
  'PUT /api/forums/:forumId/tables': 'putTables',
  'POST /api/forums/:forumId/seating': 'assignTables',
  'POST /api/forums/:forumId/registrations/:code/check-in': 'checkInRegistration',
  'DELETE /api/forums/:forumId/registrations/:code/check-in': 'undoCheckIn',
  'POST /api/forums/:forumId/registrations/:code/join-pass': 'issueJoinPass',
  'PUT /api/forums/:forumId/registrations/:code/table': 'seatRegistration',
  'POST /api/forums/:forumId/walk-ins': 'createWalkIn',
  'POST /api/admin/staff': 'createStaffToken',
  'DELETE /api/admin/staff/:staffId': 'revokeStaffToken',
};

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const keys = (v: unknown) => Object.keys(obj(v)).sort().join(', ');
const num = (v: unknown) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);

/** Summaries per operation, from the parsed input and the answer — chosen fields only. */
const SUMMARIES: Record<string, (input: unknown, body: Json) => string> = {
  createForum: (_i, b) => `forum created: capacity ${num(b.capacity)}, ${num(b.tables)} tables, join by ${b.joinMode === 'checkin' ? 'check-in' : 'code'}`,
  updateForum: (i) => `changed: ${keys(i)}`,
  setForumStatus: (_i, b) => `status → ${String(b.status)}`,
  putSignupForm: (_i, b) => `signup form: ${num(b.questions)} questions`,
  createFacilitator: (_i, b) => `facilitator token issued${typeof b.table === 'number' ? ` for table ${b.table}` : ''}`,
  revokeParticipant: (_i, b) => `participant revoked (table ${String(b.table)}, ${num(b.votesReleased)} dots released)`,
  setVoting: (_i, b) => (b.open ? `voting opened${b.closesAt ? ` until ${String(b.closesAt)}` : ''}` : 'voting closed'),
  moderateIdea: (i) => `moderated: ${keys(i)}`,
  mergeIdea: (_i, b) => `merged into idea:${String(b.id)}`,
  publishResults: (_i, b) => `results published: ${num(b.proposals)} proposals, attended ${num(obj(b.stats).attended)}`,
  respondToProposal: (_i, b) => `response: ${String(b.status)}`,
  exportPersonalData: (_i, b) => `exported ${num(b.registrations)} registrations`,
  erasePersonalData: (_i, b) => `erased ${num(b.erased)} registrations (${num(b.cancelled)} cancelled)`,
  putTables: (_i, b) => {
    const items = (b.items as { seats?: number | null; accessible?: boolean }[] | undefined) ?? [];
    return `${items.length} tables, ${items.reduce((s, t) => s + (t.seats ?? 0), 0)} seats, ${items.filter((t) => t.accessible).length} accessible`;
  },
  assignTables: (_i, b) => `seating ${String(b.mode)}: ${num(b.seated)} seated, ${num(b.cannotBeSeated)} cannot be seated, ${num(b.moved)} moved`,
  checkInRegistration: (_i, b) => (b.alreadyCheckedIn ? 'already checked in' : 'checked in'),
  undoCheckIn: () => 'check-in undone',
  issueJoinPass: () => 'join pass issued',
  seatRegistration: (_i, b) => (b.table === null ? 'seat removed' : `table → ${String(b.table)}${b.tablePinned ? ' (pinned)' : ''}`),
  createWalkIn: () => 'walk-in registered and checked in',
  createStaffToken: () => 'staff token issued',
  revokeStaffToken: () => 'staff token revoked',
};

/** The resource a write touched, from the route's parameters (or, for creations, the answer). */
function resourceOf(operation: string, params: Record<string, string>, body: Json): string | null {
  if (params.code) return `registration:${params.code.toUpperCase()}`;
  if (params.ideaId) return `idea:${params.ideaId}`;
  if (params.proposalId) return `proposal:${params.proposalId}`;
  if (params.participantId) return `participant:${params.participantId}`;
  if (params.staffId) return `staff:${params.staffId}`;
  if (operation === 'createWalkIn') return `registration:${String(obj(body.registration).code)}`;
  if (operation === 'createStaffToken') return `staff:${String(body.id)}`;
  if (operation === 'createFacilitator') return `facilitator:${String(body.facilitatorId)}`;
  return null;
}

export interface AuditRequest {
  method: string;
  /** Hono's route path (`/api/forums/:forumId/status`). */
  routePath: string;
  /** The request path as sent (ids and codes; tokens are never in a URL). */
  path: string;
  params: Record<string, string>;
}

export interface AuditWrite {
  who: Principal;
  request: AuditRequest;
  /** The parsed input (only field names and chosen values are read). */
  input: unknown;
  status: number;
  body: unknown;
  /** A summary the route made itself (replaces the default one). */
  summary?: string | null;
  at: Date;
}

const MAX_SUMMARY = 300;

/** Append the entry for one operator write (inside the write's transaction). */
export async function recordAudit(db: Q, w: AuditWrite): Promise<void> {
  const operation = AUDITED_ROUTES[`${w.request.method} ${w.request.routePath}`] ?? `${w.request.method} ${w.request.routePath}`;
  const body = obj(w.body);
  const summary = (w.summary ?? SUMMARIES[operation]?.(w.input, body) ?? '').slice(0, MAX_SUMMARY);
  let actor = 'admin';
  let staffId: string | null = null;
  if (w.who.kind === 'staff') {
    staffId = w.who.subjectId;
    const s = await db.selectFrom('staff').select('name').where('id', '=', staffId ?? '').executeTakeFirst();
    actor = s?.name ?? 'staff';
  }
  const forumId = w.request.params.forumId ?? (operation === 'createForum' && typeof body.id === 'string' ? body.id : null);
  await db
    .insertInto('audit_log')
    .values({
      at: w.at.toISOString(),
      actor_kind: w.who.kind === 'staff' ? 'staff' : 'admin',
      staff_id: staffId,
      actor,
      operation,
      method: w.request.method,
      path: w.request.path,
      forum_id: forumId,
      resource: resourceOf(operation, w.request.params, body),
      summary,
      status: w.status,
    })
    .execute();
}

/** An entry made outside HTTP (the staff command line), as the installation's admin. */
export async function recordCliAudit(db: Q, e: { operation: string; command: string; resource: string | null; summary: string; at: Date }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at.toISOString(),
      actor_kind: 'admin',
      staff_id: null,
      actor: 'admin (command line)',
      operation: e.operation,
      method: 'CLI',
      path: e.command,
      forum_id: null,
      resource: e.resource,
      summary: e.summary.slice(0, MAX_SUMMARY),
      status: 0,
    })
    .execute();
}

export interface AuditFilter {
  forumId?: string | undefined;
  staffId?: string | undefined;
}

type AuditRow = Awaited<ReturnType<typeof auditQuery>>[number];

function auditQuery(db: Q, f: AuditFilter, beforeId: number, limit: number) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.forumId) q = q.where('forum_id', '=', f.forumId);
  if (f.staffId) q = q.where('staff_id', '=', f.staffId);
  if (beforeId > 0) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export function toAuditEntry(r: AuditRow) {
  return {
    id: String(r.id),
    at: r.at,
    actor: r.actor,
    actorKind: r.actor_kind,
    staffId: r.staff_id,
    operation: r.operation,
    method: r.method,
    path: r.path,
    forumId: r.forum_id,
    resource: r.resource,
    summary: r.summary,
    status: r.status,
  };
}

/**
 * One page, newest first. The cursor is the id below which to continue (keyset, so entries
 * appended while someone pages do not shift the pages).
 */
export async function listAudit(db: Q, f: AuditFilter, beforeId: number, limit: number) {
  const rows = await auditQuery(db, f, beforeId, limit + 1);
  const items = rows.slice(0, limit).map(toAuditEntry);
  return { items, next: rows.length > limit ? rows[limit - 1]!.id : null };
}

/** Every entry matching the filter, newest first (read in pages of 1,000). */
export async function* allAudit(db: Q, f: AuditFilter): AsyncGenerator<ReturnType<typeof toAuditEntry>> {
  let before = 0;
  for (;;) {
    const rows = await auditQuery(db, f, before, 1000);
    for (const r of rows) yield toAuditEntry(r);
    if (rows.length < 1000) return;
    before = rows[rows.length - 1]!.id;
  }
}
