/**
 * The API as deployed behind TLS with no proxy it trusts and a metrics token: helmet's headers on
 * every answer (HSTS among them), forged X-Forwarded-For ignored, /metrics closed without the token.
 */
import { Caller, expectProblem, freshIp } from './helpers';
import { useWorld } from '../../helpers/world';
import { intakeProofHeaders } from '../../helpers/intake-proof';

const METRICS_TOKEN = 'metrics-token-of-this-test';
const world = useWorld({ app: { trustProxy: 'false', https: true, metricsToken: METRICS_TOKEN } });

describe('security headers', () => {
  it.each([
    ['a JSON answer', '/api/public/procuratorates'],
    ['a problem answer', '/api/cases'],
    ['the health check', '/healthz'],
  ])(
    'when anyone fetches %s, then it carries the content security policy, HSTS and nosniff',
    async (_what, path) => {
      const res = await fetch(world.system.baseUrl + path);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('when the API reference page loads, then its own narrower policy replaces the general one', async () => {
    const res = await fetch(`${world.system.baseUrl}/api/docs`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const policies = res.headers.get('content-security-policy')!;
    expect(policies).toContain("script-src 'self'");
    expect(policies.split(',')).toHaveLength(1);
  });
});

describe('TRUST_PROXY=false', () => {
  it('when one client names a new address in X-Forwarded-For for each lead, then it is still one address and the sixth lead is refused', async () => {
    const lead = {
      procuratorateId: world.org.procuratorateId,
      description: '某河段夜间有工厂偷排污水，气味刺鼻，周边居民多次反映。',
      location: '某区某街道',
      domainGuess: 'ecology',
    };
    const submit = async () =>
      new Caller(world.system.baseUrl, undefined, { 'x-forwarded-for': freshIp() }).post(
        '/api/public/leads',
        lead,
        await intakeProofHeaders(world.system.baseUrl),
      );
    for (let i = 0; i < 5; i += 1) expect((await submit()).status).toBe(201);
    expectProblem(await submit(), 429, 'too-many-requests');
  });
});

describe('METRICS_TOKEN', () => {
  it('when /metrics is scraped without the token or with a wrong one, then 401; with it, the figures', async () => {
    const scrape = (authorization?: string) =>
      fetch(`${world.system.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
    const without = await scrape();
    expect(without.status).toBe(401);
    expect(await without.text()).not.toContain('http_requests_total');
    expect((await scrape('Bearer wrong-token')).status).toBe(401);
    expect((await scrape(METRICS_TOKEN)).status).toBe(401);
    const scraped = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^duban_overdue_clocks \d+$/m);
  });
});
