// A case entered after the fact (issue 4, item 9): real past dates, clocks computed from them, and
// what is already overdue fires at once — its reminders at the next working moment.
import {
  addDays,
  computeDeadline,
  dayOfWeek,
  DEFAULT_PERIOD_POLICY,
  scheduleFromChineseDays,
} from '../../domain/period';
import { DEFAULT_REMINDER_LADDER, nextWorkingMoment } from '../../domain/reminders';
import { shanghaiDate, shanghaiInstant } from '../../domain/time';
import { caseMail, quiet, reminderEntries, sleepUntil, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

const schedule = scheduleFromChineseDays();

/** 20:00 CST on the next Saturday: out of working hours, so the next working moment lies ahead. */
function nextSaturdayEvening(nowMs: number): number {
  for (let day = shanghaiDate(new Date(nowMs)); ; day = addDays(day, 1)) {
    const evening = shanghaiInstant(day, 20 * 60).getTime();
    if (dayOfWeek(day) === 6 && evening > nowMs) return evening;
  }
}

it('a recommendation served months ago: follow-up at once, each overdue reminder once at the next working moment', async () => {
  await t.withWorker(async (taskQueue) => {
    await sleepUntil(t, nextSaturdayEvening(await t.env.currentTimeMs()));
    const today = shanghaiDate(new Date(await t.env.currentTimeMs()));
    const received = addDays(today, -200);
    const { c, s } = await startCase(t, taskQueue, { receivedOn: received });
    await s.file(addDays(received, 10));
    await s.recommend([{ organId: t.org.organs.eco }], addDays(received, 20));
    const servedOn = addDays(received, 22);
    const servedAt = await t.env.currentTimeMs();
    const served = await s.serve('rec-1', servedOn);

    const replyDue = served.clocks.find((k) => k.key === 'reply:rec-1')!.due!;
    const period = { unit: 'months', count: 2 } as const;
    expect(replyDue).toBe(computeDeadline({ start: servedOn, period }, schedule, DEFAULT_PERIOD_POLICY).due);
    expect(replyDue < today).toBe(true);

    // The reply period ran out long ago: the case moves to follow-up without waiting for anyone.
    await quiet(c);
    await t.env.sleep('1 minute');
    const state = await c.state();
    expect(state.stage).toBe('FOLLOW_UP');
    expect(state.recommendations[0]!.status).toBe('reply_overdue');
    const timeline = await c.timeline();
    expect(timeline.some((e) => e.kind === 'clock_expired' && e.data.clockKey === 'reply:rec-1')).toBe(true);
    expect(timeline.filter((e) => e.kind === 'stage_changed').map((e) => e.data.to)).toContain('FOLLOW_UP');

    // Saturday evening: no reminder yet; they wait for the next working moment …
    const catchUp = nextWorkingMoment(new Date(servedAt), {
      ladder: DEFAULT_REMINDER_LADDER,
      schedule,
      rule: DEFAULT_PERIOD_POLICY,
    }).getTime();
    expect(catchUp).toBeGreaterThan(servedAt + 60_000);
    await quiet(c);
    await sleepUntil(t, catchUp - 2_000);
    expect(await reminderEntries(c, 'reply:rec-1')).toEqual([]);

    // … and go out then (the last seconds pass in real time, so delivery is not skipped over).
    const replyMail = () => caseMail(c).filter((m) => m.subject.includes(`行政机关书面回复 ${replyDue}`));
    await t.mail.waitFor(() => replyMail().length >= 5);
    const reminders = await reminderEntries(c, 'reply:rec-1');
    expect(reminders.map((r) => r.step)).toEqual(['d0', 'd+1', 'd+7']);
    for (const r of reminders) expect(r.at.getTime() - catchUp).toBeGreaterThanOrEqual(0);
    for (const r of reminders) expect(r.at.getTime() - catchUp).toBeLessThan(60_000);
    const late = (m: { subject: string }) =>
      m.subject.startsWith('【督办】期限已逾期') ? 'overdue' : 'due day';
    expect(
      replyMail()
        .map((m) => `${m.to.join()} ${late(m)}`)
        .sort(),
    ).toEqual(
      [
        `${t.org.prosecutor.email} due day`,
        `${t.org.prosecutor.email} overdue`,
        `${t.org.head.email} overdue`,
        `${t.org.chief.email} overdue`,
        `${t.org.caseOffice.email} overdue`,
      ].sort(),
    );
    const escalations = (await c.state()).escalations.filter((e) => e.clockKey === 'reply:rec-1');
    expect(escalations.map((e) => e.step)).toEqual([
      'report_above',
      'notify_superior_organ',
      'report_congress',
      'notify_government',
      'notify_discipline',
    ]);

    // Each step once: the workflow marked them sent, the outbox holds one message per step and
    // recipient, and each message reached its recipient under one Message-ID.
    const reply = (await c.state()).clocks['reply:rec-1']!;
    expect(reply.reminders.filter((r) => !r.done)).toEqual([]);
    const outbox = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mail_outbox WHERE case_id = $1 AND dedupe_key LIKE $2',
      [c.input.caseId, `case:${c.input.caseId}:clock:reply:rec-1:%`],
    );
    expect(outbox).toEqual([{ n: 5 }]);
    expect(new Set(replyMail().map((m) => m.messageId)).size).toBe(5);
  });
}, 300_000);
