import type { z } from 'zod';
import { defineRoute, type ResponseSpec, type RouteTarget } from '../routing';

export interface WhatIfSpec<B extends z.ZodType> {
  tag: string;
  summary: string;
  body: B;
  bodyLimit?: string;
  /** The schema of the preview report. */
  report: z.ZodType;
  /** What a 422 means for this input. */
  invalid: ResponseSpec;
}

/**
 * POST /what-if for admins: which running deadlines a change would move, without saving it.
 * A preview changes nothing, and its report can be long: not worth keeping for replays.
 */
export function defineWhatIfRoute<B extends z.ZodType>(
  target: RouteTarget,
  spec: WhatIfSpec<B>,
  preview: (body: z.infer<B>) => Promise<unknown>,
): void {
  const { report, invalid, ...rest } = spec;
  defineRoute(
    target,
    {
      ...rest,
      method: 'post',
      path: '/what-if',
      auth: 'user',
      roles: ['admin'],
      idempotent: false,
      responses: { 200: { description: '将会变化的期限', schema: report }, 422: invalid },
    },
    async ({ res, body }) => {
      res.json(await preview(body));
    },
  );
}
