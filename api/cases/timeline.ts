/** A case's audit timeline as JSON or CSV, with the verdict of its hash chain. */
import { verifyChain } from '../../store/audit/verify';
import type { Db } from '../../store/pool';
import { timelineOf, type TimelineRow } from '../../store/timeline';
import { csvDocument } from '../csv';

export async function caseTimeline(db: Db, caseId: string) {
  const rows = await timelineOf(db, caseId);
  return { caseId, chain: verifyChain(rows), entries: rows.map(presentEntry) };
}

function presentEntry(r: TimelineRow) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    kind: r.kind,
    stage: r.stage,
    data: r.data,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const COLUMNS = ['seq', 'at', 'actorId', 'kind', 'stage', 'data', 'reason', 'prevHash', 'hash'] as const;

export function timelineCsv(entries: ReturnType<typeof presentEntry>[]): string {
  return csvDocument([COLUMNS, ...entries.map((e) => COLUMNS.map((c) => e[c]))]);
}
