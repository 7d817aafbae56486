/** The acting person as the case workflow sees them: roles plus what the procuratorate's policy gives them. */
import type { Actor, DecisionKind } from '../../domain/case/model';
import { hasAnyRole } from '../../domain/roles';
import { decisionPolicyOf, type StoredDecisionPolicy } from '../../store/decision-policy';
import type { Db } from '../../store/pool';
import type { Principal } from '../auth/tokens';

export async function actorOf(db: Db, principal: Principal): Promise<Actor> {
  return actorFrom(principal, await decisionPolicyOf(db, principal.procuratorateId));
}

/** The actor, given their procuratorate's policy (whose delegations may be only those to them). */
export function actorFrom(principal: Principal, policy: StoredDecisionPolicy): Actor {
  const mine = hasAnyRole(principal.roles, ['head'])
    ? policy.delegations.filter((d) => d.headId === principal.userId)
    : [];
  return {
    userId: principal.userId,
    roles: principal.roles,
    procuratorateId: principal.procuratorateId,
    delegated: mine.map((d) => d.kind as DecisionKind),
    delegatedBy: Object.fromEntries(mine.map((d) => [d.kind, d.delegatedBy])),
    headReview: policy.headReviewRequired ? 'required' : 'waived',
    auth:
      principal.via === 'api_token' && principal.tokenId
        ? { method: 'api_token', tokenId: principal.tokenId }
        : { method: 'session' },
  };
}
