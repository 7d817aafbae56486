/**
 * /api/temporal-codec: Temporal's codec server protocol, so the Temporal UI (and `temporal
 * workflow show --codec-endpoint`) can show the case data that TEMPORAL_CODEC_KEYS encrypts.
 * Only staff who oversee cases may decode: admin and case office.
 */
import { Router, type RequestHandler } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { createPayloadCodec, PayloadCodecError } from '../../config/temporal-codec';
import { problems } from '../problem';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';

export const CODEC_MOUNT = '/api/temporal-codec';

export interface TemporalCodecDeps {
  /** The codec of the API's client; none: payloads pass through, encrypted ones are refused. */
  codec?: PayloadCodec;
  /** The Temporal UI's origin, allowed to call the endpoint from the browser. */
  uiOrigin?: string;
}

const base64 = z
  .string()
  .max(4 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '须为 base64');

const payloadJson = z
  .object({
    metadata: z.record(z.string().max(200), base64).optional().describe('元数据，值为 base64'),
    data: base64.optional().describe('内容，base64'),
  })
  .describe('Temporal 载荷（protobuf JSON 形式）');

const payloadsJson = z.strictObject({ payloads: z.array(payloadJson).max(1000) });

export function temporalCodecRoutes(deps: TemporalCodecDeps, registry: RouteRegistry): Router {
  const router = Router();
  const target = { router, registry, mountPath: CODEC_MOUNT };
  const codec = deps.codec ?? createPayloadCodec([]);
  codecRoute(target, 'decode', '解密流程载荷', (p) => codec.decode(p));
  codecRoute(target, 'encode', '加密流程载荷', (p) => codec.encode(p));
  return router;
}

function codecRoute(
  target: RouteTarget,
  direction: 'decode' | 'encode',
  summary: string,
  run: (payloads: Payload[]) => Promise<Payload[]>,
): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: `/${direction}`,
      tag: '运维',
      summary,
      description:
        'Temporal 编解码服务协议（codec server）：请求与答复均为 {"payloads":[…]}，字段为 base64。' +
        '供 Temporal UI（TEMPORAL_UI_ORIGIN）和 temporal 命令行查看以 TEMPORAL_CODEC_KEYS 加密的案件数据；未加密的载荷原样返回。',
      auth: 'user',
      roles: ['admin', 'case_office'],
      body: payloadsJson,
      bodyLimit: '16mb',
      // The answer holds case data in the clear: never kept for a replay.
      idempotent: false,
      responses: {
        200: { description: '处理后的载荷，顺序与请求相同', schema: payloadsJson },
        422: { description: '载荷无法解密：所用密钥不在 TEMPORAL_CODEC_KEYS 中，或密钥不符' },
      },
    },
    async ({ res, body }) => {
      let out: Payload[];
      try {
        out = await run(body.payloads.map(fromJson));
      } catch (err) {
        if (!(err instanceof PayloadCodecError)) throw err;
        throw problems.validation(`载荷无法解密：${err.message}`, [
          { path: 'payloads', message: err.message },
        ]);
      }
      res.json({ payloads: out.map(toJson) });
    },
  );
}

function fromJson(p: z.infer<typeof payloadJson>): Payload {
  const metadata = Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
  );
  return { metadata, data: Buffer.from(p.data ?? '', 'base64') };
}

function toJson(p: Payload): z.infer<typeof payloadJson> {
  const metadata = Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [
      k,
      Buffer.from(v ?? new Uint8Array()).toString('base64'),
    ]),
  );
  return { metadata, data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') };
}

/**
 * CORS for the Temporal UI's origin on the codec paths: the browser's preflight is answered
 * here (before authentication, which it cannot carry), the real request gets the allow header.
 */
export function codecCors(uiOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!uiOrigin || !req.path.toLowerCase().startsWith(`${CODEC_MOUNT}/`)) return next();
    if (req.get('origin') !== uiOrigin) return next();
    res.set({
      'Access-Control-Allow-Origin': uiOrigin,
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
    });
    if (req.method !== 'OPTIONS') return next();
    res.set({
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Namespace',
      'Access-Control-Max-Age': '600',
    });
    res.status(204).end();
  };
}
