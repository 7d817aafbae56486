/** Civil track: the pre-litigation announcement (诉前公告) and its outcome. */
import {
  Effects,
  invalid,
  meetClock,
  moveStage,
  requireDate,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
} from './common';
import { closeCase } from './recommendation';

export const publishAnnouncement: Rule<'publishAnnouncement'> = (state, p, ctx) => {
  requireStage(state, ['INVESTIGATION'], '发布诉前公告');
  if (state.info.track !== 'civil') throw wrongStage('诉前公告仅适用于民事公益诉讼案件');
  const publishedOn = requireDate(p.publishedOn, '公告日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  state.announcement = { publishedOn };
  const fx = new Effects().note({ publishedOn, medium: p.medium });
  meetClock(state, fx, 'investigation', publishedOn);
  startClock(fx, { key: 'announcement', clockId: 'announcement', start: publishedOn });
  moveStage(state, 'announcement_published', fx);
  return fx;
};

export const recordAnnouncementOutcome: Rule<'recordAnnouncementOutcome'> = (state, p, ctx) => {
  requireStage(state, ['ANNOUNCEMENT'], '登记公告结果');
  const announcement = state.announcement!;
  const on = requireDate(p.on, '登记日期', ctx, { date: announcement.publishedOn, label: '公告日期' });
  const fx = new Effects().note({ on, outcome: p.outcome, plaintiff: p.plaintiff ?? null });
  if (p.outcome === 'sued_by_other') {
    announcement.outcome = 'sued_by_other';
    if (!p.plaintiff) throw invalid('请填写起诉的机关或组织');
    announcement.plaintiff = p.plaintiff;
    meetClock(state, fx, 'announcement', on);
    moveStage(state, 'other_plaintiff_sued', fx);
    return fx;
  }
  const end = state.clocks.announcement?.due;
  if (!end || on <= end) throw invalid(`公告期至 ${end ?? '—'} 届满，届满后才能登记无人起诉`);
  announcement.outcome = 'nobody_sued';
  meetClock(state, fx, 'announcement', on);
  moveStage(state, 'nobody_sued', fx);
  startClock(fx, { key: 'litigation_review_civil', clockId: 'litigation_review_civil', start: end });
  return fx;
};

export const recordSupportConcluded: Rule<'recordSupportConcluded'> = (state, p, ctx) => {
  requireStage(state, ['SUPPORT'], '登记支持起诉结束');
  const on = requireDate(p.on, '结束日期', ctx, {
    date: state.announcement?.publishedOn,
    label: '公告日期',
  });
  const fx = new Effects().note({ on, summary: p.summary });
  closeCase(state, 'support_concluded', fx, on, ctx);
  return fx;
};
