// The clocks of DOMAIN.md as data. Lengths are defaults an admin may override (clocks.ts).
import type { ClockDefinition, ClockId, LegalBasis } from './clock-types';
import type { PeriodLength } from './request';

const days = (count: number): PeriodLength => ({ unit: 'days', count });
const months = (count: number): PeriodLength => ({ unit: 'months', count });

const RULES = '《人民检察院公益诉讼办案规则》';
const JOINT_INTERPRETATION = '《最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》';
const ADMIN_LITIGATION_LAW = '《中华人民共和国行政诉讼法》';
const CIVIL_PROCEDURE_LAW = '《中华人民共和国民事诉讼法》';
const rules = (article: string): LegalBasis => ({ instrument: RULES, article });
const localPractice = (what: string): LegalBasis => ({ instrument: `本院工作惯例（${what}）` });

const CHIEF_THEN_ABOVE = { grantedBy: 'chief', by: months(1), beyond: '上级检察院' } as const;

/** An administrative suit is appealed under 行政诉讼法 art. 85, a civil one under 民事诉讼法 art. 171. */
const APPEAL_BASIS: LegalBasis[] = [
  rules('第六十二条'),
  { instrument: ADMIN_LITIGATION_LAW, article: '第八十五条', track: 'administrative' },
  { instrument: CIVIL_PROCEDURE_LAW, article: '第一百七十一条', track: 'civil' },
];
const APPEAL_EXPIRY = { action: 'advance_stage', text: '上诉期届满，案件进入下一阶段' } as const;

export const CLOCK_DEFINITIONS: Record<ClockId, ClockDefinition> = {
  lead_evaluation: {
    id: 'lead_evaluation',
    name: '线索评估',
    startEvent: { id: 'lead_received', name: '收到线索' },
    defaultLength: days(30),
    target: 'internal',
    basis: [localPractice('无法定期限'), rules('第二十五条')],
    extension: null,
    onExpiry: { action: 'escalate', text: '提醒承办检察官，再提醒部门负责人；重大线索报上级检察院' },
  },
  major_lead_report: {
    id: 'major_lead_report',
    name: '重大线索报上级检察院',
    startEvent: { id: 'major_lead_flagged', name: '认定为重大线索' },
    // Art. 25 says a major lead is reported to the procuratorate above but sets no period: the
    // length is this procuratorate's policy (admin → deadline policy), 7 days unless changed.
    defaultLength: days(7),
    target: 'internal',
    basis: [rules('第二十五条'), localPractice('规则未规定报告期限，默认 7 日')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官将重大线索报上一级检察院' },
  },
  filing_service: {
    id: 'filing_service',
    name: '送达立案决定书',
    startEvent: { id: 'case_filed', name: '立案' },
    defaultLength: days(7),
    target: 'statutory',
    basis: [rules('第七十条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官向行政机关送达立案决定书' },
  },
  investigation: {
    id: 'investigation',
    name: '调查（至提出检察建议或终结审查）',
    startEvent: { id: 'case_filed', name: '立案' },
    defaultLength: months(3),
    target: 'internal',
    basis: [localPractice('内部办案目标，无法定期限')],
    extension: null,
    onExpiry: { action: 'escalate', text: '提醒承办检察官并报部门负责人' },
  },
  recommendation_service: {
    id: 'recommendation_service',
    name: '送达检察建议书',
    startEvent: { id: 'recommendation_decided', name: '决定提出检察建议' },
    defaultLength: days(3),
    target: 'statutory',
    basis: [rules('第七十六条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官送达检察建议书' },
  },
  recommendation_filing_above: {
    id: 'recommendation_filing_above',
    name: '检察建议报上级检察院备案',
    startEvent: { id: 'recommendation_served', name: '检察建议书送达' },
    defaultLength: days(5),
    target: 'statutory',
    basis: [rules('第七十五条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官报上级检察院备案' },
  },
  reply: {
    id: 'reply',
    name: '行政机关书面回复',
    startEvent: { id: 'recommendation_received', name: '行政机关收到检察建议书' },
    defaultLength: months(2),
    urgentLength: days(15),
    target: 'statutory',
    basis: [{ instrument: JOINT_INTERPRETATION, article: '第二十一条' }],
    extension: null,
    onExpiry: { action: 'advance_stage', text: '回复期限届满，案件进入跟进监督阶段' },
  },
  rectification: {
    id: 'rectification',
    name: '整改期限',
    startEvent: { id: 'recommendation_received', name: '行政机关收到检察建议书' },
    defaultLength: null,
    target: 'statutory',
    basis: [rules('第七十五条')],
    extension: null,
    onExpiry: { action: 'follow_up', text: '整改期满，跟进调查整改落实情况' },
  },
  litigation_review_admin: {
    id: 'litigation_review_admin',
    name: '行政公益诉讼审查起诉',
    startEvent: { id: 'rectification_ended', name: '整改期满' },
    defaultLength: months(1),
    target: 'statutory',
    basis: [rules('第四十七条')],
    extension: CHIEF_THEN_ABOVE,
    onExpiry: { action: 'decide', text: '作出提起诉讼或者终结审查的决定' },
  },
  announcement: {
    id: 'announcement',
    name: '民事公益诉讼诉前公告',
    startEvent: { id: 'announcement_published', name: '发布公告' },
    defaultLength: days(30),
    target: 'statutory',
    basis: [rules('第九十一条')],
    extension: null,
    onExpiry: { action: 'follow_up', text: '公告期满，核实有无法律规定的机关或有关组织提起诉讼' },
  },
  litigation_review_civil: {
    id: 'litigation_review_civil',
    name: '民事公益诉讼审查起诉',
    startEvent: { id: 'announcement_ended', name: '公告期满' },
    defaultLength: months(3),
    target: 'statutory',
    basis: [rules('第四十七条')],
    extension: CHIEF_THEN_ABOVE,
    onExpiry: { action: 'decide', text: '作出是否提起诉讼的决定' },
  },
  complaint_report_above: {
    id: 'complaint_report_above',
    name: '起诉书报上级检察院',
    startEvent: { id: 'complaint_served', name: '起诉书送达人民法院' },
    defaultLength: days(5),
    target: 'statutory',
    basis: [rules('第四十六条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官将起诉书报上级检察院' },
  },
  appeal_judgment: {
    id: 'appeal_judgment',
    name: '判决上诉期',
    startEvent: { id: 'judgment_served', name: '一审判决书送达' },
    defaultLength: days(15),
    target: 'statutory',
    basis: APPEAL_BASIS,
    extension: null,
    onExpiry: APPEAL_EXPIRY,
  },
  appeal_ruling: {
    id: 'appeal_ruling',
    name: '裁定上诉期',
    startEvent: { id: 'ruling_served', name: '一审裁定书送达' },
    defaultLength: days(10),
    target: 'statutory',
    basis: APPEAL_BASIS,
    extension: null,
    onExpiry: APPEAL_EXPIRY,
  },
  revisit: {
    id: 'revisit',
    name: '回头看',
    startEvent: { id: 'closed_after_rectification', name: '整改完毕结案' },
    defaultLength: months(6),
    target: 'internal',
    basis: [localPractice('本院跟进监督机制')],
    extension: null,
    onExpiry: { action: 'create_task', text: '生成“回头看”任务交承办检察官' },
  },
  rebound_follow_up: {
    id: 'rebound_follow_up',
    name: '整改反弹后跟进',
    startEvent: { id: 'rectification_rebounded', name: '回头看发现整改反弹' },
    // Neither the Rules nor DOMAIN.md set a period: the length is this procuratorate's policy
    // (admin → deadline policy), 1 month unless changed.
    defaultLength: months(1),
    target: 'internal',
    basis: [localPractice('回头看发现反弹后跟进，默认 1 个月')],
    extension: null,
    onExpiry: {
      action: 'follow_up',
      text: '提醒承办检察官：对整改反弹的行政机关再次提出检察建议，或认定未依法履职进入审查起诉',
    },
  },
  claim_change_filing: {
    id: 'claim_change_filing',
    name: '撤回起诉或变更诉讼请求决定书提交人民法院',
    startEvent: { id: 'claim_change_decided', name: '检察长决定撤回起诉或变更诉讼请求' },
    defaultLength: days(3),
    target: 'statutory',
    basis: [rules('第八十四条'), rules('第九十九条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官将决定书提交人民法院' },
  },
  support_withdrawal_notice: {
    id: 'support_withdrawal_notice',
    name: '撤回支持起诉决定书提交人民法院并发送原告',
    startEvent: { id: 'support_withdrawn', name: '决定撤回支持起诉' },
    defaultLength: days(3),
    target: 'statutory',
    basis: [rules('第一百零二条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官将撤回支持起诉决定书提交人民法院并发送原告' },
  },
  appeal_report_above: {
    id: 'appeal_report_above',
    name: '被告上诉情况报上级检察院',
    startEvent: { id: 'appeal_copy_received', name: '收到上诉状副本' },
    defaultLength: days(3),
    target: 'statutory',
    basis: [rules('第六十二条')],
    extension: null,
    onExpiry: { action: 'remind', text: '提醒承办检察官将被告上诉情况报告上一级检察院' },
  },
  relatives_inquiry: {
    id: 'relatives_inquiry',
    name: '征询英雄烈士等近亲属是否起诉',
    startEvent: { id: 'relatives_inquired', name: '征询近亲属意见' },
    // Art. 92 sets no period for asking the relatives directly (the announcement that may replace
    // it runs 30 days): the length is this procuratorate's policy, 30 days unless changed.
    defaultLength: days(30),
    target: 'internal',
    basis: [
      rules('第九十二条'),
      { instrument: JOINT_INTERPRETATION, article: '第十三条第二款' },
      localPractice('直接征询未规定答复期限，默认 30 日'),
    ],
    extension: null,
    onExpiry: { action: 'follow_up', text: '征询期满，核实近亲属是否提起诉讼' },
  },
};
