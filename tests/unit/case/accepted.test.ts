// Every staff action, taken in its stage by the right person with a valid payload.
import { ACTION_NAMES } from '../../../domain/case/actions';
import type { ActionName } from '../../../domain/case/payloads';
import { ACCEPTED, type Accepted } from './accepted-table';
import { at } from './points';
import type { Story } from './story';

type DecisionAction = 'decideFiling' | 'decideRecommendation' | 'decideLitigation';

const rows = ACTION_NAMES.map((name) => [name, ACCEPTED[name] as Accepted<ActionName>] as const);

it('has an accepted case for every action', () => {
  expect(Object.keys(ACCEPTED).sort()).toEqual([...ACTION_NAMES].sort());
});

describe.each(rows)('%s', (name, row) => {
  it(`is accepted at ${row.at} from ${row.by}: stage, clock operations and timeline data`, () => {
    const s = at(row.at);
    const fx = s.run(name, row.by, row.payload);
    expect(s.state.stage).toBe(row.stage);
    expect(fx.clockOps).toEqual(row.ops);
    expect(fx.data).toMatchObject(row.data);
  });
});

/** The chief refuses the pending proposal on `decidedOn`, giving `reason`. */
const refuse = (s: Story, decision: DecisionAction, decidedOn: string, reason: string) =>
  s.run(decision, 'chief', { approve: false, decidedOn, reason });

describe('the other outcome of each decision', () => {
  it('filing refused: the case is rejected and only the evaluation clock is met', () => {
    const s = at('FILING_PROPOSED');
    const fx = refuse(s, 'decideFiling', '2025-03-10', '不符合条件');
    expect(s.state).toMatchObject({ stage: 'REJECTED', proposal: undefined });
    expect(s.state.info.filedOn).toBeUndefined();
    expect(fx.clockOps).toEqual([{ op: 'meet', key: 'lead_evaluation', on: '2025-03-10' }]);
    expect(fx.reason).toBe('不符合条件');
  });

  it('recommendation refused: the case stays in investigation with no recommendation and no proposal', () => {
    const s = at('RECOMMENDATION_PROPOSED');
    const fx = refuse(s, 'decideRecommendation', '2025-03-20', '证据不足');
    expect(s.state).toMatchObject({ stage: 'INVESTIGATION', recommendations: [], proposal: undefined });
    expect(fx.clockOps).toEqual([]);
    expect(s.running()).toContain('investigation');
  });

  it('suit refused: the review clock is met, every other clock stopped, the case terminated', () => {
    const s = at('LITIGATION_PROPOSED');
    const running = s.running().filter((k) => k !== 'litigation_review_admin');
    const fx = refuse(s, 'decideLitigation', '2025-06-20', '已整改');
    expect(s.state.stage).toBe('TERMINATED');
    expect(fx.clockOps).toEqual([
      { op: 'meet', key: 'litigation_review_admin', on: '2025-06-20' },
      ...running.map((key) => ({ op: 'cancel', key })),
    ]);
    expect(running.length).toBeGreaterThan(0);
  });

  it('an urgent recommendation starts the reply clock with the urgent (15-day) length', () => {
    const s = at('INVESTIGATION')
      .does('proposeRecommendation', 'prosecutor', {
        reason: '损害继续扩大',
        recommendations: [
          {
            organId: 'organ-eco',
            urgent: true,
            rectificationPeriod: { unit: 'days', count: 15 },
            summary: '立即',
          },
        ],
      })
      .does('decideRecommendation', 'chief', { approve: true, decidedOn: '2025-03-20', reason: '同意' });
    const fx = s.run('recordRecommendationService', 'prosecutor', {
      recommendationId: 'rec-1',
      servedOn: '2025-03-24',
      receivedOn: '2025-03-24',
    });
    expect(fx.clockOps).toContainEqual(expect.objectContaining({ key: 'reply:rec-1', urgent: true }));
    expect(s.clock('reply:rec-1').request.period).toEqual({ unit: 'days', count: 15 });
  });

  it('a judgment (not a ruling) starts the 15-day judgment appeal clock', () => {
    const s = at('COURT_FILED');
    const fx = s.run('recordJudgment', 'prosecutor', {
      kind: 'judgment',
      decidedOn: '2025-08-01',
      servedOn: '2025-08-04',
      outcome: 'upheld',
      summary: '判决',
    });
    expect(fx.clockOps).toEqual([
      { op: 'start', key: 'appeal', clockId: 'appeal_judgment', start: '2025-08-04' },
    ]);
    expect(s.clock('appeal').request.period).toEqual({ unit: 'days', count: 15 });
  });

  it('consultation and filing service add the organs to the case', () => {
    const s = at('FILED')
      .does('recordFilingService', 'prosecutor', { servedOn: '2025-03-11', organIds: ['organ-eco'] })
      .does('recordConsultation', 'prosecutor', {
        heldOn: '2025-03-12',
        organId: 'organ-street',
        outcome: 'no_agreement',
        summary: '磋商未果',
      });
    expect(s.state.organIds).toEqual(['organ-eco', 'organ-street']);
  });
});
