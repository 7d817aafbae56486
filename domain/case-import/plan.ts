/**
 * What one workbook row becomes: the registration and the actions a user would take, in order,
 * each with its real date, and the clocks those actions start. Pure: reference data comes in,
 * every problem of the row comes out in Chinese, naming its column.
 */
import { ACTION_SCHEMAS, type ActionName, type Payloads } from '../case/payloads';
import { leadFields } from '../case/registration';
import { LEAD_SOURCES, type LeadSource } from '../case/stages';
import { NON_PERFORMANCE_REASONS, type NonPerformanceReason } from '../case/vocabulary';
import type { ClockId } from '../period/clocks';
import { isStorableText } from '../text';
import {
  FINDING_RESULTS,
  IMPORT_COLUMNS,
  IMPORT_MAX_RECOMMENDATIONS,
  REPLY_CLAIMS,
  type ImportRow,
} from './columns';
import { checkDates, readDate, type Dates } from './dates';

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

export interface PlannedStep {
  actorId: string;
  action: ActionName;
  body: Payloads[ActionName];
}

export interface PlannedClock {
  key: string;
  clockId: ClockId;
  start: string;
  months?: number;
  urgent?: boolean;
  /** The date the action that meets it is recorded with, when the row has it. */
  metOn?: string;
}

export interface RowPlan {
  key?: string;
  errors: string[];
  registration?: {
    handlerId: string;
    body: {
      title: string;
      description: string;
      track: 'administrative';
      domainCode: string;
      source: LeadSource;
      receivedOn: string;
      externalRef: string;
      handlerId: string;
    };
  };
  steps: PlannedStep[];
  clocks: PlannedClock[];
  /** What the row creates, e.g. 「立案、检察建议 2 份、回复 1 份」. */
  summary: string;
}

const HEADERS = new Map(IMPORT_COLUMNS.map((c) => [c.key, c.header]));
const IMPORT_NOTE = '既往案件导入（详见纸质案卷）';

export function planRow(row: ImportRow, refs: ImportRefs): RowPlan {
  const errors: string[] = [];
  const fail = (key: string, message: string) => errors.push(`${HEADERS.get(key) ?? key}：${message}`);
  for (const [key, value] of Object.entries(row))
    if (value !== undefined && !isStorableText(value))
      fail(key, '含有无法保存的字符（空字符或不成对的代理项）');
  for (const c of IMPORT_COLUMNS) if (c.required && !row[c.key]) fail(c.key, '必填');
  if (errors.length > 0) return { key: row.externalRef, errors, steps: [], clocks: [], summary: '' };

  const dates: Dates = {};
  for (const c of IMPORT_COLUMNS)
    if (c.key.endsWith('On') && row[c.key]) {
      const d = readDate(row[c.key]!);
      if (d) dates[c.key] = d;
      else fail(c.key, `“${row[c.key]}”不是有效日期（如 2025-03-01）`);
    }
  for (const [key, d] of Object.entries(dates)) if (d > refs.today) fail(key, `${d} 晚于今天`);

  const people = resolvePeople(row, refs, fail);
  const lead = leadBody(row, dates, refs, fail);
  const plan: RowPlan = { key: row.externalRef, errors, steps: [], clocks: [], summary: '' };
  const add = <N extends ActionName>(
    actorId: string | undefined,
    action: N,
    body: unknown,
    column: string,
  ) => {
    const parsed = ACTION_SCHEMAS[action].safeParse(body);
    if (!parsed.success) return fail(column, parsed.error.issues[0]!.message);
    if (actorId) plan.steps.push({ actorId, action, body: parsed.data as Payloads[N] });
  };
  const decided = (
    propose: 'proposeFiling' | 'proposeRecommendation',
    body: object,
    on: string,
    column: string,
  ) => {
    add(people.handler, propose, { ...body, proposedOn: on }, column);
    if (refs.headReviewRequired)
      add(
        people.head,
        'reviewProposal',
        { approve: true, reviewedOn: on, reasons: '同意报请检察长决定' },
        'head',
      );
    const decide = propose === 'proposeFiling' ? 'decideFiling' : 'decideRecommendation';
    add(people.chief, decide, { approve: true, decidedOn: on, reason: '同意' }, 'chief');
  };

  const recs = readRecommendations(row, dates, refs, fail);
  checkDates(row, dates, recs.length, fail);
  plan.clocks.push({
    key: 'lead_evaluation',
    clockId: 'lead_evaluation',
    start: dates.receivedOn ?? '',
    ...(dates.filedOn ? { metOn: dates.filedOn } : {}),
  });
  const parts: string[] = [];
  if (dates.filedOn) {
    parts.push('立案');
    decided('proposeFiling', { reason: IMPORT_NOTE }, dates.filedOn, 'filedOn');
    plan.clocks.push(
      {
        key: 'filing_service',
        clockId: 'filing_service',
        start: dates.filedOn,
        ...met(dates.filingServedOn),
      },
      { key: 'investigation', clockId: 'investigation', start: dates.filedOn, ...met(dates.recommendedOn) },
    );
    const served = row.organ ? refs.organs.get(row.organ) : recs[0]?.organId;
    if (row.organ && !served) fail('organ', `“${row.organ}”不在本院行政机关名录中`);
    if (dates.filingServedOn && served)
      add(
        people.handler,
        'recordFilingService',
        { servedOn: dates.filingServedOn, organIds: [served] },
        'filingServedOn',
      );
    if (dates.investigatedOn)
      add(
        people.handler,
        'recordInvestigation',
        { on: dates.investigatedOn, summary: IMPORT_NOTE },
        'investigatedOn',
      );
  }
  if (dates.recommendedOn && recs.length > 0) {
    parts.push(`检察建议 ${recs.length} 份`);
    const recommendations = recs.map((r) => ({
      organId: r.organId,
      urgent: r.urgent,
      rectificationPeriod: { unit: 'months', count: r.months },
      summary: r.summary,
    }));
    decided(
      'proposeRecommendation',
      { reason: IMPORT_NOTE, recommendations },
      dates.recommendedOn,
      'recommendedOn',
    );
    planRecommendations(recs, dates, people.handler, add, plan, parts);
  }
  plan.summary = parts.length > 0 ? parts.join('、') : '线索（未立案）';
  if (lead && people.handler && errors.length === 0)
    plan.registration = { handlerId: people.handler, body: { ...lead, handlerId: people.handler } };
  if (errors.length > 0) plan.steps = [];
  return plan;
}

const met = (on: string | undefined) => (on ? { metOn: on } : {});

interface Rec {
  n: number;
  id: string;
  organId: string;
  summary: string;
  months: number;
  urgent: boolean;
}

type Add = (actorId: string | undefined, action: ActionName, body: unknown, column: string) => void;

function planRecommendations(
  recs: Rec[],
  dates: Dates,
  handler: string | undefined,
  add: Add,
  plan: RowPlan,
  parts: string[],
) {
  let replies = 0;
  let findings = 0;
  for (const r of recs) {
    const at = (k: string) => dates[`rec${r.n}.${k}`];
    plan.clocks.push({
      key: `recommendation_service:${r.id}`,
      clockId: 'recommendation_service',
      start: dates.recommendedOn!,
      ...met(at('servedOn')),
    });
    if (!at('servedOn') || !at('receivedOn')) continue;
    add(
      handler,
      'recordRecommendationService',
      { recommendationId: r.id, servedOn: at('servedOn'), receivedOn: at('receivedOn') },
      `rec${r.n}.servedOn`,
    );
    plan.clocks.push(
      {
        key: `recommendation_filing_above:${r.id}`,
        clockId: 'recommendation_filing_above',
        start: at('servedOn')!,
        ...met(at('filedAboveOn')),
      },
      {
        key: `reply:${r.id}`,
        clockId: 'reply',
        start: at('receivedOn')!,
        urgent: r.urgent,
        ...met(at('repliedOn') ?? at('checkedOn')),
      },
      {
        key: `rectification:${r.id}`,
        clockId: 'rectification',
        start: at('receivedOn')!,
        months: r.months,
        ...met(at('checkedOn')),
      },
    );
    if (at('filedAboveOn'))
      add(
        handler,
        'recordRecommendationFiledAbove',
        { recommendationId: r.id, filedOn: at('filedAboveOn') },
        `rec${r.n}.filedAboveOn`,
      );
  }
  for (const r of recs) {
    const raw = r as Rec & { claim?: string; replySummary?: string };
    const repliedOn = dates[`rec${r.n}.repliedOn`];
    if (!repliedOn) continue;
    replies += 1;
    add(
      handler,
      'recordReply',
      { recommendationId: r.id, repliedOn, claim: raw.claim, summary: raw.replySummary },
      `rec${r.n}.repliedOn`,
    );
  }
  for (const r of recs) {
    const raw = r as Rec & { result?: string; reason?: NonPerformanceReason };
    const checkedOn = dates[`rec${r.n}.checkedOn`];
    if (!checkedOn) continue;
    findings += 1;
    const reasons = raw.result === 'rectified' ? [] : [raw.reason];
    add(
      handler,
      'recordFinding',
      { recommendationId: r.id, checkedOn, result: raw.result, reasons, summary: IMPORT_NOTE },
      `rec${r.n}.checkedOn`,
    );
  }
  if (replies > 0) parts.push(`回复 ${replies} 份`);
  if (findings > 0) parts.push(`整改认定 ${findings} 项`);
}

function resolvePeople(row: ImportRow, refs: ImportRefs, fail: (key: string, message: string) => void) {
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

function leadBody(
  row: ImportRow,
  dates: Dates,
  refs: ImportRefs,
  fail: (key: string, message: string) => void,
) {
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

function readRecommendations(
  row: ImportRow,
  dates: Dates,
  refs: ImportRefs,
  fail: (key: string, message: string) => void,
) {
  const recs: (Rec & Record<string, unknown>)[] = [];
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
      replySummary:
        v('replySummary') ?? (claim ? REPLY_CLAIMS[claim as keyof typeof REPLY_CLAIMS] : undefined),
      result,
      reason,
    });
  }
  return recs;
}

function keyOf<T extends Record<string, string>>(labels: T, given: string): keyof T | undefined {
  return Object.entries(labels).find(([k, label]) => label === given || k === given)?.[0];
}
