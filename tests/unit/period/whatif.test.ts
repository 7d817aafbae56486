import { previewScheduleChange, withYear, type OpenDeadline } from '../../../domain/period';
import { compute, days, hypothetical2027, months, onlyYears } from './helpers/fixtures';

function open(caseNumber: string, request: OpenDeadline['request'], withFlag = true): OpenDeadline {
  const current = compute(request);
  const deadline: OpenDeadline = {
    caseId: caseNumber,
    caseNumber,
    clockId: 'reply',
    request,
    currentDue: current.due,
  };
  return withFlag ? { ...deadline, currentProvisional: current.provisional } : deadline;
}

describe('previewScheduleChange', () => {
  const current = onlyYears(2025, 2026);
  // The made-up 2027 schedule has 春节 2027-02-05 … 2027-02-12 and a test holiday on 2027-03-01.
  const candidate = withYear(current, hypothetical2027(['2027-03-01']));

  const moved = open('（2026）公益01号', months('2026-12-31', 2)); // 2027-03-01 (provisional)
  const flagOnly = open('（2026）公益02号', days('2026-12-20', 15)); // 2027-01-04 stays, no longer provisional
  const springFestival = open('（2026）公益03号', days('2027-01-21', 15)); // 2027-02-05 → 2027-02-15
  const untouched = open('（2026）公益04号', days('2026-09-20', 15)); // 2026-10-08 in a loaded year
  const suspended = open('（2026）公益05号', {
    ...months('2026-12-01', 2),
    suspensions: [{ from: '2026-12-10' }],
  });
  const noFlag = open('（2026）公益06号', days('2026-12-20', 15), false);

  it('lists the deadlines whose date or provisional flag would change, with old and new values', () => {
    const changes = previewScheduleChange(
      [moved, flagOnly, springFestival, untouched, suspended, noFlag],
      candidate,
    );
    expect(changes.map(({ result: _result, ...change }) => change)).toEqual([
      {
        caseId: '（2026）公益01号',
        caseNumber: '（2026）公益01号',
        clockId: 'reply',
        oldDue: '2027-03-01',
        newDue: '2027-03-02',
        oldProvisional: true,
        newProvisional: false,
        text: '（2026）公益01号 行政机关书面回复：2027-03-01（暂定）→ 2027-03-02',
      },
      expect.objectContaining({ caseNumber: '（2026）公益02号', oldDue: '2027-01-04', newDue: '2027-01-04' }),
      expect.objectContaining({ caseNumber: '（2026）公益03号', oldDue: '2027-02-05', newDue: '2027-02-15' }),
    ]);
    expect(changes[1]).toMatchObject({ oldProvisional: true, newProvisional: false });
    expect(changes[2]?.result.scheduleVersion).toMatch(/2027:imp-/);
  });

  it('lists nothing when the candidate schedule changes nothing', () => {
    expect(previewScheduleChange([moved, flagOnly, untouched], current)).toEqual([]);
  });
});
