/**
 * The documents of the end of the investigation, the review and the suit, each rendered from its
 * default template for the sewage case and read back with every item the Rules require.
 */
import {
  administrativeComplaintData,
  civilComplaintData,
  courtAppearanceData,
  investigationReportData,
  reviewReportData,
  suitWithdrawalData,
  supportOpinionData,
  supportWithdrawalData,
} from '../../../domain/documents/litigation';
import { describeRenderedKinds, SEWAGE } from '../../helpers/rendered-documents';

const REASON = '区生态环境局收到检察建议后两个月内未回复，雨水排口仍在夜间排放有色废水。';
const COURT = '南京铁路运输法院';

describeRenderedKinds([
  {
    kind: 'investigation_report',
    number: '浦检公调终〔2026〕1号',
    data: investigationReportData(SEWAGE, {
      track: 'administrative',
      reason: '经现场勘查和水质检测，排口废水化学需氧量超标四倍，区生态环境局未依法查处。',
      handler: '张检察官',
      proposals: ['向南京市浦口区生态环境局提出检察建议：依法查处偷排行为并封堵暗管'],
    }),
    expected: [
      '调查终结报告',
      '七里河下游出现死鱼',
      '化学需氧量超标四倍',
      '承办检察官建议提出检察建议',
      '（一）向南京市浦口区生态环境局提出检察建议',
      '第七十三条',
      '承办检察官：张检察官',
      '群众举报',
    ],
    required: 'findings',
  },
  {
    kind: 'investigation_report',
    number: '浦检公调终〔2026〕2号',
    data: investigationReportData(SEWAGE, {
      track: 'civil',
      reason: '涉事企业偷排废水致七里河生态环境受损，需公告告知适格主体。',
      handler: '张检察官',
      proposals: ['发布诉前公告，告知法律规定的机关和有关组织提起诉讼'],
    }),
    expected: ['承办检察官建议发布诉前公告', '第八十九条'],
    required: 'conclusion',
  },
  {
    kind: 'review_report',
    number: '浦检公审终〔2026〕1号',
    data: reviewReportData(SEWAGE, {
      track: 'administrative',
      reason: REASON,
      handler: '张检察官',
      defendants: ['南京市浦口区生态环境局'],
    }),
    expected: [
      '审查终结报告',
      '两个月内未回复',
      '承办检察官建议提起行政公益诉讼',
      '以南京市浦口区生态环境局为被告提起行政公益诉讼',
      '第七十九条',
    ],
    required: 'handler',
  },
  {
    kind: 'administrative_complaint',
    number: '浦检行公诉〔2026〕1号',
    data: administrativeComplaintData(SEWAGE, {
      organs: [{ name: '南京市浦口区生态环境局', recommendationNumber: '浦检行公建〔2026〕3号' }],
      reason: REASON,
    }),
    expected: [
      '行政公益诉讼起诉书',
      '公益诉讼起诉人：浦口区人民检察院',
      '被告：南京市浦口区生态环境局',
      '诉讼请求',
      '（一）确认被告南京市浦口区生态环境局不依法履行监督管理职责的行为违法',
      '（二）判令被告南京市浦口区生态环境局依法履行监督管理职责',
      '事实和理由',
      '七里河下游出现死鱼',
      '两个月内未回复',
      '诉前程序',
      '检察建议书（浦检行公建〔2026〕3号）',
      '《中华人民共和国行政诉讼法》第二十五条第四款',
      '此致',
      '有管辖权的人民法院',
    ],
    required: 'reasons',
  },
  {
    kind: 'civil_complaint',
    number: '浦检民公诉〔2026〕1号',
    data: civilComplaintData(SEWAGE, {
      defendants: [{ name: '南京某化工有限公司', kind: '法人', identifier: '91320111MA1XXXXX0K' }],
      reason: '被告通过雨水排口偷排生产废水，造成七里河水体污染和鱼类死亡。',
      announcedOn: '2026-09-05',
    }),
    expected: [
      '民事公益诉讼起诉书',
      '被告：南京某化工有限公司（法人，91320111MA1XXXXX0K）',
      '（一）判令被告南京某化工有限公司停止侵害社会公共利益的行为',
      '造成七里河水体污染和鱼类死亡',
      '于二〇二六年九月五日发布诉前公告，公告期满',
      '《中华人民共和国民事诉讼法》第五十八条第二款',
    ],
    required: 'defendants',
  },
  {
    kind: 'support_opinion',
    number: '浦检民公支〔2026〕1号',
    data: supportOpinionData(SEWAGE, {
      plaintiff: '江苏省环保联合会',
      court: COURT,
      forms: ['legal_advice', 'evidence_gathering'],
      summary: '原告具备提起环境民事公益诉讼的资格，本院调取的水质检测报告足以证明损害事实。',
    }),
    expected: [
      '支持起诉意见书',
      `${COURT}：`,
      '江苏省环保联合会就某化工园区雨水排口偷排废水案向你院提起民事公益诉讼',
      '提供法律咨询、协助调查取证',
      '水质检测报告足以证明损害事实',
      '第一百零一条',
    ],
    required: 'plaintiff',
  },
  {
    kind: 'suit_withdrawal_decision',
    number: '浦检公撤诉〔2026〕1号',
    data: suitWithdrawalData(SEWAGE, {
      track: 'administrative',
      ground: 'organ_performed',
      reason: '诉讼中区生态环境局已封堵暗管并对涉事企业作出行政处罚。',
      court: COURT,
    }),
    expected: [
      '撤回起诉决定书',
      `${COURT}：`,
      '依法履行职责而全部实现诉讼请求',
      '已封堵暗管',
      '第八十四条',
      '本院决定撤回起诉',
    ],
    required: 'ground',
  },
  {
    kind: 'support_withdrawal_decision',
    number: '浦检民公撤支〔2026〕1号',
    data: supportWithdrawalData(SEWAGE, {
      situation: 'withdrawn_or_settled',
      reason: '原告与被告达成的和解协议未包含生态修复内容。',
      plaintiff: '江苏省环保联合会',
      court: COURT,
    }),
    expected: [
      '撤回支持起诉决定书',
      '原告撤回起诉或者与被告达成和解协议',
      '未包含生态修复内容',
      '第一百零二条',
      '本院决定撤回支持起诉',
      '同时送达江苏省环保联合会',
    ],
    required: 'situation',
  },
  {
    kind: 'court_appearance_notice',
    number: '浦检公出庭〔2026〕1号',
    data: courtAppearanceData(SEWAGE, {
      track: 'administrative',
      court: COURT,
      filedOn: '2026-11-20',
      prosecutors: ['张检察官', '李检察官'],
    }),
    expected: [
      '派员出庭通知书',
      `${COURT}：`,
      '本院于二〇二六年十一月二十日向你院提起的某化工园区雨水排口偷排废水案行政公益诉讼一案',
      '派检察员张检察官、李检察官以公益诉讼起诉人身份出席法庭',
    ],
    required: 'prosecutors',
  },
]);
