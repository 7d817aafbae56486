import type { Request, Response } from 'express';
import { healthHandler, type DependencyName, type HealthCheck } from '../../../api/health';

/** Checks that count how often they run and answer when released, like a slow SMTP server. */
function countingChecks() {
  const calls: Record<DependencyName, number> = { temporal: 0, database: 0, mail: 0, worker: 0 };
  let mailDown = false;
  let workerGone = false;
  const check =
    (name: DependencyName): HealthCheck =>
    async () => {
      calls[name] += 1;
      await new Promise((r) => setTimeout(r, 20));
      if (name === 'mail' && mailDown) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      if (name === 'worker' && workerGone)
        throw Object.assign(new Error('no worker'), { code: 'NO_WORKER_POLLING' });
    };
  return {
    calls,
    stopMail: () => (mailDown = true),
    stopWorker: () => (workerGone = true),
    checks: {
      temporal: check('temporal'),
      database: check('database'),
      mail: check('mail'),
      worker: check('worker'),
    },
  };
}

async function ask(handler: ReturnType<typeof healthHandler>): Promise<{ status: number; body: unknown }> {
  const answer = { status: 0, body: undefined as unknown };
  const res = {
    setHeader: () => res,
    status: (code: number) => ((answer.status = code), res),
    json: (body: unknown) => ((answer.body = body), res),
  };
  await handler({} as Request, res as unknown as Response, () => undefined);
  return answer;
}

describe('the health check under load', () => {
  it('when fifty requests arrive at once, then each dependency is checked once for all of them', async () => {
    const { calls, checks } = countingChecks();
    const handler = healthHandler(checks, { cacheMs: 5000 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(handler)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(calls).toEqual({ temporal: 1, database: 1, mail: 1, worker: 1 });
  });

  it('when the cached round is older than the cache time, then the next request checks again and sees the mail server down', async () => {
    let clock = 0;
    const { calls, checks, stopMail } = countingChecks();
    const handler = healthHandler(checks, { cacheMs: 5000, now: () => clock });
    expect((await ask(handler)).status).toBe(200);
    stopMail();
    clock = 4999;
    expect((await ask(handler)).status).toBe(200);
    expect(calls.mail).toBe(1);
    clock = 5000;
    const after = await ask(handler);
    expect(after.status).toBe(503);
    expect(after.body).toMatchObject({ down: ['mail'] });
    expect(calls.mail).toBe(2);
    // An outage is re-checked within a second, not after the whole cache time.
    clock = 5999;
    expect((await ask(handler)).status).toBe(503);
    expect(calls.mail).toBe(2);
    clock = 6000;
    await ask(handler);
    expect(calls.mail).toBe(3);
  });

  it('when no worker polls the case queue, then the answer is 200 but degraded, naming the worker; when the mail is down too, then 503', async () => {
    let clock = 0;
    const { checks, stopWorker, stopMail } = countingChecks();
    const handler = healthHandler(checks, { cacheMs: 5000, now: () => clock });
    stopWorker();
    const degraded = await ask(handler);
    expect(degraded).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'degraded', down: ['worker'] }),
    });
    stopMail();
    clock = 10_000;
    const down = await ask(handler);
    expect(down).toEqual({
      status: 503,
      body: expect.objectContaining({ status: 'down', down: ['mail', 'worker'] }),
    });
  });
});
