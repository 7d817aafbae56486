// Refused actions leave no trace (timeline, history); repeated actions (same idempotency key) act once.
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { acceptedUpdates, CaseDriver, newCaseInput, refusal } from '../helpers/case-driver';
import type { TestOrg, TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

type Refused = [string, ActionName, (o: TestOrg) => TestUser, Payloads[ActionName], string, RegExp];

const TODAY = '<today>';
const REFUSED: Refused[] = [
  [
    'the stage',
    'recordReply',
    (o) => o.prosecutor,
    { recommendationId: 'rec-1', repliedOn: TODAY, claim: 'rectified', summary: '已整改' },
    'WrongStage',
    /「线索登记」阶段，不能登记行政机关回复/,
  ],
  [
    'the role',
    'decideFiling',
    (o) => o.prosecutor,
    { approve: true, decidedOn: TODAY, reason: '越权' },
    'Forbidden',
    /「决定立案」须由检察长（或经授权的部门负责人）办理/,
  ],
  ['the role (case office)', 'addNote', (o) => o.caseOffice, { text: '备注' }, 'Forbidden', /须由/],
  [
    'the payload',
    'proposeFiling',
    (o) => o.prosecutor,
    { reason: '  ' },
    'InvalidPayload',
    /请填写提请立案理由/,
  ],
  [
    'a NUL in the text (PostgreSQL cannot store it)',
    'addNote',
    (o) => o.prosecutor,
    { text: 'bad \u0000 byte' },
    'InvalidPayload',
    /^text：备注含有无法保存的字符/,
  ],
];

it.each(REFUSED)(
  'an action refused for %s leaves the timeline, the state and the history as they were',
  async (_why, name, who, payload, type, message) => {
    await t.withWorker(async (taskQueue) => {
      const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
      const today = await c.today();
      const filled = JSON.parse(JSON.stringify(payload).replaceAll(TODAY, today)) as Payloads[ActionName];
      await c.act('addNote', t.org.prosecutor, { text: '受理后电话核实' });
      const before = {
        timeline: await c.timeline(),
        state: await c.state(),
        updates: await acceptedUpdates(c),
      };
      expect(before.updates).toEqual(['awaitRegistration', 'addNote']);

      expect(await refusal(c.act(name, who(t.org), filled))).toEqual({
        type,
        message: expect.stringMatching(message),
      });

      expect(await c.timeline()).toEqual(before.timeline);
      expect(await c.state()).toEqual(before.state);
      expect(await acceptedUpdates(c)).toEqual(before.updates);
      // The case still takes the next valid action.
      expect((await c.act('startEvaluation', t.org.prosecutor, {})).stage).toBe('EVALUATION');
    });
  },
);

it('repeating an action with the same idempotency key returns the first result and writes one entry', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
    const note = { text: '与行政机关电话沟通' };
    const first = await c.act('addNote', t.org.prosecutor, note, 'note-1');
    expect(await c.act('addNote', t.org.prosecutor, note, 'note-1')).toEqual(first);
    const notes = (await c.timeline()).filter((e) => e.kind === 'addNote');
    expect(notes).toEqual([expect.objectContaining({ seq: first.seq, data: note })]);

    // A proposal repeated after it was accepted is not refused as "already proposed": it is the same one.
    const proposed = await c.act('proposeFiling', t.org.prosecutor, { reason: '线索查证属实' }, 'propose-1');
    expect(proposed.stage).toBe('EVALUATION');
    expect(await c.act('proposeFiling', t.org.prosecutor, { reason: '线索查证属实' }, 'propose-1')).toEqual(
      proposed,
    );
    expect((await c.timeline()).filter((e) => e.kind === 'proposeFiling')).toHaveLength(1);

    // The key belongs to its user: another user's action under the same key is a new action.
    const again = await refusal(c.act('proposeFiling', t.org.head, { reason: '线索查证属实' }, 'propose-1'));
    expect(again).toEqual({
      type: 'WrongStage',
      message: '已有待检察长决定的提请（含待部门负责人审核的），请先等待审核和决定',
    });
  });
});
