/**
 * The dry run of a case import: every row planned against this procuratorate's reference data,
 * the clocks its actions would start computed with the stored calendar (as the case workflow
 * will compute them), and what is wrong with the row, in Chinese. Nothing is written.
 */
import { computeClock } from '../../calendar/compute-clock';
import type { CalendarStore } from '../../calendar/store';
import { planRow, type ImportRefs, type RowPlan } from '../../domain/case-import/plan';
import { shanghaiDate } from '../../domain/time';
import { importedRows, importReferences } from '../../store/case-imports';
import { decisionPolicyOf } from '../../store/decision-policy';
import type { Db } from '../../store/pool';
import type { SheetRow } from './workbook';

export interface ClockPreview {
  clockId: string;
  name: string;
  start: string;
  due: string | null;
  metOn: string | null;
  /** 进行中, 已逾期, 按期完成 or 逾期完成. */
  state: string;
  overdue: boolean;
}

export interface RowReport {
  row: number;
  key: string | null;
  status: 'ok' | 'error' | 'imported';
  summary: string;
  errors: string[];
  clocks: ClockPreview[];
}

export interface PlannedRow {
  sheetRow: number;
  plan: RowPlan;
  /** Set when another row of the same file already has this key. */
  duplicateOf?: number;
}

export async function loadImportRefs(db: Db, procuratorateId: string, today: string): Promise<ImportRefs> {
  const refs = await importReferences(db, procuratorateId, today);
  const organs = new Map<string, string>();
  for (const o of refs.organs) organs.set(o.id, o.id).set(o.name, o.id);
  const domains = new Map<string, { code: string; name: string; allowsAdministrative: boolean }>();
  for (const d of refs.domains) {
    const tooLow = d.min_level === 'city' && refs.level === 'district';
    const entry = { code: d.code, name: d.name, allowsAdministrative: d.allows_administrative && !tooLow };
    domains.set(d.code, entry).set(d.name, entry);
  }
  const policy = await decisionPolicyOf(db, procuratorateId);
  return {
    today,
    organs,
    domains,
    users: new Map(refs.users.map((u) => [u.username, { id: u.id, roles: u.roles }])),
    headReviewRequired: policy.headReviewRequired,
  };
}

/** Plans every row, marking a key that repeats an earlier row's. */
export function planRows(rows: SheetRow[], refs: ImportRefs): PlannedRow[] {
  const seen = new Map<string, number>();
  return rows.map(({ number, values }) => {
    const plan = planRow(values, refs);
    const first = plan.key ? seen.get(plan.key) : undefined;
    if (plan.key && first === undefined) seen.set(plan.key, number);
    return { sheetRow: number, plan, ...(first !== undefined ? { duplicateOf: first } : {}) };
  });
}

export async function dryRun(
  deps: { db: Db; calendar: CalendarStore; now: () => Date },
  procuratorateId: string,
  rows: SheetRow[],
): Promise<{ rows: RowReport[]; totals: { rows: number; ok: number; errors: number; imported: number } }> {
  const today = shanghaiDate(deps.now());
  const planned = planRows(rows, await loadImportRefs(deps.db, procuratorateId, today));
  const done = await importedRows(
    deps.db,
    procuratorateId,
    planned.flatMap((p) => (p.plan.key ? [p.plan.key] : [])),
  );
  // One calendar read for the whole file: every row's clocks computed with the same versions.
  const snapshot = await deps.calendar.snapshot();
  const calendar: CalendarStore = { ...deps.calendar, snapshot: async () => snapshot };
  const reports: RowReport[] = [];
  for (const p of planned) {
    const errors = [...p.plan.errors];
    if (p.duplicateOf !== undefined) errors.push(`原案号：与第 ${p.duplicateOf} 行重复`);
    const earlier = p.plan.key ? done.get(p.plan.key) : undefined;
    const status = errors.length > 0 ? 'error' : earlier?.completed_at ? 'imported' : 'ok';
    const summary =
      status === 'imported'
        ? `已导入为案件 ${earlier!.case_id}，将跳过`
        : status === 'ok'
          ? `将登记案件并补录：${p.plan.summary}${earlier ? `（上次导入未完成，将从第 ${earlier.steps_done + 1} 步继续）` : ''}`
          : '此行不会导入';
    const clocks = status === 'ok' ? await previewClocks({ calendar, now: deps.now }, p.plan, today) : [];
    reports.push({ row: p.sheetRow, key: p.plan.key ?? null, status, summary, errors, clocks });
  }
  const count = (s: RowReport['status']) => reports.filter((r) => r.status === s).length;
  return {
    rows: reports,
    totals: { rows: reports.length, ok: count('ok'), errors: count('error'), imported: count('imported') },
  };
}

async function previewClocks(
  deps: { calendar: CalendarStore; now: () => Date },
  plan: RowPlan,
  today: string,
): Promise<ClockPreview[]> {
  const previews: ClockPreview[] = [];
  for (const c of plan.clocks) {
    const length = c.months
      ? ({ source: 'explicit', period: { unit: 'months', count: c.months } } as const)
      : ({ source: c.urgent ? 'urgent' : 'default' } as const);
    const computed = await computeClock(deps.calendar, {
      clockId: c.clockId,
      start: c.start,
      length,
      adjustments: {},
      track: 'administrative',
      now: deps.now().getTime(),
    });
    const due = computed.due;
    const late = due !== null && (c.metOn ? c.metOn > due : today > due);
    const state = c.metOn ? (late ? '逾期完成' : '按期完成') : late ? '已逾期' : '进行中';
    previews.push({
      clockId: c.clockId,
      name: computed.definition.name,
      start: c.start,
      due,
      metOn: c.metOn ?? null,
      state,
      overdue: late && !c.metOn,
    });
  }
  return previews;
}
