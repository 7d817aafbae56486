// The organ online: an issued recommendation mails its organ the link once; the organ confirms
// receipt (the reply clock starts that day), answers items once each; staff cannot act as it.
import { refusal, startCase } from '../helpers/case-driver';
import type { TestOrg, TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

/** The organ's session on one recommendation, as the API builds its actor. */
const organ = (org: TestOrg, organId: string, recommendationId: string): TestUser => ({
  id: `organ:${organId}`,
  username: organId,
  email: `${organId}@organ.example`,
  roles: [],
  procuratorateId: org.procuratorateId,
  actor: { organ: { organId, recommendationId, contact: `${organId}@organ.example` } },
});

it('an issued recommendation mails its organ once; the organ confirms receipt and answers each item once', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco, market } = t.org.organs;
    await s.file();
    await s.recommend([{ organId: eco }, { organId: market }]);
    const mailed = await t.mail.waitFor(
      (m) => m.filter((x) => x.subject.startsWith('【检察建议】')).length >= 2,
    );
    const links = mailed.filter(
      (x) => x.subject.startsWith('【检察建议】') && x.text.includes(c.input.caseId),
    );
    expect(links.map((m) => m.to).sort()).toEqual(
      [[`${eco}@organ.example`], [`${market}@organ.example`]].sort(),
    );

    const ecoOnline = organ(t.org, eco, 'rec-1');
    expect(
      await refusal(
        c.act('confirmReceiptOnline', ecoOnline, { recommendationId: 'rec-2', confirmedBy: '张三' }),
      ),
    ).toMatchObject({ type: 'Forbidden' });
    expect(
      await refusal(
        c.act('confirmReceiptOnline', t.org.prosecutor, { recommendationId: 'rec-1', confirmedBy: '张三' }),
      ),
    ).toMatchObject({ type: 'Forbidden' });
    const today = await c.today();
    const receipt = await c.act('confirmReceiptOnline', ecoOnline, {
      recommendationId: 'rec-1',
      confirmedBy: '张三',
    });
    expect(receipt.clocks.find((k) => k.key === 'reply:rec-1')).toMatchObject({ status: 'running' });
    expect((await c.state()).clocks['reply:rec-1']!.request.start).toBe(today);
    const served = await refusal(
      c.act('recordRecommendationService', t.org.prosecutor, {
        recommendationId: 'rec-1',
        servedOn: today,
        receivedOn: today,
      }),
    );
    expect(served).toMatchObject({ type: 'WrongStage', message: '检察建议 rec-1 已登记送达' });

    await c.act('answerRecommendationItems', ecoOnline, {
      recommendationId: 'rec-1',
      answers: [{ item: 1, answer: 'disputed', reasons: '该地块不属本局管辖' }],
    });
    const again = await refusal(
      c.act('answerRecommendationItems', ecoOnline, {
        recommendationId: 'rec-1',
        answers: [{ item: 1, answer: 'accepted' }],
      }),
    );
    expect(again).toMatchObject({ type: 'WrongStage', message: '第 1 项已答复，已提交的答复不能修改' });
    const kinds = (await c.timeline()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['confirmReceiptOnline', 'answerRecommendationItems']));
  });
});
