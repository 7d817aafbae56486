import { createHash, randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import {
  allocateCaseNumber,
  findCreationByRef,
  findCreationByRequestKey,
  recordCreation,
} from '../../store/case-numbers';
import type { Db, Tx } from '../../store/pool';
import { adoptLeadAttachments } from '../../store/evidence';
import { claimPublicLead } from '../../store/public-lead-staff';
import { isUniqueViolation } from '../../store/pool';
import { currentDomain, procuratorateLevel } from '../../store/reference';
import { findUser } from '../../store/users';
import { hasAnyRole } from '../../domain/roles';
import { shanghaiDate } from '../../domain/time';
import {
  awaitRegistrationUpdate,
  caseWorkflowId,
  CASE_WORKFLOW_TYPE,
  type CaseSummary,
  type NewCaseInput,
} from '../../workflows/contract';
import { domainKey, procuratorateKey, stageKey } from '../../workflows/search-attributes';
import type { Principal } from '../auth/tokens';
import type { StuckCaseWatch } from '../operations/stuck-cases';
import { problems } from '../problem';
import { within } from './bounded';
import type { CreateCaseBody } from './schemas';

export interface CaseServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  now: () => Date;
  /** How long a request waits on a case workflow before it answers 202 or 503. */
  answerMs: number;
  /** The last scan for cases whose workflow task keeps failing. */
  stuckCases?: StuckCaseWatch;
}

export type Registration =
  | { kind: 'done'; summary: CaseSummary }
  /** Numbered and started: the case workflow has not recorded it within the deadline. */
  | { kind: 'pending'; caseId: string };

/**
 * Registers a lead as a new case: checks the input against reference data, allocates the
 * case number, then starts the case's workflow and waits (within the deadline) until it has
 * recorded the case. With an Idempotency-Key, a repeat finds the case it numbered the first
 * time and finishes that one: one key, one case.
 */
export async function createCase(
  deps: CaseServiceDeps,
  actor: Principal,
  body: CreateCaseBody,
  idempotencyKey?: string,
): Promise<Registration> {
  const requestKey = idempotencyKey
    ? createHash('sha256').update(`${actor.userId}:${idempotencyKey}`).digest('hex')
    : undefined;
  if (requestKey) {
    const earlier = await findCreationByRequestKey(deps.db, actor.procuratorateId, requestKey);
    if (earlier) return startCase(deps, earlier.input as NewCaseInput);
  }
  const handlerId = body.handlerId ?? actor.userId;
  await checkCaseInput(deps, actor, body, handlerId);
  const today = shanghaiDate(deps.now());
  let input: NewCaseInput;
  try {
    input = await deps.db.withTransaction(async (tx) => {
      const caseId = await allocateCaseNumber(tx, actor.procuratorateId, Number(today.slice(0, 4)));
      const created: NewCaseInput = {
        caseId,
        procuratorateId: actor.procuratorateId,
        title: body.title,
        description: body.description,
        track: body.track,
        domainCode: body.domainCode,
        source: body.source,
        ...(body.sourceDetail ? { sourceDetail: body.sourceDetail } : {}),
        receivedOn: body.receivedOn,
        handlerId,
        ...(body.externalRef ? { externalRef: body.externalRef } : {}),
        ...(body.majorLeadReason ? { majorLeadReason: body.majorLeadReason } : {}),
        ...(body.transferFrom ? { transferFrom: body.transferFrom } : {}),
        createdBy: { userId: actor.userId, roles: actor.roles, procuratorateId: actor.procuratorateId },
      };
      if (body.publicLeadId) await claimLead(tx, body.publicLeadId, actor.procuratorateId);
      if (body.publicLeadId) {
        // The lead's attachments become the case's evidence; the workflow records them once it runs.
        await adoptLeadAttachments(
          tx,
          {
            caseId,
            procuratorateId: actor.procuratorateId,
            leadId: body.publicLeadId,
            addedBy: actor.userId,
          },
          () => `ev-${randomUUID()}`,
        );
      }
      await recordCreation(tx, {
        case_id: caseId,
        procuratorate_id: actor.procuratorateId,
        external_ref: body.externalRef ?? null,
        public_lead_id: body.publicLeadId ?? null,
        input: created,
        request_key: requestKey ?? null,
      });
      return created;
    });
  } catch (err) {
    if (body.externalRef && isUniqueViolation(err)) return resumeOrReject(deps, actor, body.externalRef);
    throw err;
  }
  return startCase(deps, input);
}

async function checkCaseInput(
  deps: CaseServiceDeps,
  actor: Principal,
  body: CreateCaseBody,
  handlerId: string,
) {
  if (body.receivedOn > shanghaiDate(deps.now())) {
    throw problems.validation('收到线索的日期不能晚于今天', [
      { path: 'receivedOn', message: '不能晚于今天' },
    ]);
  }
  if (body.transferFrom && body.transferFrom.sentOn > body.receivedOn) {
    throw problems.validation('移送日期不能晚于收到线索的日期', [
      { path: 'transferFrom.sentOn', message: '不能晚于收到线索的日期' },
    ]);
  }
  const domain = await domainInForce(deps.db, body.domainCode, shanghaiDate(deps.now()));
  const allowed = body.track === 'administrative' ? domain.allows_administrative : domain.allows_civil;
  if (!allowed) {
    const trackName = body.track === 'administrative' ? '行政公益诉讼' : '民事公益诉讼';
    throw problems.validation(`${domain.name}领域不适用${trackName}`, [
      { path: 'track', message: '该领域不适用此办案类型' },
    ]);
  }
  if (
    domain.min_level === 'city' &&
    (await procuratorateLevel(deps.db, actor.procuratorateId)) === 'district'
  ) {
    throw problems.validation(`${domain.name}案件由设区的市级以上检察院办理`, [
      { path: 'domainCode', message: '本院无管辖权' },
    ]);
  }
  const handler = await findUser(deps.db, handlerId);
  if (!handler || handler.procuratorate_id !== actor.procuratorateId || !handler.active) {
    throw problems.validation('承办人不是本院在职人员', [{ path: 'handlerId', message: '不是本院在职人员' }]);
  }
  if (!hasAnyRole(handler.roles, ['prosecutor', 'head'])) {
    throw problems.validation('承办人须为检察官或部门负责人', [
      { path: 'handlerId', message: '须为检察官或部门负责人' },
    ]);
  }
}

/** A public lead becomes at most one case, and not after it was declined. */
async function claimLead(tx: Tx, leadId: string, procuratorateId: string): Promise<void> {
  const claim = await claimPublicLead(tx, leadId, procuratorateId);
  if (claim === 'missing')
    throw problems.validation(`群众举报线索 ${leadId} 不存在`, [{ path: 'publicLeadId', message: '不存在' }]);
  if (claim === 'declined') throw problems.conflict('lead-declined', `群众举报线索 ${leadId} 已决定不予受理`);
  if (claim === 'has_case') throw problems.conflict('lead-has-case', `群众举报线索 ${leadId} 已登记为案件`);
}

/** The domain's version in force today; a code not yet in force is refused like an unknown one, but said so. */
async function domainInForce(db: Db, code: string, today: string) {
  const domain = await currentDomain(db, code, today);
  if (domain) return domain;
  const later = await currentDomain(db, code);
  if (later)
    throw problems.validation(`${later.name}领域自 ${later.in_force_from} 起施行，尚不能登记`, [
      { path: 'domainCode', message: '尚未施行' },
    ]);
  throw problems.validation(`领域代码 ${code} 不存在`, [{ path: 'domainCode', message: '不存在' }]);
}

/** A second creation with the same external reference: finish an interrupted one, else 409. */
async function resumeOrReject(
  deps: CaseServiceDeps,
  actor: Principal,
  externalRef: string,
): Promise<Registration> {
  const existing = await findCreationByRef(deps.db, actor.procuratorateId, externalRef);
  if (!existing) throw problems.conflict('duplicate-external-ref', `外部编号 ${externalRef} 已被使用`);
  try {
    await deps.temporal.workflow.getHandle(caseWorkflowId(existing.case_id)).describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return startCase(deps, existing.input as NewCaseInput);
    throw err;
  }
  throw problems.conflict(
    'duplicate-external-ref',
    `外部编号 ${externalRef} 已登记为案件 ${existing.case_id}`,
    {
      caseId: existing.case_id,
    },
  );
}

/** Starts the case's workflow (or finds it started by an earlier attempt) and waits for its record. */
async function startCase(deps: CaseServiceDeps, input: NewCaseInput): Promise<Registration> {
  const workflowId = caseWorkflowId(input.caseId);
  try {
    await deps.temporal.workflow.start(CASE_WORKFLOW_TYPE, {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: stageKey, value: 'LEAD' },
        { key: domainKey, value: input.domainCode },
        { key: procuratorateKey, value: input.procuratorateId },
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const handle = deps.temporal.workflow.getHandle(workflowId);
  const recorded = await within(deps.temporal, deps.answerMs, () =>
    handle.executeUpdate(awaitRegistrationUpdate),
  );
  return recorded.done
    ? { kind: 'done', summary: recorded.value }
    : { kind: 'pending', caseId: input.caseId };
}
