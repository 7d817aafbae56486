import { randomBytes } from 'node:crypto';
import type { Db } from '../../../../store/pool';
import { tokenHash } from '../../../../api/auth/keyed-hash';
import { newApiToken, newId, newRefreshToken } from '../../../../api/auth/opaque-tokens';
import type { Role } from '../../../../domain/roles';
import { createTestOrg, type TestOrg } from '../../../helpers/fixtures';
import type { System } from '../../../helpers/system';
import { Caller, signIn } from '../helpers';
import type { CallerName } from './harness';
import { sharedCase } from '../../cases/stage-fixtures';

/**
 * Two procuratorates, a signed-in client per role of the first (the oversight role's from the
 * procuratorate above it, so that "own" is a case of its subtree), and fresh-resource makers.
 */
export interface MatrixWorld {
  system: System;
  own: TestOrg;
  /** The procuratorate directly above `own`. */
  above: TestOrg;
  other: TestOrg;
  callers: Record<CallerName, Caller>;
  fresh: ReturnType<typeof freshMakers>;
}

const ROLE_USERS: Record<Role, keyof TestOrg> = {
  prosecutor: 'prosecutor',
  head: 'head',
  chief: 'chief',
  case_office: 'caseOffice',
  admin: 'admin',
  oversight: 'oversight',
  platform_admin: 'platformAdmin',
};

export async function createWorld(system: System): Promise<MatrixWorld> {
  const above = await createTestOrg(system.db, { level: 'city' });
  const [own, other] = await Promise.all([
    createTestOrg(system.db, { parentId: above.procuratorateId }),
    createTestOrg(system.db),
  ]);
  const callers = { anonymous: new Caller(system.baseUrl, undefined) } as Record<CallerName, Caller>;
  for (const [role, key] of Object.entries(ROLE_USERS)) {
    // The matrix outlives an access token on a busy machine: each caller renews its session.
    const user = role === 'oversight' ? above.oversight : own[key];
    const session = await signIn(system.baseUrl, user as { username: string });
    callers[role as Role] = session.client.renewingWith(session.refreshToken);
  }
  const world = { system, own, above, other, callers, fresh: freshMakers(system.db) };
  callers.organ = await organCaller(world);
  return world;
}

/**
 * The organ's caller: the eco bureau signed in, by the mailed code, on the recommendation of the own
 * procuratorate's shared case; it holds the organ's cookie and no staff token.
 */
async function organCaller(world: MatrixWorld): Promise<Caller> {
  const caseId = await sharedCase(world, world.own, 'recommendation');
  const [access] = await world.system.db.query<{ token: string; email: string }>(
    "SELECT token, email FROM organ_access WHERE case_id = $1 AND recommendation_id = 'rec-1'",
    [caseId],
  );
  const anonymous = new Caller(world.system.baseUrl, undefined);
  const before = world.system.mail.messages.length;
  await anonymous.post(`/api/organ/links/${access!.token}/code`);
  const mails = await world.system.mail.waitFor((m) =>
    m.slice(before).some((x) => x.to.includes(access!.email)),
  );
  const code = /验证码是：(\d{6})/.exec(
    mails.slice(before).find((x) => x.to.includes(access!.email))!.text,
  )![1];
  const res = await fetch(`${world.system.baseUrl}/api/organ/links/${access!.token}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return new Caller(world.system.baseUrl, undefined, { 'x-forwarded-for': '198.51.100.7', cookie });
}

const uniq = () => randomBytes(5).toString('hex');

/** Resources made straight in the database, one per cell. */
function freshMakers(db: Db) {
  return {
    async user(owner: TestOrg): Promise<string> {
      const id = `u-${uniq()}`;
      await db.query(
        `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles) VALUES ($1, $2, $3, '矩阵', $4, '{prosecutor}')`,
        [id, owner.procuratorateId, `matrix-${uniq()}`, `${id}@test.example`],
      );
      return id;
    },
    /** An open request for the head role on a fresh user, asked by the org's head (not its admin). */
    async roleGrant(owner: TestOrg): Promise<string> {
      const user = await this.user(owner);
      const id = `rg-${uniq()}`;
      await db.query(
        `INSERT INTO role_grants (id, procuratorate_id, user_id, roles, added, requested_by)
         VALUES ($1, $2, $3, '{prosecutor,head}', '{head}', $4)`,
        [id, owner.procuratorateId, user, owner.head.id],
      );
      return id;
    },
    async organ(owner: TestOrg): Promise<string> {
      const id = `org-${uniq()}`;
      await db.query('INSERT INTO organs (id, procuratorate_id, name) VALUES ($1, $2, $3)', [
        id,
        owner.procuratorateId,
        `矩阵机关${uniq()}`,
      ]);
      return id;
    },
    async apiToken(owner: TestOrg): Promise<string> {
      const id = newId('tok');
      const { token, prefix } = newApiToken();
      await db.query(
        `INSERT INTO api_tokens (id, procuratorate_id, user_id, name, token_hash, prefix, created_by)
         VALUES ($1, $2, $3, '矩阵', $4, $5, $3)`,
        [id, owner.procuratorateId, owner.admin.id, tokenHash(token), prefix],
      );
      return id;
    },
    async refreshToken(owner: TestOrg): Promise<string> {
      const token = newRefreshToken();
      await db.query(
        `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, family_started_at, expires_at)
         VALUES ($1, $2, $3, $4, now(), now() + interval '1 hour')`,
        [newId('rt'), newId('fam'), owner.chief.id, tokenHash(token)],
      );
      return token;
    },
    async lead(owner: TestOrg): Promise<{ id: string; code: string }> {
      const id = newId('pl');
      const code = randomBytes(6).toString('hex').toUpperCase().replace(/[01]/g, 'A');
      await db.query(
        `INSERT INTO public_leads (id, tracking_code, procuratorate_id, description, location, submitter_key)
         VALUES ($1, $2, $3, '矩阵测试线索的内容', '某地', 'matrix')`,
        [id, code, owner.procuratorateId],
      );
      await db.query(
        `INSERT INTO public_lead_attachments (lead_id, n, file_name, media_type, size, sha256, content)
         VALUES ($1, 1, 'a.pdf', 'application/pdf', 5, '-', '\\x255044462d'::bytea)`,
        [id],
      );
      return { id, code };
    },
  };
}

/**
 * A digest of every row both procuratorates own in the tables the API writes, so a refused
 * request can be shown to have changed nothing.
 */
export async function snapshot(world: MatrixWorld): Promise<string> {
  const ids = [world.own.procuratorateId, world.other.procuratorateId];
  const digest = (table: string, order: string) =>
    `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) FROM ${table} t WHERE procuratorate_id = ANY($1))`;
  const [row] = await world.system.db.query<Record<string, string>>(
    `SELECT ${digest('users', 't.id')} AS users, ${digest('organs', 't.id')} AS organs,
       ${digest('api_tokens', 't.id')} AS api_tokens, ${digest('public_leads', 't.id')} AS public_leads,
       ${digest('case_creations', 't.case_id')} AS case_creations, ${digest('cases', 't.id')} AS cases`,
    [ids],
  );
  return JSON.stringify(row);
}
