// 《人民检察院公益诉讼办案规则》第八十二条: the seven situations a finding of non-performance names.
import { ACTION_SCHEMAS, RECORDED_SCHEMAS } from '../../../domain/case/payloads';
import { LEGACY_NON_PERFORMANCE_REASONS, NON_PERFORMANCE_REASONS } from '../../../domain/case/vocabulary';
import { appliedPayload } from '../../../workflows/case/payload';

/** Art. 82, items (一) to (七), as the article words them (without the closing 「的」). */
const ARTICLE_82 = [
  '逾期不回复检察建议，也没有采取有效整改措施',
  '已经制定整改措施，但没有实质性执行',
  '虽按期回复，但未采取整改措施或者仅采取部分整改措施',
  '违法行为人已经被追究刑事责任或者案件已经移送刑事司法机关处理，但行政机关仍应当继续依法履行职责',
  '因客观障碍导致整改方案难以按期执行，但客观障碍消除后未及时恢复整改',
  '整改措施违反法律法规规定',
  '其他不依法履行职责的情形',
];

const finding = (reasons: string[]) => ({
  recommendationId: 'rec-1',
  checkedOn: '2025-06-03',
  result: 'not_rectified',
  reasons,
  summary: '仍在堆放',
});

it('a finding offers the seven situations of art. 82, in its order and words', () => {
  expect(Object.values(NON_PERFORMANCE_REASONS)).toEqual(ARTICLE_82);
});

it.each(Object.keys(NON_PERFORMANCE_REASONS))('a new finding may name situation %s', (reason) => {
  expect(ACTION_SCHEMAS.recordFinding.safeParse(finding([reason])).success).toBe(true);
});

it('a new finding may name all seven situations at once', () => {
  const all = Object.keys(NON_PERFORMANCE_REASONS);
  expect(ACTION_SCHEMAS.recordFinding.parse(finding(all)).reasons).toEqual(all);
});

it.each(Object.keys(LEGACY_NON_PERFORMANCE_REASONS))(
  'a new finding naming %s of the earlier list is refused: art. 82 does not contain it',
  (reason) => {
    const parsed = ACTION_SCHEMAS.recordFinding.safeParse(finding([reason]));
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['reasons.0']);
  },
);

it.each(Object.keys(LEGACY_NON_PERFORMANCE_REASONS))(
  'a finding recorded under %s of the earlier list is still read as recorded',
  (reason) => {
    expect(RECORDED_SCHEMAS.recordFinding.safeParse(finding([reason])).success).toBe(true);
    expect(appliedPayload('recordFinding', finding([reason, 'other']))).toEqual(finding([reason, 'other']));
  },
);

it('a reason recorded under the earlier list keeps its words, marked as from the earlier list', () => {
  expect(LEGACY_NON_PERFORMANCE_REASONS).toEqual({
    violator_gone_harm_continues: '（旧版列表）违法主体消失，但违法状态或者损害后果仍在持续',
    harm_persists: '（旧版列表）违法状态消除，但国家利益或者社会公共利益受侵害的后果仍然存在',
  });
});

it('a reason in neither list is refused by the recorded schema too', () => {
  expect(RECORDED_SCHEMAS.recordFinding.safeParse(finding(['made_up'])).success).toBe(false);
});
