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
}

const ISSUER = 'duban';
const AUDIENCE = 'duban-api';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface TokenSigner {
  issueAccessToken(p: Omit<Principal, 'via' | 'tokenId'>): Promise<{ token: string; expiresIn: number }>;
  verifyAccessToken(token: string): Promise<Principal | undefined>;
}

export function createTokenSigner(secret: string): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async issueAccessToken(p) {
      const token = await new SignJWT({ roles: p.roles, pid: p.procuratorateId })
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
        };
      } catch (err) {
        if (err instanceof joseErrors.JOSEError) return undefined;
        throw err;
      }
    },
  };
}
