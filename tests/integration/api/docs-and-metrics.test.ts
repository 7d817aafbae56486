import { as, expectDocumented, signIn } from './helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld();
describe('the API reference', () => {
  it('when anyone fetches /api/openapi.json, then it lists every route the app serves', async () => {
    const res = await as(world.system.baseUrl).get('/api/openapi.json');
    expectDocumented('GET', '/api/openapi.json', res);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/public/leads', '/api/cases', '/metrics', '/healthz']),
    );
  });

  it('when a browser opens /api/docs, then the page and its scripts come from this server', async () => {
    const page = await fetch(`${world.system.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.every((a) => a.startsWith('/api/docs/'))).toBe(true);
    for (const asset of assets)
      expect([asset, (await fetch(world.system.baseUrl + asset)).status]).toEqual([asset, 200]);
    const init = await (await fetch(`${world.system.baseUrl}/api/docs/init.js`)).text();
    expect(init).toContain('/api/openapi.json');
    expect((await fetch(`${world.system.baseUrl}/api/docs/swagger-initializer.js`)).status).toBe(404);
  });
});

describe('/metrics', () => {
  it('when scraped, then it reports requests by route pattern and the gauges read from the database', async () => {
    const { client } = await signIn(world.system.baseUrl, world.org.prosecutor);
    await client.get(`/api/organs`);
    await client.get(`/api/leads/public/pl-does-not-exist`);
    const res = await fetch(`${world.system.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/organs",status="200"\} \d+/);
    expect(text).toContain('route="/api/leads/public/:id",status="404"');
    expect(text).not.toContain('pl-does-not-exist');
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/organs"/,
    );
    expect(text).toMatch(/duban_cases_by_stage\{stage="LEAD"\} \d+/);
    expect(text).toMatch(/^duban_overdue_clocks \d+$/m);
    expect(text).toMatch(/^duban_mail_sent_total \d+$/m);
    expect(text).toMatch(/^duban_mail_failed_total \d+$/m);
  });
});
