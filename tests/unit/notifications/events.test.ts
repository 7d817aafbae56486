import { noticesOf, type CaseFacts, type EntryFacts } from '../../../domain/notifications/events';
import { mailWanted } from '../../../domain/notifications/kinds';

const base: CaseFacts = { caseId: 'c-1', title: '河道排污案', handlerId: 'u-handler' };
const entry = (
  kind: string,
  data: Record<string, unknown> = {},
  more: Partial<EntryFacts> = {},
): EntryFacts => ({
  seq: 7,
  actorId: 'u-actor',
  kind,
  data,
  ...more,
});
const summary = (e: EntryFacts, c: CaseFacts = base) =>
  noticesOf(e, c).map((n) => ({ kind: n.kind, audience: n.audience, headline: n.headline }));

const pending = { until: '2027-06-30', requestedOn: '2027-01-05', organName: '区生态环境局' };

describe('which timeline entries notify whom', () => {
  it.each([
    [
      'a proposal awaiting review',
      entry('proposeFiling'),
      {
        ...base,
        proposal: { kind: 'filing' as const, proposedOn: '2027-01-01', review: 'pending' as const },
      },
      [{ kind: 'proposal_awaiting', headline: '「河道排污案」提请立案，待您审核' }],
    ],
    [
      'a reviewed proposal awaiting the decision',
      entry('reviewProposal', { approve: true }),
      {
        ...base,
        proposal: { kind: 'litigation' as const, proposedOn: '2027-01-01', review: 'approved' as const },
      },
      [{ kind: 'proposal_awaiting', headline: '「河道排污案」提请提起诉讼，待您决定' }],
    ],
    [
      'a proposal sent back by the head',
      entry('reviewProposal', {
        approve: false,
        kind: 'filing',
        sentBackTo: 'u-p',
        reviewedOn: '2027-01-02',
      }),
      base,
      [{ kind: 'proposal_decided', audience: { to: 'user', userId: 'u-p' } }],
    ],
    [
      'a decision',
      entry('decideRecommendation', { approve: false }),
      base,
      [
        {
          kind: 'proposal_decided',
          audience: { to: 'proposer', proposeAction: 'proposeRecommendation' },
          headline: '「河道排污案」您提请发出检察建议，已决定不同意',
        },
      ],
    ],
    [
      'a handover',
      entry('reassign', { to: 'u-new' }),
      base,
      [{ kind: 'case_reassigned', audience: { to: 'user', userId: 'u-new' } }],
    ],
    [
      "an organ's answers",
      entry('answerRecommendationItems', {}, { organName: '区生态环境局' }),
      base,
      [{ kind: 'organ_reply', audience: { to: 'user', userId: 'u-handler' } }],
    ],
    [
      'a request for more time',
      entry(
        'requestRectificationExtension',
        { until: '2027-06-30', currentDue: '2027-03-01' },
        { organName: '区生态环境局' },
      ),
      base,
      [
        {
          kind: 'extension_requested',
          headline: '「河道排污案」区生态环境局申请将整改期限延长至 2027-06-30，待您决定',
        },
      ],
    ],
    [
      'a reminder before the period ends, a request waiting',
      entry('reminder', { step: 'd-3', due: '2027-03-01' }, { pendingExtension: pending }),
      base,
      [{ kind: 'extension_requested', audience: { to: 'user', userId: 'u-handler' } }],
    ],
    [
      'a reminder after the period ended',
      entry('reminder', { step: 'd+1' }, { pendingExtension: pending }),
      base,
      [],
    ],
    ['a reminder, nothing waiting', entry('reminder', { step: 'd-7' }), base, []],
    ['a note', entry('addNote', { text: '备注' }), base, []],
    [
      'a decision dated a week before it is entered',
      entry('decideFiling', { approve: true, decidedOn: '2027-01-01' }, { recordedOn: '2027-01-08' }),
      base,
      [{ kind: 'proposal_decided' }],
    ],
    [
      'a decision entered after the fact (a case brought in)',
      entry('decideFiling', { approve: true, decidedOn: '2027-01-01' }, { recordedOn: '2027-01-09' }),
      base,
      [],
    ],
    [
      'a proposal entered after the fact',
      entry('proposeFiling', {}, { recordedOn: '2027-03-01' }),
      { ...base, proposal: { kind: 'filing' as const, proposedOn: '2026-05-01' } },
      [],
    ],
    ['a proposal no longer pending', entry('proposeFiling'), base, []],
  ])('%s', (_what, e, c, expected) => {
    const got = summary(e, c);
    expect(got).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(got[i]).toMatchObject(want));
  });
});

describe('which kinds are mailed', () => {
  it.each([
    ['proposal_awaiting', undefined, true],
    ['proposal_awaiting', false, false],
    ['organ_reply', true, true],
    ['clock_reminder', false, true],
    ['extension_requested', false, true],
  ] as const)('%s chosen %s → %s', (kind, chosen, wanted) => {
    expect(mailWanted(kind, chosen)).toBe(wanted);
  });
});
