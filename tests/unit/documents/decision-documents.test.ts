/**
 * The documents of the case's other decisions and steps, each rendered from its default template
 * for a realistic case, issued with a number, and read back: every item the Rules require is in
 * the text, with the number and the date in Chinese numerals; as PDF too where LibreOffice is.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { findSoffice, systemPdfConverter } from '../../../documents/pdf';
import {
  notFilingData,
  pretrialNoticeData,
  serviceReceiptData,
  suspensionData,
  terminationData,
} from '../../../domain/documents/decisions';
import { describeRenderedKinds, rendered, SEWAGE, type RenderedCase } from '../../helpers/rendered-documents';

type Case = Omit<RenderedCase, 'required'>;

const CASES: Case[] = [
  {
    kind: 'not_filing_decision',
    number: '浦检公不立〔2026〕1号',
    data: notFilingData(SEWAGE, {
      track: 'administrative',
      reason: '经初步调查，排口属市政雨水管网，未发现违法排放。',
    }),
    expected: ['不立案决定书', '七里河下游出现死鱼', '未发现违法排放', '第七十四条', '不予立案', '群众举报'],
  },
  {
    kind: 'termination_decision',
    number: '浦检公终〔2026〕2号',
    data: terminationData(SEWAGE, {
      track: 'administrative',
      ground: 'fully_rectified',
      reason: '区生态环境局已封堵暗管、处罚涉事企业并完成河道清淤。',
    }),
    expected: [
      '终结案件决定书',
      '行政机关已经全面采取整改措施依法履行职责',
      '完成河道清淤',
      '第七十四条',
      '本院决定终结本案。',
    ],
  },
  {
    kind: 'termination_decision',
    number: '浦检公终〔2026〕3号',
    data: terminationData(SEWAGE, {
      track: 'civil',
      ground: 'compensation_settled',
      reason: '赔偿权利人与涉事企业已达成生态环境损害赔偿协议。',
    }),
    expected: ['经磋商达成赔偿协议', '已达成生态环境损害赔偿协议', '第九十条'],
  },
  {
    kind: 'suspension_decision',
    number: '浦检公中〔2026〕1号',
    data: suspensionData(SEWAGE, { decidedOn: '2026-11-20', reason: '行政机关正在进行的行政诉讼尚未审结。' }),
    expected: [
      '中止审查决定书',
      '尚未审结',
      '第七十八条',
      '自二〇二六年十一月二十日起中止对某化工园区雨水排口偷排废水案的审查',
    ],
  },
  {
    kind: 'resumption_decision',
    number: '浦检公恢〔2026〕1号',
    data: suspensionData(SEWAGE, {
      decidedOn: '2026-12-01',
      reason: '相关行政诉讼已审结，中止的原因已经消除。',
    }),
    expected: ['恢复审查决定书', '中止的原因已经消除', '第七十八条', '自二〇二六年十二月一日起恢复'],
  },
  {
    kind: 'service_receipt',
    number: '浦检行公送〔2026〕4号',
    data: serviceReceiptData(SEWAGE, {
      documentTitle: '检察建议书（区生态环境局）',
      documentNumber: '浦检行公建〔2026〕3号',
      recipient: '区生态环境局',
      servedOn: '2026-11-25',
      receivedOn: '2026-11-26',
      server: '张检察官',
    }),
    expected: [
      '送达回证',
      '检察建议书（区生态环境局）',
      '浦检行公建〔2026〕3号',
      '受送达单位：区生态环境局',
      '送达日期：二〇二六年十一月二十五日',
      '签收日期：二〇二六年十一月二十六日',
      '送达人：张检察官',
      '第七十六条',
    ],
  },
  {
    kind: 'pretrial_notice',
    number: '浦检民公告〔2026〕1号',
    data: pretrialNoticeData(SEWAGE, {
      medium: '正义网',
      contactPerson: '张检察官',
      contactPhone: '025-58800000',
    }),
    expected: [
      '诉前公告',
      '七里河下游出现死鱼',
      '法律规定的机关和有关组织',
      '生态环境损害赔偿权利人',
      '自本公告发布之日起三十日',
      '公告媒体：正义网',
      '联系人：张检察官',
      '联系电话：025-58800000',
      '第九十一条',
    ],
  },
];

/** The key each kind cannot render without. */
const REQUIRED: Partial<Record<RenderedCase['kind'], string>> = {
  service_receipt: 'recipient',
  pretrial_notice: 'medium',
};
describeRenderedKinds(CASES.map((c) => ({ ...c, required: REQUIRED[c.kind] ?? 'reason' })));

it('a pre-suit notice without a telephone number sends callers to the case office', async () => {
  const data = pretrialNoticeData(SEWAGE, { medium: '正义网', contactPerson: '张检察官' });
  const text = (await mammoth.extractRawText({ buffer: await rendered({ ...CASES[6]!, data }) })).value;
  expect(text).toContain('联系电话：本院案件管理部门电话');
});

const hasLibreOffice = findSoffice() !== undefined;
if (!hasLibreOffice)
  console.warn(
    'LibreOffice (soffice) is not installed: the PDF assertions are skipped (scripts/ensure-libreoffice.sh)',
  );

(hasLibreOffice ? it : it.skip)(
  'as PDF, each kind has its title and its number in the text pdftotext reads',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duban-decision-pdf-'));
    try {
      for (const c of CASES) {
        const pdf = await systemPdfConverter().convert(await rendered(c));
        await writeFile(join(dir, 'doc.pdf'), pdf);
        const { stdout } = await promisify(execFile)('pdftotext', [join(dir, 'doc.pdf'), '-']);
        const text = stdout.replace(/\s+/g, '');
        expect(text).toContain(c.number);
        expect(text).toContain(c.expected[0]!.replace(/\s+/g, ''));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
