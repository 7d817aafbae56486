// The ladder of 《人民检察院检察建议工作规定》 art. 25 when an organ ignores a recommendation: every
// rung is offered; reporting above, to the People's Congress, the government or the discipline
// commission is the chief's decision, which a head may propose.
import { ESCALATION_LADDER } from '../../../domain/case/model';
import type { RuleChange } from '../../../domain/case/rules/common';
import { at } from './points';
import { ACTORS } from './story';

const confirm = (step: (typeof ESCALATION_LADDER)[number]) => ({
  clockKey: 'reply:rec-1',
  step,
  confirmedOn: '2025-06-05',
  note: '已办理',
});

it('the ladder has art. 25’s five rungs in its order', () => {
  expect(ESCALATION_LADDER).toEqual([
    'report_above',
    'notify_superior_organ',
    'report_congress',
    'notify_government',
    'notify_discipline',
  ]);
});

it.each(['report_above', 'report_congress', 'notify_government', 'notify_discipline'] as const)(
  'a head may not confirm %s: it is the chief’s decision',
  (step) => {
    expect(at('ESCALATED').refusal('confirmEscalation', 'head', confirm(step))).toMatchObject({
      kind: 'Forbidden',
      message: expect.stringMatching(/须由检察长决定/),
    });
  },
);

it('the chief confirms the report to the procuratorate above', () => {
  const s = at('ESCALATED');
  s.run('confirmEscalation', 'chief', confirm('report_above'));
  expect(s.state.escalations.find((e) => e.step === 'report_above')?.confirmedBy).toBe(ACTORS.chief.userId);
});

it('a head confirms notifying the organ’s superior or competent department', () => {
  const s = at('ESCALATED');
  s.run('confirmEscalation', 'head', confirm('notify_superior_organ'));
  expect(s.state.escalations.find((e) => e.step === 'notify_superior_organ')?.confirmedBy).toBe(
    ACTORS.head.userId,
  );
});

it('a head proposes reporting to the People’s Congress; the chief then confirms it', () => {
  const s = at('ESCALATED');
  const proposal = {
    clockKey: 'reply:rec-1',
    step: 'report_congress' as const,
    proposedOn: '2025-06-04',
    note: '逾期半年未回复',
  };
  s.run('proposeEscalation', 'head', proposal);
  expect(s.refusal('proposeEscalation', 'head', proposal).kind).toBe('WrongStage');
  const rung = () => s.state.escalations.find((e) => e.step === 'report_congress');
  expect(rung()).toMatchObject({ proposedBy: ACTORS.head.userId, proposedOn: '2025-06-04' });
  s.run('confirmEscalation', 'chief', confirm('report_congress'));
  expect(rung()?.confirmedBy).toBe(ACTORS.chief.userId);
});

it('a rung a head confirms needs no proposal to the chief', () => {
  const proposal = {
    clockKey: 'reply:rec-1',
    step: 'notify_superior_organ' as const,
    proposedOn: '2025-06-04',
    note: '—',
  };
  expect(at('ESCALATED').refusal('proposeEscalation', 'head', proposal).kind).toBe('InvalidPayload');
});

it('a head’s confirmation of a report above accepted before the rule replays as it was', () => {
  const s = at('ESCALATED');
  const asked: RuleChange[] = [];
  s.inForce = (change) => (asked.push(change), false);
  s.run('confirmEscalation', 'head', confirm('report_above'));
  expect(asked).toEqual(['escalationLadder']);
});
