/**
 * What the documents of the case's other decisions and steps say: 不立案 and 终结案件决定书
 * (Rules arts. 74, 90, with the structured ground), 中止 and 恢复审查决定书 (art. 78), the 送达回证
 * of a 检察建议书 (art. 76) and the 诉前公告 (art. 91). Pure, like content.ts.
 */
import { TERMINATION_GROUNDS } from '../case/vocabulary';
import type { CivilDate } from '../period/dates';
import { chineseDate } from './chinese-date';
import { DRAFT_DATE, DRAFT_NUMBER, type CaseFacts } from './content';

export const RULES = '《人民检察院公益诉讼办案规则》';
export type Track = 'administrative' | 'civil';

/** The article that lists when a case of the track is ended (or not filed): 74 administrative, 90 civil. */
function endingArticle(track: Track): string {
  return `${RULES}${track === 'civil' ? '第九十条' : '第七十四条'}`;
}

/** What every decision on the case names: the procuratorate, the case, and the draft's number and date. */
export function caseHead(c: CaseFacts): Record<string, string> {
  return {
    procuratorate: c.procuratorate,
    caseTitle: c.caseTitle,
    caseNumber: c.caseNumber,
    number: DRAFT_NUMBER,
    issuedDate: DRAFT_DATE,
  };
}

export function notFilingData(c: CaseFacts, d: { track: Track; reason: string }): Record<string, string> {
  return {
    ...caseHead(c),
    source: c.source,
    domain: c.domain,
    facts: c.description ?? c.caseTitle,
    reason: d.reason,
    basis: endingArticle(d.track),
  };
}

export type TerminationGround = keyof typeof TERMINATION_GROUNDS;

export function terminationData(
  c: CaseFacts,
  t: { track: Track; ground?: TerminationGround; reason: string; transferredTo?: string },
): Record<string, string> {
  const transferred = t.ground === 'transferred';
  const reviewArticle = t.track === 'civil' ? '第九十四条第三项' : '第七十九条第三项';
  return {
    ...caseHead(c),
    domain: c.domain,
    facts: c.description ?? c.caseTitle,
    ground: t.ground ? TERMINATION_GROUNDS[t.ground] : '其他应当终结案件的情形',
    reason: t.reason,
    basis: transferred ? `${RULES}${reviewArticle}` : endingArticle(t.track),
    outcome: transferred
      ? `本院决定终结本案审查，移送${t.transferredTo ?? '有管辖权的人民检察院'}处理。`
      : '本院决定终结本案。',
  };
}

/** 中止审查 or 恢复审查 (art. 78): the reason and the day it takes effect. */
export function suspensionData(
  c: CaseFacts,
  d: { decidedOn: CivilDate; reason: string },
): Record<string, string> {
  return {
    ...caseHead(c),
    reason: d.reason,
    effectiveDate: chineseDate(d.decidedOn),
    basis: `${RULES}第七十八条`,
  };
}

/** The receipt served with a 检察建议书 (art. 76): what was served on whom, when, and by whom. */
export function serviceReceiptData(
  c: CaseFacts,
  s: {
    documentTitle: string;
    documentNumber: string;
    recipient: string;
    servedOn: CivilDate;
    receivedOn: CivilDate;
    server: string;
  },
): Record<string, string> {
  return {
    ...caseHead(c),
    documentTitle: s.documentTitle,
    documentNumber: s.documentNumber,
    recipient: s.recipient,
    servedDate: chineseDate(s.servedOn),
    receivedDate: chineseDate(s.receivedOn),
    server: s.server,
    basis: `${RULES}第七十六条`,
  };
}

/** Without a telephone number in the action, the notice sends callers to the case office. */
export const NO_CONTACT_PHONE = '本院案件管理部门电话';

/**
 * The pre-suit notice (art. 91): the facts, the call to organisations entitled to sue and to the
 * right-holder of 生态环境损害赔偿, the thirty-day period, the contact and where it is published.
 */
export function pretrialNoticeData(
  c: CaseFacts,
  n: { medium: string; contactPerson: string; contactPhone?: string },
): Record<string, string> {
  return {
    ...caseHead(c),
    domain: c.domain,
    facts: c.description ?? c.caseTitle,
    period: '三十日',
    medium: n.medium,
    contactPerson: n.contactPerson,
    contactPhone: n.contactPhone || NO_CONTACT_PHONE,
    basis: `${RULES}第九十一条`,
  };
}
