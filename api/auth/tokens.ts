import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Role } from '../../domain/roles';

export interface Principal {
  userId: string;
  roles: Role[];
  procuratorateId: string;
  /** How the caller proved who it is: a short-lived access token or an integration API token. */
  via: 'access_token' | 'api_token';
  /** The API token used, when `via` is 'api_token'. */
  tokenId?: string;
  /** When the access token was issued (epoch ms), to hold it against the user's later changes. */
  issuedAtMs?: number;
}

const ISSUER = 'duban';
const AUDIENCE = 'duban-api';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface TokenSigner {
  issueAccessToken(
    p: Omit<Principal, 'via' | 'tokenId' | 'issuedAtMs'>,
  ): Promise<{ token: string; expiresIn: number }>;
  verifyAccessToken(token: string): Promise<Principal | undefined>;
}

export function createTokenSigner(secret: string): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async issueAccessToken(p) {
      // `iat` has whole seconds; `iatMs` orders a token against a role change in the same second.
      const token = await new SignJWT({ roles: p.roles, pid: p.procuratorateId, iatMs: Date.now() })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(p.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
        .sign(key);
      return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
    async verifyAccessToken(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        });
        if (
          typeof payload.sub !== 'string' ||
          typeof payload.pid !== 'string' ||
          !Array.isArray(payload.roles)
        ) {
          return undefined;
        }
        return {
          userId: payload.sub,
          roles: payload.roles as Role[],
          procuratorateId: payload.pid,
          via: 'access_token',
          issuedAtMs: typeof payload.iatMs === 'number' ? payload.iatMs : (payload.iat ?? 0) * 1000,
        };
      } catch (err) {
        if (err instanceof joseErrors.JOSEError) return undefined;
        throw err;
      }
    },
  };
}
