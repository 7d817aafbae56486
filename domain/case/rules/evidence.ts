/** Evidence files on a case: the API stores the bytes, the case records each file here. */
import { Effects, inForce, invalid, wrongStage, type Rule } from './common';
import { organsRecommendation } from './organ';

/**
 * Records a file on the case's timeline with its SHA-256, size, type, name and who added it; what
 * it is attached to (a recommendation, an earlier action) must exist on the case. A file is never
 * changed: a new one supersedes it, with the reason.
 */
export const attachEvidence: Rule<'attachEvidence'> = (state, p, ctx) => {
  if (!inForce(ctx, 'evidenceFiles')) throw wrongStage('本案不能添加证据材料');
  // The organ adds files to its own recommendation only.
  if (ctx.actor.organ) organsRecommendation(state, p.recommendationId ?? '', ctx);
  if (p.recommendationId !== undefined && !state.recommendations.some((r) => r.id === p.recommendationId))
    throw invalid(`本案没有检察建议 ${p.recommendationId}`);
  if (p.actionSeq !== undefined && p.actionSeq > state.seq)
    throw invalid(`时间线上没有第 ${p.actionSeq} 条记录`);
  if (p.supersedes !== undefined && !p.reason) throw invalid('替代已有文件须说明理由');
  if (p.supersedes === undefined && p.reason) throw invalid('只有替代已有文件时才填写替代理由');
  const fx = new Effects().note({
    file: { ...p.file, addedBy: ctx.actor.userId },
    recommendationId: p.recommendationId ?? null,
    actionSeq: p.actionSeq ?? null,
    supersedes: p.supersedes ?? null,
  });
  if (p.reason) fx.reason = p.reason;
  return fx;
};
