import { shanghaiDate } from '../../domain/time';
import { ApiClient } from '../helpers/http';
import { useWorld } from '../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

/** A lead whose words are unique to one test, so a search finds it and nothing else. */
async function register(words: { title: string; description: string; sourceDetail?: string }) {
  const res = await prosecutor.post('/api/cases', {
    ...words,
    domainCode: 'ecology',
    source: 'department_transfer',
    receivedOn: shanghaiDate(new Date()),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const search = async (q: string) => {
  const res = await prosecutor.get(`/api/cases?q=${encodeURIComponent(q)}&limit=200`);
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((c) => c.id);
};

describe('the lead as it was written', () => {
  it('when a transferred lead is registered, then its description and source detail are on the case page', async () => {
    const caseId = await register({
      title: '某河道非法采砂',
      description: '市生态环境局移送：某河道夜间有采砂船作业，河床受损。',
      sourceDetail: '市生态环境局（沪环移〔2026〕3号）',
    });
    const read = await prosecutor.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.description).toBe('市生态环境局移送：某河道夜间有采砂船作业，河床受损。');
    expect(read.body.sourceDetail).toBe('市生态环境局（沪环移〔2026〕3号）');
  });

  it('when a lead is registered, then the hashed registration entry of its timeline holds its words', async () => {
    const caseId = await register({
      title: '某菜市场销售过期食品',
      description: '消费者反映某菜市场摊位销售过期熟食。',
      sourceDetail: '12345 热线转办',
    });
    const timeline = await prosecutor.get(`/api/cases/${caseId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.chain.ok).toBe(true);
    const registered = timeline.body.entries.find((e: { kind: string }) => e.kind === 'lead_registered');
    expect(registered.data).toMatchObject({
      description: '消费者反映某菜市场摊位销售过期熟食。',
      sourceDetail: '12345 热线转办',
    });
  });

  it('when a prosecutor searches for words only the description holds, then the case is found', async () => {
    const caseId = await register({ title: '线索甲', description: '某化工厂夜间偷排含铬废水入苏州河支流。' });
    const other = await register({ title: '线索乙', description: '某小区旁工地扬尘严重。' });
    const found = await search('含铬废水');
    expect(found).toContain(caseId);
    expect(found).not.toContain(other);
  });

  it('when a prosecutor searches for the sending unit, then the case whose source detail names it is found', async () => {
    const caseId = await register({
      title: '线索丙',
      description: '某林地被违法占用建房。',
      sourceDetail: '区林业站移送函（林移〔2026〕41号）',
    });
    expect(await search('林移〔2026〕41号')).toEqual([caseId]);
  });

  it('when the search text holds a percent sign, then it matches only that text, not everything', async () => {
    const caseId = await register({ title: '线索丁', description: '某厂排放超标100%以上。' });
    expect(await search('100%以上')).toEqual([caseId]);
    expect(await search('%')).toEqual([caseId]);
  });
});
