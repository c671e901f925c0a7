/** Time-boxed voting rounds close by themselves: mark them closed and tell live clients. */
import type { Deps } from '../context.ts';
import type { LiveEvent } from '../live/fanout.ts';
import { loadForumRow, toForum } from './forum.ts';

export async function closeExpiredRounds(deps: Deps): Promise<void> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const pending: LiveEvent[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('forums')
      .select('id')
      .where('voting_open', '=', 1)
      .where('voting_closes_at', 'is not', null)
      .where('voting_closes_at', '<=', nowIso)
      .execute();
    for (const { id } of due) {
      await trx.updateTable('forums').set({ voting_open: 0, updated_at: nowIso }).where('id', '=', id).execute();
      const row = await loadForumRow(trx, id);
      pending.push(await deps.events.append(trx, id, 'forum.updated', toForum(row, now), now));
    }
  });
  deps.events.publish(pending);
}
