// Withdrawing or changing the claim after suing (《人民检察院公益诉讼办案规则》第八十四条、第九十九条)
// and withdrawing support (第一百零二条): the grounds offered are the articles' words, in their order.
import { ACTION_SCHEMAS, RECORDED_SCHEMAS } from '../../../domain/case/payloads';
import {
  CLAIM_CHANGE_GROUNDS,
  LEGACY_CLAIM_CHANGE_GROUNDS,
  SUPPORT_WITHDRAWAL_SITUATIONS,
} from '../../../domain/case/vocabulary';
import { appliedPayload } from '../../../workflows/case/payload';
import { at } from './points';

const proposal = (
  change: 'withdraw' | 'amend',
  ground: keyof typeof CLAIM_CHANGE_GROUNDS,
  claims?: string,
) => ({
  change,
  ground,
  reason: '诉讼中行政机关已依法履职',
  ...(claims ? { claims } : {}),
});

it('the grounds follow art. 84 (withdraw; or, where truly needed, ask for a confirmation of illegality), then art. 99, then the mediated settlement', () => {
  expect(Object.entries(CLAIM_CHANGE_GROUNDS)).toEqual([
    ['organ_performed', '行政机关已经依法履行职责而全部实现诉讼请求（第八十四条）'],
    [
      'confirm_illegal',
      '行政机关已经依法履行职责而全部实现诉讼请求，确有必要变更诉讼请求，请求判决确认行政行为违法（第八十四条）',
    ],
    ['defendant_complied', '被告纠正违法行为或者依法履行义务而使人民检察院的诉讼请求全部实现（第九十九条）'],
    ['mediation_settled', '经人民法院主持调解达成调解协议'],
    ['other', '其他需要撤回起诉或者变更诉讼请求的情形'],
  ]);
});

it('withdrawing support offers the four situations of art. 102, in its order', () => {
  expect(Object.values(SUPPORT_WITHDRAWAL_SITUATIONS)).toEqual([
    '原告无正当理由变更、撤回部分诉讼请求，致使社会公共利益不能得到有效保护',
    '原告撤回起诉或者与被告达成和解协议，致使社会公共利益不能得到有效保护',
    '原告请求被告承担的律师费以及为诉讼支出的其他费用过高，对社会公共利益保护产生明显不利影响',
    '其他不适合支持起诉的情形',
  ]);
});

it.each(Object.keys(LEGACY_CLAIM_CHANGE_GROUNDS))(
  'a new proposal naming %s of the earlier list is refused, and one recorded under it is still read as recorded',
  (ground) => {
    const payload = { change: 'withdraw', ground, reason: '诉讼请求全部实现' };
    expect(ACTION_SCHEMAS.proposeClaimChange.safeParse(payload).error?.issues[0]?.path).toEqual(['ground']);
    expect(RECORDED_SCHEMAS.proposeClaimChange.safeParse(payload).success).toBe(true);
    expect(appliedPayload('proposeClaimChange', payload)).toEqual(payload);
  },
);

describe('the article a ground belongs to fits the suit', () => {
  it('the organ performed in an administrative suit: the claim is withdrawn, and the ground is in the proposal', () => {
    const s = at('COURT_FILED');
    const fx = s.run('proposeClaimChange', 'prosecutor', proposal('withdraw', 'organ_performed'));
    expect(fx.data).toMatchObject({
      ground: 'organ_performed',
      basisLabel: CLAIM_CHANGE_GROUNDS.organ_performed,
    });
  });

  it('the organ performed but a judgment that its act was unlawful is needed: the claim is changed, not withdrawn', () => {
    expect(
      at('COURT_FILED').refusal('proposeClaimChange', 'prosecutor', proposal('withdraw', 'confirm_illegal'))
        .message,
    ).toMatch(/变更诉讼请求/);
    expect(
      at('COURT_FILED').refusal(
        'proposeClaimChange',
        'prosecutor',
        proposal('amend', 'organ_performed', '确认违法'),
      ).message,
    ).toMatch(/confirm_illegal/);
    const s = at('COURT_FILED');
    s.run('proposeClaimChange', 'prosecutor', proposal('amend', 'confirm_illegal', '确认被告未依法履职违法'));
    expect(s.state.proposal?.claimChange?.ground).toBe('confirm_illegal');
  });

  it('an administrative suit is not withdrawn under the civil article, nor a civil suit under the administrative one', () => {
    expect(
      at('COURT_FILED').refusal(
        'proposeClaimChange',
        'prosecutor',
        proposal('withdraw', 'defendant_complied'),
      ).message,
    ).toMatch(/第八十四条/);
    const civil = at('INCIDENTAL_LITIGATION').does('recordCourtFiling', 'prosecutor', {
      court: '上海市第三中级人民法院',
      filedOn: '2025-10-28',
      servedOn: '2025-10-28',
    });
    expect(
      civil.refusal('proposeClaimChange', 'prosecutor', proposal('withdraw', 'organ_performed')).message,
    ).toMatch(/第九十九条/);
    civil.run('proposeClaimChange', 'prosecutor', proposal('withdraw', 'defendant_complied'));
    expect(civil.state.proposal?.claimChange?.ground).toBe('defendant_complied');
  });
});
