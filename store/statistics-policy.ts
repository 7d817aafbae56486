import type { Db } from './pool';

/** Until the admin sets it: an organ that failed or rebounded twice in the period. */
export const DEFAULT_REPEAT_OFFENDER_THRESHOLD = 2;

export async function repeatOffenderThreshold(db: Db, procuratorateId: string): Promise<number> {
  const rows = await db.query<{ repeat_offender_threshold: number }>(
    'SELECT repeat_offender_threshold FROM procuratorate_settings WHERE procuratorate_id = $1',
    [procuratorateId],
  );
  return rows[0]?.repeat_offender_threshold ?? DEFAULT_REPEAT_OFFENDER_THRESHOLD;
}

export async function saveRepeatOffenderThreshold(
  db: Db,
  procuratorateId: string,
  threshold: number,
  updatedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO procuratorate_settings (procuratorate_id, repeat_offender_threshold, updated_by, updated_at)
     VALUES ($1, $2, $3, now())
     ON CONFLICT (procuratorate_id) DO UPDATE SET repeat_offender_threshold = EXCLUDED.repeat_offender_threshold,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [procuratorateId, threshold, updatedBy],
  );
}
