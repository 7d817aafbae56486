// What GET /api/admin/policy shows: the active version of each policy, with who set it and why.
import { activePolicyVersion, type PolicyVersionRow } from '../../store/calendar-policy';
import type { CalendarSnapshot } from '../../calendar/cache';
import type { PolicyKind } from '../../calendar/policies';
import {
  basisText,
  CLOCK_IDS,
  DEFAULT_CLOCK_CATALOGUE,
  DEFAULT_STOP_DAY_COUNTING,
  type ClockCatalogue,
} from '../../domain/period';
import type { CalendarServiceDeps } from './holiday-service';

function provenance(row: PolicyVersionRow | undefined) {
  return {
    createdBy: row?.created_by ?? null,
    createdAt: row?.created_at.toISOString() ?? null,
    reason: row?.reason ?? null,
  };
}

export function clockTable(catalogue: ClockCatalogue) {
  return CLOCK_IDS.map((id) => {
    const clock = catalogue.clocks[id];
    const builtIn = DEFAULT_CLOCK_CATALOGUE.clocks[id];
    return {
      id,
      name: clock.name,
      target: clock.target,
      startEvent: clock.startEvent.name,
      defaultLength: clock.defaultLength,
      urgentLength: clock.urgentLength ?? null,
      builtInDefaultLength: builtIn.defaultLength,
      builtInUrgentLength: builtIn.urgentLength ?? null,
      basis: basisText(clock.basis),
    };
  });
}

export async function policyView(deps: CalendarServiceDeps, current?: CalendarSnapshot) {
  const snapshot = current ?? (await deps.store.snapshot());
  const kinds: PolicyKind[] = ['period', 'catalogue', 'reminders'];
  const [period, catalogue, reminders] = await Promise.all(
    kinds.map((kind) => activePolicyVersion(deps.db, kind)),
  );
  return {
    period: {
      version: snapshot.policy.version,
      makeupWorkdayCounts: snapshot.policy.makeupWorkdayCounts,
      stopDayCounting: snapshot.policy.stopDayCounting ?? DEFAULT_STOP_DAY_COUNTING,
      ...provenance(period),
    },
    catalogue: {
      version: snapshot.catalogue.version,
      overrides: (catalogue?.content as { overrides?: unknown } | undefined)?.overrides ?? {},
      clocks: clockTable(snapshot.catalogue),
      ...provenance(catalogue),
    },
    reminders: { ...snapshot.reminders, ...provenance(reminders) },
  };
}
