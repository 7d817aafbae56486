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

/** A note the database refuses (a trigger stands for it): the case raises an alert and answers 422. */
async function refusedNote(id: string): Promise<void> {
  const allow = await refuseEntries(world.system.db, id, 'addNote');
  const rejected = await prosecutor.post(`/api/cases/${id}/actions/addNote`, { text: '数据库拒收的备注' });
  await allow();
  expect(rejected.status).toBe(422);
}

async function listedAlertCount(id: string): Promise<number> {
  return (await prosecutor.get(`/api/cases?q=${id}`)).body.items[0]?.alertCount;
}

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
  await refusedNote(id);

  const detail = await prosecutor.get(`/api/cases/${id}`);
  expect(detail.body.alerts).toEqual(
    expect.arrayContaining([
      { at: expect.any(String), kind: 'action_refused', subject: 'addNote', errorType: 'DataRejected' },
    ]),
  );
  expect(JSON.stringify(detail.body.alerts)).not.toContain('拒收');
  await waitUntil('the alert in the case list', async () => (await listedAlertCount(id)) > 0);

  const note = await prosecutor.post(`/api/cases/${id}/actions/addNote`, { text: '其后的备注' });
  expect(note.status).toBe(200);
  expect(note.body.case.alertCount).toBeGreaterThan(0);
});

it('when the case office acknowledges an alert with a note, then it leaves the open alerts and stays on the timeline', async () => {
  const id = await registerLead(prosecutor);
  await refusedNote(id);
  await waitUntil('the alert in the case list', async () => (await listedAlertCount(id)) === 1);
  const [alert] = (await prosecutor.get(`/api/cases/${id}`)).body.alerts;
  const { at, kind, subject } = alert;

  // Someone outside the case's duties may not; an alert that is not on the case is named as such.
  const admin = await ApiClient.login(world.system.baseUrl, world.org.admin);
  expect((await admin.post(`/api/cases/${id}/actions/acknowledgeAlert`, { at, kind, subject })).status).toBe(
    403,
  );
  const unknown = await prosecutor.post(`/api/cases/${id}/actions/acknowledgeAlert`, {
    at,
    kind,
    subject: 'recordReply',
  });
  expect(unknown.status).toBe(409);
  expect(unknown.body.detail).toMatch(/没有这条待确认的告警/);

  const office = await ApiClient.login(world.system.baseUrl, world.org.caseOffice);
  const acknowledged = await office.post(`/api/cases/${id}/actions/acknowledgeAlert`, {
    at,
    kind,
    subject,
    note: '已通知承办人重新录入',
  });
  expect(acknowledged.status).toBe(200);
  expect(acknowledged.body.case.alertCount).toBe(0);
  expect((await prosecutor.get(`/api/cases/${id}`)).body.alerts).toEqual([]);
  expect(await listedAlertCount(id)).toBe(0);

  const timeline = (await prosecutor.get(`/api/cases/${id}/timeline`)).body.entries;
  expect(timeline.at(-1)).toMatchObject({
    kind: 'acknowledgeAlert',
    actorId: world.org.caseOffice.id,
    data: { alert: { at, kind, subject }, note: '已通知承办人重新录入' },
  });
  const rows = await world.system.db.query(
    'SELECT subject, acknowledged_by, acknowledged_seq FROM case_alerts WHERE case_id = $1',
    [id],
  );
  expect(rows).toEqual([
    { subject: 'addNote', acknowledged_by: world.org.caseOffice.id, acknowledged_seq: timeline.at(-1).seq },
  ]);

  // Acknowledged once: a second time is refused.
  const again = await office.post(`/api/cases/${id}/actions/acknowledgeAlert`, { at, kind, subject });
  expect(again.status).toBe(409);
});
