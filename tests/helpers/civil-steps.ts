/** The civil track's common start for workflow tests: a case filed, investigated and announced today. */
import { computeDeadline, DEFAULT_PERIOD_POLICY, scheduleFromChineseDays } from '../../domain/period';
import type { PeriodLength } from '../../domain/period';
import { CaseDriver, CaseSteps, newCaseInput, quiet } from './case-driver';
import type { WorkflowWorld } from './workflow-env';

export const dueOf = (start: string, period: PeriodLength) =>
  computeDeadline({ start, period }, scheduleFromChineseDays(), DEFAULT_PERIOD_POLICY).due;

export interface AnnouncedCase {
  c: CaseDriver;
  publishedOn: string;
  /** The announcement's last day. */
  end: string;
}

/** A civil case filed, investigated and announced today; the announcement clock runs for 30 days. */
export async function announcedCivilCase(t: WorkflowWorld, taskQueue: string): Promise<AnnouncedCase> {
  const c = await CaseDriver.start(
    t,
    taskQueue,
    newCaseInput(t.org, { track: 'civil', title: '某企业非法排污' }),
  );
  await new CaseSteps(c, t.org).file();
  const publishedOn = await c.today();
  const result = await c.act('publishAnnouncement', t.org.prosecutor, { publishedOn, medium: '正义网' });
  expect(result.stage).toBe('ANNOUNCEMENT');
  const announcement = result.clocks.find((k) => k.key === 'announcement')!;
  expect(announcement).toMatchObject({
    status: 'running',
    due: dueOf(publishedOn, { unit: 'days', count: 30 }),
  });
  expect(result.clocks.find((k) => k.key === 'investigation')?.status).toBe('met');
  return { c, publishedOn, end: announcement.due! };
}

/** Lets the announcement run out with nobody suing: the case is in the civil litigation review. */
export async function nobodySued(t: WorkflowWorld, { c, end }: AnnouncedCase): Promise<void> {
  await quiet(c);
  await t.env.sleep('35 days');
  const reviewed = await c.act('recordAnnouncementOutcome', t.org.prosecutor, {
    on: await c.today(),
    outcome: 'nobody_sued',
  });
  expect(reviewed.stage).toBe('LITIGATION_REVIEW');
  expect(reviewed.clocks.find((k) => k.key === 'litigation_review_civil')?.due).toBe(
    dueOf(end, { unit: 'months', count: 3 }),
  );
}

/** The company a civil case is brought against, recorded on `on`. */
export const COMPANY = (on: string) => ({
  name: '某化工有限公司',
  kind: 'legal_person' as const,
  identifier: '91310000MA1FL0000X',
  recordedOn: on,
});
