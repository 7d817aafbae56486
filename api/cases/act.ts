/** A staff action on a case: checked against the read model and reference data, then sent to the case workflow. */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowUpdateStage, type Client } from '@temporalio/client';
import { knownOrgans } from '../../store/case-refs';
import { findCaseInScope, type CaseRow } from '../../store/case-reads';
import type { Db } from '../../store/pool';
import { findUser } from '../../store/users';
import { ACTIONS, isPersonalDecision } from '../../domain/case/actions';
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { isFinalStage, STAGE_LABELS, type Stage } from '../../domain/case/stages';
import { hasAnyRole } from '../../domain/roles';
import { ACTION_UPDATES, caseWorkflowId, type ActionResult, type Actor } from '../../workflows/contract';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';
import { actorOf } from './actor';
import { within } from './bounded';
import { writableCase } from '../oversight/scope';

export interface ActDeps {
  db: Db;
  temporal: Client;
  /** How long a request waits on the case workflow before it answers 202 or 503. */
  answerMs: number;
}

export type ActOutcome =
  | { kind: 'done'; result: ActionResult; row: CaseRow }
  /** Accepted by the case workflow, not finished within the deadline. */
  | { kind: 'pending'; actionId: string; row: CaseRow };

const NOT_ACCEPTED =
  '办案流程暂未响应，本次操作尚未受理；请稍后用同一请求（同一 Idempotency-Key）重试，不会重复办理';

export async function performAction<N extends ActionName>(
  deps: ActDeps,
  principal: Principal,
  caseId: string,
  name: N,
  payload: Payloads[N],
  idempotencyKey: string | undefined,
): Promise<ActOutcome> {
  const row = await writableCase(deps.db, caseId, principal);
  if (principal.via === 'api_token' && isPersonalDecision(name))
    throw problems.forbidden(`「${ACTIONS[name].label}」须由本人登录后作出，不能使用集成令牌`);
  if (isFinalStage(row.stage as Stage))
    throw problems.conflict('case-closed', `案件已${STAGE_LABELS[row.stage as Stage]}，不能再办理`);
  await checkReferences(
    deps.db,
    { procuratorateId: principal.procuratorateId, named: row.organ_ids },
    payload,
  );
  const actor: Actor = await actorOf(deps.db, principal);
  const { procuratorateId } = principal;
  return sendCaseAction(deps, { row, procuratorateId, actor }, name, payload, idempotencyKey);
}

/**
 * Sends an action, taken by `actor`, to the case workflow of `row` and waits for its answer
 * within the deadline (the same user's same key is the same update: Temporal runs it once).
 */
export async function sendCaseAction<N extends ActionName>(
  deps: ActDeps,
  to: { row: CaseRow; procuratorateId: string; actor: Actor },
  name: N,
  payload: Payloads[N],
  idempotencyKey: string | undefined,
): Promise<ActOutcome> {
  const { row, actor } = to;
  const key = idempotencyKey ?? randomUUID();
  const updateId = createHash('sha256').update(`${actor.userId}:${key}`).digest('hex').slice(0, 32);
  const handle = deps.temporal.workflow.getHandle(caseWorkflowId(row.id));
  const deadline = Date.now() + deps.answerMs;
  const accepted = await within(deps.temporal, deps.answerMs, () =>
    handle.startUpdate(ACTION_UPDATES[name], {
      args: [{ actor, idempotencyKey: key, payload }],
      updateId,
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    }),
  );
  if (!accepted.done) throw problems.unavailable(NOT_ACCEPTED, 5);
  const finished = await within(deps.temporal, Math.max(1, deadline - Date.now()), () =>
    accepted.value.result(),
  );
  const after = (await findCaseInScope(deps.db, row.id, to.procuratorateId)) ?? row;
  return finished.done
    ? { kind: 'done', result: finished.value, row: after }
    : { kind: 'pending', actionId: updateId, row: after };
}

/**
 * IDs the workflow cannot check itself: organs and users must exist in this procuratorate, and an
 * organ no longer in use is named only where the case already names it.
 */
async function checkReferences(
  db: Db,
  scope: { procuratorateId: string; named: readonly string[] },
  p: Payloads[ActionName],
): Promise<void> {
  const { procuratorateId } = scope;
  const organIds = [
    ...('organIds' in p ? p.organIds : []),
    ...('organId' in p ? [p.organId] : []),
    ...('recommendations' in p ? p.recommendations.map((r) => r.organId) : []),
  ];
  const known = await knownOrgans(db, procuratorateId, organIds);
  const unknown = organIds.find((id) => !known.has(id));
  if (unknown)
    throw problems.validation(`行政机关 ${unknown} 不在本院行政机关名录中`, [
      { path: 'organIds', message: '不在名录中' },
    ]);
  // An organ abolished or merged keeps its record and its cases, but no case newly turns to it.
  const gone = organIds.find((id) => known.get(id)?.deactivatedOn && !scope.named.includes(id));
  if (gone) {
    const { name, deactivatedOn } = known.get(gone)!;
    throw problems.validation(
      `行政机关「${name}」已于 ${deactivatedOn} 停用，不能再对其办理此项；如其职责已由其他机关承接，请选择承接的机关`,
      [{ path: 'organIds', message: '已停用' }],
    );
  }
  if ('handlerId' in p) {
    const user = await findUser(db, p.handlerId);
    const eligible =
      user &&
      user.active &&
      user.procuratorate_id === procuratorateId &&
      hasAnyRole(user.roles, ['prosecutor', 'head']);
    if (!eligible)
      throw problems.validation('新承办人须为本院在职检察官或部门负责人', [
        { path: 'handlerId', message: '不符合条件' },
      ]);
  }
}
