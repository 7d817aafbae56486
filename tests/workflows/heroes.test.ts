// 英雄烈士保护 (Rules art. 92; 两高解释 art. 13 para. 2) through a case's workflow: the relatives sue
// themselves, the relatives will not sue and do not object, and a martyr with no close relatives.
import { CaseDriver, CaseSteps, newCaseInput, quiet, refusal } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

async function heroesCase(taskQueue: string, title: string): Promise<CaseDriver> {
  const c = await CaseDriver.start(
    t,
    taskQueue,
    newCaseInput(t.org, { track: 'civil', domainCode: 'heroes', title }),
  );
  await new CaseSteps(c, t.org).file();
  return c;
}

async function askRelatives(c: CaseDriver): Promise<void> {
  await c.act('inquireRelatives', t.org.prosecutor, {
    inquiredOn: await c.today(),
    relatives: '烈士之子张某',
  });
}

it('the martyr’s son sues the defamer himself: the procuratorate supports his suit, and when it is won the case ends', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await heroesCase(taskQueue, '自媒体账号侮辱烈士');
    await askRelatives(c);
    const suedOn = await c.today();
    const sued = await c.act('recordRelativesAnswer', t.org.prosecutor, {
      on: suedOn,
      answer: 'relatives_sued',
      plaintiff: '烈士之子张某',
      summary: '烈士之子已向法院起诉',
    });
    expect(sued.stage).toBe('SUPPORT');
    expect(sued.clocks.find((k) => k.key === 'relatives_inquiry')?.status).toBe('met');
    await c.act('recordSupport', t.org.prosecutor, {
      supportedOn: suedOn,
      court: '某市中级人民法院',
      forms: ['support_opinion'],
      summary: '提交支持起诉意见书',
    });
    await quiet(c);
    await t.env.sleep('40 days');
    const ended = await c.act('recordSupportConcluded', t.org.prosecutor, {
      on: await c.today(),
      result: 'upheld',
      summary: '法院判决被告赔礼道歉',
    });
    expect(ended.stage).toBe('ARCHIVED');
    expect((await c.state()).plaintiffSuits?.[0]).toMatchObject({
      plaintiff: '烈士之子张某',
      result: 'upheld',
    });
  });
}, 300_000);

it('the relatives will not sue and do not object: the case goes on to the review, and the chief cannot end it on an objection nobody made', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await heroesCase(taskQueue, '网络游戏丑化英雄形象');
    await askRelatives(c);
    const terminate = async () => ({
      decidedOn: await c.today(),
      reason: '近亲属不同意起诉',
      ground: 'relatives_object' as const,
    });
    const early = await refusal(c.act('terminate', t.org.chief, await terminate()));
    expect(early).toMatchObject({ type: 'InvalidPayload' });
    const answered = await c.act('recordRelativesAnswer', t.org.prosecutor, {
      on: await c.today(),
      answer: 'relatives_not_suing',
      summary: '近亲属表示不起诉，也不反对检察机关起诉',
    });
    expect(answered.stage).toBe('LITIGATION_REVIEW');
    const refused = await refusal(c.act('terminate', t.org.chief, await terminate()));
    expect(refused.type).toBe('InvalidPayload');
    expect(refused.message).toMatch(/没有登记英雄烈士等的近亲属不同意/);
    const state = await c.state();
    expect(state.stage).toBe('LITIGATION_REVIEW');
    expect(state.clocks.litigation_review_civil).toMatchObject({ status: 'running' });
    expect((await c.timeline()).some((e) => e.kind === 'terminate')).toBe(false);
  });
}, 300_000);

it('a martyr with no close relatives: recorded as such, nobody is asked, and the civil review runs from that day', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await heroesCase(taskQueue, '公众号歪曲无名烈士事迹');
    const recordedOn = await c.today();
    const none = await c.act('recordNoCloseRelatives', t.org.prosecutor, {
      recordedOn,
      summary: '经退役军人事务部门核实，烈士没有近亲属',
    });
    expect(none.stage).toBe('LITIGATION_REVIEW');
    const state = await c.state();
    expect(state.noCloseRelatives).toEqual({ recordedOn, summary: '经退役军人事务部门核实，烈士没有近亲属' });
    expect(state.clocks.litigation_review_civil!.request.start).toBe(recordedOn);
    expect(state.clocks.relatives_inquiry).toBeUndefined();
    expect(state.clocks.investigation).toMatchObject({ status: 'met' });
    const entry = (await c.timeline()).find((e) => e.kind === 'recordNoCloseRelatives')!;
    expect(entry.data).toMatchObject({ recordedOn, next: expect.stringMatching(/第九十二条/) });
    expect(
      await refusal(
        c.act('inquireRelatives', t.org.prosecutor, { inquiredOn: recordedOn, relatives: '某某' }),
      ),
    ).toMatchObject({ type: 'WrongStage' });
  });
}, 300_000);
