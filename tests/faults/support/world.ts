/**
 * People, cases and actions for the fault scenarios: a procuratorate of the cluster's own
 * database, a reminder policy that sends at any hour, backfilled cases whose reminders are due,
 * and an HTTP client that retries an action with its Idempotency-Key until it is answered.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../../store/pool';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicyContent } from '../../../calendar/reminder-policy';
import { addDays } from '../../../domain/period';
import { shanghaiDate } from '../../../domain/time';
import { caseStateQuery, caseWorkflowId } from '../../../workflows/contract';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { ApiClient, type ApiResponse } from '../../helpers/http';
import { waitUntil } from '../../helpers/processes';
import type { AcceptedRequest } from './oracle';

export interface World {
  org: TestOrg;
  prosecutor: ApiClient;
  chief: ApiClient;
  /** The platform's administrator: the reminder policy binds every procuratorate. */
  admin: ApiClient;
  accepted: AcceptedRequest[];
  caseIds: string[];
}

/** Reminders at any hour of any day from `start` (HH:MM, Asia/Shanghai): no waiting for 09:00 on a workday. */
export function anyTimeReminders(start = '00:00'): ReminderPolicyContent {
  return {
    steps: DEFAULT_REMINDER_POLICY.steps,
    workingHours: { timeZone: 'Asia/Shanghai', start, end: '23:59', workingDaysOnly: false },
  };
}

/** The messages one overdue clock sends under that ladder: d0, d+1 and d+7, each recipient once. */
export const OVERDUE_LADDER = [
  ['d0', 'prosecutor'],
  ['d+1', 'prosecutor'],
  ['d+1', 'head'],
  ['d+7', 'chief'],
  ['d+7', 'caseOffice'],
] as const;

export async function createWorld(baseUrl: string, db: Db, reminderStart?: string): Promise<World> {
  const org = await createTestOrg(db);
  // Scenarios and benchmarks outlast an access token: the clients renew their sessions.
  const signIn = (user: TestOrg['admin']) => ApiClient.login(baseUrl, user, undefined, { renew: true });
  const [prosecutor, chief, admin] = await Promise.all([
    signIn(org.prosecutor),
    signIn(org.chief),
    signIn(org.platformAdmin),
  ]);
  const world = { org, prosecutor, chief, admin, accepted: [], caseIds: [] };
  if (reminderStart !== undefined) await setReminderPolicy(world, reminderStart);
  return world;
}

export async function setReminderPolicy(world: Pick<World, 'admin'>, start: string): Promise<void> {
  const res = await world.admin.request('PUT', '/api/admin/policy', {
    reminders: anyTimeReminders(start),
    reason: '测试：任何时间发送提醒',
  });
  if (res.status !== 200)
    throw new Error(`reminder policy refused: ${res.status} ${JSON.stringify(res.body)}`);
}

export const today = () => shanghaiDate(new Date());

/**
 * A lead received `daysAgo` days ago: its 30-day evaluation clock is overdue when daysAgo ≥ 40.
 * It carries an external reference, so that repeating the request after a 503 finishes the
 * interrupted creation instead of registering the lead twice.
 */
export async function createBackfilledCase(
  world: World,
  daysAgo = 60,
  externalRef = `ref-${randomBytes(6).toString('hex')}`,
): Promise<string> {
  const res = await retrying(() =>
    world.prosecutor.post('/api/cases', {
      title: '某公司违规堆放固体废物',
      description: '群众反映某公司在厂区外堆放固体废物。',
      domainCode: 'ecology',
      source: 'public_report',
      receivedOn: addDays(today(), -daysAgo),
      externalRef,
    }),
  );
  // A repeat after a lost answer finds the case registered: the 409 names it.
  const id = res.status === 201 ? res.body.id : res.status === 409 ? res.body?.caseId : undefined;
  if (typeof id !== 'string') throw new Error(`case not created: ${res.status} ${JSON.stringify(res.body)}`);
  world.caseIds.push(id);
  return id;
}

/**
 * Sends an action with an Idempotency-Key and, like a careful client, repeats it with the same
 * key after a 202 (accepted, not finished), a 503, a 409 "in progress" or a broken connection,
 * until it has the final answer.
 */
export async function act(
  world: World,
  client: ApiClient,
  caseId: string,
  action: string,
  body: unknown,
  key = randomBytes(8).toString('hex'),
  statuses?: number[],
): Promise<ApiResponse> {
  const res = await retrying(async () => {
    const answer = await client.post(`/api/cases/${caseId}/actions/${action}`, body, {
      'idempotency-key': key,
    });
    statuses?.push(answer.status);
    return answer;
  });
  if (res.status === 200) world.accepted.push({ caseId, action, seq: res.body.result.seq });
  return res;
}

/** Repeats a request while the answer says "try again" or "not finished yet"; never on a 4xx verdict. */
export async function retrying(send: () => Promise<ApiResponse>, timeoutMs = 300_000): Promise<ApiResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let res: ApiResponse | undefined;
    try {
      res = await send();
    } catch {
      /* connection refused or reset: the API process is down or restarting */
    }
    const again =
      !res ||
      res.status === 202 ||
      res.status === 503 ||
      (res.status === 409 && res.body?.type === '/problems/request-in-progress');
    if (!again) return res!;
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms (last ${res?.status})`);
    const retryAfter = Number(res?.headers.get('retry-after') ?? 0.5);
    await new Promise((r) => setTimeout(r, Math.min(retryAfter, 2) * 1000));
  }
}

/**
 * Waits until the cases are quiet: every reminder that fell due is fired, every queued message
 * is sent, and no case has an activity in flight — all at once.
 */
export async function settle(db: Db, temporal: Client, caseIds: readonly string[], timeoutMs = 600_000) {
  await waitUntil(
    'the cases to settle (due reminders fired, mail sent, no activity in flight)',
    async () => {
      const now = Date.now();
      for (const id of caseIds) {
        const handle = temporal.workflow.getHandle(caseWorkflowId(id));
        const state = await handle.query(caseStateQuery);
        const due = Object.values(state.clocks).filter((c) => c.status === 'running');
        if (due.some((c) => c.reminders.some((r) => !r.done && r.fireAt <= now))) return false;
      }
      const [row] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM mail_outbox WHERE case_id = ANY($1::text[]) AND sent_at IS NULL',
        [caseIds],
      );
      if (row!.n > 0) return false;
      for (const id of caseIds) {
        const d = await temporal.workflow.getHandle(caseWorkflowId(id)).describe();
        if ((d.raw.pendingActivities ?? []).length > 0) return false;
      }
      return true;
    },
    { timeoutMs, intervalMs: 500 },
  );
}
