// Suspension (中止审查, Rules art. 78): where the chief may suspend, which clocks stand still, and the
// decision's filing with the procuratorate above.
import { at, D } from './points';

const suspension = { decidedOn: D.replied, reason: '行政机关已按期整改，因汛期客观原因无法完成' };

describe('suspension is for an administrative case whose organ cannot finish rectifying (Rules art. 78)', () => {
  it.each(['INVESTIGATION', 'RECOMMENDATION', 'SERVED'] as const)(
    'before the follow-up (%s) the chief cannot suspend: the organ has not yet had its chance to rectify',
    (point) => {
      expect(at(point).refusal('suspend', 'chief', suspension).message).toMatch(
        /不能中止审查（仅限跟进监督、审查起诉阶段）/,
      );
    },
  );

  it('a civil case cannot be suspended, not even during its announcement', () => {
    expect(at('ANNOUNCEMENT').refusal('suspend', 'chief', suspension).message).toMatch(
      /中止审查仅适用于行政公益诉讼案件/,
    );
    expect(at('CIVIL_REVIEW').refusal('suspend', 'chief', suspension).message).toMatch(
      /中止审查仅适用于行政公益诉讼案件/,
    );
  });

  it('in the follow-up, only the rectification period stands still; the filing and 备案 duties run on', () => {
    const s = at('FOLLOW_UP');
    const filingDue = s.clock('filing_service').due;
    const backupDue = s.clock('recommendation_filing_above:rec-1').due;
    const fx = s.run('suspend', 'chief', suspension);
    expect(s.state.stage).toBe('SUSPENDED');
    expect(fx.data).toMatchObject({ stoppedClocks: ['rectification:rec-1'] });
    expect(s.clock('rectification:rec-1')).toMatchObject({ due: null, suspended: true });
    expect(s.clock('filing_service')).toMatchObject({ due: filingDue, suspended: false });
    expect(s.clock('recommendation_filing_above:rec-1')).toMatchObject({ due: backupDue, suspended: false });
  });

  it('in the litigation review, the review period stands still until the chief resumes', () => {
    const s = at('LITIGATION_REVIEW').does('suspend', 'chief', { ...suspension, decidedOn: '2025-06-10' });
    expect(s.clock('litigation_review_admin')).toMatchObject({ due: null, suspended: true });
    s.run('resume', 'chief', { decidedOn: '2025-06-20', reason: '客观障碍消除' });
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.clock('litigation_review_admin').due).not.toBeNull();
  });

  it('a case suspended before the rule keeps its old reach: every running clock stops', () => {
    const s = at('INVESTIGATION');
    s.inForce = (change) => change !== 'suspensionArt78';
    s.run('suspend', 'chief', { ...suspension, decidedOn: '2025-04-01' });
    expect(s.state.stage).toBe('SUSPENDED');
    expect(s.clock('investigation')).toMatchObject({ due: null, suspended: true });
    expect(s.state.suspensions).toBeUndefined();
  });
});

describe('the 中止审查决定书 is filed with the procuratorate above', () => {
  it('is recorded with its date and reference, once per suspension', () => {
    const s = at('SUSPENDED');
    const fx = s.run('recordSuspensionFiledAbove', 'prosecutor', {
      filedOn: '2025-04-18',
      reportRef: '备〔2025〕3号',
    });
    expect(fx.data).toEqual({ suspendedOn: D.replied, filedOn: '2025-04-18', reportRef: '备〔2025〕3号' });
    expect(s.state.suspensions).toEqual([
      { decidedOn: D.replied, filedAboveOn: '2025-04-18', reportRef: '备〔2025〕3号' },
    ]);
    expect(s.refusal('recordSuspensionFiledAbove', 'prosecutor', { filedOn: '2025-04-19' }).message).toMatch(
      /没有待报上级院备案的中止审查决定书/,
    );
  });

  it('cannot be dated before the suspension', () => {
    expect(
      at('SUSPENDED').refusal('recordSuspensionFiledAbove', 'prosecutor', { filedOn: '2025-04-01' }).message,
    ).toMatch(/不能早于中止日期/);
  });

  it('is not offered on a case that was never suspended', () => {
    expect(
      at('FOLLOW_UP').refusal('recordSuspensionFiledAbove', 'prosecutor', { filedOn: '2025-04-18' }).message,
    ).toMatch(/没有待报上级院备案的中止审查决定书/);
  });
});
