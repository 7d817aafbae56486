import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../api/auth/passwords';
import type { Db } from '../../store/pool';
import type { Actor } from '../../domain/case/model';
import type { Role } from '../../domain/roles';

export const TEST_PASSWORD = 'test-password-1';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  roles: Role[];
  procuratorateId: string;
  /** What the API would add to this user's actor from the procuratorate's settings (policy, delegation). */
  actor?: Partial<Pick<Actor, 'headReview' | 'delegated' | 'delegatedBy' | 'organ'>>;
}

export interface TestOrg {
  procuratorateId: string;
  prosecutor: TestUser;
  head: TestUser;
  chief: TestUser;
  caseOffice: TestUser;
  admin: TestUser;
  oversight: TestUser;
  /** The platform's administrator (holidays, policy, domains), here in the test's procuratorate. */
  platformAdmin: TestUser;
  organs: { eco: string; market: string; street: string };
}

const uniq = () => randomBytes(5).toString('hex');

/** A procuratorate of its own with one user per role, so each test owns its rows. */
export async function createTestOrg(
  db: Db,
  options: { level?: 'district' | 'city' | 'province'; parentId?: string } = {},
): Promise<TestOrg> {
  const procuratorateId = `t${uniq()}`;
  await db.query('INSERT INTO procuratorates (id, name, level, parent_id) VALUES ($1, $2, $3, $4)', [
    procuratorateId,
    `测试${procuratorateId}人民检察院`,
    options.level ?? 'district',
    options.parentId ?? null,
  ]);
  // Tests of other steps decide proposals directly; the head-review tests turn review back on.
  await db.query(
    'INSERT INTO procuratorate_settings (procuratorate_id, head_review_required) VALUES ($1, false)',
    [procuratorateId],
  );
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const user = async (role: Role): Promise<TestUser> => {
    const u = { id: `u-${uniq()}`, username: `${role}-${uniq()}`, roles: [role], procuratorateId } as const;
    const email = `${u.username}@test.example`;
    await db.query(
      `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [u.id, procuratorateId, u.username, `${role} ${u.id}`, email, u.roles, passwordHash],
    );
    return { ...u, roles: [role], email };
  };
  const organ = async (name: string) => {
    const id = `org-${uniq()}`;
    await db.query('INSERT INTO organs (id, procuratorate_id, name, email) VALUES ($1, $2, $3, $4)', [
      id,
      procuratorateId,
      name,
      `${id}@organ.example`,
    ]);
    return id;
  };
  return {
    procuratorateId,
    prosecutor: await user('prosecutor'),
    head: await user('head'),
    chief: await user('chief'),
    caseOffice: await user('case_office'),
    admin: await user('admin'),
    oversight: await user('oversight'),
    platformAdmin: await user('platform_admin'),
    organs: {
      eco: await organ('区生态环境局'),
      market: await organ('区市场监督管理局'),
      street: await organ('街道办事处'),
    },
  };
}
