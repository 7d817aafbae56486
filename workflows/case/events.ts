/** Turns what an action or an alarm did into timeline entries and read-model rows. */
import type { Effects } from '../../domain/case/rules/common';
import { clockRow, type ClockChange } from './clocks';
import type { JournalBatch, JournalEvent } from './journal';

export function batchOf(kind: string, actorId: string, fx: Effects, changes: ClockChange[]): JournalBatch {
  const events: JournalEvent[] = [{ kind, actorId, data: fx.data, reason: fx.reason ?? null }];
  for (const s of fx.stageChanges)
    events.push({ kind: 'stage_changed', actorId, data: { from: s.from, to: s.to, cause: kind } });
  for (const change of changes) events.push(clockEvent(change, actorId));
  const batch: JournalBatch = { events, clocks: changes.map(clockRow), recommendations: true };
  if (fx.acknowledgedAlerts.length > 0)
    batch.acknowledgedAlerts = fx.acknowledgedAlerts.map(({ at, kind, subject, errorType }) => ({
      at,
      kind,
      subject,
      errorType,
      by: actorId,
    }));
  return batch;
}

export function clockEvent(change: ClockChange, actorId: string): JournalEvent {
  const c = change.clock;
  const data: Record<string, unknown> = {
    clockKey: c.key,
    clockId: c.clockId,
    name: c.name,
    status: c.status,
  };
  if (change.computed) {
    Object.assign(data, {
      start: c.request.start,
      due: c.due,
      provisional: c.provisional,
      suspended: c.suspended,
      basis: c.basis,
      versions: c.versions,
    });
  }
  if (change.kind === 'recomputed')
    Object.assign(data, {
      previousDue: change.previousDue ?? null,
      previousProvisional: change.previousProvisional,
    });
  if (change.kind === 'met') data.metOn = c.metOn;
  return { kind: `clock_${change.kind}`, actorId, data };
}
