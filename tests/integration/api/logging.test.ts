import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Client } from '@temporalio/client';
import pino from 'pino';
import type { Db } from '../../../store/pool';
import type { Mailer } from '../../../mail/mailer';
import { createApp } from '../../../api/app';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../../helpers/fixtures';
import { testDb } from '../../helpers/system';
import { as, Caller } from './helpers';
import { intakeProofHeaders } from '../../helpers/intake-proof';

let db: Db;
let server: Server;
let baseUrl: string;
let org: TestOrg;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = testDb(2);
  org = await createTestOrg(db);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      );
      done();
    },
  });
  const app = createApp({
    db,
    temporal: {} as Client,
    mailer: {} as Mailer,
    log: pino({ level: 'info' }, sink),
    taskQueue: 'logging-test',
    authSecret: 'logging-test-secret-0123456789abcdef',
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await db.close();
});

describe('request logs', () => {
  it('when requests carry passwords, tokens, contacts and codes, then the log has none of them', async () => {
    const login = await as(baseUrl).post('/api/auth/login', {
      username: org.head.username,
      password: TEST_PASSWORD,
    });
    const { accessToken, refreshToken } = login.body;
    await as(baseUrl).post('/api/auth/login', { username: org.head.username, password: 'typo-password-99' });
    await as(baseUrl, accessToken).get('/api/users?includeInactive=true');
    const lead = await new Caller(baseUrl, undefined).post(
      '/api/public/leads',
      {
        procuratorateId: org.procuratorateId,
        description: '举报人张三反映某厂偷排废水，电话 13912345678。',
        location: '某镇某村',
        contact: { name: '张三', phone: '13912345678', email: 'zhangsan@public.example' },
      },
      await intakeProofHeaders(baseUrl),
    );
    await as(baseUrl).get(`/api/public/leads/${lead.body.code}`);
    const log = JSON.stringify(lines);
    for (const secret of [TEST_PASSWORD, 'typo-password-99', accessToken, refreshToken, org.head.username]) {
      expect(log).not.toContain(secret);
    }
    for (const personal of [
      '13912345678',
      '张三',
      'zhangsan',
      lead.body.code,
      'includeInactive',
      '127.0.0.1',
    ]) {
      expect(log).not.toContain(personal);
    }
    const request = lines.find((l) => l.route === '/api/public/leads/:code');
    expect(request).toMatchObject({ msg: 'request', method: 'GET', status: 200, reqId: expect.any(String) });
  });
});
