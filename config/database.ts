import { migrate } from '../store/migrate';
import { createDb, type Db } from '../store/pool';
import { grantApplicationRole, roleStanding } from '../store/roles';
import type { Config } from './config';
import { redactUrl, startupStep } from './startup';

/**
 * Brings the schema up to date before the application uses `db` (its own role). With
 * DATABASE_OWNER_URL, the owner migrates and grants the application's role only what it needs
 * (INSERT and SELECT on the timeline); without it, the application migrates as it always did,
 * as the owner, and the answer says so. Returns warnings to show at start.
 */
export async function prepareDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_OWNER_URL'>,
  db: Db,
  step: <T>(message: string, work: () => Promise<T>) => Promise<T> = startupStep,
): Promise<string[]> {
  if (!config.DATABASE_OWNER_URL) {
    await step('database migration failed', () => migrate(db));
    return standingWarnings(await roleStanding(db), false);
  }
  const appRole = (await roleStanding(db)).role;
  const owner = createDb({
    connectionString: config.DATABASE_OWNER_URL,
    max: 1,
    applicationName: 'duban-migrate',
  });
  try {
    await step(
      `cannot reach the database at DATABASE_OWNER_URL=${redactUrl(config.DATABASE_OWNER_URL)}`,
      () => owner.ping(),
    );
    await step('database migration failed (as DATABASE_OWNER_URL)', () => migrate(owner));
    const ownerRole = (await roleStanding(owner)).role;
    if (ownerRole !== appRole)
      await step(`cannot grant the application role ${appRole} its privileges`, () =>
        grantApplicationRole(owner, appRole),
      );
  } finally {
    await owner.close();
  }
  return standingWarnings(await roleStanding(db), true);
}

function standingWarnings(
  s: { role: string; superuser: boolean; ownsTimeline: boolean; canRewriteTimeline: boolean },
  ownerGiven: boolean,
): string[] {
  if (s.superuser)
    return [
      `the application connects as ${s.role}, a superuser: anyone with DATABASE_URL can rewrite the timeline (set DATABASE_URL to a role of its own, DATABASE_OWNER_URL to the owner; see README, Security)`,
    ];
  if (s.ownsTimeline)
    return [
      `the application connects as ${s.role}, the owner of the tables${ownerGiven ? '' : ' (DATABASE_OWNER_URL is not set)'}: anyone with DATABASE_URL can switch the timeline's trigger off (see README, Security)`,
    ];
  if (s.canRewriteTimeline)
    return [
      `the application role ${s.role} may UPDATE or DELETE audit_entries: revoke it (see README, Security)`,
    ];
  return [];
}
