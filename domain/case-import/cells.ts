/**
 * Reading the cells of one workbook row against the procuratorate's reference data: the staff
 * who act, the lead, and each recommendation. Every problem goes to `fail`, naming its column.
 */
import { leadFields } from '../case/registration';
import { LEAD_SOURCES, type LeadSource } from '../case/stages';
import { NON_PERFORMANCE_REASONS, type NonPerformanceReason } from '../case/vocabulary';
import { FINDING_RESULTS, IMPORT_MAX_RECOMMENDATIONS, REPLY_CLAIMS, type ImportRow } from './columns';
import type { Dates } from './dates';

type Fail = (key: string, message: string) => void;

export interface ImportRefs {
  today: string;
  /** Organ name or ID → organ ID, of the importing procuratorate. */
  organs: ReadonlyMap<string, string>;
  /** Username → active user of the importing procuratorate. */
  users: ReadonlyMap<string, { id: string; roles: readonly string[] }>;
  /** Domain code or name → its version in force today. */
  domains: ReadonlyMap<string, { code: string; name: string; allowsAdministrative: boolean }>;
  headReviewRequired: boolean;
}

/** One recommendation of the row, with its reply and finding as read. */
export interface Rec {
  n: number;
  id: string;
  organId: string;
  summary: string;
  months: number;
  urgent: boolean;
  claim?: keyof typeof REPLY_CLAIMS;
  replySummary?: string;
  result?: keyof typeof FINDING_RESULTS;
  reason?: NonPerformanceReason;
}

export function resolvePeople(row: ImportRow, refs: ImportRefs, fail: Fail) {
  const person = (key: string, roles: string[], label: string, fallback: boolean) => {
    const username = row[key];
    const holders = [...refs.users.entries()].filter(([, u]) => u.roles.some((r) => roles.includes(r)));
    if (!username) {
      if (!fallback) return undefined;
      const first = holders.sort(([a], [b]) => a.localeCompare(b))[0];
      return first?.[1].id;
    }
    const user = refs.users.get(username);
    if (!user) fail(key, `本院没有在职账号 ${username}`);
    else if (!user.roles.some((r) => roles.includes(r))) fail(key, `${username} 不是${label}`);
    return user?.id;
  };
  const handler = person('handler', ['prosecutor', 'head'], '检察官或部门负责人', false);
  const decides = Boolean(row.filedOn || row.recommendedOn);
  const head = person('head', ['head'], '部门负责人', decides && refs.headReviewRequired);
  const chief = person('chief', ['chief'], '检察长', decides);
  if (decides && refs.headReviewRequired && !head) fail('head', '本院没有部门负责人，无法审核提请');
  if (decides && !chief) fail('chief', '本院没有检察长，无法作出决定');
  return { handler, head, chief };
}

export function leadBody(row: ImportRow, dates: Dates, refs: ImportRefs, fail: Fail) {
  const domain = refs.domains.get(row.domain!);
  if (!domain) fail('domain', `没有领域“${row.domain}”`);
  else if (!domain.allowsAdministrative) fail('domain', `${domain.name}领域本院不能办理行政公益诉讼案件`);
  const source = Object.entries(LEAD_SOURCES).find(
    ([k, label]) => label === row.source || k === row.source,
  )?.[0] as LeadSource | undefined;
  if (!source) fail('source', `“${row.source}”不是可选的线索来源`);
  const fields = {
    title: leadFields.title,
    description: leadFields.description,
    externalRef: leadFields.externalRef.unwrap(),
  } as const;
  const parsed: Record<string, string> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const result = schema.safeParse(row[key]);
    if (result.success) parsed[key] = result.data;
    else fail(key, result.error.issues[0]!.message);
  }
  if (!domain || !source || !dates.receivedOn || Object.keys(parsed).length < 3) return undefined;
  return {
    title: parsed.title!,
    description: parsed.description!,
    externalRef: parsed.externalRef!,
    track: 'administrative' as const,
    domainCode: domain.code,
    source,
    receivedOn: dates.receivedOn,
  };
}

export function readRecommendations(row: ImportRow, dates: Dates, refs: ImportRefs, fail: Fail) {
  const recs: Rec[] = [];
  for (let n = 1; n <= IMPORT_MAX_RECOMMENDATIONS; n += 1) {
    const v = (k: string) => row[`rec${n}.${k}`];
    const k = (name: string) => `rec${n}.${name}`;
    const given = Object.keys(row).some((key) => key.startsWith(`rec${n}.`) && row[key]);
    if (!given) continue;
    if (!dates.recommendedOn) fail('recommendedOn', `填写了建议${n}，须填写检察建议决定日期`);
    const organId = v('organ') ? refs.organs.get(v('organ')!) : undefined;
    if (!v('organ')) fail(k('organ'), '必填');
    else if (!organId) fail(k('organ'), `“${v('organ')}”不在本院行政机关名录中`);
    if (!v('summary')) fail(k('summary'), '必填');
    const months = Number(v('months'));
    if (!Number.isInteger(months) || months < 1 || months > 120) fail(k('months'), '须为 1 至 120 的整数');
    const urgent = v('urgent') === '是';
    if (v('urgent') && !['是', '否'].includes(v('urgent')!)) fail(k('urgent'), '填写“是”或“否”');
    const claim = v('claim') ? keyOf(REPLY_CLAIMS, v('claim')!) : undefined;
    if (v('claim') && !claim) fail(k('claim'), `“${v('claim')}”不是可选的回复情况`);
    if (dates[k('repliedOn')] && !claim) fail(k('claim'), '填写了回复日期，须填写回复情况');
    const result = v('result') ? keyOf(FINDING_RESULTS, v('result')!) : undefined;
    if (v('result') && !result) fail(k('result'), `“${v('result')}”不是可选的认定结果`);
    if (dates[k('checkedOn')] && !result) fail(k('result'), '填写了认定日期，须填写认定结果');
    if (dates[k('checkedOn')] && !dates[k('repliedOn')])
      fail(k('checkedOn'), '认定整改情况前须先有回复（填写回复日期）');
    const reason = v('reason') ? keyOf(NON_PERFORMANCE_REASONS, v('reason')!) : undefined;
    if (result && result !== 'rectified' && !reason)
      fail(k('reason'), '认定结果不是“整改到位”的，须填写第八十二条情形之一');
    if (Boolean(dates[k('servedOn')]) !== Boolean(dates[k('receivedOn')]))
      fail(k('receivedOn'), '送达日期和签收日期须一并填写');
    recs.push({
      n,
      id: `rec-${recs.length + 1}`,
      organId: organId ?? '',
      summary: v('summary') ?? '',
      months,
      urgent,
      claim,
      replySummary: v('replySummary') ?? (claim ? REPLY_CLAIMS[claim] : undefined),
      result,
      reason,
    });
  }
  return recs;
}

function keyOf<T extends Record<string, string>>(labels: T, given: string): keyof T | undefined {
  return Object.entries(labels).find(([k, label]) => label === given || k === given)?.[0];
}
