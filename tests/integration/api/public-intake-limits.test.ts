/**
 * The public intake under a flood: a daily cap per procuratorate, senders counted by IPv6 /64,
 * and a sender over its limit refused before the server reads its (up to 9 MB) body.
 */
import { request } from 'node:http';
import { Caller, expectProblem, freshIp } from './helpers';
import { useWorld } from '../../helpers/world';
import { intakeProofHeaders } from '../../helpers/intake-proof';

// The other procuratorate takes 12 leads in this file (the IPv6 and the large-body tests): under the cap.
const PER_DAY = 12;
const world = useWorld({ orgs: 2, app: { publicLeadsPerDay: PER_DAY } });

const lead = (procuratorateId: string) => ({
  procuratorateId,
  description: '某河段夜间有工厂偷排污水，气味刺鼻，周边居民多次反映未解决。',
  location: '某区某街道',
  domainGuess: 'ecology',
});
const submitFrom = async (ip: string, procuratorateId: string) =>
  new Caller(world.system.baseUrl, undefined, { 'x-forwarded-for': ip }).post(
    '/api/public/leads',
    lead(procuratorateId),
    await intakeProofHeaders(world.system.baseUrl),
  );

let v6 = 0;
/** A fresh address inside the /64 `prefix`. */
const inNetwork = (prefix: string) => `${prefix}:${(v6 += 1).toString(16)}:0:0:1`;

it('when a procuratorate has received its daily number of public leads, then the next sender is refused until tomorrow, and another procuratorate still receives', async () => {
  for (let i = 0; i < PER_DAY; i += 1)
    expect((await submitFrom(freshIp(), world.org.procuratorateId)).status).toBe(201);
  const refused = await submitFrom(freshIp(), world.org.procuratorateId);
  expectProblem(refused, 429, 'too-many-requests');
  expect(refused.body.detail).toContain('12309');
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
  expect((await submitFrom(freshIp(), world.other.procuratorateId)).status).toBe(201);
});

it('when one sender rotates through the addresses of its IPv6 /64, then they count as one sender', async () => {
  const network = '2001:db8:77:1';
  for (let i = 0; i < 5; i += 1)
    expect((await submitFrom(inNetwork(network), world.other.procuratorateId)).status).toBe(201);
  const sixth = await submitFrom(inNetwork(network), world.other.procuratorateId);
  expectProblem(sixth, 429, 'too-many-requests');
  expect(sixth.body.detail).toContain('提交过于频繁');
  expect((await submitFrom(inNetwork('2001:db8:77:2'), world.other.procuratorateId)).status).toBe(201);
});

it('when a sender over its limit starts sending a large body, then it is refused before the body arrives', async () => {
  const ip = freshIp();
  for (let i = 0; i < 5; i += 1) expect((await submitFrom(ip, world.other.procuratorateId)).status).toBe(201);
  const url = new URL('/api/public/leads', world.system.baseUrl);
  const proof = await intakeProofHeaders(world.system.baseUrl);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(8 * 1024 * 1024),
        'x-forwarded-for': ip,
        ...proof,
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    // Only the first bytes of the promised 8 MB: a server that read the body first would wait.
    req.write('{"description":"');
    setTimeout(() => {
      req.destroy();
      reject(new Error('no answer before the body was complete'));
    }, 5000).unref();
  });
  expect(status).toBe(429);
});
