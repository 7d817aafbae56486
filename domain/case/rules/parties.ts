/** The parties a civil case is brought against (民事公益诉讼的被告): a company, an organisation or a person. */
import type { CaseState, CivilParty } from '../model';
import { Effects, inForce, invalid, requireDate, requireStage, wrongStage, type Rule } from './common';

/** Until the suit is decided, the handler records who it will be brought against. */
export const recordCivilParty: Rule<'recordCivilParty'> = (state, p, ctx) => {
  if (state.info.track !== 'civil' || !inForce(ctx, 'civilParties'))
    throw wrongStage('被告登记仅适用于民事公益诉讼案件（行政公益诉讼的被告是行政机关）');
  requireStage(state, ['FILED', 'INVESTIGATION', 'ANNOUNCEMENT', 'LITIGATION_REVIEW'], '登记被告');
  const recordedOn = requireDate(p.recordedOn, '登记日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  const parties = (state.parties ??= []);
  const same = parties.find((x) => x.identifier === p.identifier);
  if (same) throw invalid(`证件号码 ${p.identifier} 已登记为被告「${same.name}」`);
  const party: CivilParty = {
    id: `party-${parties.length + 1}`,
    name: p.name,
    kind: p.kind,
    identifier: p.identifier,
    recordedOn,
  };
  parties.push(party);
  const { id: partyId, ...fields } = party;
  return new Effects().note({ partyId, ...fields });
};

/**
 * The defendants a suit is proposed against: on a civil case, recorded parties (at least one) and
 * no organ; on an administrative case, no party.
 */
export function requireDefendants(
  state: CaseState,
  partyIds: readonly string[],
  organIds: readonly string[],
): void {
  if (state.info.track === 'administrative') {
    if (partyIds.length > 0) throw invalid('行政公益诉讼的被告是行政机关，请选择被诉的行政机关');
    return;
  }
  if (organIds.length > 0) throw invalid('民事公益诉讼的被告不是行政机关，请选择登记的被告');
  if (partyIds.length === 0) throw invalid('请选择被告（先以“登记民事公益诉讼被告”登记）');
  const known = new Set((state.parties ?? []).map((x) => x.id));
  const stray = partyIds.find((id) => !known.has(id));
  if (stray) throw invalid(`本案没有编号为 ${stray} 的被告`);
}
