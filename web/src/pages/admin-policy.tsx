/** The period policy (调休上班日, the day counting of stops), clock lengths and the reminder policy; changes previewed first. */
import { useState } from 'react';
import { api, type ApiError } from '../api/client';
import { Loading, Problem } from '../components/problem';
import { chineseDateTime } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { useApi } from '../lib/use-api';
import { PlatformOnlyNote, WhatIfOutcome, type MoveReport } from './deadline-moves';
import { STOP_DAY_COUNTING, type StopDayCounting } from '../../../domain/period/stop-counting';

interface Length {
  unit: 'days' | 'months';
  count: number;
}
interface Policy {
  period: {
    version: string;
    makeupWorkdayCounts: boolean;
    stopDayCounting: StopDayCounting;
    createdAt: string | null;
  };
  catalogue: {
    version: string;
    clocks: {
      id: string;
      name: string;
      target: string;
      startEvent: string;
      defaultLength: Length | null;
      urgentLength: Length | null;
      basis: string;
    }[];
  };
  reminders: {
    version: string;
    steps: { offsetDays: number; recipients: string[]; label?: string }[];
    workingHours: { start?: string; end?: string; workingDaysOnly?: boolean };
  };
}

const len = (l: Length | null) => (l ? `${l.count}${l.unit === 'days' ? '日' : '个月'}` : '—');

export function AdminPolicy({ canChange }: { canChange: boolean }) {
  const policy = useApi(() => api.get<Policy>('/api/admin/policy'), []);
  const [makeup, setMakeup] = useState<boolean | null>(null);
  const [counting, setCounting] = useState<StopDayCounting | null>(null);
  const [lengths, setLengths] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<MoveReport | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (policy.error) return <Problem error={policy.error} />;
  if (!policy.data) return <Loading what="策略" />;
  const p = policy.data;

  const body = () => {
    const clockLengths: Record<string, { defaultLength: Length }> = {};
    for (const [id, v] of Object.entries(lengths)) {
      const clock = p.catalogue.clocks.find((c) => c.id === id);
      if (v && clock?.defaultLength)
        clockLengths[id] = { defaultLength: { unit: clock.defaultLength.unit, count: Number(v) } };
    }
    return {
      ...(makeup !== null && makeup !== p.period.makeupWorkdayCounts ? { makeupWorkdayCounts: makeup } : {}),
      ...(counting !== null && counting !== p.period.stopDayCounting ? { stopDayCounting: counting } : {}),
      ...(Object.keys(clockLengths).length ? { clockLengths } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
  };
  const run = async (what: 'preview' | 'apply') => {
    setProblem(null);
    setDone(null);
    try {
      if (what === 'preview') setPreview(await api.post<MoveReport>('/api/admin/policy/what-if', body()));
      else {
        const r = await api.put<MoveReport>('/api/admin/policy', body());
        setDone(`已变更，${r.moves.length} 个期限已通知重新计算。`);
        setPreview(null);
        setLengths({});
        setMakeup(null);
        setCounting(null);
        policy.reload();
      }
    } catch (err) {
      setProblem(err as ApiError);
    }
  };

  return (
    <div>
      {!canChange && <PlatformOnlyNote />}
      <form className="card" onSubmit={(e) => (e.preventDefault(), void run('preview'))}>
        <h2>期间计算政策</h2>
        <p className="muted small">
          现行版本 {p.period.version}
          {p.period.createdAt && `，${chineseDateTime(p.period.createdAt)}起施行`}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={makeup ?? p.period.makeupWorkdayCounts}
            onChange={(e) => (setMakeup(e.target.checked), setPreview(null))}
          />
          调休上班日（周末上班）按工作日计算：届满日为调休上班日时不顺延
        </label>
        <fieldset>
          <legend>
            中止审查、扣除鉴定等期间的计日方法（《办案规则》第四十八条、第七十八条未作规定，由本院确定）
          </legend>
          {(Object.keys(STOP_DAY_COUNTING) as StopDayCounting[]).map((key) => (
            <label className="check" key={key}>
              <input
                type="radio"
                name="stopDayCounting"
                value={key}
                checked={(counting ?? p.period.stopDayCounting) === key}
                onChange={() => (setCounting(key), setPreview(null))}
              />
              {STOP_DAY_COUNTING[key]}
              {key === 'resume_on_end_day' && '（默认）'}
            </label>
          ))}
        </fieldset>
        <h2>各期限的默认长度</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">期限</th>
                <th scope="col">起算</th>
                <th scope="col">现行长度</th>
                <th scope="col">紧急情形</th>
                <th scope="col">改为</th>
              </tr>
            </thead>
            <tbody>
              {p.catalogue.clocks.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    <div className="muted small">{c.basis}</div>
                  </th>
                  <td className="small">{c.startEvent}</td>
                  <td>{len(c.defaultLength)}</td>
                  <td>{len(c.urgentLength)}</td>
                  <td>
                    {c.defaultLength && (
                      <span className="inline">
                        <input
                          type="number"
                          min={1}
                          className="short"
                          aria-label={`${c.name}的新长度（${c.defaultLength.unit === 'days' ? '日' : '个月'}）`}
                          value={lengths[c.id] ?? ''}
                          onChange={(e) => (
                            setLengths({ ...lengths, [c.id]: e.target.value }),
                            setPreview(null)
                          )}
                        />
                        {c.defaultLength.unit === 'days' ? '日' : '个月'}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="field">
          <label htmlFor="pol-reason">变更理由</label>
          <input id="pol-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <WhatIfOutcome
          problem={problem}
          done={done}
          preview={preview}
          confirm="确认变更，并重新计算受影响的期限"
          onConfirm={() => void run('apply')}
          canApply={canChange}
        />
      </form>
      <section className="card">
        <h2>提醒策略</h2>
        <p className="muted small">
          现行版本 {p.reminders.version}。提醒在工作日 {p.reminders.workingHours.start ?? ''}–
          {p.reminders.workingHours.end ?? ''}（北京时间）发出，每人每次只收到一次。
        </p>
        <ol className="reminder-steps">
          {p.reminders.steps.map((s, i) => (
            <li key={i}>
              <strong>
                {s.label ??
                  (s.offsetDays < 0
                    ? `届满前${-s.offsetDays}日`
                    : s.offsetDays === 0
                      ? '届满当日'
                      : `逾期${s.offsetDays}日`)}
              </strong>
              ：提醒
              {s.recipients.map((r) => (r === 'handler' ? '承办检察官' : roleLabel(r))).join('、')}
            </li>
          ))}
        </ol>
        <p className="muted small">
          修改提醒步骤请使用接口 PUT /api/admin/policy 的 reminders 字段（界面暂只显示）。
        </p>
      </section>
    </div>
  );
}
