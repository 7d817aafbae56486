// Use cases of the policies: show, what-if, apply (each change a new version).
import type { CalendarSnapshot } from '../../calendar/cache';
import { storedCatalogue } from '../../calendar/store';
import { affectedCases, previewMoves, requestUnderCatalogue, type MoveReport } from '../../calendar/whatif';
import { casesWithOpenClocks, openClocks, type OpenClockRow } from '../../store/calendar-clocks';
import { addPolicyVersions, type NewPolicyVersion, type PolicyChange } from '../../store/calendar-policy';
import type { Db } from '../../store/pool';
import { DEFAULT_STOP_DAY_COUNTING, type ClockCatalogue, type PeriodPolicy } from '../../domain/period';
import type { CalendarServiceDeps } from './holiday-service';
import { policyCandidate, type PolicyCandidate, type PolicyChangeBody } from './policy-input';
import { signalRecompute, type SignalReport } from './signal-cases';

const NO_MOVES: MoveReport = { examined: 0, moves: [], uncomputable: [] };

/** For each clock, the catalogue version that produced it (the current one if it is not stored). */
async function producingCatalogues(db: Db, rows: OpenClockRow[], current: ClockCatalogue) {
  const byVersion = new Map<string, ClockCatalogue>();
  for (const version of new Set(rows.map((row) => row.catalogue_version))) {
    byVersion.set(version, (await storedCatalogue(db, version)) ?? current);
  }
  return (row: OpenClockRow) => byVersion.get(row.catalogue_version) ?? current;
}

const stopCounting = (policy: PeriodPolicy) => policy.stopDayCounting ?? DEFAULT_STOP_DAY_COUNTING;

async function previewPolicy(
  db: Db,
  current: CalendarSnapshot,
  candidate: PolicyCandidate,
): Promise<MoveReport> {
  const ruleChanged =
    candidate.policy !== undefined &&
    (candidate.policy.makeupWorkdayCounts !== current.policy.makeupWorkdayCounts ||
      stopCounting(candidate.policy) !== stopCounting(current.policy));
  const clocks = candidate.catalogue?.changedClocks ?? [];
  if (!ruleChanged && clocks.length === 0) return NO_MOVES;
  const rows = await openClocks(db, ruleChanged ? {} : { clockIds: clocks });
  const next = candidate.catalogue?.value;
  const produced = await producingCatalogues(db, rows, current.catalogue);
  return previewMoves(rows, {
    schedule: current.schedule,
    policy: candidate.policy ?? current.policy,
    requestFor: next === undefined ? undefined : (row) => requestUnderCatalogue(row, produced(row), next),
  });
}

export async function policyWhatIf(deps: CalendarServiceDeps, body: PolicyChangeBody) {
  const current = await deps.store.snapshot();
  const candidate = policyCandidate(current, body);
  return { current, candidate, report: await previewPolicy(deps.db, current, candidate) };
}

function newVersions(candidate: PolicyCandidate, actorId: string, reason: string | null): NewPolicyVersion[] {
  const inputs: NewPolicyVersion[] = [];
  const add = (kind: NewPolicyVersion['kind'], content: unknown) =>
    inputs.push({ kind, content, actorId, reason });
  if (candidate.policy)
    add('period', {
      makeupWorkdayCounts: candidate.policy.makeupWorkdayCounts,
      stopDayCounting: stopCounting(candidate.policy),
    });
  if (candidate.catalogue) add('catalogue', { overrides: candidate.catalogue.overrides });
  if (candidate.reminders) add('reminders', candidate.reminders);
  return inputs;
}

export interface PolicyApplied extends MoveReport {
  changes: PolicyChange[];
  versions: Awaited<ReturnType<CalendarServiceDeps['store']['versions']>>;
  signals: SignalReport;
}

/**
 * Stores the new versions, then signals the cases whose deadlines move — and, when the reminder
 * policy changed, every case with a running clock, so that its reminders are planned again.
 */
export async function applyPolicy(
  deps: CalendarServiceDeps,
  body: PolicyChangeBody,
  actorId: string,
): Promise<PolicyApplied> {
  const { candidate, report } = await policyWhatIf(deps, body);
  const changes = await addPolicyVersions(deps.db, newVersions(candidate, actorId, body.reason ?? null));
  const versions = await deps.store.versions();
  const remindersChanged = changes.some((change) => change.kind === 'reminders' && change.changed);
  const cases = new Map(affectedCases(report.moves).map((ref) => [ref.caseId, ref]));
  if (remindersChanged) for (const ref of await casesWithOpenClocks(deps.db)) cases.set(ref.caseId, ref);
  const labels = changes.filter((change) => change.changed).map((change) => change.version);
  const signals = await signalRecompute(deps, [...cases.values()], {
    reason: `期限政策变更${labels.length > 0 ? `（${labels.join('、')}）` : '（重新通知）'}${body.reason ? `：${body.reason}` : ''}`,
    versions: { policy: versions.policy, catalogue: versions.catalogue },
    actorId,
  });
  deps.log.info({ versions: labels, moves: report.moves.length }, 'policy changed');
  return { ...report, changes, versions, signals };
}
