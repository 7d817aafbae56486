/**
 * What each kind of document says, as the data its template is filled with: built from the case
 * and the action that makes the document. Pure, so the content can be tested without a template.
 */
import type { PeriodLength } from '../period/request';
import { chineseDate, chineseNumber } from './chinese-date';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds';

/** The case as a document speaks of it. */
export interface CaseFacts {
  procuratorate: string;
  caseNumber: string;
  caseTitle: string;
  /** The lead's source, in words (e.g. 部门移送), with its detail when registered. */
  source: string;
  domain: string;
  /** The statute that allows public-interest litigation in the domain, when it has one. */
  domainBasis: string | null;
  /** The lead's own words at registration. */
  description: string | null;
}

/** Shown on a draft where the issued document will bear its number and date. */
export const DRAFT_NUMBER = '（文号于签发时编定）';
export const DRAFT_DATE = '（签发日期）';

export function filingDecisionData(c: CaseFacts, decision: { reason: string }): Record<string, string> {
  return {
    procuratorate: c.procuratorate,
    caseTitle: c.caseTitle,
    caseNumber: c.caseNumber,
    source: c.source,
    domain: c.domain,
    facts: c.description ?? c.caseTitle,
    reason: decision.reason,
    basis: DOCUMENT_KINDS.filing_decision.basis,
    number: DRAFT_NUMBER,
    issuedDate: DRAFT_DATE,
  };
}

/** The eight items of a recommendation (Rules art. 75) as the handler proposed them for one organ. */
export interface RecommendationContent {
  organName: string;
  harmFacts: string;
  nonPerformance: string;
  /** The legal basis: one citation a line. */
  legalBasis: string;
  /** The specific recommendations, each tracked on its own later. */
  items: string[];
  rectificationPeriod: PeriodLength;
  urgent: boolean;
  otherMatters: string;
}

export function recommendationData(c: CaseFacts, r: RecommendationContent): Record<string, unknown> {
  return {
    procuratorate: c.procuratorate,
    caseTitle: c.caseTitle,
    caseNumber: c.caseNumber,
    organName: r.organName,
    source: `${c.source}。本院于办理${c.caseTitle}（${c.caseNumber}）中发现本案线索。`,
    harmFacts: r.harmFacts,
    nonPerformance: r.nonPerformance,
    ...legalBasesData(citationsOf(r.legalBasis)),
    itemList: r.items,
    items: numberedItems(r.items),
    rectification:
      `请你单位自收到本检察建议书之日起${periodText(r.rectificationPeriod)}内整改完毕，` +
      `并在${r.urgent ? '十五日' : '两个月'}内将整改情况书面回复本院。`,
    otherMatters: r.otherMatters,
    // Set when issued: the address of its verification page, drawn as a QR code.
    verifyUrl: '',
    // Set when issued to an organ with a registered address: its page for this recommendation
    // (receipt, reply, rectification), drawn as a second QR code (template version 3).
    organUrl: '',
    number: DRAFT_NUMBER,
    issuedDate: DRAFT_DATE,
  };
}

/**
 * Citations most 检察建议书 rest on, offered to the handler beside the domain's own statute (the
 * list is the handler's to choose from and to extend).
 */
export const COMMON_LEGAL_BASES: readonly string[] = [
  '《中华人民共和国行政诉讼法》第二十五条第四款',
  '《中华人民共和国人民检察院组织法》第二十一条',
  '《人民检察院公益诉讼办案规则》第七十五条',
];

/** A legal basis written one citation a line, as its list. */
export function citationsOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * The legal basis as the document carries it: the citations as a list (legalBases, for a
 * template that lays them out itself) and as text, one a line (legalBasis).
 */
function legalBasesData(citations: string[]): { legalBases: string[]; legalBasis: string } {
  return { legalBases: citations, legalBasis: citations.join('\n') };
}

/** The data of an issued document: its number and the date in Chinese numerals in place of the draft's. */
export function issuedData(
  data: Record<string, unknown>,
  number: string,
  issuedOn: string,
): Record<string, unknown> {
  return { ...data, number, issuedDate: chineseDate(issuedOn) };
}

/** Items numbered as official documents number them: （一）…, （二）…, one paragraph each. */
export function numberedItems(items: string[]): string[] {
  return items.map((item, i) => `（${chineseNumber(i + 1)}）${item}`);
}

/** A period as a document states it: 三个月, 三十日. */
export function periodText(p: PeriodLength): string {
  return `${chineseNumber(p.count)}${p.unit === 'months' ? '个月' : '日'}`;
}

/** The free-text parts of a draft the handler may change before the decision. */
export interface DraftChanges {
  harmFacts?: string;
  nonPerformance?: string;
  /** The legal basis as text, one citation a line (legalBases in a list is the same). */
  legalBasis?: string;
  /** The citations of the legal basis (法律依据), one per item. */
  legalBases?: string[];
  /** The specific recommendations, one per item. */
  items?: string[];
  otherMatters?: string;
  /** A 起诉书's claims (诉讼请求), one per item. */
  claims?: string[];
}

/** The parts of each editable kind; a change to any other part of the draft is refused. */
export const EDITABLE_FIELDS: Partial<Record<DocumentKind, readonly (keyof DraftChanges)[]>> = {
  recommendation: ['harmFacts', 'nonPerformance', 'legalBasis', 'legalBases', 'items', 'otherMatters'],
  administrative_complaint: ['claims'],
  civil_complaint: ['claims'],
};

/** What a draft's editable parts are called, for a refusal naming one. */
export const DRAFT_PART_LABELS: Record<keyof DraftChanges, string> = {
  harmFacts: '侵害事实',
  nonPerformance: '不依法履职的事实和理由',
  legalBasis: '法律依据',
  legalBases: '法律依据',
  items: '建议事项',
  otherMatters: '其他事项',
  claims: '诉讼请求',
};

/** The first part of `changes` the kind's drafts do not have, if any. */
export function foreignPart(kind: string, changes: DraftChanges): keyof DraftChanges | undefined {
  const allowed: readonly string[] = EDITABLE_FIELDS[kind as DocumentKind] ?? [];
  return (Object.keys(changes) as (keyof DraftChanges)[]).find((k) => !allowed.includes(k));
}

/** `（一）确认…` → `确认…`: an item as written before it was numbered. */
const unnumbered = (item: string) => item.replace(/^（[〇一二三四五六七八九十百]+）/, '');

/**
 * The editable parts of a document as they stand: a draft 检察建议书's free text and items, a
 * draft 起诉书's claims; null for an issued document or a kind with none.
 */
export function editableParts(
  kind: string,
  status: string,
  data: Record<string, unknown>,
): DraftChanges | null {
  if (status !== 'draft') return null;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const list = (raw: string, numbered: string) =>
    Array.isArray(data[raw])
      ? (data[raw] as unknown[]).map(String)
      : Array.isArray(data[numbered])
        ? (data[numbered] as unknown[]).map((i) => unnumbered(String(i)))
        : [];
  if (kind === 'recommendation')
    return {
      harmFacts: str('harmFacts'),
      nonPerformance: str('nonPerformance'),
      legalBasis: str('legalBasis'),
      // Drafts made before the citations were kept as a list have them one a line.
      legalBases: Array.isArray(data.legalBases)
        ? data.legalBases.map(String)
        : citationsOf(str('legalBasis')),
      items: list('itemList', 'items'),
      otherMatters: str('otherMatters'),
    };
  // Drafts made before the claims were kept as written have only the numbered ones.
  if (kind === 'administrative_complaint' || kind === 'civil_complaint')
    return { claims: list('claimList', 'claims') };
  return null;
}

/** A recommendation draft's data with the handler's changes; the numbered items follow the list. */
export function revisedRecommendationData(
  data: Record<string, unknown>,
  changes: DraftChanges,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const key of ['harmFacts', 'nonPerformance', 'otherMatters'] as const)
    if (changes[key] !== undefined) out[key] = changes[key];
  const citations =
    changes.legalBases ?? (changes.legalBasis !== undefined ? citationsOf(changes.legalBasis) : undefined);
  if (citations !== undefined) Object.assign(out, legalBasesData(citations));
  if (changes.items !== undefined) {
    out.itemList = changes.items;
    out.items = numberedItems(changes.items);
  }
  return out;
}

/** A draft's data with the handler's changes to the parts its kind has (EDITABLE_FIELDS). */
export function revisedDraftData(
  kind: DocumentKind,
  data: Record<string, unknown>,
  changes: DraftChanges,
): Record<string, unknown> {
  if (kind === 'recommendation') return revisedRecommendationData(data, changes);
  const out: Record<string, unknown> = { ...data };
  if (changes.claims !== undefined) {
    out.claimList = changes.claims;
    out.claims = numberedItems(changes.claims);
  }
  return out;
}
