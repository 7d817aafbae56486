/**
 * Both kinds rendered from the default templates for the seed's solid-waste case and read back
 * with a DOCX reader: every item the Rules require is in the text, with the number and the date.
 */
import mammoth from 'mammoth';
import { defaultTemplates, renderDocx } from '../../../documents/render';
import {
  DRAFT_NUMBER,
  filingDecisionData,
  issuedData,
  recommendationData,
  type CaseFacts,
} from '../../../domain/documents/content';

const SOLID_WASTE: CaseFacts = {
  procuratorate: '浦口区人民检察院',
  caseNumber: '320111-2026-00007',
  caseTitle: '某工业园区固体废物非法堆放案',
  source: '群众举报',
  domain: '生态环境和资源保护',
  domainBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
  description: '群众举报某工业园区东侧空地堆放大量工业固体废物，雨后渗滤液流入附近河道。',
};

async function textOf(kind: 'filing_decision' | 'recommendation', data: Record<string, unknown>) {
  const template = await defaultTemplates.templateFor(kind);
  const bytes = await renderDocx(template.bytes, data);
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

it('the filing decision (立案决定书) names the case, its source, the reason, Rules art. 70, the number and the date', async () => {
  const data = filingDecisionData(SOLID_WASTE, {
    reason: '工业固体废物污染环境，社会公共利益持续受到侵害。',
  });
  const text = await textOf('filing_decision', issuedData(data, '浦检行公立〔2026〕1号', '2026-12-01'));
  for (const expected of [
    '浦口区人民检察院',
    '立案决定书',
    '浦检行公立〔2026〕1号',
    '某工业园区固体废物非法堆放案',
    '320111-2026-00007',
    '群众举报',
    '生态环境和资源保护',
    '雨后渗滤液流入附近河道',
    '社会公共利益持续受到侵害',
    '第七十条',
    '立案调查',
    '二〇二六年十二月一日',
  ])
    expect(text).toContain(expected);
});

describe('the recommendation (检察建议书) to 区生态环境局', () => {
  const content = {
    organName: '南京市浦口区生态环境局',
    harmFacts: '园区东侧空地堆放工业固体废物约三百吨，渗滤液流入七里河，河水氨氮超标。',
    nonPerformance: '你局接到群众投诉后未依法责令清运，也未立案查处，至今污染仍在持续。',
    legalBasis: '《中华人民共和国固体废物污染环境防治法》第十三条、第一百零二条',
    items: ['依法责令相关企业清运堆放的工业固体废物', '对七里河受污染河段开展监测并组织修复'],
    rectificationPeriod: { unit: 'months' as const, count: 3 },
    urgent: false,
    otherMatters: '请将整改情况书面回复本院；逾期未回复或者未依法整改的，本院将依法提起行政公益诉讼。',
  };

  it('holds all eight items of Rules art. 75, the recommendations numbered, with its number and date', async () => {
    const data = issuedData(recommendationData(SOLID_WASTE, content), '浦检行公建〔2026〕3号', '2026-12-01');
    const text = await textOf('recommendation', data);
    for (const expected of [
      '检察建议书',
      '浦检行公建〔2026〕3号',
      '南京市浦口区生态环境局：',
      '案件来源',
      '群众举报',
      '渗滤液流入七里河',
      '未依法责令清运',
      '第一百零二条',
      '（一）依法责令相关企业清运堆放的工业固体废物',
      '（二）对七里河受污染河段开展监测并组织修复',
      '自收到本检察建议书之日起三个月内整改完毕',
      '逾期未回复或者未依法整改的',
      '二〇二六年十二月一日',
    ])
      expect(text).toContain(expected);
  });

  it('as a draft it says the number is given at issue, and bears none', async () => {
    const text = await textOf('recommendation', recommendationData(SOLID_WASTE, content));
    expect(text).toContain(DRAFT_NUMBER);
    expect(text).not.toMatch(/〔\d{4}〕\d+号/);
  });

  it('a value missing from the data fails the rendering instead of leaving a gap', async () => {
    const { harmFacts: _missing, ...rest } = recommendationData(SOLID_WASTE, content);
    await expect(textOf('recommendation', rest)).rejects.toThrow();
  });
});

describe('the QR codes of the verification page and the organ’s page (template version 3)', () => {
  const facts = { ...SOLID_WASTE };
  const content = {
    organName: '南京市浦口区生态环境局',
    harmFacts: '渗滤液流入七里河。',
    nonPerformance: '未依法查处。',
    legalBasis: '《中华人民共和国固体废物污染环境防治法》第一百零二条',
    items: ['依法责令清运'],
    rectificationPeriod: { unit: 'months' as const, count: 2 },
    urgent: false,
    otherMatters: '请书面回复本院。',
  };

  async function rendered(data: Record<string, unknown>) {
    const JSZip = (await import('jszip')).default;
    const template = await defaultTemplates.templateFor('recommendation');
    expect(template.version).toBe(3);
    const bytes = await renderDocx(template.bytes, data);
    const zip = await JSZip.loadAsync(bytes);
    const images = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    return { images, text: (await mammoth.extractRawText({ buffer: bytes })).value };
  }

  it('an issued recommendation carries the QR image and the address of its verification page', async () => {
    const data = recommendationData(facts, content);
    const issued = {
      ...issuedData(data, '浦检行公建〔2026〕1号', '2026-12-01'),
      verifyUrl: 'https://duban.example/verify/tok123',
    };
    const { images, text } = await rendered(issued);
    expect(images).toHaveLength(1);
    expect(text).toContain('扫码核验本文书真伪：https://duban.example/verify/tok123');
    expect(text).not.toContain('被建议单位扫码');
  });

  it('one issued to an organ with an address also carries the QR image and the address of the organ’s page, first', async () => {
    const data = recommendationData(facts, content);
    const issued = {
      ...issuedData(data, '浦检行公建〔2026〕1号', '2026-12-01'),
      verifyUrl: 'https://duban.example/verify/tok123',
      organUrl: 'https://duban.example/organ/org456',
    };
    const { images, text } = await rendered(issued);
    expect(images).toHaveLength(2);
    const organ = text.indexOf(
      '被建议单位扫码在线签收、答复和报告整改情况：https://duban.example/organ/org456',
    );
    expect(organ).toBeGreaterThan(0);
    expect(text.indexOf('扫码核验本文书真伪：https://duban.example/verify/tok123')).toBeGreaterThan(organ);
  });

  it('a draft has neither: it cannot be verified', async () => {
    const { images, text } = await rendered(recommendationData(facts, content));
    expect(images).toHaveLength(0);
    expect(text).not.toContain('扫码核验');
    expect(text).not.toContain('被建议单位扫码');
    expect(text).toContain(DRAFT_NUMBER);
  });
});
