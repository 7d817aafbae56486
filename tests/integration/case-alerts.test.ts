// A poisoned action that reaches the workflow (bypassing the API's checks) shows as an alert on
// the case page and in the case list, and the case answers the next action at once.
import { randomBytes } from 'node:crypto';
import { ACTION_UPDATES, caseWorkflowId } from '../../workflows/contract';
import { actorOf } from '../helpers/case-driver';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { waitUntil } from '../helpers/processes';
import { useWorld } from '../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

const POISON = { text: 'bad \u0000 byte' };

it('when an action PostgreSQL cannot store reaches a case, then staff see an alert and the case goes on', async () => {
  const id = await registerLead(prosecutor);

  // Through the API: refused as invalid input, whether by the API's check or the workflow's.
  expect((await prosecutor.post(`/api/cases/${id}/actions/addNote`, POISON)).status).toBe(422);

  // Straight to the workflow, as if the API had let it through.
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
  expect(refused).toBe('DataRejected');

  const detail = await prosecutor.get(`/api/cases/${id}`);
  expect(detail.body.alerts).toEqual(
    expect.arrayContaining([
      { at: expect.any(String), kind: 'action_refused', subject: 'addNote', errorType: 'DataRejected' },
    ]),
  );
  expect(JSON.stringify(detail.body.alerts)).not.toContain('bad');
  await waitUntil('the alert in the case list', async () => {
    const list = await prosecutor.get(`/api/cases?q=${id}`);
    return list.body.items[0]?.alertCount > 0;
  });

  const note = await prosecutor.post(`/api/cases/${id}/actions/addNote`, { text: '其后的备注' });
  expect(note.status).toBe(200);
  expect(note.body.case.alertCount).toBeGreaterThan(0);
});
