// The civil track's defendants and 支持起诉: the suit is proposed against recorded parties; an
// organisation's suit is supported with content, and a withdrawn one returns the case to review.
import { quiet, refusal } from '../helpers/case-driver';
import { announcedCivilCase, COMPANY, dueOf, nobodySued } from '../helpers/civil-steps';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

const projectedSummary = async (caseId: string) =>
  (
    await t.db.query<{ summary: Record<string, unknown> }>('SELECT summary FROM cases WHERE id = $1', [
      caseId,
    ])
  )[0]!.summary;

it('the defendants are recorded, nobody sues, and the suit is proposed and decided against the company', async () => {
  await t.withWorker(async (taskQueue) => {
    const announced = await announcedCivilCase(t, taskQueue);
    const { c } = announced;
    await c.act('recordCivilParty', t.org.prosecutor, COMPANY(await c.today()));
    const twice = await refusal(c.act('recordCivilParty', t.org.prosecutor, COMPANY(await c.today())));
    expect(twice).toEqual({
      type: 'InvalidPayload',
      message: '证件号码 91310000MA1FL0000X 已登记为被告「某化工有限公司」',
    });
    const entry = (await c.timeline()).find((e) => e.kind === 'recordCivilParty');
    expect(entry?.data).toMatchObject({ partyId: 'party-1', name: '某化工有限公司', kind: 'legal_person' });

    await nobodySued(t, announced);
    const none = await refusal(c.act('proposeLitigation', t.org.prosecutor, { reason: '无人起诉' }));
    expect(none.message).toBe('请选择被告（先以“登记民事公益诉讼被告”登记）');
    await c.act('proposeLitigation', t.org.prosecutor, { reason: '无人起诉', partyIds: ['party-1'] });
    const sued = await c.act('decideLitigation', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '提起民事公益诉讼',
    });
    expect(sued.stage).toBe('LITIGATION');
    expect((await c.state()).litigation).toMatchObject({ partyIds: ['party-1'], organIds: [] });
    await quiet(c);
    expect(await projectedSummary(c.input.caseId)).toMatchObject({
      parties: [{ id: 'party-1', name: '某化工有限公司', kind: 'legal_person' }],
      litigatedPartyIds: ['party-1'],
    });
  });
}, 300_000);

it('an organisation sues and is supported, then withdraws: the case returns to litigation review for 3 months', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await announcedCivilCase(t, taskQueue);
    await quiet(c);
    await t.env.sleep('10 days');
    await c.act('recordAnnouncementOutcome', t.org.prosecutor, {
      on: await c.today(),
      outcome: 'sued_by_other',
      plaintiff: '某环保公益组织',
    });
    await quiet(c);
    await t.env.sleep('5 days');
    const supported = await c.act('recordSupport', t.org.prosecutor, {
      supportedOn: await c.today(),
      court: '某市中级人民法院',
      forms: ['legal_advice', 'evidence_gathering'],
      summary: '提供法律咨询，协助调查取证',
    });
    expect(supported.stage).toBe('SUPPORT');
    await quiet(c);
    await t.env.sleep('40 days');
    const withdrawnOn = await c.today();
    const back = await c.act('recordSupportConcluded', t.org.prosecutor, {
      on: withdrawnOn,
      result: 'plaintiff_withdrew',
      summary: '起诉的组织撤回起诉',
    });
    expect(back.stage).toBe('LITIGATION_REVIEW');
    expect(back.clocks.find((k) => k.key === 'litigation_review_civil')).toMatchObject({
      status: 'running',
      due: dueOf(withdrawnOn, { unit: 'months', count: 3 }),
    });
    expect((await c.state()).plaintiffSuits).toEqual([
      expect.objectContaining({
        plaintiff: '某环保公益组织',
        court: '某市中级人民法院',
        result: 'plaintiff_withdrew',
        endedOn: withdrawnOn,
      }),
    ]);
    await quiet(c);
    expect(await projectedSummary(c.input.caseId)).toMatchObject({
      plaintiffSuit: { plaintiff: '某环保公益组织', court: '某市中级人民法院', result: 'plaintiff_withdrew' },
    });
  });
}, 300_000);

it('an organisation sues during the litigation review and is supported: the review is met, the suit is won and the case archived', async () => {
  await t.withWorker(async (taskQueue) => {
    const announced = await announcedCivilCase(t, taskQueue);
    const { c } = announced;
    await nobodySued(t, announced);
    await quiet(c);
    await t.env.sleep('20 days');
    const suedOn = await c.today();
    const support = await c.act('recordPlaintiffSuit', t.org.prosecutor, {
      suedOn,
      plaintiff: '某环保基金会',
      court: '某市中级人民法院',
      support: true,
    });
    expect(support.stage).toBe('SUPPORT');
    expect(support.clocks.find((k) => k.key === 'litigation_review_civil')?.status).toBe('met');
    await c.act('recordSupport', t.org.prosecutor, {
      supportedOn: suedOn,
      court: '某市中级人民法院',
      forms: ['support_opinion', 'court_appearance'],
      summary: '提交支持起诉意见书并出席法庭',
    });
    await quiet(c);
    await t.env.sleep('60 days');
    const closed = await c.act('recordSupportConcluded', t.org.prosecutor, {
      on: await c.today(),
      result: 'upheld',
      summary: '法院判决被告赔偿生态环境损害',
    });
    expect(closed.stage).toBe('ARCHIVED');
    const entry = (await c.timeline()).find((e) => e.kind === 'recordPlaintiffSuit');
    expect(entry?.data).toMatchObject({ plaintiff: '某环保基金会', support: true });
  });
}, 300_000);
