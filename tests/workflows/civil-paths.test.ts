// 刑事附带民事公益诉讼 (两高解释 art. 20; 两高批复 法释〔2019〕18号) and 英雄烈士保护 (Rules art. 92;
// 两高解释 art. 13 para. 2) through a case's workflow, time skipping over the waits.
import { CaseDriver, CaseSteps, newCaseInput, quiet } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

async function civilCase(taskQueue: string, domainCode: string, title: string): Promise<CaseDriver> {
  const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org, { track: 'civil', domainCode, title }));
  await new CaseSteps(c, t.org).file();
  return c;
}

it('illegal fishing in the closed season: the civil case linked to its criminal case, announced, and its suit filed together with the prosecution before the court trying the crime', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await civilCase(taskQueue, 'ecology', '禁渔期非法捕捞水产品');
    const criminal = {
      caseNumber: '（2026）沪0115刑初88号',
      court: '上海市浦东新区人民法院',
      defendants: ['王某', '李某'],
    };
    await c.act('linkCriminalCase', t.org.prosecutor, {
      ...criminal,
      defendants: '王某\n李某',
      linkedOn: await c.today(),
    });
    await c.act('recordCivilParty', t.org.prosecutor, {
      name: '王某',
      kind: 'natural_person',
      identifier: '310101198001010011',
      recordedOn: await c.today(),
    });
    await c.act('publishAnnouncement', t.org.prosecutor, { publishedOn: await c.today(), medium: '正义网' });
    await quiet(c);
    await t.env.sleep('35 days');
    await quiet(c);
    await c.act('recordAnnouncementOutcome', t.org.prosecutor, {
      on: await c.today(),
      outcome: 'nobody_sued',
    });
    await c.act('proposeLitigation', t.org.prosecutor, { reason: '公告期满无人起诉', partyIds: ['party-1'] });
    const today = await c.today();
    await c.act('decideLitigation', t.org.chief, {
      approve: true,
      decidedOn: today,
      reason: '随公诉一并提起',
    });
    const filed = await c.act('recordIncidentalSuitFiled', t.org.prosecutor, {
      filedOn: today,
      servedOn: today,
    });
    expect(filed.stage).toBe('LITIGATION');
    expect(filed.clocks.find((k) => k.key === 'complaint_report_above')?.status).toBe('running');
    const state = await c.state();
    expect(state.litigation).toMatchObject({ court: criminal.court, withProsecution: true });
    expect(state.criminalCase).toMatchObject({ ...criminal, filedWithProsecutionOn: today });
    const timeline = await c.timeline();
    expect(timeline.find((e) => e.kind === 'linkCriminalCase')!.data).toMatchObject(criminal);
    expect(timeline.find((e) => e.kind === 'recordIncidentalSuitFiled')!.data).toMatchObject({
      withProsecution: true,
      caseNumber: criminal.caseNumber,
    });
  });
});

it('a martyr defamed online: the relatives are asked instead of an announcement, do not answer in 30 days, and the civil review runs from the end of the wait', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await civilCase(taskQueue, 'heroes', '网络账号歪曲烈士事迹');
    const inquired = await c.act('inquireRelatives', t.org.prosecutor, {
      inquiredOn: await c.today(),
      relatives: '烈士之子张某',
    });
    expect(inquired.clocks.find((k) => k.key === 'relatives_inquiry')).toMatchObject({ status: 'running' });
    await quiet(c);
    await t.env.sleep('35 days');
    await quiet(c);
    const state = await c.state();
    // Past its day the wait is overdue (its expiry handled, reminders sent), still to be answered.
    expect(state.clocks.relatives_inquiry).toMatchObject({ status: 'running', expiryHandled: true });
    expect((await c.today()) > state.clocks.relatives_inquiry!.due!).toBe(true);
    const answered = await c.act('recordRelativesAnswer', t.org.prosecutor, {
      on: await c.today(),
      answer: 'no_answer',
      summary: '征询期满，近亲属未答复',
    });
    expect(answered.stage).toBe('LITIGATION_REVIEW');
    const after = await c.state();
    expect(after.clocks.litigation_review_civil!.request.start).toBe(state.clocks.relatives_inquiry!.due);
    expect(after.announcement).toBeUndefined();
    const entry = (await c.timeline()).find((e) => e.kind === 'recordRelativesAnswer')!;
    expect(entry.data).toMatchObject({ answer: 'no_answer', answerLabel: '征询期满，近亲属未答复' });
  });
});
