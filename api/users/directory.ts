// GET /api/users/directory: names and roles of the procuratorate's staff for every signed-in
// user, so screens show 张检察官 rather than a user ID. Login names and e-mail stay admin-only.
import { z } from 'zod';
import type { Db } from '../../store/pool';
import { userDirectory } from '../../store/user-directory';
import { defineRoute, type RouteTarget } from '../routing';

const directoryEntry = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean().describe('false：已停用'),
});

export function directoryRoute(target: RouteTarget, deps: { db: Db }): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/directory',
      tag: '用户',
      summary: '本院人员名录（姓名与角色，供显示）',
      auth: 'user',
      responses: { 200: { description: '本院全部人员，含已停用的', schema: z.array(directoryEntry) } },
    },
    async ({ res, principal }) => {
      const rows = await userDirectory(deps.db, principal.procuratorateId);
      res.json(
        rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles, active: r.active })),
      );
    },
  );
}
