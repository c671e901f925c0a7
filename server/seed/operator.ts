/**
 * The operator side of the demo: tables set up for the check-in desk (seats shared out from the
 * capacity, table 1 accessible) on the demo's open and live forums, and a demo staff token.
 *
 * The staff token is returned once, to be printed once (like a generated admin token); only its
 * hash is stored. `npm run staff -- create "Name"` makes more.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordCliAudit } from '../model/audit.ts';
import { createStaff } from '../model/staff.ts';
import type { DemoInfo } from './types.ts';

export const DEMO_STAFF_NAME = '데모 운영진';

export async function seedOperator(db: Kysely<DB>, demo: DemoInfo, now: Date): Promise<{ staffToken: string; staffName: string }> {
  return db.transaction().execute(async (trx) => {
    for (const forumId of [demo.openForumId, demo.liveForumId]) {
      const forum = await trx.selectFrom('forums').select(['tables', 'capacity']).where('id', '=', forumId).executeTakeFirst();
      if (!forum || forum.tables === 0) continue;
      const seats = Math.max(4, Math.ceil(forum.capacity / forum.tables));
      for (let n = 1; n <= forum.tables; n++) {
        const accessible = n === 1 ? (1 as const) : (0 as const);
        await trx
          .insertInto('forum_tables')
          .values({ forum_id: forumId, number: n, topic: null, facilitator_name: null, seats, accessible })
          .onConflict((oc) => oc.columns(['forum_id', 'number']).doUpdateSet({ seats, accessible }))
          .execute();
      }
    }
    const staff = await createStaff(trx, { name: DEMO_STAFF_NAME, note: 'npm start demo' }, now);
    await recordCliAudit(trx, { operation: 'createStaffToken', command: 'demo seed', resource: `staff:${staff.id}`, summary: 'demo staff token issued', at: now });
    return { staffToken: staff.token, staffName: staff.name };
  });
}
