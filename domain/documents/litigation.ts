/**
 * What the documents of the end of the investigation, the review and the suit say: the 调查终结报告
 * and 审查终结报告 that carry a decision (Rules arts. 73, 79, 89, 94), the 起诉书 of an administrative
 * and of a civil suit, the 支持起诉意见书 (art. 101), the 撤回起诉 (arts. 84, 99) and 撤回支持起诉决定书
 * (art. 102) and the 派员出庭通知书. Pure, like content.ts.
 */
import {
  CLAIM_CHANGE_GROUND_LABELS,
  SUPPORT_FORMS,
  SUPPORT_WITHDRAWAL_SITUATIONS,
  type ClaimChangeGround,
  type SupportForm,
  type SupportWithdrawalSituation,
} from '../case/vocabulary';
import type { CivilDate } from '../period/dates';
import { chineseDate } from './chinese-date';
import { numberedItems, type CaseFacts } from './content';
import { caseHead, RULES, type Track } from './decisions';
import { DOCUMENT_KINDS } from './kinds';

/** Said where a court is not yet known when the document is drafted. */
export const COURT_TO_BE_NAMED = '有管辖权的人民法院';

const facts = (c: CaseFacts) => c.description ?? c.caseTitle;
const suitName = (track: Track) => (track === 'civil' ? '民事公益诉讼' : '行政公益诉讼');

/** What an internal report names: the case, its facts, the handler's reasons and proposals. */
function report(c: CaseFacts, r: { reason: string; handler: string; proposals: string[] }) {
  return {
    ...caseHead(c),
    source: c.source,
    domain: c.domain,
    facts: facts(c),
    findings: r.reason,
    proposals: numberedItems(r.proposals),
    handler: r.handler,
  };
}

/**
 * 调查终结报告: the investigation ends with a recommendation (art. 73(二)) on an administrative
 * case, with the pre-suit notice (art. 89(二)) on a civil one.
 */
export function investigationReportData(
  c: CaseFacts,
  r: { track: Track; reason: string; handler: string; proposals: string[] },
): Record<string, unknown> {
  const civil = r.track === 'civil';
  return {
    ...report(c, r),
    conclusion: civil ? '发布诉前公告' : '提出检察建议',
    basis: `${RULES}${civil ? '第八十九条' : '第七十三条'}`,
  };
}

/** 审查终结报告: the review ends with the proposal to sue (arts. 79(一), 94(一)). */
export function reviewReportData(
  c: CaseFacts,
  r: { track: Track; reason: string; handler: string; defendants: string[] },
): Record<string, unknown> {
  const proposals = [`以${r.defendants.join('、')}为被告提起${suitName(r.track)}`];
  return {
    ...report(c, { ...r, proposals }),
    conclusion: `提起${suitName(r.track)}`,
    basis: `${RULES}${r.track === 'civil' ? '第九十四条' : '第七十九条'}`,
  };
}

/** An organ sued, with the recommendation it did not act on (its number when made here). */
export interface SuedOrgan {
  name: string;
  recommendationNumber: string | null;
}

/** A party a civil suit is brought against, as the complaint names it. */
export interface Defendant {
  name: string;
  kind: string;
  identifier: string;
}

/**
 * A complaint's claims (诉讼请求): as written (claimList, what the handler edits on the draft) and
 * numbered as the document prints them (claims).
 */
const claimsOf = (claims: string[]) => ({ claimList: claims, claims: numberedItems(claims) });

/** What both complaints share: the plaintiff, the facts, the reasons and the court. */
function complaint(c: CaseFacts, reason: string) {
  return {
    ...caseHead(c),
    domain: c.domain,
    facts: facts(c),
    reasons: reason,
    court: COURT_TO_BE_NAMED,
  };
}

/** 行政公益诉讼起诉书: the organs sued, the claims, the recommendations they left unanswered. */
export function administrativeComplaintData(
  c: CaseFacts,
  s: { organs: SuedOrgan[]; reason: string },
): Record<string, unknown> {
  const names = s.organs.map((o) => o.name);
  return {
    ...complaint(c, s.reason),
    defendants: names.map((n) => `被告：${n}`),
    ...claimsOf([
      `确认被告${names.join('、')}不依法履行监督管理职责的行为违法`,
      `判令被告${names.join('、')}依法履行监督管理职责，采取有效措施保护国家利益和社会公共利益`,
    ]),
    pretrial: s.organs.map(
      (o) =>
        `本院依法向${o.name}发出检察建议书（${o.recommendationNumber ?? '文号见原件'}），` +
        '其在法定期限内未依法履行职责，国家利益或者社会公共利益仍处于受侵害状态。',
    ),
    basis: DOCUMENT_KINDS.administrative_complaint.basis,
  };
}

/** 民事公益诉讼起诉书: the defendants, the claims, the notice nobody answered (art. 91). */
export function civilComplaintData(
  c: CaseFacts,
  s: { defendants: Defendant[]; reason: string; announcedOn: CivilDate | null },
): Record<string, unknown> {
  const names = s.defendants.map((d) => d.name);
  const announced = s.announcedOn ? `于${chineseDate(s.announcedOn)}` : '依法';
  return {
    ...complaint(c, s.reason),
    defendants: s.defendants.map((d) => `被告：${d.name}（${d.kind}，${d.identifier}）`),
    ...claimsOf([
      `判令被告${names.join('、')}停止侵害社会公共利益的行为，承担恢复原状、赔偿损失等民事责任`,
      `判令被告${names.join('、')}承担本案鉴定、评估等费用`,
    ]),
    pretrial: [
      `本院${announced}发布诉前公告，公告期满，法律规定的机关和有关组织未提起诉讼，社会公共利益仍处于受侵害状态。`,
    ],
    basis: DOCUMENT_KINDS.civil_complaint.basis,
  };
}

/** 支持起诉意见书 (art. 101): the plaintiff supported before the court, how, and why. */
export function supportOpinionData(
  c: CaseFacts,
  s: { plaintiff: string; court: string; forms: SupportForm[]; summary: string },
): Record<string, unknown> {
  return {
    ...caseHead(c),
    facts: facts(c),
    plaintiff: s.plaintiff,
    court: s.court,
    forms: s.forms.map((f) => SUPPORT_FORMS[f]).join('、'),
    opinion: s.summary,
    basis: DOCUMENT_KINDS.support_opinion.basis,
  };
}

/** 撤回起诉决定书 (arts. 84, 99): the ground, the reason, the court it goes to. */
export function suitWithdrawalData(
  c: CaseFacts,
  w: { track: Track; ground: ClaimChangeGround; reason: string; court: string | null },
): Record<string, unknown> {
  return {
    ...caseHead(c),
    court: w.court ?? COURT_TO_BE_NAMED,
    suit: suitName(w.track),
    ground: CLAIM_CHANGE_GROUND_LABELS[w.ground],
    reason: w.reason,
    basis: `${RULES}${w.track === 'civil' ? '第九十九条' : '第八十四条'}`,
  };
}

/** 撤回支持起诉决定书 (art. 102): the situation, the reason, the plaintiff and the court told. */
export function supportWithdrawalData(
  c: CaseFacts,
  w: { situation: SupportWithdrawalSituation; reason: string; plaintiff: string; court: string | null },
): Record<string, unknown> {
  return {
    ...caseHead(c),
    plaintiff: w.plaintiff,
    court: w.court ?? COURT_TO_BE_NAMED,
    situation: SUPPORT_WITHDRAWAL_SITUATIONS[w.situation],
    reason: w.reason,
    basis: DOCUMENT_KINDS.support_withdrawal_decision.basis,
  };
}

/** 派员出庭通知书: the court told which prosecutor appears for the procuratorate. */
export function courtAppearanceData(
  c: CaseFacts,
  a: { track: Track; court: string; filedOn: CivilDate; prosecutors: string[] },
): Record<string, unknown> {
  return {
    ...caseHead(c),
    court: a.court,
    suit: suitName(a.track),
    filedDate: chineseDate(a.filedOn),
    prosecutors: a.prosecutors.join('、'),
    basis: DOCUMENT_KINDS.court_appearance_notice.basis,
  };
}
