/** A case's audit timeline as JSON or CSV, with the verdict of its hash chain. */
import { verifyChain } from '../../activities/audit/verify';
import type { Db } from '../../activities/db/pool';
import { timelineOf, type TimelineRow } from '../../activities/db/timeline';

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

/** RFC 4180 CSV with a BOM for spreadsheet programs; cells that a spreadsheet would run as a formula are defused. */
export function timelineCsv(entries: ReturnType<typeof presentEntry>[]): string {
  const cell = (value: unknown) => {
    let text =
      value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
