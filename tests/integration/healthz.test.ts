import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../api/app';
import { createMailer } from '../../mail/mailer';
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
      dependencies: {
        temporal: { status: 'ok' },
        database: { status: 'ok' },
        mail: { status: 'ok' },
        worker: { status: 'ok' },
      },
    });
  });

  it('when no worker polls the case task queue, then 200 "degraded" names the worker: reads are served, cases do not move', async () => {
    const mailer = createMailer({ smtpUrl: system.mail.url, from: 'duban@test.example' });
    const app = createApp({
      db: system.db,
      temporal: system.temporal,
      mailer,
      log: pino({ level: 'silent' }),
      taskQueue: `nobody-polls-${Date.now()}`,
      authSecret: 'x'.repeat(32),
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).get(
        '/healthz',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'degraded',
        down: ['worker'],
        dependencies: { temporal: { status: 'ok' }, worker: { status: 'down' } },
      });
    } finally {
      await new Promise((r) => server.close(r));
      mailer.close();
    }
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
      dependencies: {
        temporal: { status: 'ok' },
        database: { status: 'ok' },
        mail: { status: 'down' },
        worker: { status: 'ok' },
      },
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
