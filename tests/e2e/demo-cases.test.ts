/**
 * `npm start` on an empty embedded database loads the demo cases through the API: the seed's
 * three stories stand at their stages with their real dates, the inboxes hold the proposals the
 * generated cases leave waiting, and a second start on the same data loads nothing again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../domain/period/dates';
import { shanghaiDate } from '../../domain/time';
import { ApiClient } from '../helpers/http';
import { eventually, freePorts, killGroup, startNpmStart, type NpmStart } from '../helpers/npm-start';

const START_TIMEOUT_MS = 120_000;
const PASSWORD = 'duban-demo';

let dataDir: string;
let running: NpmStart | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-demo-cases-'));
});
afterAll(() => {
  if (running) killGroup(running.process);
  rmSync(dataDir, { recursive: true, force: true });
});

async function stop(started: NpmStart): Promise<void> {
  process.kill(-started.process.pid!, 'SIGINT');
  expect(await started.exited).toBe(0);
  running = undefined;
}

const login = (username: string) => ApiClient.login(running!.baseUrl, { username }, PASSWORD);

it(
  'a fresh npm start loads the three stories at their stages and leaves proposals in the inboxes',
  async () => {
    const ports = await freePorts();
    running = await startNpmStart({ dataDir, ports, timeoutMs: START_TIMEOUT_MS, args: ['--demo-cases=3'] });
    const started = running;
    await eventually(
      () => started.output(),
      (out) => out.includes('demo cases: 6/6 loaded') || out.includes('stopped loading'),
      180_000,
    );
    expect(started.output()).toContain('demo cases: 6/6 loaded');

    const today = shanghaiDate(new Date());
    const prosecutor = await login('zhangjc');
    const list = await prosecutor.get('/api/cases?limit=50');
    expect(list.status).toBe(200);
    const cases = list.body.items as { id: string; title: string; stage: string }[];
    expect(cases).toHaveLength(6);
    const story = async (title: string) => {
      const found = cases.find((c) => c.title === title);
      expect(found).toBeDefined();
      return (await prosecutor.get(`/api/cases/${found!.id}`)).body;
    };

    // Solid waste: served 90 days ago with a 2-month reply period, no reply: overdue in follow-up.
    const waste = await story('某再生资源公司违规堆放固体废物');
    expect(waste.stage).toBe('FOLLOW_UP');
    expect(waste.recommendations[0]).toMatchObject({
      organName: '区生态环境局',
      decidedOn: addDays(today, -92),
      servedOn: addDays(today, -90),
    });
    const reply = waste.clocks.find((k: { clockId: string }) => k.clockId === 'reply');
    expect(reply.overdue || reply.status === 'expired').toBe(true);

    // Food delivery: rectified and closed 178 days ago; its 回头看 is due within days.
    const food = await story('辖区网络餐饮服务平台入网商户监管不到位');
    expect(food.stage).toBe('CLOSED');
    expect(food.recommendations[0]).toMatchObject({ organName: '区市场监督管理局', finding: 'rectified' });
    const revisit = food.clocks.find((k: { clockId: string }) => k.clockId === 'revisit');
    expect(revisit.status).toBe('running');
    expect(revisit.due >= today && revisit.due <= addDays(today, 10)).toBe(true);

    // Farm subsidy: the street office's rectification period has ended without result: litigation review.
    const subsidy = await story('诈骗农机购置补贴致国有财产损失');
    expect(subsidy.stage).toBe('LITIGATION_REVIEW');
    expect(subsidy.recommendations[0]).toMatchObject({
      organName: '江浦街道办事处',
      finding: 'not_rectified',
    });

    // Each step carries its own date, reviewed and decided by different people on the day proposed.
    const timeline = await prosecutor.get(`/api/cases/${waste.id}/timeline`);
    const entries = timeline.body.entries as {
      kind: string;
      actorId: string;
      data: Record<string, unknown>;
    }[];
    const decided = entries.filter((e) => e.data.decidedOn === addDays(today, -92));
    expect(decided.length).toBeGreaterThan(0);
    expect(timeline.body.chain.ok).toBe(true);

    // The generated cases leave a filing proposal with the head and a reviewed one with the chief.
    const headInbox = (await (await login('lifz')).get('/api/inbox')).body.items as { kind: string }[];
    expect(headInbox.some((i) => i.kind === 'proposal')).toBe(true);
    const chiefInbox = (await (await login('wangjcz')).get('/api/inbox')).body.items as { kind: string }[];
    expect(chiefInbox.some((i) => i.kind === 'proposal')).toBe(true);

    await stop(started);
  },
  START_TIMEOUT_MS + 300_000,
);

it(
  'a second start on the same data loads no demo cases again',
  async () => {
    running = await startNpmStart({ dataDir, ports: await freePorts(), timeoutMs: START_TIMEOUT_MS });
    const prosecutor = await login('zhangjc');
    await new Promise((r) => setTimeout(r, 3000));
    expect(running.output()).not.toContain('demo cases');
    const list = await prosecutor.get('/api/cases?limit=50');
    expect(list.body.items).toHaveLength(6);
    await stop(running);
  },
  START_TIMEOUT_MS + 60_000,
);
