import {
  basisText,
  CLOCK_IDS,
  clockRequest,
  computeDeadline,
  DEFAULT_CLOCK_CATALOGUE,
  nextCatalogueVersion,
  withOverriddenLengths,
} from '../../../domain/period';
import { CHINESE_DAYS } from './helpers/fixtures';

const catalogue = DEFAULT_CLOCK_CATALOGUE;

describe('clock catalogue', () => {
  it('holds every clock of DOMAIN.md with Chinese names, start events, basis and expiry', () => {
    expect([...CLOCK_IDS].sort()).toEqual(
      [
        'lead_evaluation',
        'major_lead_report',
        'filing_service',
        'investigation',
        'recommendation_service',
        'recommendation_filing_above',
        'reply',
        'rectification',
        'litigation_review_admin',
        'announcement',
        'litigation_review_civil',
        'complaint_report_above',
        'appeal_judgment',
        'appeal_ruling',
        'revisit',
        'rebound_follow_up',
        'claim_change_filing',
        'support_withdrawal_notice',
        'appeal_report_above',
        'relatives_inquiry',
      ].sort(),
    );
    for (const id of CLOCK_IDS) {
      const clock = catalogue.clocks[id];
      expect(clock.id).toBe(id);
      expect(clock.name).toMatch(/[\u4e00-\u9fff]/);
      expect(clock.startEvent.name).toMatch(/[\u4e00-\u9fff]/);
      expect(clock.basis.length).toBeGreaterThan(0);
      expect(clock.onExpiry.text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the lengths and bases of the law', () => {
    const { clocks } = catalogue;
    expect(clocks.reply.defaultLength).toEqual({ unit: 'months', count: 2 });
    expect(clocks.reply.urgentLength).toEqual({ unit: 'days', count: 15 });
    expect(clocks.rectification.defaultLength).toBeNull();
    for (const id of ['claim_change_filing', 'support_withdrawal_notice', 'appeal_report_above'] as const)
      expect(clocks[id]).toMatchObject({ defaultLength: { unit: 'days', count: 3 }, target: 'statutory' });
    expect(clocks.appeal_report_above.basis).toEqual([
      { instrument: '《人民检察院公益诉讼办案规则》', article: '第六十二条' },
    ]);
    expect(clocks.appeal_judgment.defaultLength).toEqual({ unit: 'days', count: 15 });
    expect(clocks.appeal_ruling.defaultLength).toEqual({ unit: 'days', count: 10 });
    expect(basisText(clocks.recommendation_service.basis)).toBe('《人民检察院公益诉讼办案规则》第七十六条');
    expect(clocks.investigation.target).toBe('internal');
    expect(clocks.litigation_review_admin.extension).toEqual({
      grantedBy: 'chief',
      by: { unit: 'months', count: 1 },
      beyond: '上级检察院',
    });
    expect(clocks.litigation_review_civil.defaultLength).toEqual({ unit: 'months', count: 3 });
  });

  it('a civil appeal cites 民事诉讼法第一百七十一条, an administrative one 行政诉讼法第八十五条', () => {
    for (const id of ['appeal_judgment', 'appeal_ruling'] as const) {
      const basis = catalogue.clocks[id].basis;
      expect(basisText(basis, 'civil')).toBe(
        '《人民检察院公益诉讼办案规则》第六十二条；《中华人民共和国民事诉讼法》第一百七十一条',
      );
      expect(basisText(basis, 'administrative')).toBe(
        '《人民检察院公益诉讼办案规则》第六十二条；《中华人民共和国行政诉讼法》第八十五条',
      );
      expect(basisText(basis)).toContain('第一百七十一条（民事公益诉讼）');
    }
  });

  it('builds requests for a clock, urgent or not', () => {
    const urgent = clockRequest(catalogue, 'reply', '2025-01-13', { urgent: true });
    expect(computeDeadline(urgent, CHINESE_DAYS).due).toBe('2025-02-05');
    expect(clockRequest(catalogue, 'reply', '2025-03-31').period).toEqual({ unit: 'months', count: 2 });
    expect(() => clockRequest(catalogue, 'rectification', '2025-03-31')).toThrow('须指定期限长度');
    const stated = clockRequest(catalogue, 'rectification', '2025-03-31', {
      length: { unit: 'months', count: 6 },
    });
    expect(stated.period).toEqual({ unit: 'months', count: 6 });
    expect(() => clockRequest(catalogue, 'announcement', '2025-03-31', { urgent: true })).toThrow('紧急');
  });

  it('overrides lengths under a new version without touching the original', () => {
    const changed = withOverriddenLengths(catalogue, {
      lead_evaluation: { defaultLength: { unit: 'days', count: 20 } },
    });
    expect(changed.version).toBe('clocks-2');
    expect(changed.clocks.lead_evaluation.defaultLength).toEqual({ unit: 'days', count: 20 });
    expect(catalogue.clocks.lead_evaluation.defaultLength).toEqual({ unit: 'days', count: 30 });
    expect(withOverriddenLengths(changed, {}).version).toBe('clocks-3');
    expect(nextCatalogueVersion('custom')).toBe('custom-2');
  });

  it('refuses overrides that make no sense', () => {
    expect(() =>
      withOverriddenLengths(catalogue, { rectification: { defaultLength: { unit: 'months', count: 2 } } }),
    ).toThrow('不能设置默认期限');
    expect(() =>
      withOverriddenLengths(catalogue, { reply: { defaultLength: { unit: 'days', count: 0 } } }),
    ).toThrow('期间长度无效');
    expect(() =>
      withOverriddenLengths(catalogue, { announcement: { urgentLength: { unit: 'days', count: 5 } } }),
    ).toThrow('没有紧急情形期限');
  });
});
