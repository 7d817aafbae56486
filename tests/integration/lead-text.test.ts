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

describe('transfers (移送)', () => {
  const today = () => shanghaiDate(new Date());

  it('when a transferred lead is registered, then its sending unit, letter number and date are on the case and its registration entry', async () => {
    const transferFrom = { unit: '区生态环境局', letterRef: '浦环移〔2026〕18号', sentOn: today() };
    const res = await prosecutor.post('/api/cases', {
      title: '某企业超标排放',
      description: '区生态环境局移送的超标排放线索。',
      domainCode: 'ecology',
      source: 'department_transfer',
      receivedOn: today(),
      transferFrom,
    });
    expect(res.status).toBe(201);
    const read = await prosecutor.get(`/api/cases/${res.body.id}`);
    expect(read.body.transferFrom).toEqual(transferFrom);
    const timeline = await prosecutor.get(`/api/cases/${res.body.id}/timeline`);
    const registered = timeline.body.entries.find((e: { kind: string }) => e.kind === 'lead_registered');
    expect(registered.data.transferFrom).toEqual(transferFrom);
  });

  it('when the transfer letter is dated after the lead was received, then registration is refused naming the date', async () => {
    const res = await prosecutor.post('/api/cases', {
      title: '某企业超标排放',
      description: '移送日期有误的线索。',
      domainCode: 'ecology',
      source: 'department_transfer',
      receivedOn: '2026-01-05',
      transferFrom: { unit: '区生态环境局', sentOn: '2026-01-06' },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('移送日期不能晚于收到线索的日期');
  });

  it('when the handler transfers a lead to the discipline commission and to an organ, then each is listed on the case with its own timeline entry', async () => {
    const caseId = await register({
      title: '线索戊',
      description: '某局工作人员涉嫌失职，另有违法经营线索。',
    });
    const transfer = (body: object) =>
      prosecutor.post(`/api/cases/${caseId}/actions/recordTransferOut`, body);
    const first = await transfer({
      to: 'discipline_commission',
      recipient: '区纪委监委',
      transferredOn: today(),
      letterRef: '浦检移〔2026〕5号',
      summary: '行政机关工作人员涉嫌失职',
    });
    expect(first.status).toBe(200);
    const second = await transfer({
      to: 'administrative_organ',
      recipient: '区市场监督管理局',
      transferredOn: today(),
      summary: '无照经营线索',
    });
    expect(second.status).toBe(200);
    const read = await prosecutor.get(`/api/cases/${caseId}`);
    expect(read.body.transfers).toEqual([
      {
        id: 'transfer-1',
        to: 'discipline_commission',
        recipient: '区纪委监委',
        transferredOn: today(),
        letterRef: '浦检移〔2026〕5号',
      },
      {
        id: 'transfer-2',
        to: 'administrative_organ',
        recipient: '区市场监督管理局',
        transferredOn: today(),
        letterRef: null,
      },
    ]);
    const timeline = await prosecutor.get(`/api/cases/${caseId}/timeline`);
    const entries = timeline.body.entries.filter((e: { kind: string }) => e.kind === 'recordTransferOut');
    expect(entries.map((e: { data: { recipient: string } }) => e.data.recipient)).toEqual([
      '区纪委监委',
      '区市场监督管理局',
    ]);
  });

  it('when a transfer names a body the list does not know, then it is refused as a bad payload', async () => {
    const caseId = await register({ title: '线索己', description: '某线索。' });
    const res = await prosecutor.post(`/api/cases/${caseId}/actions/recordTransferOut`, {
      to: 'court',
      recipient: '区人民法院',
      transferredOn: today(),
      summary: '移送',
    });
    expect(res.status).toBe(422);
  });
});
