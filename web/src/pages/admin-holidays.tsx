/** The holiday schedule: the years loaded, and a new year imported only after its what-if preview. */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import { Loading, Notice, Problem } from '../components/problem';
import { chineseDate, chineseDateTime } from '../lib/format';
import { namesFrom } from '../lib/people';
import { useApi } from '../lib/use-api';
import { PlatformOnlyNote, WhatIfOutcome, type MoveReport } from './deadline-moves';

interface Years {
  years: {
    year: number;
    version: string;
    source: string;
    holidays: number;
    makeupWorkdays: number;
    importedBy: string | null;
    importedAt: string;
    versions: number;
  }[];
  missingYears: { year: number; provisionalOpenDeadlines: number }[];
  provisionalFrom: string | null;
  notice: string;
}

interface Preview extends MoveReport {
  year: number;
  version: string;
  currentVersion: string | null;
  holidays: number;
  makeupWorkdays: number;
}

type Body = { year: number; ics: string } | { year: number; holidays: unknown; makeupWorkdays: unknown };

function bodyOf(year: string, text: string): Body {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 1900 || y > 9999) throw new ApiError(422, '请填写年份');
  if (!text.trim()) throw new ApiError(422, '请选择 .ics 文件，或粘贴 JSON 格式的安排');
  if (text.trimStart().startsWith('BEGIN:VCALENDAR')) return { year: y, ics: text };
  try {
    const parsed = JSON.parse(text) as { holidays?: unknown; makeupWorkdays?: unknown };
    return { year: y, holidays: parsed.holidays ?? [], makeupWorkdays: parsed.makeupWorkdays ?? [] };
  } catch {
    throw new ApiError(
      422,
      '内容既不是 .ics 日历，也不是 JSON：{"holidays":[{"date":"2027-01-01","name":"元旦"}],"makeupWorkdays":[…]}',
    );
  }
}

export function AdminHolidays({ self, canChange }: { self: User; canChange: boolean }) {
  const years = useApi(() => api.get<Years>('/api/admin/holidays'), []);
  const people = useApi(() => reference.users(), []);
  const nameOf = namesFrom(people.data ?? [], self);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
    setPreview(null);
  };
  const run = async (what: 'preview' | 'import') => {
    setProblem(null);
    setDone(null);
    try {
      const body = bodyOf(year, text);
      if (what === 'preview') setPreview(await api.post<Preview>('/api/admin/holidays/what-if', body));
      else {
        const r = await api.post<Preview & { applied: boolean }>('/api/admin/holidays', body);
        setDone(
          r.applied
            ? `已载入 ${r.year} 年安排（${r.version}），${r.moves.length} 个期限已通知重新计算。`
            : '与现行版本相同，未写入。',
        );
        setPreview(null);
        years.reload();
      }
    } catch (err) {
      setProblem(err as ApiError);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('preview');
  };

  return (
    <div>
      {!canChange && <PlatformOnlyNote />}
      {years.error && <Problem error={years.error} />}
      {!years.data && !years.error && <Loading what="节假日安排" />}
      {years.data && (
        <>
          {years.data.missingYears.length > 0 && (
            <Notice tone="warn">
              {years.data.missingYears
                .map((m) => `${m.year}年安排尚未载入（${m.provisionalOpenDeadlines} 个未届满期限为暂定）`)
                .join('；')}
              。
              {years.data.provisionalFrom &&
                ` 自${chineseDate(years.data.provisionalFrom)}起的期限仅按周末计算。`}
            </Notice>
          )}
          <div className="table-wrap">
            <table>
              <caption className="sr-only">已载入的节假日安排</caption>
              <thead>
                <tr>
                  <th scope="col">年份</th>
                  <th scope="col">版本</th>
                  <th scope="col">来源</th>
                  <th scope="col" className="num">
                    休息日
                  </th>
                  <th scope="col" className="num">
                    调休上班日
                  </th>
                  <th scope="col">载入</th>
                </tr>
              </thead>
              <tbody>
                {[...years.data.years]
                  .reverse()
                  .slice(0, 6)
                  .map((y) => (
                    <tr key={y.year}>
                      <th scope="row">{y.year}年</th>
                      <td>
                        {y.version}
                        {y.versions > 1 && <span className="muted small">（共 {y.versions} 个版本）</span>}
                      </td>
                      <td>{y.source === 'import' ? '管理员载入' : '内置（chinese-days）'}</td>
                      <td className="num">{y.holidays}</td>
                      <td className="num">{y.makeupWorkdays}</td>
                      <td className="small">
                        {chineseDateTime(y.importedAt)}
                        {y.importedBy && ` · ${nameOf(y.importedBy)}`}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <form className="card narrow" onSubmit={submit}>
        <h2>{canChange ? '载入某年安排' : '预览某年安排'}</h2>
        <p className="muted small">
          {canChange
            ? '先预览哪些未届满期限会变化，确认后才生效；旧版本保留。'
            : '预览本院哪些未届满期限会变化（不保存）。'}
        </p>
        <div className="field">
          <label htmlFor="h-year">年份</label>
          <input
            id="h-year"
            type="number"
            inputMode="numeric"
            value={year}
            onChange={(e) => (setYear(e.target.value), setPreview(null))}
          />
        </div>
        <div className="field">
          <label htmlFor="h-file">.ics 日历文件</label>
          <input
            id="h-file"
            type="file"
            accept=".ics,.json,text/calendar,application/json"
            onChange={(e) => void readFile(e)}
          />
        </div>
        <div className="field">
          <label htmlFor="h-text">或粘贴内容（.ics 文本或 JSON）</label>
          <textarea
            id="h-text"
            rows={5}
            value={text}
            onChange={(e) => (setText(e.target.value), setPreview(null))}
          />
        </div>
        <WhatIfOutcome
          problem={problem}
          done={done}
          preview={preview}
          heading={
            preview && (
              <h3>
                预览：{preview.year}年，{preview.holidays} 个休息日、{preview.makeupWorkdays} 个调休上班日
                {preview.currentVersion ? `（现行版本 ${preview.currentVersion}）` : '（该年尚未载入）'}
              </h3>
            )
          }
          confirm="确认载入，并重新计算受影响的期限"
          onConfirm={() => void run('import')}
          canApply={canChange}
        />
      </form>
    </div>
  );
}
