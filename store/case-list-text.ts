/**
 * The case list's free-text filter: title, case number, or the lead's words in its creation record
 * (`lead_text`). A page of a common word is found among the first cases in page order; a rare word
 * through its trigram indexes (migrations 424 and 690), its matches then read by id. Either way a
 * page costs about what it shows, not a pass over every case of the procuratorate.
 */
import type { Tx } from './pool';

/** Cases walked in page order before the word counts as rare. */
export const WALK = 2000;
/** Beyond this many matches a word is too common to read its matches by id. */
export const BY_ID = 2000;

export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The ids of the procuratorate's cases matching `pattern`; undefined when there are more than BY_ID. */
export async function textMatches(tx: Tx, procuratorateId: string, pattern: string) {
  // UNION ALL stops at the limit (a case matching twice counts twice, which only errs towards the walk).
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM cases WHERE procuratorate_id = $1 AND (${ilike('title', '$2')} OR ${ilike('id', '$2')})
     UNION ALL
     SELECT case_id FROM case_creations WHERE procuratorate_id = $1 AND ${ilike('lead_text', '$2')}
     LIMIT $3`,
    [procuratorateId, pattern, BY_ID + 1],
  );
  return rows.length > BY_ID ? undefined : [...new Set(rows.map((r) => r.id))];
}

/**
 * The condition on a case walked in page order, `p` being the pattern's parameter and `c` the name
 * its row goes by. The lead's words are read by the case's key (an EXISTS would be free to search
 * the trigram index for every case).
 */
export function matchesText(p: string, c = 'cases'): string {
  const lead = `(SELECT cc.lead_text FROM case_creations cc WHERE cc.case_id = ${c}.id)`;
  return `(${ilike(`${c}.title`, p)} OR ${ilike(`${c}.id`, p)} OR ${ilike(lead, p)})`;
}

/** `column` has the words of `pattern` (a `likePattern`), `p` being its parameter, in any case. */
export function ilike(column: string, p: string): string {
  return `${column} ILIKE ${p} ESCAPE '\\'`;
}
