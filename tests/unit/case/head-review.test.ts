// The head reviews every proposal before it reaches the chief (部门负责人审核), unless the
// procuratorate's policy waives it; a proposal sent back returns to the prosecutor with the reasons.
import type { Actor } from '../../../domain/case/model';
import type { RuleChange } from '../../../domain/case/rules/common';
import { at } from './points';
import { ACTORS, ORGANS, Story } from './story';

const underReview: Actor = { ...ACTORS.prosecutor, headReview: 'required' };
const waived: Actor = { ...ACTORS.prosecutor, headReview: 'waived' };
const decision = { approve: true, decidedOn: '2025-12-31', reason: '符合立案条件' };
const approval = { approve: true, reviewedOn: '2025-12-31', reasons: '事实清楚，同意报请检察长决定' };
const sendBack = { approve: false, reviewedOn: '2025-12-31', reasons: '证据不足，请补充现场勘验材料' };

const proposed = (by: Actor = underReview) =>
  at('EVALUATION').does('proposeFiling', by, { reason: '线索查证属实' });

describe('head review of a proposal', () => {
  it('a filing proposal under the review policy waits for the head before the chief can decide', () => {
    const s = proposed();
    expect(s.state.proposal?.review).toEqual({ status: 'pending' });
    const refusal = s.refusal('decideFiling', 'chief', decision);
    expect(refusal).toMatchObject({
      kind: 'WrongStage',
      message: expect.stringMatching(/尚待部门负责人审核/),
    });
  });

  it('once the head approves, the chief decides and the decision names the reviewing head', () => {
    const s = proposed();
    const review = s.run('reviewProposal', 'head', approval);
    expect(review.data).toMatchObject({
      kind: 'filing',
      approve: true,
      proposedBy: ACTORS.prosecutor.userId,
    });
    expect(review.reason).toBe(approval.reasons);
    expect(s.state.proposal?.review).toEqual({
      status: 'approved',
      reviewedBy: ACTORS.head.userId,
      reviewedOn: '2025-12-31',
    });
    const fx = s.run('decideFiling', 'chief', decision);
    expect(fx.data.reviewedBy).toBe(ACTORS.head.userId);
    expect(s.state.stage).toBe('FILED');
  });

  it('a proposal the head sends back leaves the case, with the reasons, and the prosecutor may propose again', () => {
    const s = proposed();
    const fx = s.run('reviewProposal', 'head', sendBack);
    expect(fx.data).toMatchObject({ approve: false, sentBackTo: ACTORS.prosecutor.userId });
    expect(fx.reason).toBe(sendBack.reasons);
    expect(s.state.proposal).toBeUndefined();
    expect(s.refusal('decideFiling', 'chief', decision).kind).toBe('WrongStage');
    s.run('proposeFiling', underReview, { reason: '已补充现场勘验材料' });
    expect(s.state.proposal?.review?.status).toBe('pending');
  });

  it('a head may not review a proposal the head made', () => {
    const s = proposed({ ...ACTORS.head, headReview: 'required' });
    expect(s.refusal('reviewProposal', 'head', approval)).toMatchObject({
      kind: 'Forbidden',
      message: expect.stringMatching(/不能由您审核/),
    });
  });

  it('the chief does not review: review is the head’s step', () => {
    expect(proposed().refusal('reviewProposal', 'chief', approval).kind).toBe('Forbidden');
  });

  it('a review dated before the proposal is refused', () => {
    const s = proposed();
    const early = { ...approval, reviewedOn: '2025-01-01' };
    expect(s.refusal('reviewProposal', 'head', early)).toMatchObject({ kind: 'InvalidPayload' });
  });

  it('where the procuratorate waives review, the proposal goes straight to the chief', () => {
    const s = proposed(waived);
    expect(s.state.proposal?.review).toBeUndefined();
    expect(s.refusal('reviewProposal', 'head', approval).kind).toBe('WrongStage');
    s.run('decideFiling', 'chief', decision);
    expect(s.state.stage).toBe('FILED');
  });

  it('the recommendation and the suit are reviewed the same way', () => {
    const s = at('LITIGATION_REVIEW');
    s.run('proposeLitigation', underReview, {
      reason: '行政机关仍未依法履职',
      organIds: [s.state.organIds[0]!],
    });
    expect(s.state.proposal).toMatchObject({ kind: 'litigation', review: { status: 'pending' } });
  });

  it('a proposal made before head review existed replays without review and goes straight to decision', () => {
    const s = at('EVALUATION');
    const asked: RuleChange[] = [];
    s.inForce = (change) => (asked.push(change), false);
    s.run('proposeFiling', underReview, { reason: '线索查证属实' });
    expect(asked).toEqual(['headReview']);
    expect(s.state.proposal?.review).toBeUndefined();
    s.run('decideFiling', 'chief', decision);
    expect(s.state.stage).toBe('FILED');
  });
});

describe('a case brought in after the fact (补录)', () => {
  it('a proposal dated when it was really made is reviewed and decided on its own dates', () => {
    const s = at('EVALUATION');
    const lead = s.state.info.receivedOn;
    const fx = s.run('proposeFiling', underReview, { reason: '线索查证属实', proposedOn: '2025-04-01' });
    expect(lead < '2025-04-01').toBe(true);
    expect(fx.data.proposedOn).toBe('2025-04-01');
    expect(s.state.proposal?.proposedOn).toBe('2025-04-01');
    s.run('reviewProposal', 'head', { ...approval, reviewedOn: '2025-04-02' });
    s.run('decideFiling', 'chief', { ...decision, decidedOn: '2025-04-03' });
    expect(s.state.info.filedOn).toBe('2025-04-03');
  });

  it('a review dated before the backdated proposal is still refused', () => {
    const s = at('EVALUATION');
    s.run('proposeFiling', underReview, { reason: '线索查证属实', proposedOn: '2025-04-01' });
    expect(s.refusal('reviewProposal', 'head', { ...approval, reviewedOn: '2025-03-31' })).toMatchObject({
      kind: 'InvalidPayload',
      message: expect.stringMatching(/审核日期.*不能早于提请日期/),
    });
  });

  it('a proposal dated before the lead arrived, or after today, is refused and nothing is proposed', () => {
    const s = at('EVALUATION');
    const before = s.refusal('proposeFiling', underReview, {
      reason: '线索查证属实',
      proposedOn: '2020-01-01',
    });
    expect(before).toMatchObject({
      kind: 'InvalidPayload',
      message: expect.stringMatching(/不能早于收到线索日期/),
    });
    const future = s.refusal('proposeFiling', underReview, {
      reason: '线索查证属实',
      proposedOn: '2026-01-01',
    });
    expect(future).toMatchObject({ kind: 'InvalidPayload', message: expect.stringMatching(/不能晚于今天/) });
    expect(s.state.proposal).toBeUndefined();
  });

  it('a backdated recommendation proposal may not predate the filing', () => {
    const s = at('INVESTIGATION');
    const refusal = s.refusal('proposeRecommendation', underReview, {
      reason: '行政机关未依法履职',
      recommendations: [
        {
          organId: ORGANS.eco,
          urgent: false,
          rectificationPeriod: { unit: 'months', count: 2 },
          summary: '依法履职',
        },
      ],
      proposedOn: '2025-03-01',
    });
    expect(refusal).toMatchObject({
      kind: 'InvalidPayload',
      message: expect.stringMatching(/不能早于立案日期/),
    });
  });
});

describe('nobody decides a proposal they reviewed', () => {
  it('a head who reviewed the proposal and is delegated the decision may not decide it', () => {
    const s = proposed();
    const head: Actor = { ...ACTORS.head, delegated: ['filing'] };
    s.run('reviewProposal', head, approval);
    expect(s.refusal('decideFiling', head, decision)).toMatchObject({
      kind: 'Forbidden',
      message: expect.stringMatching(/本项提请由您审核/),
    });
  });

  it('a person holding both the head and chief roles who reviewed may not decide; another chief does', () => {
    const s = proposed();
    const headChief: Actor = { ...ACTORS.head, roles: ['head', 'chief'] };
    s.run('reviewProposal', headChief, approval);
    expect(s.refusal('decideFiling', headChief, decision).kind).toBe('Forbidden');
    s.run('decideFiling', 'chief', decision);
    expect(s.state.stage).toBe('FILED');
  });
});

it('a new story has no proposal', () => {
  expect(new Story().state.proposal).toBeUndefined();
});
