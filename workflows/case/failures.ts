/** What a case does when its timeline or its mail cannot be written: refuse, alert, go on. */
import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow';
import type { CaseAlert, CaseState } from '../../domain/case/model';
import { CaseErrors } from '../contract';
import { ALERT_UNRECORDED_WORK, REFUSE_UNRECORDED_ACTION } from '../patches';

/** Enough for staff to see a pattern; older ones are dropped so the carried state stays small. */
const KEPT_ALERTS = 20;

/** A failure of an activity after its retries (or at once, for refused data); anything else is a bug. */
export function unrecorded(err: unknown): err is ActivityFailure {
  return err instanceof ActivityFailure;
}

export function failureType(err: ActivityFailure): string {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && cause.type === CaseErrors.DataRejected)
    return CaseErrors.DataRejected;
  return CaseErrors.JournalUnavailable;
}

/** True when this case runs the code that refuses an unrecorded action instead of failing. */
export function refusesUnrecordedActions(): boolean {
  return patched(REFUSE_UNRECORDED_ACTION);
}

export function alertsUnrecordedWork(): boolean {
  return patched(ALERT_UNRECORDED_WORK);
}

export function raiseAlert(state: CaseState, alert: Omit<CaseAlert, 'at'>): void {
  const alerts = state.alerts ?? [];
  alerts.push({ at: new Date().toISOString(), ...alert });
  state.alerts = alerts.slice(-KEPT_ALERTS);
}

/** The refusal the staff member sees: the action did not happen, and why, without its data. */
export function refusalOf(errorType: string): ApplicationFailure {
  const message =
    errorType === CaseErrors.DataRejected
      ? '数据库无法保存该操作的内容（可能含有无法保存的字符），操作未生效，请修改后重试'
      : '案件记录暂时无法写入，操作未生效，请稍后重试';
  return ApplicationFailure.nonRetryable(message, errorType);
}
