/** A civil case's defendants and the suits qualified organs or organisations brought, with the support given. */
import type { CaseDetail } from '../api/types';
import { chineseDate } from '../lib/format';
import { enumLabel } from '../lib/labels';

export function CivilParties({ detail }: { detail: CaseDetail }) {
  const { parties, plaintiffSuits } = detail;
  if (parties.length === 0 && plaintiffSuits.length === 0) return null;
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
    </section>
  );
}
