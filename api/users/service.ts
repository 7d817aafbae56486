import { recordAuthEvent } from '../../store/auth-log';
import { revokeUserSessions } from '../../store/auth-sessions';
import type { Db } from '../../store/pool';
import { isUniqueViolation } from '../../store/pool';
import { findUserInScope, insertUser, updateUser, type UserAdminRow } from '../../store/user-admin';
import { hashPassword } from '../auth/passwords';
import { newId } from '../auth/opaque-tokens';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';
import type { CreateUserBody, UpdateUserBody } from './schemas';

export async function createUser(db: Db, admin: Principal, body: CreateUserBody): Promise<UserAdminRow> {
  try {
    return await insertUser(db, {
      id: newId('u'),
      procuratorateId: admin.procuratorateId,
      username: body.username,
      displayName: body.displayName,
      email: body.email,
      roles: body.roles,
      active: body.active,
      passwordHash: body.password ? await hashPassword(body.password) : null,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw problems.conflict('username-taken', `用户名 ${body.username} 已被使用`);
    throw err;
  }
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
): Promise<UserAdminRow> {
  if (id === admin.userId && (body.active === false || (body.roles && !body.roles.includes('admin')))) {
    throw problems.conflict('self-lockout', '不能停用自己或取消自己的管理员角色');
  }
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  return db.withTransaction(async (tx) => {
    const before = await findUserInScope(tx, id, admin.procuratorateId);
    if (!before) throw problems.notFound('本院没有这个用户');
    const { password: _password, ...changes } = body;
    const after = (await updateUser(tx, id, admin.procuratorateId, { ...changes, passwordHash }))!;
    const event = { userId: id, procuratorateId: admin.procuratorateId, actorId: admin.userId, ...origin };
    if (passwordHash) await recordAuthEvent(tx, { kind: 'password_set', ...event });
    if (before.active && !after.active) await recordAuthEvent(tx, { kind: 'user_deactivated', ...event });
    if (passwordHash || !after.active) await revokeUserSessions(tx, id);
    return after;
  });
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
