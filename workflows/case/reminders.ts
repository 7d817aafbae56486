/** The mail and timeline entries of reminders, escalation suggestions and moved deadlines. */
import type { MailRecipient, MailRequest, OrganMailRequest } from '../../store/journal';
import type {
  CaseState,
  ClockState,
  EscalationStep,
  EscalationSuggestion,
  ReminderState,
} from '../../domain/case/model';
import type { RecomputeClocksRequest } from '../contract';
import type { ClockChange } from './clocks';
import type { JournalBatch, JournalEvent } from './journal';

const SYSTEM = 'system';

/** 检察建议工作规定 art. 25: what may follow when an organ ignores a recommendation. */
export const ESCALATION_STEPS: Record<EscalationSuggestion['step'], string> = {
  report_above: '报告上级人民检察院',
  notify_superior_organ: '通报被建议单位的上级机关、行政主管部门或者行业自律组织',
  report_congress: '通报同级人民代表大会常务委员会',
  notify_government: '通报同级人民政府',
  notify_discipline: '通报纪检监察机关',
};

/** Clocks an organ runs: when long overdue, the escalation ladder is offered. */
const ORGAN_CLOCKS = ['reply', 'rectification'];

export function stepLabel(stepId: string): string {
  const offset = Number(stepId.slice(1));
  if (offset === 0) return '届满当日';
  return offset < 0 ? `届满前${-offset}日` : `逾期${offset}日`;
}

export function reminderBatch(
  state: CaseState,
  clock: ClockState,
  reminder: ReminderState,
  at: string,
  /** The rungs offered, asked only when the ladder is offered (a patch decides which). */
  ladder: () => readonly EscalationStep[],
): JournalBatch {
  const events: JournalEvent[] = [
    {
      kind: 'reminder',
      actorId: SYSTEM,
      data: { clockKey: clock.key, due: clock.due, step: reminder.stepId, recipients: reminder.recipients },
    },
  ];
  const suggestions =
    reminder.suggestEscalation && ORGAN_CLOCKS.includes(clock.clockId)
      ? suggestEscalation(state, clock, at, ladder())
      : [];
  if (suggestions.length > 0) {
    events.push({
      kind: 'escalation_suggested',
      actorId: SYSTEM,
      data: { clockKey: clock.key, steps: suggestions.map((s) => s.step) },
    });
  }
  const recipients: MailRecipient[] = reminder.recipients.map((role) =>
    role === 'handler' ? { userId: state.handlerId } : { role },
  );
  const mail: MailRequest<'reminder'> = {
    dedupeKey: `case:${state.info.caseId}:clock:${clock.key}:${clock.due}:${reminder.stepId}`,
    template: 'reminder',
    recipients,
    vars: {
      caseId: state.info.caseId,
      title: state.info.title,
      clockName: clock.name,
      due: clock.due ?? '',
      basis: clock.basis,
      stepLabel: stepLabel(reminder.stepId),
      overdue: Number(reminder.stepId.slice(1)) > 0,
      provisional: clock.provisional,
      explanation: clock.explanation,
      escalation: suggestions.map((s) => ESCALATION_STEPS[s.step]),
    },
  };
  return { events, mail: [mail] };
}

function suggestEscalation(
  state: CaseState,
  clock: ClockState,
  at: string,
  ladder: readonly EscalationStep[],
): EscalationSuggestion[] {
  const added: EscalationSuggestion[] = [];
  for (const step of ladder) {
    if (state.escalations.some((e) => e.clockKey === clock.key && e.step === step)) continue;
    const suggestion = { clockKey: clock.key, step, suggestedAt: at };
    state.escalations.push(suggestion);
    added.push(suggestion);
  }
  return added;
}

/**
 * The organ's own reminder of the clock it runs (reply, rectification): once per clock, with the
 * first staff reminder that falls on or before the due date. None for other clocks, none once sent.
 */
export function organReminder(
  state: CaseState,
  clock: ClockState,
  reminder: ReminderState,
): OrganMailRequest | undefined {
  if (!ORGAN_CLOCKS.includes(clock.clockId) || clock.organReminded || !clock.due) return undefined;
  if (Number(reminder.stepId.slice(1)) > 0) return undefined;
  const rec = state.recommendations.find((r) => r.id === clock.recommendationId);
  if (!rec?.decidedOn) return undefined;
  return {
    recommendationId: rec.id,
    organId: rec.organId,
    title: state.info.title,
    decidedOn: rec.decidedOn,
    reminder: { clockKey: clock.key, clock: clock.clockId as 'reply' | 'rectification', due: clock.due },
  };
}

export function clockChangedMail(
  state: CaseState,
  change: ClockChange,
  request: RecomputeClocksRequest,
): MailRequest<'clock_changed'> {
  const c = change.clock;
  return {
    dedupeKey: `case:${state.info.caseId}:clock:${c.key}:moved:${change.previousDue}:${c.due}:${c.provisional}`,
    template: 'clock_changed',
    recipients: [{ userId: state.handlerId }],
    vars: {
      caseId: state.info.caseId,
      title: state.info.title,
      clockName: c.name,
      oldDue: change.previousDue ?? null,
      newDue: c.due,
      provisional: c.provisional,
      reason: request.reason,
    },
  };
}
