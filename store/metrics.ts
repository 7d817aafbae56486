import type { Db } from './pool';

/** Figures for the operational gauges, read on each scrape. */
export async function operationalFigures(db: Db): Promise<{
  casesByStage: { stage: string; n: number }[];
  overdueCases: number;
  mailSent: number;
  mailFailed: number;
}> {
  const [casesByStage, overdue, mail] = await Promise.all([
    db.query<{ stage: string; n: number }>('SELECT stage, count(*)::int AS n FROM cases GROUP BY stage'),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE overdue'),
    db.query<{ sent: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NOT NULL)::int AS failed
       FROM mail_outbox`,
    ),
  ]);
  return {
    casesByStage,
    overdueCases: overdue[0]?.n ?? 0,
    mailSent: mail[0]?.sent ?? 0,
    mailFailed: mail[0]?.failed ?? 0,
  };
}
