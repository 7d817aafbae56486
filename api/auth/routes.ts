import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../activities/db/pool';
import { findUserForLogin } from '../../activities/db/users';
import { isRole, type Role } from '../../domain/roles';
import { problems } from '../problem';
import { parseInput } from '../validation';
import { verifyPassword } from './passwords';
import type { TokenSigner } from './tokens';

const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export function authRoutes(deps: { db: Db; signer: TokenSigner }): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    const { username, password } = parseInput(loginBody, req.body);
    const user = await findUserForLogin(deps.db, username);
    const ok = await verifyPassword(password, user?.password_hash ?? null);
    if (!user || !ok || !user.active) throw problems.unauthenticated('用户名或密码错误');
    const roles = user.roles.filter(isRole) as Role[];
    const { token, expiresIn } = await deps.signer.issueAccessToken({
      userId: user.id,
      roles,
      procuratorateId: user.procuratorate_id,
    });
    res.json({
      accessToken: token,
      tokenType: 'Bearer',
      expiresIn,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        roles,
        procuratorateId: user.procuratorate_id,
      },
    });
  });
  return router;
}
