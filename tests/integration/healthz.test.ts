import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { ApiClient } from '../helpers/http';
import { eventually } from '../helpers/npm-start';
import { startSystem, type System } from '../helpers/system';

let system: System;
let anonymous: ApiClient;
let restartedMail: MailCatcher | undefined;

beforeAll(async () => {
  system = await startSystem();
  anonymous = new ApiClient(system.baseUrl);
});
afterAll(async () => {
  await restartedMail?.stop();
  await system.stop();
});

describe('GET /healthz', () => {
  it('when Temporal, the database and the mail server answer, then 200 names each as ok', async () => {
    const res = await anonymous.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('retry-after')).toBeNull();
    expect(res.body).toEqual({
      status: 'ok',
      down: [],
      dependencies: { temporal: { status: 'ok' }, database: { status: 'ok' }, mail: { status: 'ok' } },
    });
  });

  it('when the mail server stops, then 503 names mail alone, with Retry-After; when it is back, then 200', async () => {
    const mailPort = system.mail.port;
    await system.mail.stop();

    // One round of checks serves every request for a few seconds: the outage shows within them.
    const res = await eventually(
      () => anonymous.get('/healthz'),
      (r) => r.status !== 200,
      15_000,
    );
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body).toMatchObject({
      status: 'down',
      down: ['mail'],
      dependencies: { temporal: { status: 'ok' }, database: { status: 'ok' }, mail: { status: 'down' } },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|smtp:/);

    restartedMail = await startMailCatcher({ port: mailPort });
    const again = await eventually(
      () => anonymous.get('/healthz'),
      (r) => r.status === 200,
      15_000,
    );
    expect(again.status).toBe(200);
    expect(again.body.down).toEqual([]);
  });
});
