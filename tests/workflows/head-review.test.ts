// The head reviews a proposal before it reaches the chief: approved, the chief decides; sent back,
// it returns to the prosecutor with the reasons; nobody reviews their own proposal or decides one
// they reviewed.
import { refusal, startCase } from '../helpers/case-driver';
import type { TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

/** The procuratorate's policy as the API reads it: head review required (the default). */
const reviewed = (u: TestUser): TestUser => ({ ...u, actor: { ...u.actor, headReview: 'required' } });

it('the head approves a filing proposal, the chief files the case, and the decision names the reviewer', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await startCase(t, taskQueue);
    const today = await c.today();
    await c.act('proposeFiling', reviewed(t.org.prosecutor), { reason: '线索查证属实' });
    const decision = { approve: true, decidedOn: today, reason: '符合立案条件' };
    expect(await refusal(c.act('decideFiling', t.org.chief, decision))).toEqual({
      type: 'WrongStage',
      message: expect.stringMatching(/尚待部门负责人审核/),
    });

    await c.act('reviewProposal', t.org.head, { approve: true, reviewedOn: today, reasons: '同意报请决定' });
    expect((await c.state()).proposal?.review).toMatchObject({
      status: 'approved',
      reviewedBy: t.org.head.id,
    });
    expect(await refusal(c.act('decideFiling', t.org.head, decision))).toMatchObject({ type: 'Forbidden' });
    expect((await c.act('decideFiling', t.org.chief, decision)).stage).toBe('FILED');

    const entries = await c.timeline();
    const review = entries.find((e) => e.kind === 'reviewProposal');
    expect(review?.data).toMatchObject({ kind: 'filing', approve: true, proposedBy: t.org.prosecutor.id });
    expect(entries.find((e) => e.kind === 'decideFiling')?.data).toMatchObject({ reviewedBy: t.org.head.id });
  });
});

it('the head sends a proposal back with reasons: it returns to the prosecutor, who proposes again', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await startCase(t, taskQueue);
    const today = await c.today();
    await c.act('proposeFiling', reviewed(t.org.prosecutor), { reason: '线索查证属实' });
    const reasons = '证据不足，请补充现场勘验材料';
    await c.act('reviewProposal', t.org.head, { approve: false, reviewedOn: today, reasons });
    expect((await c.state()).proposal).toBeUndefined();

    const [sentBack] = await t.db.query<{ data: Record<string, unknown>; reason: string | null }>(
      "SELECT data, reason FROM audit_entries WHERE case_id = $1 AND kind = 'reviewProposal'",
      [c.input.caseId],
    );
    expect(sentBack).toMatchObject({
      reason: reasons,
      data: { approve: false, sentBackTo: t.org.prosecutor.id },
    });

    await c.act('proposeFiling', reviewed(t.org.prosecutor), { reason: '已补充现场勘验材料' });
    expect((await c.state()).proposal?.review).toEqual({ status: 'pending' });
  });
});

it('a head who proposed may not review the proposal; another head does', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await startCase(t, taskQueue, { handlerId: t.org.head.id });
    const today = await c.today();
    await c.act('proposeFiling', reviewed(t.org.head), { reason: '线索查证属实' });
    const review = { approve: true, reviewedOn: today, reasons: '同意' };
    expect(await refusal(c.act('reviewProposal', t.org.head, review))).toEqual({
      type: 'Forbidden',
      message: expect.stringMatching(/不能由您审核/),
    });
    const otherHead: TestUser = { ...t.org.head, id: `${t.org.head.id}-2` };
    await c.act('reviewProposal', otherHead, review);
    expect((await c.state()).proposal?.review?.reviewedBy).toBe(otherHead.id);
  });
});
