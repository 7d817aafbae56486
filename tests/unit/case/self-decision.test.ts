// Nobody decides their own proposal: whoever proposed may not decide it, whatever roles they hold.
import { ACTION_NAMES, ACTIONS, parsePayload, runAction } from '../../../domain/case/actions';
import type { Actor } from '../../../domain/case/model';
import type { ActionName } from '../../../domain/case/payloads';
import type { RuleChange } from '../../../domain/case/rules/common';
import { ACCEPTED, type Accepted } from './accepted-table';
import { at } from './points';
import { ACTORS, copy } from './story';

/** Every decision the code knows, with where the accepted table takes it. */
const DECISIONS = ACTION_NAMES.filter((name) => ACTIONS[name].decision !== undefined).map(
  (name) => [name, ACTIONS[name].decision!, ACCEPTED[name] as Accepted<ActionName>] as const,
);

/** The handling prosecutor, who proposed, also holding the chief's role. */
const prosecutorAndChief: Actor = { ...ACTORS.prosecutor, roles: ['prosecutor', 'chief'] };

it('there are decisions to check', () => {
  expect(DECISIONS.map(([, kind]) => kind).sort()).toEqual([
    'claim_change',
    'filing',
    'litigation',
    'recommendation',
  ]);
});

describe.each(DECISIONS)('%s (%s)', (name, _kind, row) => {
  it('a chief who also holds the prosecutor role and made the proposal may not decide it', () => {
    const s = at(row.at);
    expect(s.state.proposal?.proposedBy).toBe(prosecutorAndChief.userId);
    const refusal = s.refusal(name, prosecutorAndChief, row.payload);
    expect(refusal.kind).toBe('Forbidden');
    expect(refusal.message).toMatch(/本项提请由您提出.*不能由您决定是否/);
  });

  it('a head delegated the decision may not decide a proposal the head made', () => {
    const head: Actor = { ...ACTORS.head, delegated: ['filing', 'recommendation', 'litigation'] };
    const s = at(row.at);
    s.state.proposal!.proposedBy = head.userId;
    expect(s.refusal(name, head, row.payload).kind).toBe('Forbidden');
  });

  it('another chief decides the same proposal', () => {
    const s = at(row.at);
    s.run(name, 'chief', row.payload);
    expect(s.state.stage).toBe(row.stage);
  });

  it('a decision taken by the proposer before the rule existed is still applied on replay', () => {
    const s = at(row.at);
    const draft = copy(s.state);
    const asked: RuleChange[] = [];
    const inForce = (change: RuleChange) => (asked.push(change), false);
    runAction(draft, name, parsePayload(name, row.payload), {
      actor: prosecutorAndChief,
      today: s.today,
      inForce,
    });
    expect(asked).toEqual(['noSelfDecision']);
    expect(draft.stage).toBe(row.stage);
  });
});
