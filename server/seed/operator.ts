/**
 * The operator side of the demo: a demo staff token (the demo forums' tables are set up by the
 * seed itself, `demoTables` in load.ts, so the Storybook fake has them too).
 *
 * The token is returned once, to be printed once (like a generated admin token); only its hash is
 * stored. `npm run staff -- create "Name"` makes more.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordCliAudit } from '../model/audit.ts';
import { createStaff } from '../model/staff.ts';

export const DEMO_STAFF_NAME = '데모 운영진';

export async function seedOperator(db: Kysely<DB>, now: Date): Promise<{ staffToken: string; staffName: string }> {
  return db.transaction().execute(async (trx) => {
    const staff = await createStaff(trx, { name: DEMO_STAFF_NAME, note: 'npm start demo' }, now);
    await recordCliAudit(trx, { operation: 'createStaffToken', command: 'demo seed', resource: `staff:${staff.id}`, summary: 'demo staff token issued', at: now });
    return { staffToken: staff.token, staffName: staff.name };
  });
}
