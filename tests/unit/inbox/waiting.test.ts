// Whose inbox a pending proposal enters, and the order of an inbox (待办).
import { authorize } from '../../../domain/case/actions';
import type { Actor, CaseState, DecisionKind } from '../../../domain/case/model';
import { ROLES, type Role } from '../../../domain/roles';
import {
  byUrgency,
  inboxKindsOf,
  proposalStepFor,
  type InboxEntry,
  type InboxPerson,
} from '../../../domain/inbox/waiting';

const KINDS: DecisionKind[] = ['filing', 'recommendation', 'litigation', 'claim_change'];
const DECIDE = {
  filing: 'decideFiling',
  recommendation: 'decideRecommendation',
  litigation: 'decideLitigation',
  claim_change: 'decideClaimChange',
} as const;

const person = (roles: Role[], delegated: DecisionKind[] = []): InboxPerson => ({
  userId: 'u-1',
  roles,
  delegated,
});
const proposal = (kind: DecisionKind) => ({ kind, proposedOn: '2026-03-02' });

describe('who a pending proposal waits for', () => {
  it('when the chief looks, then every proposal waits for a decision', () => {
    for (const kind of KINDS) expect(proposalStepFor(proposal(kind), person(['chief']))).toBe('decide');
  });

  it('when a head looks, then only the kinds the chief delegated wait for them', () => {
    const head = person(['head'], ['recommendation']);
    expect(proposalStepFor(proposal('recommendation'), head)).toBe('decide');
    expect(proposalStepFor(proposal('filing'), head)).toBeNull();
    expect(proposalStepFor(proposal('litigation'), person(['head']))).toBeNull();
  });

  it("when a proposal awaits the head's review, then it waits for every head but its proposer, and not yet for the chief", () => {
    const awaiting = { ...proposal('filing'), proposedBy: 'u-head', review: 'pending' as const };
    expect(proposalStepFor(awaiting, person(['head']))).toBe('review');
    expect(proposalStepFor(awaiting, { ...person(['head']), userId: 'u-head' })).toBeNull();
    expect(proposalStepFor(awaiting, person(['chief']))).toBeNull();
    expect(proposalStepFor(awaiting, person(['prosecutor']))).toBeNull();
  });

  it("when the head approved a proposal, then it waits for the chief's decision, never for who proposed or reviewed it", () => {
    const approved = {
      ...proposal('recommendation'),
      proposedBy: 'u-pros',
      review: 'approved' as const,
      reviewedBy: 'u-rev',
    };
    expect(proposalStepFor(approved, person(['chief']))).toBe('decide');
    expect(proposalStepFor(approved, person(['head']))).toBeNull();
    expect(proposalStepFor(approved, { ...person(['head', 'chief']), userId: 'u-rev' })).toBeNull();
    expect(proposalStepFor(approved, { ...person(['chief']), userId: 'u-pros' })).toBeNull();
  });

  it('when a prosecutor, the case office or an admin looks, then no proposal waits for them, delegation or not', () => {
    for (const roles of [['prosecutor'], ['case_office'], ['admin']] as Role[][])
      for (const kind of KINDS) expect(proposalStepFor(proposal(kind), person(roles, KINDS))).toBeNull();
  });

  it('when any role and delegation is asked, then the inbox agrees with who may take the decision', () => {
    const state = { info: { procuratorateId: 'p-1' }, handlerId: 'u-other' } as unknown as CaseState;
    const mismatches: string[] = [];
    for (const role of ROLES)
      for (const delegated of [[], KINDS] as DecisionKind[][])
        for (const kind of KINDS) {
          const actor: Actor = { userId: 'u-1', roles: [role], procuratorateId: 'p-1', delegated };
          let allowed = true;
          try {
            authorize(state, DECIDE[kind], actor);
          } catch {
            allowed = false;
          }
          const waits = proposalStepFor(proposal(kind), person([role], delegated)) === 'decide';
          if (allowed !== waits) mismatches.push(`${role} ${kind} delegated=${delegated.length > 0}`);
        }
    expect(mismatches).toEqual([]);
  });
});

describe('the order of an inbox', () => {
  const entry = (kind: InboxEntry['kind'], date: string, key = 'c'): InboxEntry => ({ kind, date, key });

  it('when items of every kind wait, then overdue clocks lead and public leads come last, earlier dates first', () => {
    const items = [
      entry('public_lead', '2026-01-01'),
      entry('clock_due', '2026-03-05'),
      entry('proposal', '2026-03-02'),
      entry('clock_overdue', '2026-02-27'),
      entry('clock_overdue', '2026-02-20'),
      entry('alert', '2026-03-01T02:00:00.000Z'),
      entry('escalation', '2026-02-20'),
      entry('handed_over', '2026-03-01'),
      entry('clock_due', '2026-03-03'),
    ];
    expect(items.sort(byUrgency).map((e) => `${e.kind} ${e.date}`)).toEqual([
      'clock_overdue 2026-02-20',
      'clock_overdue 2026-02-27',
      'escalation 2026-02-20',
      'proposal 2026-03-02',
      'alert 2026-03-01T02:00:00.000Z',
      'clock_due 2026-03-03',
      'clock_due 2026-03-05',
      'handed_over 2026-03-01',
      'public_lead 2026-01-01',
    ]);
  });

  it('when two items share kind and date, then their key decides, so every read has the same order', () => {
    const a = entry('proposal', '2026-03-02', 'b');
    const b = entry('proposal', '2026-03-02', 'a');
    expect([a, b].sort(byUrgency)).toEqual([b, a]);
  });

  it('when a role asks, then its inbox gathers the kinds of work it does', () => {
    expect([...inboxKindsOf(['prosecutor'])].sort()).toEqual(
      ['clock_due', 'clock_overdue', 'handed_over', 'public_lead'].sort(),
    );
    expect(inboxKindsOf(['chief']).has('proposal')).toBe(true);
    expect(inboxKindsOf(['chief']).has('public_lead')).toBe(false);
    expect([...inboxKindsOf(['case_office'])]).toEqual(['alert']);
    expect([...inboxKindsOf(['admin'])]).toEqual([]);
  });
});
