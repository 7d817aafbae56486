// The chief delegates a decision to a named head by policy: the decision records that it was taken
// under delegation and by whose; deciding not to sue ends the case, which stays the chief's alone.
import type { Actor } from '../../../domain/case/model';
import type { RuleChange } from '../../../domain/case/rules/common';
import { at } from './points';
import { ACTORS } from './story';

const delegatedHead = (kind: 'filing' | 'litigation'): Actor => ({
  ...ACTORS.head,
  delegated: [kind],
  delegatedBy: { [kind]: ACTORS.chief.userId },
});
const decision = (approve: boolean) => ({ approve, decidedOn: '2025-12-31', reason: '依法决定' });

it('the chief’s own filing decision is recorded as not taken under delegation', () => {
  const fx = at('FILING_PROPOSED').run('decideFiling', 'chief', decision(true));
  expect(fx.data).toMatchObject({ underDelegation: false });
  expect(fx.data).not.toHaveProperty('delegatedBy');
});

it('a head files the case under the chief’s delegation, and the decision names the delegating chief', () => {
  const fx = at('FILING_PROPOSED').run('decideFiling', delegatedHead('filing'), decision(true));
  expect(fx.data).toMatchObject({ underDelegation: true, delegatedBy: ACTORS.chief.userId });
});

it('a delegation carried over from before chiefs were named is recorded with no delegating chief', () => {
  const fx = at('FILING_PROPOSED').run('decideFiling', 'delegatedHead', decision(false));
  expect(fx.data).toMatchObject({ underDelegation: true, delegatedBy: null });
});

it('a head delegated the suit decides to sue', () => {
  const s = at('LITIGATION_PROPOSED');
  const fx = s.run('decideLitigation', delegatedHead('litigation'), decision(true));
  expect(fx.data).toMatchObject({ underDelegation: true, delegatedBy: ACTORS.chief.userId });
  expect(s.state.stage).toBe('LITIGATION');
});

it('a head delegated the suit may not decide not to sue: that terminates the case, the chief’s alone', () => {
  const s = at('LITIGATION_PROPOSED');
  expect(s.refusal('decideLitigation', delegatedHead('litigation'), decision(false))).toMatchObject({
    kind: 'Forbidden',
    message: expect.stringMatching(/终结审查须由检察长决定/),
  });
  s.run('decideLitigation', 'chief', decision(false));
  expect(s.state.stage).toBe('TERMINATED');
});

it('a delegated head’s “do not sue” accepted before the rule replays as it was', () => {
  const s = at('LITIGATION_PROPOSED');
  const asked: RuleChange[] = [];
  s.inForce = (change) => (asked.push(change), false);
  s.run('decideLitigation', delegatedHead('litigation'), decision(false));
  expect(asked).toContain('delegationBounds');
  expect(s.state.stage).toBe('TERMINATED');
});
