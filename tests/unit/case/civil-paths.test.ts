// 刑事附带民事公益诉讼 (两高解释 art. 20; 两高批复 法释〔2019〕18号), 英雄烈士保护 (Rules art. 92;
// 两高解释 art. 13 para. 2), and the checks at the end of a supported suit.
import type { RuleChange } from '../../../domain/case/rules/common';
import { at, CRIMINAL_CASE, D, LINKED_CRIMINAL_CASE } from './points';
import type { Story } from './story';
import type { RelativesAnswer } from '../../../domain/case/vocabulary';

const answer = (on: string, answer: RelativesAnswer, extra: Record<string, unknown> = {}) => ({
  on,
  answer,
  summary: '近亲属意见',
  ...extra,
});
const before = (s: Story, change: RuleChange): Story => {
  s.inForce = (c) => c !== change;
  return s;
};

describe('刑事附带民事公益诉讼: the civil suit joined to the prosecution', () => {
  it('the handler links the illegal-fishing case: its number, the court trying it and its defendants are on the case', () => {
    const s = at('CRIMINAL_LINKED');
    expect(s.state.criminalCase).toEqual(LINKED_CRIMINAL_CASE);
    expect(s.refusal('linkCriminalCase', 'prosecutor', CRIMINAL_CASE).message).toMatch(/已登记关联刑事案件/);
  });

  it('an administrative case has no criminal case to join', () => {
    expect(at('INVESTIGATION').refusal('linkCriminalCase', 'prosecutor', CRIMINAL_CASE).kind).toBe(
      'WrongStage',
    );
  });

  it('after the announcement and the decision to sue, the suit is filed with the prosecution before the court trying the crime', () => {
    const s = at('INCIDENTAL_LITIGATION');
    const fx = s.run('recordIncidentalSuitFiled', 'prosecutor', {
      filedOn: D.incidentalFiled,
      servedOn: D.incidentalFiled,
    });
    expect(s.state.litigation).toMatchObject({
      court: CRIMINAL_CASE.court,
      filedOn: D.incidentalFiled,
      withProsecution: true,
    });
    expect(s.state.criminalCase?.filedWithProsecutionOn).toBe(D.incidentalFiled);
    expect(fx.data).toMatchObject({ defendants: LINKED_CRIMINAL_CASE.defendants });
    expect(s.clock('complaint_report_above').status).toBe('running');
    expect(
      s.refusal('recordCourtFiling', 'prosecutor', {
        court: '某区人民法院',
        filedOn: D.incidentalFiled,
        servedOn: D.incidentalFiled,
      }).message,
    ).toMatch(/已登记起诉/);
  });

  it('where announcing would hold up the criminal trial, the civil suit is brought on its own and says so', () => {
    const s = at('INCIDENTAL_LITIGATION');
    const fx = s.run('recordCourtFiling', 'prosecutor', {
      court: '上海市第三中级人民法院',
      filedOn: D.incidentalFiled,
      servedOn: D.incidentalFiled,
    });
    expect(fx.data).toMatchObject({ withProsecution: false, caseNumber: CRIMINAL_CASE.caseNumber });
    expect(s.state.litigation?.withProsecution).toBeUndefined();
  });

  it('a suit not linked to a criminal case cannot be recorded as joined to a prosecution', () => {
    const s = at('CIVIL_REVIEW');
    expect(
      s.refusal('recordIncidentalSuitFiled', 'prosecutor', { filedOn: '2025-10-28', servedOn: '2025-10-28' })
        .kind,
    ).toBe('WrongStage');
  });

  it('a case replaying from before the rule has no link to record', () => {
    expect(
      before(at('CIVIL_INVESTIGATION'), 'criminalIncidental').refusal(
        'linkCriminalCase',
        'prosecutor',
        CRIMINAL_CASE,
      ).message,
    ).toMatch(/本案办理时尚无/);
  });
});

describe('英雄烈士保护: asking the close relatives before suing', () => {
  it('asking the martyr’s children ends the investigation and starts a 30-day wait for their answer', () => {
    const s = at('RELATIVES_INQUIRED');
    expect(s.state.relativesInquiry).toMatchObject({ inquiredOn: D.relativesInquired });
    // Fri 2025-03-14 + 30 days = Sun 2025-04-13: the period ends on Monday.
    expect(s.clock('relatives_inquiry')).toMatchObject({ status: 'running', due: '2025-04-14' });
    expect(s.clock('investigation').status).toBe('met');
  });

  it('with the relatives asked, no announcement is published as well', () => {
    expect(
      at('RELATIVES_INQUIRED').refusal('publishAnnouncement', 'prosecutor', {
        publishedOn: '2025-03-20',
        medium: '正义网',
      }).message,
    ).toMatch(/不再发布诉前公告/);
  });

  it('only a 英雄烈士保护 case asks relatives', () => {
    expect(
      at('CIVIL_INVESTIGATION').refusal('inquireRelatives', 'prosecutor', {
        inquiredOn: '2025-03-14',
        relatives: '某某',
      }).message,
    ).toMatch(/仅适用于英雄烈士保护/);
  });

  it('the relatives sued themselves: the procuratorate supports their suit', () => {
    const s = at('RELATIVES_INQUIRED');
    expect(
      s.refusal('recordRelativesAnswer', 'prosecutor', answer('2025-03-25', 'relatives_sued')).message,
    ).toMatch(/请填写起诉的近亲属/);
    s.run(
      'recordRelativesAnswer',
      'prosecutor',
      answer('2025-03-25', 'relatives_sued', { plaintiff: '烈士之子张某' }),
    );
    expect(s.state.stage).toBe('SUPPORT');
    expect(s.state.plaintiffSuits).toEqual([
      { plaintiff: '烈士之子张某', suedOn: '2025-03-25', supports: [] },
    ]);
    expect(s.clock('relatives_inquiry')).toMatchObject({ status: 'met', metOn: '2025-03-25' });
  });

  it('the relatives object to a suit: the chief ends the case on that ground (art. 90(三))', () => {
    const s = at('RELATIVES_INQUIRED');
    const fx = s.run('recordRelativesAnswer', 'prosecutor', answer('2025-03-25', 'relatives_object'));
    expect(fx.data.next).toMatch(/第九十条第三项/);
    expect(s.state.stage).toBe('INVESTIGATION');
    s.run('terminate', 'chief', {
      decidedOn: '2025-03-26',
      reason: '近亲属不同意',
      ground: 'relatives_object',
    });
    expect(s.state.stage).toBe('TERMINATED');
  });

  it('the relatives were asked and did not object: the chief cannot end the case on an objection nobody made', () => {
    const s = at('RELATIVES_INQUIRED');
    const terminate = {
      decidedOn: '2025-03-26',
      reason: '近亲属不同意',
      ground: 'relatives_object',
    } as const;
    const refused = s.refusal('terminate', 'chief', terminate);
    expect(refused.kind).toBe('InvalidPayload');
    expect(refused.message).toMatch(/没有登记英雄烈士等的近亲属不同意/);
    s.run('recordRelativesAnswer', 'prosecutor', answer('2025-03-25', 'relatives_not_suing'));
    expect(s.refusal('terminate', 'chief', terminate).message).toMatch(/请先征询近亲属并登记其意见/);
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
  });

  it('a case that terminated on an objection before the rule replays as it was', () => {
    const s = before(at('HEROES_INVESTIGATION'), 'relativesObjectionRecorded');
    s.run('terminate', 'chief', {
      decidedOn: '2025-03-26',
      reason: '近亲属不同意',
      ground: 'relatives_object',
    });
    expect(s.state.stage).toBe('TERMINATED');
  });

  it('the martyr has no close relatives: recorded as such, nobody is asked, and the civil review starts that day', () => {
    const s = at('HEROES_INVESTIGATION');
    const fx = s.run('recordNoCloseRelatives', 'prosecutor', {
      recordedOn: '2025-03-14',
      summary: '经民政部门核实，烈士没有近亲属',
    });
    expect(fx.data.next).toMatch(/第九十二条/);
    expect(s.state.noCloseRelatives).toEqual({
      recordedOn: '2025-03-14',
      summary: '经民政部门核实，烈士没有近亲属',
    });
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.clock('investigation')).toMatchObject({ status: 'met', metOn: '2025-03-14' });
    expect(s.clock('litigation_review_civil').request.start).toBe('2025-03-14');
    expect(s.state.clocks.relatives_inquiry).toBeUndefined();
  });

  it('relatives already asked cannot be recorded as none, nor relatives asked once none were recorded', () => {
    expect(
      at('RELATIVES_INQUIRED').refusal('recordNoCloseRelatives', 'prosecutor', {
        recordedOn: '2025-03-20',
        summary: '没有近亲属',
      }).message,
    ).toMatch(/已征询/);
    const s = before(at('HEROES_INVESTIGATION'), 'heroesNoRelatives');
    expect(
      s.refusal('recordNoCloseRelatives', 'prosecutor', { recordedOn: '2025-03-14', summary: '没有近亲属' })
        .message,
    ).toMatch(/本案办理时尚无/);
  });

  it('only a 英雄烈士保护 case records that there are no relatives', () => {
    expect(
      at('CIVIL_INVESTIGATION').refusal('recordNoCloseRelatives', 'prosecutor', {
        recordedOn: '2025-03-14',
        summary: '没有近亲属',
      }).message,
    ).toMatch(/仅适用于英雄烈士保护/);
  });

  it('no answer is recorded before the wait ends; after it the civil review runs from its end (art. 96(三))', () => {
    const s = at('RELATIVES_INQUIRED');
    expect(
      s.refusal('recordRelativesAnswer', 'prosecutor', answer('2025-04-14', 'no_answer')).message,
    ).toMatch(/届满后才能登记/);
    s.run('recordRelativesAnswer', 'prosecutor', answer('2025-04-20', 'no_answer'));
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.clock('litigation_review_civil').request.start).toBe('2025-04-14');
  });
});

describe('ending a supported suit and terminating on another plaintiff’s suit', () => {
  it('while the support’s withdrawal awaits delivery, the supported suit cannot be recorded as concluded', () => {
    const s = at('SUPPORT_WITHDRAWN');
    const concluded = { on: '2025-10-21', summary: '判决', result: 'upheld' } as const;
    expect(s.refusal('recordSupportConcluded', 'prosecutor', concluded).message).toMatch(
      /已决定撤回支持起诉/,
    );
    expect(
      before(at('SUPPORT_WITHDRAWN'), 'civilEndingChecks').run(
        'recordSupportConcluded',
        'prosecutor',
        concluded,
      ),
    ).toBeDefined();
  });

  it('“another plaintiff has sued” needs that suit recorded first', () => {
    const s = at('CIVIL_REVIEW');
    const terminate = {
      decidedOn: '2025-10-20',
      reason: '已有组织起诉',
      ground: 'other_plaintiff_sued',
    } as const;
    expect(s.refusal('terminate', 'chief', terminate).message).toMatch(/请先登记适格主体起诉/);
    s.run('recordPlaintiffSuit', 'prosecutor', {
      suedOn: '2025-10-15',
      plaintiff: '某环保协会',
      court: '某市中级人民法院',
      support: false,
    });
    s.run('terminate', 'chief', terminate);
    expect(s.state.stage).toBe('TERMINATED');
  });
});
