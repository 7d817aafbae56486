/**
 * The public intake's proof of work on the real server: a lead needs a solved challenge, checked
 * before the body is read; a solution is accepted once; a forged, expired or unsolved one is refused.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { issueChallenge } from '../../../api/public/proof-of-work';
import { INTAKE_PROOF_HEADER } from '../../../domain/intake-proof';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { solvedChallenge, solvesChallenge } from '../../helpers/intake-proof';
import { startSystem, type System } from '../../helpers/system';
import { Caller, expectDocumented, expectProblem, freshIp } from './helpers';

const BITS = 10;
const secret = randomBytes(32).toString('hex');
let system: System;
let org: TestOrg;

beforeAll(async () => {
  system = await startSystem({ authSecret: secret, app: { publicIntakeProofBits: BITS } });
  org = await createTestOrg(system.db);
});
afterAll(() => system.stop());

const lead = () => ({
  procuratorateId: org.procuratorateId,
  description: `某河段夜间有工厂偷排污水，气味刺鼻 ${randomBytes(4).toString('hex')}`,
  location: '某区某街道',
});
const submit = (body: unknown, proof?: string) =>
  new Caller(system.baseUrl, undefined, { 'x-forwarded-for': freshIp() }).post(
    '/api/public/leads',
    body,
    proof === undefined ? {} : { [INTAKE_PROOF_HEADER]: proof },
  );
const stored = async (description: string) =>
  (await system.db.query('SELECT 1 FROM public_leads WHERE description = $1', [description])).length;

/** The first nonce that does not solve `challenge`. */
function wrongNonce(challenge: string, bits: number): number {
  let nonce = 0;
  while (solvesChallenge(challenge, nonce, bits)) nonce += 1;
  return nonce;
}

it('when a browser asks for a challenge, then it gets a signed one at the configured difficulty, never cached', async () => {
  const res = await new Caller(system.baseUrl, undefined).get('/api/public/challenge');
  expectDocumented('GET', '/api/public/challenge', res);
  expect(res.body).toMatchObject({ difficulty: BITS });
  expect(res.headers.get('cache-control')).toBe('no-store');
  const again = await new Caller(system.baseUrl, undefined).get('/api/public/challenge');
  expect(again.body.challenge).not.toBe(res.body.challenge);
});

it('when a lead carries a solved challenge, then it is accepted; the same solution on another request is refused and nothing is stored', async () => {
  const solved = await solvedChallenge(system.baseUrl);
  const first = lead();
  const accepted = await submit(first, solved.header);
  expectDocumented('POST', '/api/public/leads', accepted);
  expect(accepted.status).toBe(201);
  expect(await stored(first.description)).toBe(1);

  const second = lead();
  const replayed = await submit(second, solved.header);
  expectProblem(replayed, 428, 'proof-of-work-required');
  expect(replayed.body.detail).toContain('已经用过');
  expect(await stored(second.description)).toBe(0);
});

it.each([
  ['no proof', async () => undefined, '缺少'],
  [
    'an unsolved challenge',
    async () => {
      const { challenge } = await solvedChallenge(system.baseUrl);
      return `${challenge}:${wrongNonce(challenge, BITS)}`;
    },
    '未完成',
  ],
  [
    'a challenge whose difficulty was lowered by the sender',
    async () => {
      const { challenge } = await solvedChallenge(system.baseUrl);
      const [id, , expires, signature] = challenge.split('.');
      return `${id}.0.${expires}.${signature}:0`;
    },
    '无效',
  ],
  [
    'a challenge signed with another key',
    async () => {
      const { challenge } = issueChallenge(randomBytes(32).toString('hex'), BITS, new Date());
      let nonce = 0;
      while (!solvesChallenge(challenge, nonce, BITS)) nonce += 1;
      return `${challenge}:${nonce}`;
    },
    '无效',
  ],
  [
    'an expired challenge',
    async () => {
      const { challenge } = issueChallenge(secret, BITS, new Date(Date.now() - 11 * 60_000));
      let nonce = 0;
      while (!solvesChallenge(challenge, nonce, BITS)) nonce += 1;
      return `${challenge}:${nonce}`;
    },
    '过期',
  ],
  [
    'a challenge easier than the server asks',
    async () => {
      const { challenge } = issueChallenge(secret, 1, new Date());
      let nonce = 0;
      while (!solvesChallenge(challenge, nonce, 1)) nonce += 1;
      return `${challenge}:${nonce}`;
    },
    '难度不足',
  ],
])('when a lead comes with %s, then 428 says why and nothing is stored', async (_what, proof, why) => {
  const body = lead();
  const res = await submit(body, await proof());
  expectProblem(res, 428, 'proof-of-work-required');
  expect(res.body.detail).toContain(why);
  expect(await stored(body.description)).toBe(0);
});

it('when a sender without a proof starts sending a large body, then it is refused before the body arrives', async () => {
  const url = new URL('/api/public/leads', system.baseUrl);
  const answer = await new Promise<{ status: number; type: string }>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(8 * 1024 * 1024) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, type: (JSON.parse(text) as { type: string }).type });
        req.destroy();
      });
    });
    req.on('error', reject);
    // Only the first bytes of the promised 8 MB: a server that read the body first would wait.
    req.write('{"description":"');
    setTimeout(() => {
      req.destroy();
      reject(new Error('no answer before the body was complete'));
    }, 5000).unref();
  });
  expect(answer).toEqual({ status: 428, type: '/problems/proof-of-work-required' });
});
