// GET /api/users/directory: names and roles of the procuratorate's staff for every signed-in
// user, so screens show 张检察官 rather than a user ID. Login names and e-mail stay admin-only.
// A procuratorate above may ask for any procuratorate below it: it reads their cases (oversight,
// 上级交办) and chooses their handler when it assigns one.
import { z } from 'zod';
import { storable } from '../../domain/text';
import type { Db } from '../../store/pool';
import { descendantsOf } from '../../store/procuratorate-tree';
import { userDirectory } from '../../store/user-directory';
import { problems } from '../problem';
import { defineRoute, type RouteTarget } from '../routing';

const directoryQuery = z.strictObject({
  procuratorate: storable('检察院 ID：缺省为本院；可为本院的任一下级院').max(64).optional(),
});

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
      query: directoryQuery,
      responses: {
        200: { description: '该院全部人员，含已停用的', schema: z.array(directoryEntry) },
        404: { description: '所指检察院不是本院或本院的下级院' },
      },
    },
    async ({ res, query, principal }) => {
      const wanted = query.procuratorate ?? principal.procuratorateId;
      if (
        wanted !== principal.procuratorateId &&
        !(await descendantsOf(deps.db, principal.procuratorateId)).some((p) => p.id === wanted)
      )
        throw problems.notFound(`检察院 ${wanted} 不是本院或本院的下级院`);
      const rows = await userDirectory(deps.db, wanted);
      res.json(
        rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles, active: r.active })),
      );
    },
  );
}
