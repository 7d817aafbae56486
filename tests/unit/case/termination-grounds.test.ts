// Ending a case (终结): the situations of Rules art. 74 (administrative) and art. 90 (civil), and the
// review report's transfer to another procuratorate (arts. 79(三), 94(三)).
import { ADMIN_TERMINATION_GROUNDS, CIVIL_TERMINATION_GROUNDS } from '../../../domain/case/vocabulary';
import { at } from './points';

const ending = { decidedOn: '2025-11-01', reason: '经调查决定终结' };

describe('the grounds for ending a case', () => {
  it('an administrative case offers the four situations of art. 74, in order', () => {
    expect(Object.keys(ADMIN_TERMINATION_GROUNDS)).toEqual([
      'no_violation',
      'interest_protected',
      'fully_rectified',
      'other',
    ]);
  });

  it('a civil case offers the six situations of art. 90, in order', () => {
    expect(Object.keys(CIVIL_TERMINATION_GROUNDS)).toHaveLength(6);
    expect(CIVIL_TERMINATION_GROUNDS.relatives_object).toContain('英雄烈士');
  });

  it('an administrative case ended because the organ rectified records that situation in the article’s words', () => {
    const s = at('FOLLOW_UP');
    const fx = s.run('terminate', 'chief', { ...ending, ground: 'fully_rectified' });
    expect(s.state.stage).toBe('TERMINATED');
    expect(fx.data).toMatchObject({
      ground: 'fully_rectified',
      groundLabel: '行政机关已经全面采取整改措施依法履行职责',
    });
  });

  it('the chief must name the situation: free text alone is refused', () => {
    expect(at('INVESTIGATION').refusal('terminate', 'chief', ending).message).toMatch(
      /请选择终结的情形（《办案规则》第七十四条）/,
    );
    expect(at('ANNOUNCEMENT').refusal('terminate', 'chief', ending).message).toMatch(/第九十条/);
  });

  it('a civil ground is refused on an administrative case, and the other way round', () => {
    expect(
      at('INVESTIGATION').refusal('terminate', 'chief', { ...ending, ground: 'relatives_object' }).message,
    ).toMatch(/不是行政公益诉讼案件（第七十四条）终结的情形/);
    expect(
      at('ANNOUNCEMENT').refusal('terminate', 'chief', { ...ending, ground: 'fully_rectified' }).message,
    ).toMatch(/不是民事公益诉讼案件（第九十条）终结的情形/);
  });

  it('a civil case whose heroes’ relatives object to the suit ends on that ground, once their objection is recorded', () => {
    const s = at('RELATIVES_INQUIRED');
    const objection = { ...ending, decidedOn: '2025-03-26', ground: 'relatives_object' } as const;
    expect(s.refusal('terminate', 'chief', objection).kind).toBe('InvalidPayload');
    s.run('recordRelativesAnswer', 'prosecutor', {
      on: '2025-03-25',
      answer: 'relatives_object',
      summary: '烈士之子表示不同意提起公益诉讼',
    });
    s.run('terminate', 'chief', objection);
    expect(s.state.stage).toBe('TERMINATED');
  });

  it('an announced civil case where no relatives were asked cannot end on their objection', () => {
    expect(
      at('ANNOUNCEMENT').refusal('terminate', 'chief', { ...ending, ground: 'relatives_object' }).message,
    ).toMatch(/没有登记英雄烈士等的近亲属不同意/);
  });

  it('a termination recorded before the grounds existed still replays with its reason only', () => {
    const s = at('INVESTIGATION');
    s.inForce = (change) => change !== 'structuredTermination';
    const fx = s.run('terminate', 'chief', { ...ending, decidedOn: '2025-03-14' });
    expect(s.state.stage).toBe('TERMINATED');
    expect(fx.data.ground).toBeUndefined();
    expect(fx.reason).toBe('经调查决定终结');
  });
});

describe('the review report’s third outcome: transfer to another procuratorate', () => {
  const transfer = { ...ending, decidedOn: '2025-07-01', ground: 'transferred' as const };

  it('ends the litigation review and names the receiving procuratorate', () => {
    const s = at('LITIGATION_REVIEW');
    const fx = s.run('terminate', 'chief', { ...transfer, transferredTo: '某市人民检察院' });
    expect(fx.stageChanges).toEqual([{ from: 'LITIGATION_REVIEW', to: 'TERMINATED' }]);
    expect(fx.data).toMatchObject({ ground: 'transferred', transferredTo: '某市人民检察院' });
    expect(s.running()).toEqual([]);
  });

  it('needs the receiving procuratorate', () => {
    expect(at('LITIGATION_REVIEW').refusal('terminate', 'chief', transfer).message).toMatch(
      /请填写接收案件的人民检察院/,
    );
  });

  it('is not an outcome before the review', () => {
    expect(
      at('INVESTIGATION').refusal('terminate', 'chief', {
        ...transfer,
        decidedOn: '2025-03-14',
        transferredTo: '某市人民检察院',
      }).message,
    ).toMatch(/只有审查起诉阶段审查终结时可以移送/);
  });
});
