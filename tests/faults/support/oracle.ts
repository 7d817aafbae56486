/**
 * The one oracle every fault scenario (and the lifecycle tests) ends with:
 * 1. every case's workflow state equals its projection in PostgreSQL;
 * 2. every accepted request appears exactly once on its case's timeline;
 * 3. every reminder that fell due was sent exactly once (each step × recipient);
 * 4. every hash chain verifies;
 * 5. no workflow failed or is stuck.
 * It returns a list of violations (empty when all hold), so a test shows them all at once.
 */
import type { Client } from '@temporalio/client';
import { verifyChain } from '../../../store/audit/verify';
import type { Db } from '../../../store/pool';
import { timelineOf } from '../../../store/timeline';
import type { CaughtMail } from '../../../dev/mail-catcher';
import type { CaseState } from '../../../domain/case/model';
import { caseStateQuery, caseWorkflowId } from '../../../workflows/contract';

/** A request the API answered 2xx: its case, its action and the timeline seq it reported. */
export interface AcceptedRequest {
  caseId: string;
  action: string;
  seq: number;
}

export interface OracleInput {
  db: Db;
  temporal: Client;
  /** Every message the SMTP server accepted during the scenario. */
  mail: readonly CaughtMail[];
  caseIds: readonly string[];
  accepted: readonly AcceptedRequest[];
  /** Duplicate deliveries the scenario caused on purpose (a crash between send and record). */
  allowedDuplicates?: number;
}

export interface OracleReport {
  violations: string[];
  cases: number;
  entries: number;
  reminders: number;
  messages: number;
  duplicates: number;
}

/** The outbox key of a caught message (the Message-ID is the key, base64url). */
export function dedupeKeyOf(m: CaughtMail): string | undefined {
  const match = /^<([A-Za-z0-9_-]+)@duban>$/.exec(m.messageId ?? '');
  return match ? Buffer.from(match[1]!, 'base64url').toString('utf8') : undefined;
}

export async function checkOracle(input: OracleInput): Promise<OracleReport> {
  const violations: string[] = [];
  const received = new Map<string, number>();
  for (const m of input.mail) {
    const key = dedupeKeyOf(m);
    if (key) received.set(key, (received.get(key) ?? 0) + 1);
  }
  const report: OracleReport = { violations, cases: 0, entries: 0, reminders: 0, messages: 0, duplicates: 0 };
  for (const caseId of input.caseIds) {
    const state = await input.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    await checkProjection(input.db, state, violations);
    const rows = await timelineOf(input.db, caseId);
    report.entries += rows.length;
    const chain = verifyChain(rows);
    if (!chain.ok) violations.push(`${caseId}: chain broken at ${JSON.stringify(chain.broken)}`);
    checkAccepted(caseId, rows, input.accepted, violations);
    report.reminders += checkReminders(state, rows, violations);
    const mail = await checkOutbox(input.db, caseId, received, violations);
    report.messages += mail.messages;
    report.duplicates += mail.duplicates;
    await checkWorkflowHealth(input.temporal, caseId, violations);
    report.cases += 1;
  }
  if (report.duplicates > (input.allowedDuplicates ?? 0))
    violations.push(
      `${report.duplicates} duplicate deliveries, at most ${input.allowedDuplicates ?? 0} allowed`,
    );
  return report;
}

async function checkProjection(db: Db, state: CaseState, violations: string[]): Promise<void> {
  const id = state.info.caseId;
  const [row] = await db.query<{
    stage: string;
    handler_id: string;
    last_seq: number;
    next_due: string | null;
  }>(
    `SELECT stage, handler_id, last_seq, to_char(next_due, 'YYYY-MM-DD') AS next_due FROM cases WHERE id = $1`,
    [id],
  );
  if (!row) return void violations.push(`${id}: no projection row`);
  const open = Object.values(state.clocks).filter((c) => c.status === 'running' && c.due !== null);
  const nextDue = open.map((c) => c.due!).sort()[0] ?? null;
  const want = { stage: state.stage, handler_id: state.handlerId, last_seq: state.seq, next_due: nextDue };
  if (JSON.stringify(want) !== JSON.stringify({ ...row }))
    violations.push(`${id}: projection ${JSON.stringify(row)} differs from workflow ${JSON.stringify(want)}`);
  const clocks = await db.query<{ clock_key: string; status: string; due: string | null }>(
    `SELECT clock_key, status, to_char(due_date, 'YYYY-MM-DD') AS due FROM case_clocks WHERE case_id = $1`,
    [id],
  );
  const stored = new Map(clocks.map((c) => [c.clock_key, c]));
  for (const clock of Object.values(state.clocks)) {
    const r = stored.get(clock.key);
    if (!r || r.status !== clock.status || r.due !== clock.due)
      violations.push(
        `${id}: clock ${clock.key} is ${clock.status} ${clock.due} in the workflow, ${JSON.stringify(r)} stored`,
      );
  }
  if (clocks.length !== Object.keys(state.clocks).length)
    violations.push(`${id}: ${clocks.length} clock rows for ${Object.keys(state.clocks).length} clocks`);
}

type Rows = Awaited<ReturnType<typeof timelineOf>>;

function checkAccepted(
  caseId: string,
  rows: Rows,
  accepted: readonly AcceptedRequest[],
  violations: string[],
) {
  const mine = accepted.filter((a) => a.caseId === caseId);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const kinds = new Set(mine.map((a) => a.action));
  for (const a of mine) {
    if (bySeq.get(a.seq)?.kind !== a.action)
      violations.push(
        `${caseId}: accepted ${a.action} reported seq ${a.seq}, the timeline has ${bySeq.get(a.seq)?.kind}`,
      );
  }
  for (const kind of kinds) {
    const wanted = new Set(mine.filter((a) => a.action === kind).map((a) => a.seq)).size;
    const found = rows.filter((r) => r.kind === kind).length;
    if (found !== wanted)
      violations.push(`${caseId}: ${found} ${kind} entries for ${wanted} accepted requests`);
  }
}

/** Reminders that fell due were fired once each; returns how many reminder entries there are. */
function checkReminders(state: CaseState, rows: Rows, violations: string[]): number {
  const id = state.info.caseId;
  const entries = rows.filter((r) => r.kind === 'reminder');
  const keys = entries.map((r) => {
    const d = r.data as { clockKey: string; due: string; step: string };
    return `${d.clockKey}|${d.due}|${d.step}`;
  });
  if (new Set(keys).size !== keys.length)
    violations.push(`${id}: a reminder is on the timeline twice: ${keys}`);
  const now = Date.now();
  for (const clock of Object.values(state.clocks)) {
    if (clock.status !== 'running') continue;
    for (const r of clock.reminders) {
      if (r.fireAt <= now && !r.done)
        violations.push(`${id}: reminder ${clock.key} ${r.stepId} fell due and was not sent`);
      if (r.done && !keys.includes(`${clock.key}|${clock.due}|${r.stepId}`))
        violations.push(`${id}: reminder ${clock.key} ${r.stepId} marked sent but not on the timeline`);
    }
  }
  return entries.length;
}

/** Every queued message of the case was sent, and reached the SMTP server once. */
async function checkOutbox(
  db: Db,
  caseId: string,
  received: Map<string, number>,
  violations: string[],
): Promise<{ messages: number; duplicates: number }> {
  const rows = await db.query<{ dedupe_key: string; sent: boolean }>(
    'SELECT dedupe_key, sent_at IS NOT NULL AS sent FROM mail_outbox WHERE case_id = $1',
    [caseId],
  );
  let duplicates = 0;
  for (const row of rows) {
    const n = received.get(row.dedupe_key) ?? 0;
    if (!row.sent) violations.push(`${caseId}: outbox ${row.dedupe_key} not sent`);
    if (n === 0) violations.push(`${caseId}: ${row.dedupe_key} never reached the SMTP server`);
    if (n > 1) process.stdout.write(`[faults] ${row.dedupe_key} arrived ${n} times\n`);
    duplicates += Math.max(0, n - 1);
  }
  return { messages: rows.length, duplicates };
}

async function checkWorkflowHealth(temporal: Client, caseId: string, violations: string[]): Promise<void> {
  const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
  const d = await handle.describe();
  if (d.status.name !== 'RUNNING' && d.status.name !== 'COMPLETED' && d.status.name !== 'CONTINUED_AS_NEW')
    violations.push(`${caseId}: workflow ${d.status.name}`);
  const pending = d.raw.pendingActivities ?? [];
  if (pending.length > 0)
    violations.push(
      `${caseId}: ${pending.length} activities still pending (${pending.map((a) => a.activityType?.name)})`,
    );
  const history = await handle.fetchHistory();
  const failedTasks = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length;
  if (failedTasks > 0) violations.push(`${caseId}: ${failedTasks} workflow tasks failed`);
}
