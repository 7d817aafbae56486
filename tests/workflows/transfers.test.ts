// Transfers (移送) of a case to another body: recorded in order, each with its own timeline entry.
import { CaseDriver, CaseSteps, newCaseInput, refusal } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('a case in investigation is transferred to the discipline commission; the case stays where it was and the transfer is on its timeline', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
    await new CaseSteps(c, t.org).file();
    const transferredOn = await c.today();
    const result = await c.act('recordTransferOut', t.org.prosecutor, {
      to: 'discipline_commission',
      recipient: '区纪委监委',
      transferredOn,
      letterRef: '浦检移〔2026〕9号',
      summary: '行政机关工作人员涉嫌玩忽职守',
    });
    expect(result.stage).toBe('INVESTIGATION');
    expect((await c.state()).transfers).toEqual([
      {
        id: 'transfer-1',
        to: 'discipline_commission',
        recipient: '区纪委监委',
        transferredOn,
        letterRef: '浦检移〔2026〕9号',
      },
    ]);
    const entry = (await c.timeline()).find((e) => e.kind === 'recordTransferOut');
    expect(entry?.data).toMatchObject({ transferId: 'transfer-1', summary: '行政机关工作人员涉嫌玩忽职守' });

    const early = await refusal(
      c.act('recordTransferOut', t.org.prosecutor, {
        to: 'administrative_organ',
        recipient: '区市场监督管理局',
        transferredOn: '2000-01-01',
        summary: '移送',
      }),
    );
    expect(early).toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('移送日期') });
  });
});
