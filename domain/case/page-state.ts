/**
 * The part of a case's workflow state that its page shows and that decides which actions it
 * offers, as the read model keeps it (table case_states): the case workflow hands it to the journal
 * with every batch of timeline entries, so the API answers the page without querying the workflow,
 * and a closed case stays readable once Temporal has removed its history.
 *
 * Left out of each clock: its reminder schedule, the lines explaining its due date and the versions
 * of the policies that produced it. No rule reads them (the reminders are the workflow's own alarms;
 * the explanations and versions are in case_clocks, where the page reads them), and they are most
 * of a clock's size: the state travels with every batch of timeline entries.
 */
import { structuredCopy } from './actions';
import type { CaseAlert, CaseState, ClockState } from './model';

export type PageClock = Omit<ClockState, 'reminders' | 'explanation' | 'versions'>;
export type PageState = Omit<CaseState, 'clocks'> & { clocks: Record<string, PageClock> };

/** How many alerts a case keeps in its state: enough to see a pattern, while the carried state stays small. */
export const KEPT_ALERTS = 20;

/** A copy of the page's part of `state`, taken now: the workflow goes on changing its own. */
export function pageStateOf(state: CaseState): PageState {
  const copy = structuredCopy(state) as CaseState;
  const clocks: Record<string, PageClock> = {};
  for (const [key, clock] of Object.entries(copy.clocks)) {
    const { reminders: _reminders, explanation: _explanation, versions: _versions, ...kept } = clock;
    clocks[key] = kept;
  }
  return { ...copy, clocks };
}

const UNRECORDED_VERSIONS = { catalogue: '', policy: '', schedule: '', reminders: '' };

/** The state the rules run on, from the page's part: no reminders due, nothing to explain. */
export function caseStateOf(page: PageState): CaseState {
  const clocks: Record<string, ClockState> = {};
  for (const [key, clock] of Object.entries(page.clocks))
    clocks[key] = { ...clock, reminders: [], explanation: [], versions: UNRECORDED_VERSIONS };
  return { ...page, clocks };
}

/** An open alert as case_alerts holds it (written in the background, after the state it follows). */
export interface RecordedAlert {
  at: string;
  kind: CaseAlert['kind'];
  subject: string;
  errorType: string;
}

/**
 * The stored state with the open alerts raised after it was written: an alert is kept in the
 * workflow's state and written to case_alerts on its own, so it can be newer than the last batch
 * of timeline entries. Older recorded alerts missing from the state are the ones the workflow no
 * longer keeps.
 */
export function withLaterAlerts(page: PageState, recorded: readonly RecordedAlert[]): PageState {
  const kept = page.alerts ?? [];
  const newest = Math.max(...kept.map((a) => Date.parse(a.at)), -Infinity);
  const key = (a: RecordedAlert) => `${Date.parse(a.at)} ${a.kind} ${a.subject}`;
  const known = new Set(kept.map(key));
  // Alerts raised in one workflow task share their instant: one of them may be in the state already.
  const later = recorded
    .filter((r) => Date.parse(r.at) >= newest && !known.has(key(r)))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  if (later.length === 0) return page;
  return { ...page, alerts: [...kept, ...later].slice(-KEPT_ALERTS) };
}
