// Nobody decides their own proposal: a chief who handles the case and proposed filing cannot file it.
import { refusal, startCase } from '../helpers/case-driver';
import type { TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('a chief who also holds the prosecutor role and proposed filing cannot decide it; another chief files the case', async () => {
  await t.withWorker(async (taskQueue) => {
    const chiefProsecutor: TestUser = { ...t.org.chief, roles: ['chief', 'prosecutor'] };
    const { c } = await startCase(t, taskQueue, { handlerId: chiefProsecutor.id });
    const today = await c.today();
    await c.act('proposeFiling', chiefProsecutor, { reason: '线索查证属实' });
    const decision = { approve: true, decidedOn: today, reason: '符合立案条件' };

    expect(await refusal(c.act('decideFiling', chiefProsecutor, decision))).toEqual({
      type: 'Forbidden',
      message: expect.stringMatching(/本项提请由您提出.*不能由您决定是否立案/),
    });
    expect((await c.state()).proposal?.kind).toBe('filing');

    const otherChief: TestUser = { ...t.org.chief, id: `${t.org.chief.id}-2` };
    expect((await c.act('decideFiling', otherChief, decision)).stage).toBe('FILED');
  });
});
