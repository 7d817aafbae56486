/** A staff action on a case: checked against the read model and reference data, then sent to the case workflow. */
import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { delegatedDecisions, knownOrganIds } from '../../store/case-refs';
import { findCaseInScope, type CaseRow } from '../../store/case-reads';
import type { Db } from '../../store/pool';
import { findUser } from '../../store/users';
import { ACTIONS, isPersonalDecision } from '../../domain/case/actions';
import type { DecisionKind } from '../../domain/case/model';
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { isFinalStage, STAGE_LABELS, type Stage } from '../../domain/case/stages';
import { hasAnyRole } from '../../domain/roles';
import { ACTION_UPDATES, caseWorkflowId, type ActionResult, type Actor } from '../../workflows/contract';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';

export interface ActDeps {
  db: Db;
  temporal: Client;
}

export async function performAction<N extends ActionName>(
  deps: ActDeps,
  principal: Principal,
  caseId: string,
  name: N,
  payload: Payloads[N],
  idempotencyKey: string | undefined,
): Promise<{ result: ActionResult; row: CaseRow }> {
  const row = await findCaseInScope(deps.db, caseId, principal.procuratorateId);
  if (!row) throw problems.notFound(`案件 ${caseId} 不存在`);
  if (principal.via === 'api_token' && isPersonalDecision(name))
    throw problems.forbidden(`「${ACTIONS[name].label}」须由本人登录后作出，不能使用集成令牌`);
  if (isFinalStage(row.stage as Stage))
    throw problems.conflict('case-closed', `案件已${STAGE_LABELS[row.stage as Stage]}，不能再办理`);
  await checkReferences(deps.db, principal.procuratorateId, payload);
  const actor: Actor = {
    userId: principal.userId,
    roles: principal.roles,
    procuratorateId: principal.procuratorateId,
    delegated: (await delegatedDecisions(deps.db, principal.procuratorateId)) as DecisionKind[],
  };
  const key = idempotencyKey ?? randomUUID();
  const result = await deps.temporal.workflow
    .getHandle(caseWorkflowId(caseId))
    .executeUpdate(ACTION_UPDATES[name], {
      args: [{ actor, idempotencyKey: key, payload }],
      updateId: createHash('sha256').update(`${principal.userId}:${key}`).digest('hex').slice(0, 32),
    });
  const after = await findCaseInScope(deps.db, caseId, principal.procuratorateId);
  return { result, row: after ?? row };
}

/** IDs the workflow cannot check itself: organs and users must exist in this procuratorate. */
async function checkReferences(db: Db, procuratorateId: string, p: Payloads[ActionName]): Promise<void> {
  const organIds = [
    ...('organIds' in p ? p.organIds : []),
    ...('organId' in p ? [p.organId] : []),
    ...('recommendations' in p ? p.recommendations.map((r) => r.organId) : []),
  ];
  const known = await knownOrganIds(db, procuratorateId, organIds);
  const unknown = organIds.find((id) => !known.has(id));
  if (unknown)
    throw problems.validation(`行政机关 ${unknown} 不在本院行政机关名录中`, [
      { path: 'organIds', message: '不在名录中' },
    ]);
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
