import { hashPassword } from '../api/auth/passwords';
import type { Db } from '../store/pool';

export const DEMO_PASSWORD = 'duban-demo';

const PROCURATORATES = [
  { id: '320100', name: '南京市人民检察院', level: 'city', parent: null },
  { id: '320111', name: '浦口区人民检察院', level: 'district', parent: '320100' },
  { id: '320116', name: '六合区人民检察院', level: 'district', parent: '320100' },
] as const;

/**
 * Demo staff: one of each role in 浦口, a prosecutor and chief in 六合 (to show scoping), and the
 * city's oversight user and chief above both (to show the procuratorate above), and the platform's
 * administrator at the top of the tree (the holiday schedule, policy and domains of every one).
 */
export const DEMO_USERS = [
  { id: 'u-pk-zhang', username: 'zhangjc', name: '张检察官', roles: ['prosecutor'], pid: '320111' },
  { id: 'u-pk-li', username: 'lifz', name: '李负责人', roles: ['head'], pid: '320111' },
  { id: 'u-pk-wang', username: 'wangjcz', name: '王检察长', roles: ['chief'], pid: '320111' },
  { id: 'u-pk-zhao', username: 'zhaoag', name: '赵案管', roles: ['case_office'], pid: '320111' },
  { id: 'u-pk-admin', username: 'admin', name: '系统管理员', roles: ['admin'], pid: '320111' },
  { id: 'u-lh-chen', username: 'chenjc', name: '陈检察官', roles: ['prosecutor'], pid: '320116' },
  { id: 'u-lh-sun', username: 'sunjcz', name: '孙检察长', roles: ['chief'], pid: '320116' },
  { id: 'u-nj-zhou', username: 'zhoujd', name: '周监督', roles: ['oversight'], pid: '320100' },
  { id: 'u-nj-qian', username: 'qianjcz', name: '钱检察长', roles: ['chief'], pid: '320100' },
  { id: 'u-nj-pingtai', username: 'pingtai', name: '平台管理员', roles: ['platform_admin'], pid: '320100' },
] as const;

export const DEMO_ORGANS = {
  eco: 'org-pk-eco',
  market: 'org-pk-market',
  jiangpu: 'org-pk-jiangpu',
  land: 'org-pk-land',
  agri: 'org-pk-agri',
  urban: 'org-pk-urban',
  culture: 'org-pk-culture',
  housing: 'org-pk-housing',
} as const;

/** The organs of 浦口 the demo cases send recommendations to. */
const ORGANS = [
  { id: DEMO_ORGANS.eco, name: '区生态环境局', email: 'sthjj@organ.example' },
  { id: DEMO_ORGANS.market, name: '区市场监督管理局', email: 'scjgj@organ.example' },
  { id: DEMO_ORGANS.jiangpu, name: '江浦街道办事处', email: 'jiangpu@organ.example' },
  { id: DEMO_ORGANS.land, name: '区规划和自然资源局', email: 'zrzy@organ.example' },
  { id: DEMO_ORGANS.agri, name: '区农业农村局', email: 'nync@organ.example' },
  { id: DEMO_ORGANS.urban, name: '区城市管理局', email: 'cgj@organ.example' },
  { id: DEMO_ORGANS.culture, name: '区文化和旅游局', email: 'wlj@organ.example' },
  { id: DEMO_ORGANS.housing, name: '区住房和城乡建设局', email: 'zjj@organ.example' },
];

/** Inserts the demo procuratorates, staff and organs once; running it again changes nothing. */
export async function seedDemoData(db: Db): Promise<void> {
  for (const p of PROCURATORATES) {
    await db.query(
      'INSERT INTO procuratorates (id, name, level, parent_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [p.id, p.name, p.level, p.parent],
    );
  }
  const existing = new Set((await db.query<{ id: string }>('SELECT id FROM users')).map((r) => r.id));
  for (const u of DEMO_USERS) {
    if (existing.has(u.id)) continue;
    await db.query(
      `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        u.id,
        u.pid,
        u.username,
        u.name,
        `${u.username}@procuratorate.example`,
        u.roles,
        await hashPassword(DEMO_PASSWORD),
      ],
    );
  }
  for (const o of ORGANS) {
    await db.query(
      'INSERT INTO organs (id, procuratorate_id, name, email) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [o.id, '320111', o.name, o.email],
    );
  }
}

/**
 * Whether `npm start` loads the demo accounts: always on its own embedded database, and on a
 * database given by DATABASE_URL only when asked (`npm start -- --demo`), so that a real
 * database never gets accounts whose password is printed in the README.
 */
export function demoWanted(env: { DATABASE_URL?: string }, argv: readonly string[]): boolean {
  return !env.DATABASE_URL || argv.includes('--demo');
}
