/**
 * Staff tokens from the command line, on the server's own database (the admin's tool: whoever can
 * run this can read the data folder anyway):
 *
 *   npm run staff -- create "Kim Minji" [--note "forum team"]   prints the token ONCE
 *   npm run staff -- list
 *   npm run staff -- revoke <id>
 *
 * The database is the one the server uses: HD_DB_PATH, else <HD_DATA_DIR or ./data>/hyeondap.db.
 * It must exist (start the server once). Safe while the server runs (SQLite WAL, busy timeout).
 * Each create and revoke is in the audit log as "admin (command line)".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from './db/database.ts';
import { recordCliAudit } from './model/audit.ts';
import { createStaff, listStaff, revokeStaff } from './model/staff.ts';
import { ProblemError } from './http/problem.ts';

const USAGE = `usage: npm run staff -- create "<name>" [--note "<note>"] | list | revoke <id>`;

function dbPath(): string {
  const dataDir = resolve(process.env.HD_DATA_DIR || './data');
  return process.env.HD_DB_PATH || join(dataDir, 'hyeondap.db');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const path = dbPath();
  if (path === ':memory:' || !existsSync(path)) {
    console.error(`staff: no database at ${path} (start the server once, or set HD_DB_PATH / HD_DATA_DIR)`);
    return 2;
  }
  const database = await openDatabase(path);
  try {
    const now = new Date();
    if (command === 'create') {
      const noteAt = rest.indexOf('--note');
      const note = noteAt >= 0 ? rest[noteAt + 1] : undefined;
      const name = rest.filter((_, i) => noteAt < 0 || (i !== noteAt && i !== noteAt + 1)).join(' ').trim();
      if (!name || name.length > 50 || (note !== undefined && note.length > 200)) {
        console.error(`staff: give a name (1–50 characters) and at most a 200-character note\n${USAGE}`);
        return 2;
      }
      const staff = await database.db.transaction().execute(async (trx) => {
        const s = await createStaff(trx, { name, note }, now);
        await recordCliAudit(trx, { operation: 'createStaffToken', command: 'staff create', resource: `staff:${s.id}`, summary: 'staff token issued', at: now });
        return s;
      });
      console.log(`Staff token for ${staff.name} (id ${staff.id}) — shown only this once; hand it over privately:\n\n  ${staff.token}\n`);
      return 0;
    }
    if (command === 'list') {
      const { items } = await listStaff(database.db, 0, 1000);
      if (!items.length) console.log('No staff tokens yet.');
      for (const s of items) {
        console.log(`${s.id}  ${s.revokedAt ? `revoked ${s.revokedAt}` : 'active'.padEnd(32)}  ${s.name}${s.note ? `  (${s.note})` : ''}`);
      }
      return 0;
    }
    const id = rest[0];
    if (!id || rest.length !== 1) {
      console.error(USAGE);
      return 2;
    }
    const { member, changed } = await database.db.transaction().execute(async (trx) => {
      const r = await revokeStaff(trx, id, now);
      await recordCliAudit(trx, { operation: 'revokeStaffToken', command: 'staff revoke', resource: `staff:${id}`, summary: r.changed ? 'staff token revoked' : 'staff token was already revoked', at: now });
      return r;
    });
    console.log(changed ? `Revoked the staff token of ${member.name} (${member.id}).` : `The staff token of ${member.name} (${member.id}) was already revoked.`);
    return 0;
  } catch (err) {
    if (err instanceof ProblemError && err.code === 'not-found') {
      console.error(`staff: no staff member with that id (see: npm run staff -- list)`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`staff: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
