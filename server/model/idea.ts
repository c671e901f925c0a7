/** Idea rows → the contract's Idea, with vote counts. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, IdeasTable } from '../db/schema.ts';
import { ProblemError } from '../http/problem.ts';

type Q = Kysely<DB>;
export type IdeaRow = Selectable<IdeasTable> & { votes: number | string | null };

export function ideaQuery(db: Q) {
  return db
    .selectFrom('ideas')
    .selectAll('ideas')
    .select((eb) =>
      eb
        .selectFrom('votes')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('votes.idea_id', '=', 'ideas.id')
        .as('votes'),
    );
}

export function toIdea(r: IdeaRow) {
  return {
    id: r.id,
    forumId: r.forum_id,
    text: r.text,
    table: r.table_number,
    category: r.category,
    votes: Number(r.votes ?? 0),
    status: r.status,
    mergedInto: r.merged_into,
    pinned: r.pinned === 1,
    promoted: r.promoted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadIdea(db: Q, forumId: string, ideaId: string): Promise<IdeaRow> {
  const r = (await ideaQuery(db).where('ideas.id', '=', ideaId).where('ideas.forum_id', '=', forumId).executeTakeFirst()) as IdeaRow | undefined;
  if (!r) throw new ProblemError('not-found', 'No such idea in this forum.');
  return r;
}

/** The ids of the forum's ideas hidden now (a public replay of the event stream leaves their text out). */
export async function hiddenIdeaIds(db: Q, forumId: string): Promise<ReadonlySet<string>> {
  const rows = await db.selectFrom('ideas').select('id').where('forum_id', '=', forumId).where('status', '=', 'hidden').execute();
  return new Set(rows.map((r) => r.id));
}

export async function ideaVotes(db: Q, ideaId: string): Promise<number> {
  const r = await db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).where('idea_id', '=', ideaId).executeTakeFirst();
  return Number(r?.n ?? 0);
}
