/**
 * The real import, as a background job: each row's case registered and driven through the
 * actions a user would take, as the staff the row names, so the case workflow computes every
 * clock itself. Per row, the 原案号 is the key: a row already imported is skipped, a row cut off
 * half way resumes at its next action (each action's Idempotency-Key is the row's key and the
 * step's number, so a step sent twice is taken once). Rows are imported a few at a time: each row's
 * actions wait on its own case workflow, so one row at a time left the worker idle between them.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Role } from '../../domain/roles';
import { shanghaiDate } from '../../domain/time';
import {
  claimImportRow,
  countImportRow,
  finishImportJob,
  insertImportJob,
  recordImportProgress,
} from '../../store/case-imports';
import { findCaseInScope } from '../../store/case-reads';
import { findUser } from '../../store/users';
import type { Principal } from '../auth/tokens';
import { sendCaseAction } from '../cases/act';
import { actorOf } from '../cases/actor';
import { createCase, type CaseServiceDeps } from '../cases/create-case';
import { toProblem } from '../error-handler';
import { loadImportRefs, planRows, type PlannedRow } from './dry-run';
import type { SheetRow } from './workbook';

export interface ImportDeps extends CaseServiceDeps {
  log: Logger;
}

/**
 * Rows imported at once by one job. Bounded so that a large file shares the worker, the database
 * pool (each row holds at most one connection at a time) and Temporal with the people at work.
 */
export const IMPORT_CONCURRENCY = 8;

/** Records the job and starts it; the answer does not wait for it. */
export async function startImport(
  deps: ImportDeps,
  principal: Principal,
  fileName: string,
  rows: SheetRow[],
): Promise<string> {
  const jobId = `imp-${randomUUID()}`;
  const { procuratorateId } = principal;
  const refs = await loadImportRefs(deps.db, procuratorateId, shanghaiDate(deps.now()));
  const planned = planRows(rows, refs);
  await insertImportJob(deps.db, {
    id: jobId,
    procuratorateId,
    createdBy: principal.userId,
    fileName,
    total: rows.length,
  });
  void runJob(deps, procuratorateId, jobId, planned).catch(async (err: unknown) => {
    deps.log.error({ err, jobId }, 'case import job failed');
    await finishImportJob(deps.db, jobId, 'failed').catch(() => undefined);
  });
  return jobId;
}

async function runJob(deps: ImportDeps, procuratorateId: string, jobId: string, planned: PlannedRow[]) {
  // Rows are taken in sheet order by IMPORT_CONCURRENCY runners; a row's key is unique in the
  // file (a repeated one is an error row), so no two runners drive the same case.
  let next = 0;
  const runner = async () => {
    while (next < planned.length) await runRow(deps, procuratorateId, jobId, planned[next++]!);
  };
  const runners = Array.from({ length: Math.min(IMPORT_CONCURRENCY, planned.length) }, runner);
  // A runner stopped by an error of the database: the others finish their rows, then the job fails.
  const stopped = (await Promise.allSettled(runners)).find((r) => r.status === 'rejected');
  if (stopped) throw stopped.reason;
  await finishImportJob(deps.db, jobId, 'finished');
}

async function runRow(deps: ImportDeps, procuratorateId: string, jobId: string, p: PlannedRow) {
  const key = p.plan.key ?? '';
  const problem = (status: string, message: string) => ({ row: p.sheetRow, key, status, message });
  if (p.duplicateOf !== undefined || p.plan.errors.length > 0 || !p.plan.registration) {
    const why =
      p.duplicateOf !== undefined ? `原案号：与第 ${p.duplicateOf} 行重复` : p.plan.errors.join('；');
    return countImportRow(deps.db, jobId, 'failed', problem('error', why));
  }
  const claimed = await claimImportRow(deps.db, {
    procuratorateId,
    key,
    jobId,
    stepsTotal: p.plan.steps.length,
  });
  if (!claimed || claimed.completed_at) {
    const why = claimed?.case_id ? `已导入为案件 ${claimed.case_id}` : '正由另一导入任务处理';
    return countImportRow(deps.db, jobId, 'skipped', problem('skipped', why));
  }
  try {
    await importRow(deps, procuratorateId, p, claimed);
    await countImportRow(deps.db, jobId, 'created');
  } catch (err) {
    const detail = err instanceof ImportStalled ? err.message : (toProblem(err).detail ?? '导入失败');
    deps.log.warn({ jobId, row: p.sheetRow }, 'case import row failed');
    await countImportRow(deps.db, jobId, 'failed', problem('failed', detail));
  }
}

async function importRow(
  deps: ImportDeps,
  procuratorateId: string,
  p: PlannedRow,
  from: { case_id: string | null; steps_done: number },
): Promise<void> {
  const key = p.plan.key!;
  const registration = p.plan.registration!;
  const principalOf = async (userId: string): Promise<Principal> => {
    const user = await findUser(deps.db, userId);
    return { userId, roles: (user?.roles ?? []) as Role[], procuratorateId, via: 'access_token' };
  };
  let caseId = from.case_id;
  if (!caseId) {
    const handler = await principalOf(registration.handlerId);
    const registered = await repeatWhilePending(() =>
      createCase(deps, handler, registration.body, `import:${key}`),
    );
    caseId = registered.kind === 'done' ? registered.summary.caseId : registered.caseId;
    await recordImportProgress(deps.db, procuratorateId, key, { caseId, stepsDone: 0, completed: false });
  }
  const steps = p.plan.steps;
  for (let i = from.steps_done; i < steps.length; i += 1) {
    const step = steps[i]!;
    const actor = await actorOf(deps.db, await principalOf(step.actorId));
    await repeatWhilePending(async () => {
      const row = await findCaseInScope(deps.db, caseId, procuratorateId);
      if (!row) return { kind: 'pending' as const };
      return sendCaseAction(
        deps,
        { row, procuratorateId, actor },
        step.action,
        step.body,
        `import:${key}:${i}`,
      );
    });
    await recordImportProgress(deps.db, procuratorateId, key, {
      caseId,
      stepsDone: i + 1,
      completed: i + 1 === steps.length,
    });
  }
  if (steps.length === 0)
    await recordImportProgress(deps.db, procuratorateId, key, { caseId, stepsDone: 0, completed: true });
}

class ImportStalled extends Error {}

/** Sends again (the same key: the same registration or update) while the workflow has not answered in time. */
async function repeatWhilePending<T extends { kind: string }>(
  send: () => Promise<T>,
  tries = 30,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await send();
    if (outcome.kind !== 'pending') return outcome;
    if (attempt >= tries)
      throw new ImportStalled('办案流程长时间未响应，此行未导入完成；稍后重新导入同一文件将从中断处继续');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
