// An extension recorded before extensions carried their date, in a running case: the case carries it
// on (as a continued run carries its state), a suspension after the review's first end is read as too
// late, and the chief's correction of the date makes the suspension stop the extended review.
import { caseStateQuery, caseWorkflowId } from '../../workflows/contract';
import { CaseDriver, recordReply, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();
const REVIEW = 'litigation_review_admin';

it('the chief dates an undated extension of the review: a suspension after the first end now stops the extended review', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'months', count: 3 } }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'refused');
    await s.find('rec-1', 'not_rectified', ['replied_without_action'], 'organ_refused');
    const extendedOn = await c.today();
    await c.act('extendDeadline', t.org.chief, {
      clockKey: REVIEW,
      by: { unit: 'months', count: 1 },
      basis: '《人民检察院公益诉讼办案规则》第四十七条',
      reason: '案情复杂',
    });
    // The same case as it stood before extensions were dated: its run continued with the date gone.
    const state = await c.handle.query(caseStateQuery);
    delete state.clocks[REVIEW]!.request.extensions![0]!.decidedOn;
    await c.handle.terminate('continued with an undated extension');
    const handle = await t.env.client.workflow.start('caseWorkflow', {
      taskQueue,
      workflowId: caseWorkflowId(c.input.caseId),
      args: [c.input, { state, processed: [] }],
      workflowExecutionTimeout: '3650 days',
    });
    t.track(handle);
    const d = new CaseDriver(t, handle, c.input);
    const extendedDue = (await d.state()).clocks[REVIEW]!.due!;

    await t.env.sleep('35 days');
    const suspendedOn = await d.today();
    await d.act('suspend', t.org.chief, { decidedOn: suspendedOn, reason: '行政机关因客观原因无法整改' });
    // Undated, the extension applies after the suspension, which then began after the first end.
    expect((await d.state()).clocks[REVIEW]).toMatchObject({ status: 'running', due: extendedDue });

    const dated = await d.act('dateExtension', t.org.chief, {
      clockKey: REVIEW,
      extension: 1,
      decidedOn: extendedOn,
      reason: '据延长审查起诉期限决定书补记',
    });
    expect(dated.clocks.find((k) => k.key === REVIEW)?.due ?? null).toBeNull();
    const after = await d.state();
    expect(after.clocks[REVIEW]!.request.extensions![0]!.decidedOn).toBe(extendedOn);
    expect(after.clocks[REVIEW]!.due).toBeNull();
    const entry = (await d.timeline()).find((e) => e.kind === 'dateExtension')!;
    expect(entry.data).toMatchObject({
      clockKey: REVIEW,
      extension: 1,
      decidedOn: extendedOn,
      dueBefore: extendedDue,
    });
  });
}, 300_000);
