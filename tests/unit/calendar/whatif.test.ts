import { previewMoves, requestUnderCatalogue } from '../../../calendar/whatif';
import type { OpenClockRow } from '../../../store/calendar-clocks';
import {
  computeDeadline,
  DEFAULT_CLOCK_CATALOGUE,
  DEFAULT_PERIOD_POLICY,
  scheduleFromChineseDays,
  withOverriddenLengths,
  type DeadlineRequest,
} from '../../../domain/period';

const schedule = scheduleFromChineseDays();

function row(caseId: string, clockId: string, request: DeadlineRequest): OpenClockRow {
  const result = computeDeadline(request, schedule);
  return {
    case_id: caseId,
    procuratorate_id: 'p1',
    clock_key: clockId,
    clock_id: clockId,
    due_date: result.due,
    provisional: result.provisional,
    request,
    catalogue_version: 'clocks-1',
  };
}

const days = (start: string, count: number) => ({ start, period: { unit: 'days' as const, count } });
const months = (start: string, count: number) => ({ start, period: { unit: 'months' as const, count } });

describe('requestUnderCatalogue', () => {
  const next = withOverriddenLengths(DEFAULT_CLOCK_CATALOGUE, {
    reply: { defaultLength: { unit: 'months', count: 3 }, urgentLength: { unit: 'days', count: 10 } },
  });

  it('gives a clock counted with the default length the new default', () => {
    const request = requestUnderCatalogue(
      row('c1', 'reply', months('2025-03-31', 2)),
      DEFAULT_CLOCK_CATALOGUE,
      next,
    );
    expect(request.period).toEqual({ unit: 'months', count: 3 });
  });

  it('gives a clock counted with the urgent length the new urgent length', () => {
    const request = requestUnderCatalogue(
      row('c1', 'reply', days('2025-01-13', 15)),
      DEFAULT_CLOCK_CATALOGUE,
      next,
    );
    expect(request.period).toEqual({ unit: 'days', count: 10 });
  });

  it('keeps a length stated case by case, and keeps exclusions and extensions', () => {
    const stated = { ...days('2025-01-13', 40), excludedDays: 3 };
    expect(requestUnderCatalogue(row('c1', 'reply', stated), DEFAULT_CLOCK_CATALOGUE, next)).toEqual(stated);
    const rectification = row('c1', 'rectification', months('2025-01-13', 2));
    expect(requestUnderCatalogue(rectification, DEFAULT_CLOCK_CATALOGUE, next)).toBe(rectification.request);
  });
});

describe('previewMoves', () => {
  it('lists the clocks that move with IDs and dates, and reports a stored request it cannot compute', () => {
    const rows = [
      row('c1', 'reply', months('2025-03-31', 2)), // 2025-06-03 under the default
      row('c2', 'reply', days('2025-09-05', 30)),
      {
        ...row('c3', 'reply', days('2025-09-05', 30)),
        request: { start: '2025-02-30', period: { unit: 'days', count: 1 } },
      },
    ] as OpenClockRow[];
    const report = previewMoves(rows, {
      schedule,
      policy: DEFAULT_PERIOD_POLICY,
      requestFor: (r) => (r.case_id === 'c1' ? months('2025-03-31', 3) : r.request),
    });
    expect(report.examined).toBe(3);
    expect(report.moves).toEqual([
      {
        caseId: 'c1',
        procuratorateId: 'p1',
        clockKey: 'reply',
        clockId: 'reply',
        clockName: '行政机关书面回复',
        oldDue: '2025-06-03',
        newDue: '2025-06-30',
        oldProvisional: false,
        newProvisional: false,
        text: 'c1 行政机关书面回复：2025-06-03 → 2025-06-30',
      },
    ]);
    expect(report.uncomputable).toEqual([
      {
        caseId: 'c3',
        procuratorateId: 'p1',
        clockKey: 'reply',
        message: expect.stringContaining('2025-02-30'),
      },
    ]);
  });
});
