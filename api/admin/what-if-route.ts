import type { z } from 'zod';
import { PLATFORM_READERS } from '../../domain/roles';
import { scopedReport, type MoveReport } from '../../calendar/whatif';
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
 * POST /what-if for every admin: which running deadlines a change would move, without saving it.
 * Only the caller's procuratorate's cases are listed; the others' are counted. A preview changes
 * nothing, and its report can be long: not worth keeping for replays.
 */
export function defineWhatIfRoute<B extends z.ZodType>(
  target: RouteTarget,
  spec: WhatIfSpec<B>,
  preview: (body: z.infer<B>) => Promise<MoveReport>,
): void {
  const { report, invalid, ...rest } = spec;
  defineRoute(
    target,
    {
      ...rest,
      method: 'post',
      path: '/what-if',
      auth: 'user',
      roles: PLATFORM_READERS,
      idempotent: false,
      responses: { 200: { description: '将会变化的期限', schema: report }, 422: invalid },
    },
    async ({ res, body, principal }) => {
      res.json(scopedReport(await preview(body), principal.procuratorateId));
    },
  );
}
