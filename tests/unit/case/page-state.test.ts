// The page state the read model keeps: what it leaves out changes nothing the page offers, and
// alerts recorded after it was written are shown with it.
import { availableActions } from '../../../domain/case/actions';
import type { CaseAlert } from '../../../domain/case/model';
import {
  caseStateOf,
  KEPT_ALERTS,
  pageStateOf,
  withLaterAlerts,
  type RecordedAlert,
} from '../../../domain/case/page-state';
import { at, POINTS, type Point } from './points';
import { ACTORS, TODAY } from './story';

const points = Object.keys(POINTS) as Point[];
const actors = Object.keys(ACTORS) as (keyof typeof ACTORS)[];

it.each(points)('at %s every user is offered the same actions from the stored page state', (point) => {
  const { state } = at(point);
  const stored = caseStateOf(JSON.parse(JSON.stringify(pageStateOf(state))));
  for (const who of actors)
    expect({ who, offered: availableActions(stored, ACTORS[who], TODAY) }).toEqual({
      who,
      offered: availableActions(state, ACTORS[who], TODAY),
    });
});

it('leaves out the reminder schedules, explanations and versions, and is a copy the workflow may go on changing', () => {
  const { state } = at('INVESTIGATION');
  const clock = Object.values(state.clocks)[0]!;
  clock.explanation = ['期间开始之日不计算在内'];
  clock.reminders = [
    {
      stepId: 'before-3',
      fireAt: Date.UTC(2025, 2, 1),
      recipients: ['handler'],
      suggestEscalation: false,
      done: false,
    },
  ];
  const page = pageStateOf(state);
  expect(page.clocks[clock.key]).not.toHaveProperty('reminders');
  expect(page.clocks[clock.key]).not.toHaveProperty('explanation');
  expect(page.clocks[clock.key]).not.toHaveProperty('versions');
  expect(page.clocks[clock.key]).toMatchObject({ due: clock.due, request: clock.request });
  state.stage = 'CLOSED';
  clock.request.start = '2000-01-01';
  expect(page.stage).not.toBe('CLOSED');
  expect(page.clocks[clock.key]!.request.start).not.toBe('2000-01-01');
});

const alert = (minute: number, acknowledged = false): CaseAlert => ({
  at: new Date(Date.UTC(2025, 2, 5, 2, minute)).toISOString(),
  kind: 'alarm_not_recorded',
  subject: `reminder-${minute}`,
  errorType: 'JournalUnavailable',
  ...(acknowledged ? { acknowledged: { by: 'u-head', on: TODAY, note: null } } : {}),
});
/** As case_alerts gives it back: PostgreSQL's own spelling of the instant. */
const recorded = (a: CaseAlert): RecordedAlert => ({
  at: a.at.replace('Z', '+00:00'),
  kind: a.kind,
  subject: a.subject,
  errorType: a.errorType,
});

it('adds the alerts recorded after the newest it holds, in order, and no older one', () => {
  const page = { ...pageStateOf(at('LEAD').state), alerts: [alert(1, true), alert(3)] };
  // minute 2: open in case_alerts but no longer kept by the workflow; 5 and 4: raised after the state.
  const merged = withLaterAlerts(page, [alert(5), alert(2), alert(4)].map(recorded));
  expect(merged.alerts).toEqual([alert(1, true), alert(3), alert(4), alert(5)]);
  expect(withLaterAlerts(page, [recorded(alert(3))])).toBe(page);
  const sameInstant = { ...alert(3), kind: 'mail_not_sent' as const, subject: 'mail' };
  expect(withLaterAlerts(page, [recorded(alert(3)), recorded(sameInstant)]).alerts).toEqual([
    alert(1, true),
    alert(3),
    sameInstant,
  ]);
});

it('keeps as many alerts as the workflow does, the newest', () => {
  const page = { ...pageStateOf(at('LEAD').state), alerts: [alert(0)] };
  const later = Array.from({ length: KEPT_ALERTS }, (_, i) => recorded(alert(i + 1)));
  const merged = withLaterAlerts(page, later);
  expect(merged.alerts).toHaveLength(KEPT_ALERTS);
  expect(merged.alerts![0]).toEqual(alert(1));
  expect(merged.alerts!.at(-1)).toEqual(alert(KEPT_ALERTS));
});
