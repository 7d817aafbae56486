/**
 * A civil case's civil track: its defendants, the suits qualified organs or organisations (or a
 * hero's relatives) brought with the support given and its withdrawal, the linked criminal case
 * (刑事附带民事公益诉讼), the relatives asked (英雄烈士保护) and the 生态环境损害赔偿 right-holder;
 * and the civil actions the user may take now, each opening its form in 可办理事项.
 */
import type { CaseDetail } from '../api/types';
import { chineseDate } from '../lib/format';
import { enumLabel } from '../lib/labels';

/** The actions of the civil track, offered here in this order where the user may take them. */
const CIVIL_ACTIONS = [
  'recordCivilParty',
  'linkCriminalCase',
  'inquireRelatives',
  'recordRelativesAnswer',
  'recordNoCloseRelatives',
  'recordRightHolderNotified',
  'recordCompensationOutcome',
  'recordPlaintiffSuit',
  'recordSupport',
  'recordSupportConcluded',
  'withdrawSupport',
  'recordSupportWithdrawalDelivered',
  'recordIncidentalSuitFiled',
];

export function CivilParties(props: {
  detail: CaseDetail;
  labels: Record<string, string>;
  onAct: (action: string) => void;
}) {
  const { detail, labels, onAct } = props;
  const {
    parties,
    plaintiffSuits,
    criminalCase,
    relativesInquiry,
    noCloseRelatives,
    supportWithdrawal,
    compensation,
  } = detail;
  const offered = CIVIL_ACTIONS.filter((name) => detail.availableActions.includes(name));
  const shown =
    parties.length > 0 ||
    plaintiffSuits.length > 0 ||
    criminalCase ||
    relativesInquiry ||
    noCloseRelatives ||
    compensation;
  if (!shown && offered.length === 0) return null;
  return (
    <section className="card civil-parties" aria-label="民事公益诉讼当事人">
      {parties.length > 0 && (
        <>
          <h2>被告</h2>
          <ul>
            {parties.map((p) => (
              <li key={p.id}>
                {p.name}（{enumLabel(p.kind)}，{p.identifier}）
              </li>
            ))}
          </ul>
        </>
      )}
      {criminalCase && (
        <div className="criminal-case">
          <h2>刑事附带民事公益诉讼：{criminalCase.caseNumber}</h2>
          <p className="small">
            审理法院：{criminalCase.court}；被告人：{criminalCase.defendants.join('、')}
          </p>
          <p className="small">
            {criminalCase.filedWithProsecutionOn
              ? `${chineseDate(criminalCase.filedWithProsecutionOn)} 随公诉一并提起附带民事公益诉讼`
              : '尚未随公诉一并提起（诉前公告期满后提起）'}
          </p>
        </div>
      )}
      {relativesInquiry && (
        <div className="relatives-inquiry">
          <h2>征询英雄烈士等近亲属意见</h2>
          <p className="small">
            {chineseDate(relativesInquiry.inquiredOn)} 征询：{relativesInquiry.relatives}
          </p>
          <p className="small">
            近亲属意见：
            {relativesInquiry.answer
              ? `${enumLabel(relativesInquiry.answer)}（${chineseDate(relativesInquiry.answeredOn)}）`
              : '尚未答复'}
          </p>
        </div>
      )}
      {noCloseRelatives && (
        <div className="relatives-inquiry">
          <h2>英雄烈士等没有近亲属</h2>
          <p className="small">
            {chineseDate(noCloseRelatives.recordedOn)} 登记：{noCloseRelatives.summary}
            （无从征询，直接转入审查起诉）
          </p>
        </div>
      )}
      {compensation && (
        <div className="compensation">
          <h2>生态环境损害赔偿：{compensation.rightHolder}</h2>
          <p className="small">
            {chineseDate(compensation.notifiedOn)} 告知启动赔偿程序；结果：
            {compensation.outcome
              ? `${enumLabel(compensation.outcome)}（${chineseDate(compensation.on)}）`
              : '尚无结果'}
          </p>
        </div>
      )}
      {plaintiffSuits.map((s, i) => (
        <div key={i} className="plaintiff-suit">
          <h2>适格主体起诉：{s.plaintiff}</h2>
          <p className="small">
            {chineseDate(s.suedOn)} 起诉{s.court && `，受理法院：${s.court}`}
          </p>
          {s.supports.map((x, j) => (
            <p key={j} className="small">
              {chineseDate(x.supportedOn)} 支持起诉：{x.forms.map(enumLabel).join('、')}
            </p>
          ))}
          <p className="small">
            诉讼结果：{s.result ? `${enumLabel(s.result)}（${chineseDate(s.endedOn)}）` : '尚未结束'}
          </p>
        </div>
      ))}
      {supportWithdrawal && (
        <p className="small support-withdrawal">
          {chineseDate(supportWithdrawal.decidedOn)} 决定撤回支持起诉：
          {enumLabel(supportWithdrawal.situation)}；
          {supportWithdrawal.deliveredOn
            ? `${chineseDate(supportWithdrawal.deliveredOn)} 已提交人民法院并发送原告`
            : '决定书待提交人民法院并发送原告（3 日内）'}
        </p>
      )}
      {offered.length > 0 && (
        <div className="action-buttons" role="group" aria-label="民事公益诉讼可办理事项">
          {offered.map((name) => (
            <button key={name} type="button" onClick={() => onAct(name)}>
              办理：{labels[name] ?? name}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
