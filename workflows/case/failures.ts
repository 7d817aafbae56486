/** What a case does when its timeline or its mail cannot be written: refuse, alert, go on. */
import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow';
import type { CaseAlert, CaseState } from '../../domain/case/model';
import { KEPT_ALERTS } from '../../domain/case/page-state';
import { CaseErrors } from '../contract';
import { PATCHES } from '../patches';
import { alerting } from './activity-presets';

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
  return patched(PATCHES.refuseUnrecordedAction);
}

/**
 * The case's alerts: kept in its state (shown on the case page even with the database down)
 * and written to `case_alerts` in the background (counted in the case list).
 */
export class Alerts {
  constructor(
    private readonly state: () => CaseState,
    /** Runs work in the background, counted until done (the case may not continue as new before). */
    private readonly background: (work: Promise<unknown>) => void,
    /** Told of each alert, to wake the clock supervisor. */
    private readonly changed: () => void,
  ) {}

  raise(alert: Omit<CaseAlert, 'at'>): void {
    const state = this.state();
    const raised: CaseAlert = { at: new Date().toISOString(), ...alert };
    state.alerts = [...(state.alerts ?? []), raised].slice(-KEPT_ALERTS);
    this.background(
      alerting.recordCaseAlert({ caseId: state.info.caseId, ...raised }).catch(() => undefined),
    );
    this.changed();
  }

  /** Runs an alarm's or a recomputation's work; if it cannot be recorded, alerts and goes on. */
  async orAlert(subject: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.unrecorded('alarm_not_recorded', subject, err);
    }
  }

  /** Work that could not be recorded within its retry bound: alerted; anything else is rethrown. */
  unrecorded(kind: CaseAlert['kind'], subject: string, err: unknown): void {
    if (!unrecorded(err) || !patched(PATCHES.alertUnrecordedWork)) throw err;
    const type = failureType(err);
    const mailDown = kind === 'mail_not_sent' && type !== CaseErrors.DataRejected;
    this.raise({ kind, subject, errorType: mailDown ? CaseErrors.MailUndelivered : type });
  }
}

/** The refusal the staff member sees: the action did not happen, and why, without its data. */
export function refusalOf(errorType: string): ApplicationFailure {
  const message =
    errorType === CaseErrors.DataRejected
      ? '数据库无法保存该操作的内容（可能含有无法保存的字符），操作未生效，请修改后重试'
      : '案件记录暂时无法写入，操作未生效，请稍后重试';
  return ApplicationFailure.nonRetryable(message, errorType);
}
