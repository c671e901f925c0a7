import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { init } from './migrations/0001_init.ts';
import { personalData } from './migrations/0002_personal_data.ts';
import { registrationCounts } from './migrations/0003_registration_counts.ts';
import { participantKeys } from './migrations/0004_participant_keys.ts';

/** Every migration, in order. Add new ones here (static list: no folder scan, bundler-safe). */
export const migrations: Record<string, Migration> = {
  '0001_init': init,
  '0002_personal_data': personalData,
  '0003_registration_counts': registrationCounts,
  '0004_participant_keys': participantKeys,
};

const provider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

/** Bring the database to the newest schema. Throws when a migration fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
