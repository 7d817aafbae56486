/**
 * What one workbook row becomes: the registration and the actions a user would take, in order,
 * each with its real date, and the clocks those actions start. Pure: reference data comes in,
 * every problem of the row comes out in Chinese, naming its column.
 */
import { ACTION_SCHEMAS, type ActionName, type Payloads } from '../case/payloads';
import type { LeadSource } from '../case/stages';
import type { ClockId } from '../period/clocks';
import { isStorableText } from '../text';
import { IMPORT_COLUMNS, type ImportRow } from './columns';
import { leadBody, readRecommendations, resolvePeople, type ImportRefs, type Rec } from './cells';
import { checkDates, readDate, type Dates } from './dates';

export type { ImportRefs } from './cells';

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
    const repliedOn = dates[`rec${r.n}.repliedOn`];
    if (!repliedOn) continue;
    replies += 1;
    add(
      handler,
      'recordReply',
      { recommendationId: r.id, repliedOn, claim: r.claim, summary: r.replySummary },
      `rec${r.n}.repliedOn`,
    );
  }
  for (const r of recs) {
    const checkedOn = dates[`rec${r.n}.checkedOn`];
    if (!checkedOn) continue;
    findings += 1;
    const reasons = r.result === 'rectified' ? [] : [r.reason];
    add(
      handler,
      'recordFinding',
      { recommendationId: r.id, checkedOn, result: r.result, reasons, summary: IMPORT_NOTE },
      `rec${r.n}.checkedOn`,
    );
  }
  if (replies > 0) parts.push(`回复 ${replies} 份`);
  if (findings > 0) parts.push(`整改认定 ${findings} 项`);
}
