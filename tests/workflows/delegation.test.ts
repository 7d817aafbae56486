// A decision the chief delegated to a head: taken by the head, recorded on the timeline as taken
// under delegation and by whose.
import { startCase } from '../helpers/case-driver';
import type { TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('a head the chief delegated filing to files the case, and the timeline names the delegating chief', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await startCase(t, taskQueue);
    const today = await c.today();
    const head: TestUser = {
      ...t.org.head,
      actor: { delegated: ['filing'], delegatedBy: { filing: t.org.chief.id } },
    };
    await c.act('proposeFiling', t.org.prosecutor, { reason: '线索查证属实' });
    const result = await c.act('decideFiling', head, {
      approve: true,
      decidedOn: today,
      reason: '符合立案条件',
    });
    expect(result.stage).toBe('FILED');
    const entry = (await c.timeline()).find((e) => e.kind === 'decideFiling');
    expect(entry?.data).toMatchObject({ underDelegation: true, delegatedBy: t.org.chief.id });
  });
});
