/**
 * Cases for the role × route matrix, driven through the API (as the handling prosecutor and the
 * chief) to the stage an action needs. A cell expected to succeed gets a case of its own; the
 * cells expected to be refused share one case per stage and procuratorate, built once per run —
 * the harness shows that each refused cell changed nothing, so the next finds the same case.
 */
import { expiryInstant } from '../../../domain/expiry';
import { shanghaiDate } from '../../../domain/time';
import { caseStateQuery, caseWorkflowId } from '../../../workflows/contract';
import type { TestOrg } from '../../helpers/fixtures';
import { signIn, type Caller } from '../api/helpers';
import type { MatrixWorld } from '../api/matrix/world';
import { chain, type Fixture, type Step } from './stage-paths';

export type { Fixture } from './stage-paths';

export const today = () => shanghaiDate(new Date());

const clients = new Map<string, Promise<Caller>>();
function client(world: MatrixWorld, owner: TestOrg, who: Step['by']): Promise<Caller> {
  if (owner === world.own) return Promise.resolve(world.callers[who]);
  const key = `${owner.procuratorateId}:${who}`;
  if (!clients.has(key))
    clients.set(
      key,
      signIn(world.system.baseUrl, owner[who]).then((s) => s.client),
    );
  return clients.get(key)!;
}

/** A new case of `owner` in the stage `fixture`, settled. */
export async function freshCase(world: MatrixWorld, owner: TestOrg, fixture: Fixture): Promise<string> {
  const { root, steps } = chain(fixture);
  const created = await (
    await client(world, owner, 'prosecutor')
  ).post('/api/cases', {
    title: '某公司违规堆放固体废物',
    description: '群众反映某公司在厂区外堆放固体废物。',
    track: root === 'civilLead' ? 'civil' : 'administrative',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today(),
  });
  if (created.status !== 201)
    throw new Error(`creating a case failed: ${created.status} ${created.body?.detail}`);
  const id = created.body.id as string;
  for (const step of steps) {
    const res = await (
      await client(world, owner, step.by)
    ).postSettled(`/api/cases/${id}/actions/${step.action}`, step.body(owner, today()));
    if (res.status !== 200)
      throw new Error(`${step.action} on ${id} failed: ${res.status} ${res.body?.detail}`);
  }
  await settle(world, id);
  return id;
}

const shared = new Map<string, Promise<string>>();
/** The one case of `owner` in stage `fixture` that refused cells share. */
export function sharedCase(world: MatrixWorld, owner: TestOrg, fixture: Fixture): Promise<string> {
  const key = `${owner.procuratorateId}:${fixture}`;
  if (!shared.has(key)) shared.set(key, freshCase(world, owner, fixture));
  return shared.get(key)!;
}

/**
 * Waits until the case's workflow has nothing due now (a reminder caught up when a short clock
 * starts is sent at once) and the read model holds its last timeline entry, so the harness's
 * before-and-after snapshot of a later cell sees only what that cell did.
 */
export async function settle(world: MatrixWorld, caseId: string): Promise<void> {
  const handle = world.system.temporal.workflow.getHandle(caseWorkflowId(caseId));
  const giveUp = Date.now() + 30_000;
  for (;;) {
    const state = await handle.query(caseStateQuery);
    const soon = Date.now() + 2_000;
    const due = Object.values(state.clocks).some(
      (c) =>
        c.status === 'running' &&
        (c.reminders.some((r) => !r.done && r.fireAt <= soon) ||
          (!c.expiryHandled && c.due !== null && expiryInstant(c.due) <= soon)),
    );
    const [row] = await world.system.db.query<{ last_seq: number }>(
      'SELECT last_seq FROM cases WHERE id = $1',
      [caseId],
    );
    if (!due && row?.last_seq === state.seq) return;
    if (Date.now() > giveUp) throw new Error(`case ${caseId} did not settle`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
