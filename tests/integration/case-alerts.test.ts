// Text PostgreSQL cannot store is refused by the API and by the workflow's validator; data the
// database refuses all the same (a trigger stands for it) is refused with 422, shows as an alert
// on the case page and in the case list, and the case answers the next action at once.
import { randomBytes } from 'node:crypto';
import { ACTION_UPDATES, caseWorkflowId } from '../../workflows/contract';
import { actorOf } from '../helpers/case-driver';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { waitUntil } from '../helpers/processes';
import { refuseEntries } from '../helpers/refuse-entries';
import { useWorld } from '../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

const POISON = { text: 'bad \u0000 byte' };

it('when an action the database refuses reaches a case, then staff see an alert and the case goes on', async () => {
  const id = await registerLead(prosecutor);

  // Through the API: refused as invalid input.
  expect((await prosecutor.post(`/api/cases/${id}/actions/addNote`, POISON)).status).toBe(422);

  // Straight to the workflow, as if the API had let it through: its validator refuses it.
  const handle = world.system.temporal.workflow.getHandle(caseWorkflowId(id));
  const refused = await handle
    .executeUpdate(ACTION_UPDATES.addNote, {
      args: [
        {
          actor: actorOf(world.org.prosecutor),
          idempotencyKey: randomBytes(8).toString('hex'),
          payload: POISON,
        },
      ],
    })
    .then(
      () => 'accepted',
      (err: { cause?: { type?: string } }) => err.cause?.type,
    );
  expect(refused).toBe('InvalidPayload');

  // Data the database refuses all the same: 422, and an alert without the data.
  const allow = await refuseEntries(world.system.db, id, 'addNote');
  const rejected = await prosecutor.post(`/api/cases/${id}/actions/addNote`, { text: '数据库拒收的备注' });
  await allow();
  expect(rejected.status).toBe(422);

  const detail = await prosecutor.get(`/api/cases/${id}`);
  expect(detail.body.alerts).toEqual(
    expect.arrayContaining([
      { at: expect.any(String), kind: 'action_refused', subject: 'addNote', errorType: 'DataRejected' },
    ]),
  );
  expect(JSON.stringify(detail.body.alerts)).not.toContain('拒收');
  await waitUntil('the alert in the case list', async () => {
    const list = await prosecutor.get(`/api/cases?q=${id}`);
    return list.body.items[0]?.alertCount > 0;
  });

  const note = await prosecutor.post(`/api/cases/${id}/actions/addNote`, { text: '其后的备注' });
  expect(note.status).toBe(200);
  expect(note.body.case.alertCount).toBeGreaterThan(0);
});
