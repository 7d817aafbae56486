// 支持起诉: another plaintiff sued; the procuratorate records the court, its support and the result.
import { runAction } from '../../../domain/case/actions';
import type { PayloadInputs, Payloads } from '../../../domain/case/payloads';
import { appliedPayload } from '../../../workflows/case/payload';
import { at } from './points';
import { ACTORS, TODAY } from './story';

const SUPPORT = {
  supportedOn: '2025-10-10',
  court: '某市中级人民法院',
  forms: ['legal_advice' as const, 'evidence_gathering' as const],
  summary: '提供法律咨询，协助调查取证',
};
const ended = (result: 'upheld' | 'mediated' | 'plaintiff_withdrew' | 'no_standing') => ({
  on: '2025-12-01',
  result,
  summary: '诉讼结束',
});

describe('supporting a suit an organisation brought after the announcement', () => {
  it('the support records the court and the ways of support (Rules art. 101) on the organisation’s suit', () => {
    const s = at('SUPPORT').does('recordSupport', 'prosecutor', SUPPORT);
    expect(s.state.plaintiffSuits).toEqual([
      {
        plaintiff: '某环保协会',
        suedOn: '2025-09-20',
        court: '某市中级人民法院',
        supports: [{ supportedOn: '2025-10-10', forms: ['legal_advice', 'evidence_gathering'] }],
      },
    ]);
  });

  it('support with no way of support chosen is refused', () => {
    expect(at('SUPPORT').refusal('recordSupport', 'prosecutor', { ...SUPPORT, forms: [] })).toMatchObject({
      kind: 'InvalidPayload',
      message: 'forms：请选择支持起诉的方式',
    });
  });

  it('support dated before the organisation sued is refused', () => {
    const refusal = at('SUPPORT').refusal('recordSupport', 'prosecutor', {
      ...SUPPORT,
      supportedOn: '2025-09-01',
    });
    expect(refusal.message).toBe('支持起诉日期（2025-09-01）不能早于起诉日期（2025-09-20）');
  });

  it.each(['upheld', 'mediated'] as const)('the suit ends %s: the case is closed and archived', (result) => {
    const s = at('SUPPORT').does('recordSupport', 'prosecutor', SUPPORT);
    const fx = s.run('recordSupportConcluded', 'prosecutor', ended(result));
    expect(s.state.stage).toBe('ARCHIVED');
    expect(fx.data).toMatchObject({ plaintiff: '某环保协会', result });
    expect(s.state.plaintiffSuits?.[0]).toMatchObject({ result, endedOn: '2025-12-01' });
  });

  it.each(['plaintiff_withdrew', 'no_standing'] as const)(
    'the organisation’s suit ends %s: the case returns to litigation review with 3 months from that day',
    (result) => {
      const s = at('SUPPORT').does('recordSupport', 'prosecutor', SUPPORT);
      const fx = s.run('recordSupportConcluded', 'prosecutor', ended(result));
      expect(s.state.stage).toBe('LITIGATION_REVIEW');
      expect(s.state.info.closedOn).toBeUndefined();
      expect(fx.clockOps).toEqual([
        {
          op: 'start',
          key: 'litigation_review_civil',
          clockId: 'litigation_review_civil',
          start: '2025-12-01',
        },
      ]);
      expect(s.clock('litigation_review_civil').due).toBe('2026-03-02');
    },
  );

  it('the end of the suit must name its result', () => {
    const noResult = { on: '2025-12-01', summary: '结束' } as PayloadInputs['recordSupportConcluded'];
    const refusal = at('SUPPORT').refusal('recordSupportConcluded', 'prosecutor', noResult);
    expect(refusal).toMatchObject({ kind: 'InvalidPayload', message: expect.stringMatching(/^result：/) });
  });

  it('a support concluded before results were recorded replays as a closure', () => {
    const s = at('SUPPORT');
    const recorded = appliedPayload('recordSupportConcluded', { on: '2025-12-01', summary: '结束' });
    runAction(s.state, 'recordSupportConcluded', recorded as Payloads['recordSupportConcluded'], {
      actor: ACTORS.prosecutor,
      today: TODAY,
      inForce: (change) => change !== 'supportContent',
    });
    expect(s.state.stage).toBe('ARCHIVED');
  });
});

describe('an organisation sues while the procuratorate reviews whether to sue (Rules art. 90(四))', () => {
  const suit = { suedOn: '2025-11-03', plaintiff: '某环保基金会', court: '某市中级人民法院' };

  it('supported: the review ends and the case moves to support with the suit as its current one', () => {
    const s = at('CIVIL_REVIEW');
    s.run('recordPlaintiffSuit', 'prosecutor', { ...suit, support: true });
    expect(s.state.stage).toBe('SUPPORT');
    expect(s.clock('litigation_review_civil').status).toBe('met');
    s.run('recordSupport', 'prosecutor', {
      ...SUPPORT,
      supportedOn: '2025-11-10',
      forms: ['court_appearance'],
    });
    expect(s.state.plaintiffSuits).toEqual([
      expect.objectContaining({
        plaintiff: '某环保基金会',
        suedOn: '2025-11-03',
        supports: [{ supportedOn: '2025-11-10', forms: ['court_appearance'] }],
      }),
    ]);
  });

  it('not supported: the suit is recorded, the case stays in review and the chief ends it on that ground', () => {
    const s = at('CIVIL_REVIEW');
    s.run('recordPlaintiffSuit', 'prosecutor', { ...suit, support: false });
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.clock('litigation_review_civil').status).toBe('running');
    s.run('terminate', 'chief', {
      decidedOn: '2025-11-05',
      reason: '已有适格主体起诉',
      ground: 'other_plaintiff_sued',
    });
    expect(s.state.stage).toBe('TERMINATED');
  });

  it('while a proposal to sue awaits the chief, the suit waits for the decision', () => {
    const s = at('CIVIL_REVIEW')
      .does('recordCivilParty', 'prosecutor', {
        name: '某化工有限公司',
        kind: 'legal_person',
        identifier: '91310000MA1FL0000X',
        recordedOn: '2025-10-12',
      })
      .does('proposeLitigation', 'prosecutor', { reason: '无人起诉', partyIds: ['party-1'] });
    expect(s.refusal('recordPlaintiffSuit', 'prosecutor', { ...suit, support: true }).kind).toBe(
      'WrongStage',
    );
  });

  it('supported, then withdrawn: back in review, a second organisation’s suit can be supported again', () => {
    const s = at('CIVIL_REVIEW')
      .does('recordPlaintiffSuit', 'prosecutor', { ...suit, support: true })
      .does('recordSupportConcluded', 'prosecutor', ended('plaintiff_withdrew'));
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    s.run('recordPlaintiffSuit', 'prosecutor', {
      ...suit,
      suedOn: '2025-12-10',
      plaintiff: '某环保协会',
      support: true,
    });
    expect(s.state.plaintiffSuits?.map((x) => [x.plaintiff, x.result ?? null])).toEqual([
      ['某环保基金会', 'plaintiff_withdrew'],
      ['某环保协会', null],
    ]);
  });
});
