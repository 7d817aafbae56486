// Who may take each action (DOMAIN.md "People and roles"): refused with Forbidden for anyone else.
import { ACTION_NAMES, ACTIONS, authorize } from '../../../domain/case/actions';
import type { Actor, DecisionKind } from '../../../domain/case/model';
import type { ActionName } from '../../../domain/case/payloads';
import { ACCEPTED, type Accepted } from './accepted-table';
import { at } from './points';
import { ACTORS, type ActorName } from './story';

type Who = (typeof ACTIONS)[ActionName]['who'];

/** Who is refused and who is let through, by the action's kind of actor. */
const WHO: Record<Who, { refused: ActorName[]; allowed: ActorName[] }> = {
  handler: {
    refused: ['ecoOrgan', 'otherProsecutor', 'chief', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['prosecutor', 'head', 'delegatedHead'],
  },
  decision: {
    refused: ['ecoOrgan', 'prosecutor', 'otherProsecutor', 'head', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['chief', 'delegatedHead'],
  },
  chief: {
    refused: ['ecoOrgan', 'prosecutor', 'head', 'delegatedHead', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['chief'],
  },
  head: {
    refused: ['ecoOrgan', 'prosecutor', 'otherProsecutor', 'chief', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['head', 'delegatedHead'],
  },
  supervisor: {
    refused: ['ecoOrgan', 'prosecutor', 'otherProsecutor', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['head', 'chief'],
  },
  staff: {
    refused: ['ecoOrgan', 'otherProsecutor', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['prosecutor', 'head', 'chief'],
  },
  overseer: {
    refused: ['ecoOrgan', 'otherProsecutor', 'admin', 'foreignChief'],
    allowed: ['prosecutor', 'head', 'chief', 'caseOffice'],
  },
  organ: {
    refused: ['prosecutor', 'head', 'chief', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['ecoOrgan'],
  },
  contributor: {
    refused: ['otherProsecutor', 'caseOffice', 'admin', 'foreignChief'],
    allowed: ['prosecutor', 'head', 'chief', 'ecoOrgan'],
  },
};

const rows = ACTION_NAMES.flatMap((name) => {
  const row = ACCEPTED[name] as Accepted<ActionName>;
  return WHO[ACTIONS[name].who].refused.map((actor) => [name, actor, row] as const);
});

describe.each(rows)('%s by %s', (name, actor, row) => {
  it(`is refused as Forbidden at ${row.at}, leaving the case as it was`, () => {
    const refusal = at(row.at).refusal(name, actor, row.payload);
    expect(refusal.kind).toBe('Forbidden');
    expect(refusal.message).toMatch(/须由|其他检察院/);
  });
});

const allowed = ACTION_NAMES.flatMap((name) =>
  WHO[ACTIONS[name].who].allowed.map((actor) => [name, actor, ACCEPTED[name].at] as const),
);

it.each(allowed)('%s: %s passes the role check', (name, actor, point) => {
  expect(() => authorize(at(point).state, name, ACTORS[actor])).not.toThrow();
});

describe('decisions the chief delegates to a head', () => {
  const DECISIONS: [ActionName, DecisionKind][] = [
    ['decideFiling', 'filing'],
    ['decideRecommendation', 'recommendation'],
    ['decideLitigation', 'litigation'],
  ];
  const headWith = (delegated: DecisionKind[]): Actor => ({ ...ACTORS.head, delegated });

  it.each(DECISIONS)('%s is taken by a head the chief delegated %s to', (name, kind) => {
    const row = ACCEPTED[name] as Accepted<ActionName>;
    const s = at(row.at);
    s.run(name, headWith([kind]), row.payload);
    expect(s.state.stage).toBe(row.stage);
  });

  it.each(DECISIONS)('%s is refused to a head delegated only the other decisions', (name, kind) => {
    const row = ACCEPTED[name] as Accepted<ActionName>;
    const others = DECISIONS.map(([, k]) => k).filter((k) => k !== kind);
    expect(at(row.at).refusal(name, headWith(others), row.payload).kind).toBe('Forbidden');
  });

  it('a delegated head still may not terminate, suspend or resume: those are the chief’s alone', () => {
    for (const name of ['terminate', 'suspend', 'resume'] as const) {
      const row = ACCEPTED[name];
      expect(at(row.at).refusal(name, 'delegatedHead', row.payload).message).toMatch(/须由检察长办理/);
    }
  });
});

describe('clock authority inside the rule', () => {
  const extension = ACCEPTED.extendDeadline.payload;

  it('a statutory extension is the chief’s: the handler and the head are refused', () => {
    for (const who of ['prosecutor', 'head'] as const) {
      const refusal = at('LITIGATION_REVIEW').refusal('extendDeadline', who, extension);
      expect(refusal).toMatchObject({ kind: 'Forbidden', message: expect.stringMatching(/检察长决定/) });
    }
  });

  it('an internal target (investigation) is extended by a head, not by the handler', () => {
    const payload = { ...extension, clockKey: 'investigation' };
    expect(at('INVESTIGATION').refusal('extendDeadline', 'prosecutor', payload)).toMatchObject({
      kind: 'Forbidden',
      message: expect.stringMatching(/部门负责人或检察长/),
    });
    const s = at('INVESTIGATION');
    expect(s.run('extendDeadline', 'head', payload).clockOps).toEqual([
      { op: 'recompute', key: 'investigation' },
    ]);
    expect(s.clock('investigation').request.extensions).toEqual([
      {
        by: extension.by,
        decidedOn: s.today,
        grantedBy: ACTORS.head.userId,
        basis: extension.basis,
        reason: extension.reason,
      },
    ]);
  });

  it('the new handler may act after reassignment; the old one may not', () => {
    const s = at('INVESTIGATION').does('reassign', 'head', ACCEPTED.reassign.payload);
    const note = { text: '接手' };
    expect(s.refusal('addNote', 'prosecutor', note).kind).toBe('Forbidden');
    expect(s.run('addNote', 'otherProsecutor', note).data).toEqual(note);
  });
});
