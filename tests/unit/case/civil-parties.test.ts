// A civil case is brought against a company or a person (民事公益诉讼的被告), not an organ.
import { at } from './points';
import type { Story } from './story';

const COMPANY = {
  name: '某化工有限公司',
  kind: 'legal_person' as const,
  identifier: '91310000MA1FL0000X',
  recordedOn: '2025-03-15',
};
const OWNER = {
  name: '张某',
  kind: 'natural_person' as const,
  identifier: '310101198001010011',
  recordedOn: '2025-03-16',
};

const withDefendants = (s: Story) =>
  s.does('recordCivilParty', 'prosecutor', COMPANY).does('recordCivilParty', 'prosecutor', OWNER);
const sued = (s: Story, partyIds: string[]) =>
  s.run('proposeLitigation', 'prosecutor', { reason: '公告期满无人起诉', partyIds });

describe('the defendants of a civil case', () => {
  it('the handler records a company and its owner: each gets a number, name, kind and identifier', () => {
    const s = withDefendants(at('CIVIL_INVESTIGATION'));
    expect(s.state.parties).toEqual([
      { id: 'party-1', ...COMPANY },
      { id: 'party-2', ...OWNER },
    ]);
  });

  it('the same company cannot be recorded twice under one identifier', () => {
    const s = withDefendants(at('CIVIL_INVESTIGATION'));
    expect(s.refusal('recordCivilParty', 'prosecutor', { ...COMPANY, name: '某化工公司' })).toMatchObject({
      kind: 'InvalidPayload',
      message: '证件号码 91310000MA1FL0000X 已登记为被告「某化工有限公司」',
    });
  });

  it('an administrative case has no party to record: its defendant is the organ', () => {
    expect(at('INVESTIGATION').refusal('recordCivilParty', 'prosecutor', COMPANY)).toMatchObject({
      kind: 'WrongStage',
    });
  });

  it('once the suit is decided no defendant is added', () => {
    const s = withDefendants(at('ANNOUNCEMENT'));
    s.does('recordAnnouncementOutcome', 'prosecutor', { on: '2025-10-10', outcome: 'nobody_sued' });
    sued(s, ['party-1']);
    s.does('decideLitigation', 'chief', {
      approve: true,
      decidedOn: '2025-10-20',
      reason: '提起民事公益诉讼',
    });
    expect(s.refusal('recordCivilParty', 'prosecutor', { ...OWNER, identifier: 'X1' })).toMatchObject({
      kind: 'WrongStage',
    });
  });
});

describe('proposing to sue on a civil case names its defendants', () => {
  const review = () =>
    withDefendants(at('ANNOUNCEMENT')).does('recordAnnouncementOutcome', 'prosecutor', {
      on: '2025-10-10',
      outcome: 'nobody_sued',
    });

  it('the suit is proposed and decided against the recorded company; the decision carries it', () => {
    const s = review();
    const proposed = sued(s, ['party-1']);
    expect(proposed.data).toEqual({ reason: '公告期满无人起诉', organIds: [], partyIds: ['party-1'] });
    const decided = s.run('decideLitigation', 'chief', {
      approve: true,
      decidedOn: '2025-10-20',
      reason: '提起民事公益诉讼',
    });
    expect(decided.data).toMatchObject({ partyIds: ['party-1'] });
    expect(s.state.litigation).toMatchObject({ partyIds: ['party-1'], organIds: [] });
  });

  it('a suit with no defendant is refused', () => {
    expect(review().refusal('proposeLitigation', 'prosecutor', { reason: '起诉' })).toMatchObject({
      kind: 'InvalidPayload',
      message: '请选择被告（先以“登记民事公益诉讼被告”登记）',
    });
  });

  it('a defendant not recorded on the case is refused', () => {
    expect(sued.bind(null, review(), ['party-9'])).toThrow('本案没有编号为 party-9 的被告');
  });

  it('an organ is not a civil defendant', () => {
    const refusal = review().refusal('proposeLitigation', 'prosecutor', {
      reason: '起诉',
      organIds: ['organ-eco'],
      partyIds: ['party-1'],
    });
    expect(refusal.message).toBe('民事公益诉讼的被告不是行政机关，请选择登记的被告');
  });

  it('an administrative suit names no party', () => {
    const refusal = at('LITIGATION_REVIEW').refusal('proposeLitigation', 'prosecutor', {
      reason: '拒不整改',
      organIds: ['organ-eco'],
      partyIds: ['party-1'],
    });
    expect(refusal.message).toBe('行政公益诉讼的被告是行政机关，请选择被诉的行政机关');
  });

  it('a civil suit proposed before defendants were recorded replays with none named', () => {
    const s = review();
    s.inForce = (change) => change !== 'civilParties';
    expect(sued(s, []).data).toEqual({ reason: '公告期满无人起诉', organIds: [] });
    expect(s.state.proposal?.partyIds).toBeUndefined();
  });
});
