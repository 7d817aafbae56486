import { recordAuthEvent } from '../../store/auth-log';
import { revokeUserSessions } from '../../store/auth-sessions';
import type { Db, Tx } from '../../store/pool';
import type { Role } from '../../domain/roles';
import {
  decideRoleGrant,
  lockOpenRoleGrant,
  openRoleGrant,
  supersedeRoleGrants,
  type RoleGrantRow,
} from '../../store/role-grants';
import { isUniqueViolation } from '../../store/pool';
import {
  findUserInScope,
  insertUser,
  isTopProcuratorate,
  updateUser,
  type UserAdminRow,
} from '../../store/user-admin';
import { hashPassword } from '../auth/passwords';
import { newId } from '../auth/opaque-tokens';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';
import type { CreateUserBody, UpdateUserBody } from './schemas';

/**
 * Roles one admin alone cannot give: the decision roles (检察长, 部门负责人), admin itself (else
 * one admin could make a second account to approve their own requests) and the platform's
 * administrator, who changes what binds every procuratorate.
 */
export const ROLES_NEEDING_APPROVAL: readonly Role[] = ['chief', 'head', 'admin', 'platform_admin'];

/**
 * The platform's administrator sits at the top of the tree (the provincial or national
 * procuratorate): two admins of a district cannot make one of their own.
 */
async function refusePlatformRoleBelowTop(q: Tx, procuratorateId: string, added: readonly Role[]) {
  if (!added.includes('platform_admin') || (await isTopProcuratorate(q, procuratorateId))) return;
  throw problems.validation('平台管理员（platform_admin）只能设在最上级检察院（省级或全国），本院有上级院', [
    { path: 'roles', message: '本院不能设平台管理员' },
  ]);
}

/** A user as saved, and the request for the roles that wait for a second admin, if any. */
export interface SavedUser {
  user: UserAdminRow;
  pending?: RoleGrantRow;
}

/**
 * Creates a user of the admin's procuratorate. An account asked with a role needing approval is
 * created inactive, with a request that a second admin's approval turns into the account asked for.
 */
export async function createUser(
  db: Db,
  admin: Principal,
  body: CreateUserBody,
  origin: { ip: string; requestId: string },
): Promise<SavedUser> {
  const added = body.roles.filter((r) => ROLES_NEEDING_APPROVAL.includes(r));
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  try {
    return await db.withTransaction(async (tx) => {
      await refusePlatformRoleBelowTop(tx, admin.procuratorateId, added);
      const user = await insertUser(tx, {
        id: newId('u'),
        procuratorateId: admin.procuratorateId,
        username: body.username,
        displayName: body.displayName,
        email: body.email,
        roles: body.roles,
        active: added.length === 0 && body.active,
        passwordHash,
      });
      if (added.length === 0) return { user };
      const pending = await requestRoles(tx, admin, user.id, body.roles, added, body.active, origin);
      return { user, pending };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw problems.conflict('username-taken', `用户名 ${body.username} 已被使用`);
    throw err;
  }
}

async function requestRoles(
  tx: Tx,
  admin: Principal,
  userId: string,
  roles: Role[],
  added: Role[],
  activate: boolean,
  origin: { ip: string; requestId: string },
): Promise<RoleGrantRow> {
  const grant = await openRoleGrant(tx, {
    id: newId('rg'),
    procuratorate_id: admin.procuratorateId,
    user_id: userId,
    roles,
    added,
    activate,
    requested_by: admin.userId,
  });
  await recordAuthEvent(tx, {
    kind: 'role_grant_requested',
    userId,
    procuratorateId: admin.procuratorateId,
    actorId: admin.userId,
    ...origin,
    detail: { grantId: grant.id, roles, added },
  });
  return grant;
}

/**
 * A second admin approves (the roles, and the account when it waited, take effect) or rejects a
 * request. Neither the admin who asked nor the user concerned may decide it.
 */
export async function decideRoles(
  db: Db,
  admin: Principal,
  grantId: string,
  outcome: 'approved' | 'rejected',
  origin: { ip: string; requestId: string },
): Promise<{ grant: RoleGrantRow; user: UserAdminRow }> {
  return db.withTransaction(async (tx) => {
    const grant = await lockOpenRoleGrant(tx, grantId, admin.procuratorateId);
    if (!grant) throw problems.notFound('本院没有这个待审批的角色申请（可能已处理或已被后来的修改取代）');
    if (grant.requested_by === admin.userId)
      throw problems.forbidden('角色申请须由提出申请以外的另一名管理员审批');
    if (grant.user_id === admin.userId) throw problems.forbidden('不能审批给自己的角色申请');
    const decided = await decideRoleGrant(tx, grant.id, admin.userId, outcome);
    const user =
      outcome === 'approved'
        ? (await updateUser(tx, grant.user_id, admin.procuratorateId, {
            roles: grant.roles,
            ...(grant.activate ? { active: true } : {}),
          }))!
        : (await findUserInScope(tx, grant.user_id, admin.procuratorateId))!;
    await recordAuthEvent(tx, {
      kind: outcome === 'approved' ? 'role_grant_approved' : 'role_grant_rejected',
      userId: grant.user_id,
      procuratorateId: admin.procuratorateId,
      actorId: admin.userId,
      ...origin,
      detail: { grantId: grant.id, roles: grant.roles, added: grant.added, requestedBy: grant.requested_by },
    });
    return { grant: decided, user };
  });
}

/**
 * Changes a user of the admin's procuratorate. A new password or a deactivation ends every
 * session of that user; an admin cannot lock themself out.
 */
export async function changeUser(
  db: Db,
  admin: Principal,
  id: string,
  body: UpdateUserBody,
  origin: { ip: string; requestId: string },
): Promise<SavedUser> {
  if (id === admin.userId && (body.active === false || (body.roles && !body.roles.includes('admin')))) {
    throw problems.conflict('self-lockout', '不能停用自己或取消自己的管理员角色');
  }
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  return db.withTransaction(async (tx) => {
    const before = await findUserInScope(tx, id, admin.procuratorateId);
    if (!before) throw problems.notFound('本院没有这个用户');
    const { password: _password, roles: asked, ...changes } = body;
    // Roles needing approval that the user lacks wait for a second admin; the rest apply now,
    // unless nothing would remain, in which case the user keeps their roles until the approval.
    const added = (asked ?? []).filter(
      (r) => ROLES_NEEDING_APPROVAL.includes(r) && !before.roles.includes(r),
    );
    await refusePlatformRoleBelowTop(tx, admin.procuratorateId, added);
    const now = asked?.filter((r) => !added.includes(r));
    const roles = asked === undefined ? undefined : now!.length > 0 ? now : before.roles;
    if (asked !== undefined) await supersedeRoleGrants(tx, id);
    const after = (await updateUser(tx, id, admin.procuratorateId, { ...changes, roles, passwordHash }))!;
    const event = { userId: id, procuratorateId: admin.procuratorateId, actorId: admin.userId, ...origin };
    if (passwordHash) await recordAuthEvent(tx, { kind: 'password_set', ...event });
    if (before.active && !after.active) await recordAuthEvent(tx, { kind: 'user_deactivated', ...event });
    if (passwordHash || !after.active) await revokeUserSessions(tx, id);
    if (added.length === 0) return { user: after };
    const pending = await requestRoles(tx, admin, id, asked!, added, false, origin);
    return { user: after, pending };
  });
}

export function presentSaved(saved: SavedUser) {
  return {
    ...presentUser(saved.user),
    ...(saved.pending ? { pendingRoleGrant: presentRoleGrant(saved.pending) } : {}),
  };
}

export function presentRoleGrant(g: RoleGrantRow) {
  return {
    id: g.id,
    userId: g.user_id,
    roles: g.roles,
    added: g.added,
    activate: g.activate,
    requestedBy: g.requested_by,
    requestedAt: g.requested_at.toISOString(),
    outcome: g.outcome ?? 'pending',
    decidedBy: g.decided_by,
    decidedAt: g.decided_at?.toISOString() ?? null,
  };
}

export function presentUser(row: UserAdminRow) {
  return {
    id: row.id,
    procuratorateId: row.procuratorate_id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    active: row.active,
    hasPassword: row.has_password,
    createdAt: row.created_at.toISOString(),
  };
}
