/**
 * The organ's session: a one-time code mailed to the organ's registered address opens a short
 * session on one recommendation, held in its own cookie (staff sign in with bearer tokens, so the
 * cookie opens no staff route). Codes and session ids are stored as keyed hashes.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Actor } from '../../domain/case/model';
import { isFinalStage, STAGE_LABELS, type Stage } from '../../domain/case/stages';
import { deliverQueuedMail } from '../../mail/deliver';
import type { Mailer } from '../../mail/mailer';
import { renderMail } from '../../mail/templates';
import {
  codeWait,
  findOrganAccess,
  findOrganSession,
  insertAccessCode,
  insertOrganSession,
  takeAccessCode,
  type OrganAccessRow,
} from '../../store/organ-access';
import { enqueueMail } from '../../store/outbox';
import type { Db } from '../../store/pool';
import { keyedHash } from '../auth/keyed-hash';
import { Problem, problems } from '../problem';

export const ORGAN_COOKIE = 'duban_organ';

export interface OrganAccessLimits {
  codeMinutes: number;
  sessionMinutes: number;
  /** Wrong codes allowed per link in the window before the next try must wait. */
  wrongCodes: { limit: number; seconds: number };
  /** Codes mailed per link in the window. */
  codesSent: { limit: number; seconds: number };
}

export const DEFAULT_ORGAN_LIMITS: OrganAccessLimits = {
  codeMinutes: 10,
  sessionMinutes: 30,
  wrongCodes: { limit: 5, seconds: 15 * 60 },
  codesSent: { limit: 5, seconds: 60 * 60 },
};

export interface OrganSessionDeps {
  db: Db;
  mailer: Mailer;
  secret: string;
  https: boolean;
  limits: OrganAccessLimits;
}

/**
 * The link's recommendation while it stands; one withdrawn or superseded says so and nothing else
 * (410), and one whose case has ended (archived) says that (409).
 */
export async function openLink(db: Db, token: string): Promise<OrganAccessRow> {
  const access = await findOrganAccess(db, token);
  if (!access) throw problems.notFound('链接无效，请核对检察建议书上的链接或二维码');
  if (access.outcome === 'superseded')
    throw new Problem(
      410,
      'recommendation-superseded',
      '检察建议已被替代',
      '该检察建议已被新的检察建议替代，此链接不再使用',
    );
  if (access.status === null || access.case_stage === 'TERMINATED')
    throw new Problem(410, 'recommendation-withdrawn', '检察建议已撤回', '该检察建议已撤回，此链接不再使用');
  // An archived case's workflow has ended: nothing more can be received, answered or reported.
  const stage = access.case_stage as Stage;
  if (isFinalStage(stage))
    throw problems.conflict(
      'case-closed',
      `案件已${STAGE_LABELS[stage]}，该检察建议已办结，此链接不再受理签收、答复或报送`,
    );
  return access;
}

/** Mails a fresh code to the organ's registered address, through the outbox. */
export async function sendCode(deps: OrganSessionDeps, access: OrganAccessRow): Promise<void> {
  const wait = await codeWait(deps.db, access.token, deps.limits.codesSent, 'codes');
  if (wait > 0) throw problems.tooManyRequests(`验证码发送过于频繁，请 ${minutes(wait)} 后再试`, wait);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const minutesValid = deps.limits.codeMinutes;
  await insertAccessCode(deps.db, {
    token: access.token,
    codeHash: codeHash(deps, access.token, code),
    ttlSeconds: minutesValid * 60,
  });
  const mail = renderMail(
    'organ_code',
    { publicUrl: '', recipientName: access.organ_name },
    { code, minutes: minutesValid },
  );
  const dedupeKey = `organ_code:${access.token}:${randomBytes(8).toString('hex')}`;
  await deps.db.withTransaction((tx) =>
    enqueueMail(tx, {
      dedupeKey,
      caseId: access.case_id,
      kind: 'organ_code',
      recipientUserId: null,
      toAddress: access.email,
      subject: mail.subject,
      bodyText: mail.text,
    }),
  );
  await deliverQueuedMail(deps.db, deps.mailer, [dedupeKey]).catch(() => {
    throw problems.unavailable('验证码邮件暂未发出，请稍后重试', 30);
  });
}

/** Opens a session with the code, or refuses (422) and counts the wrong code; 429 once throttled. */
export async function signIn(
  deps: OrganSessionDeps,
  access: OrganAccessRow,
  code: string,
  res: Response,
): Promise<boolean> {
  const wait = await codeWait(deps.db, access.token, deps.limits.wrongCodes, 'failures');
  if (wait > 0) throw tooManyWrong(wait);
  if (!(await takeAccessCode(deps.db, access.token, codeHash(deps, access.token, code)))) return false;
  const sessionId = randomBytes(32).toString('base64url');
  const ttlSeconds = deps.limits.sessionMinutes * 60;
  await insertOrganSession(deps.db, {
    sessionHash: keyedHash(deps.secret, 'organ-session', sessionId),
    token: access.token,
    contact: access.email,
    ttlSeconds,
  });
  const secure = deps.https ? '; Secure' : '';
  res.setHeader(
    'Set-Cookie',
    `${ORGAN_COOKIE}=${sessionId}; Path=/api/organ; HttpOnly; SameSite=Strict; Max-Age=${ttlSeconds}${secure}`,
  );
  return true;
}

export const tooManyWrong = (wait: number) =>
  problems.tooManyRequests(`验证码错误次数过多，请 ${minutes(wait)} 后再试`, wait);

export const wrongCode = () =>
  problems.validation('验证码错误或已过期，请核对邮件中的验证码，或重新获取', [
    { path: 'code', message: '验证码错误或已过期' },
  ]);

/** The session's recommendation (401 without a live session, 410 once withdrawn). */
export async function requireOrganSession(
  deps: OrganSessionDeps,
  req: Request,
): Promise<{ access: OrganAccessRow; actor: Actor }> {
  const sessionId = cookieOf(req, ORGAN_COOKIE);
  const session = sessionId
    ? await findOrganSession(deps.db, keyedHash(deps.secret, 'organ-session', sessionId))
    : undefined;
  if (!session) throw problems.unauthenticated('请通过检察建议书链接，凭邮箱验证码进入');
  const access = await openLink(deps.db, session.token);
  return { access, actor: organActor(access, session.contact) };
}

/** The organ as the case workflow sees it: no role, one recommendation. */
export function organActor(access: OrganAccessRow, contact: string): Actor {
  return {
    userId: `organ:${access.organ_id}`,
    roles: [],
    procuratorateId: access.procuratorate_id,
    organ: { organId: access.organ_id, recommendationId: access.recommendation_id, contact },
    auth: { method: 'organ_session' },
  };
}

function codeHash(deps: OrganSessionDeps, token: string, code: string): string {
  return keyedHash(deps.secret, 'organ-code', `${token}:${code}`);
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

const minutes = (seconds: number) => `${Math.ceil(seconds / 60)} 分钟`;
