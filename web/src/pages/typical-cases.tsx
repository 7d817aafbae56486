/**
 * 典型案例: the procuratorate's typical cases by domain and year of filing, each exported as a
 * Word document for publication; an export that still names a party is refused, saying which.
 */
import { useState } from 'react';
import { ApiError, api, download } from '../api/client';
import { reference } from '../api/reference';
import { Loading, Problem } from '../components/problem';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { chineseDate, today } from '../lib/format';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';

interface TypicalCase {
  id: string;
  title: string;
  domainCode: string;
  domain: string;
  filedOn: string | null;
  narrativeWritten: boolean;
}

export function TypicalCasesPage() {
  const [domain, setDomain] = useState('');
  const [year, setYear] = useState(today().slice(0, 4));
  const domains = useApi(() => reference.domains(), []);
  const list = useApi(
    () =>
      api.get<TypicalCase[]>('/api/typical-cases', { domain: domain || undefined, year: year || undefined }),
    [domain, year],
  );
  const paged = usePagedSearch(list.data ?? undefined, (c) => `${c.title} ${c.id} ${c.domain}`);
  const [failed, setFailed] = useState<{ id: string; error: ApiError } | null>(null);
  const exportCase = async (c: TypicalCase) => {
    setFailed(null);
    try {
      await download(`/api/cases/${encodeURIComponent(c.id)}/typical-case.docx`, `典型案例-${c.title}.docx`);
    } catch (err) {
      setFailed({ id: c.id, error: err instanceof ApiError ? err : new ApiError(0, String(err)) });
    }
  };
  const years = Array.from({ length: 6 }, (_, i) => String(Number(today().slice(0, 4)) - i));
  return (
    <section aria-labelledby="typical-title">
      <h1 id="typical-title">典型案例</h1>
      <form className="filters" aria-label="筛选典型案例" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="t-domain">领域</label>
          <select id="t-domain" value={domain} onChange={(e) => setDomain(e.target.value)}>
            <option value="">全部领域</option>
            {domains.data?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="t-year">立案年份</label>
          <select id="t-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">全部年份</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </select>
        </div>
        <ListSearch id="t-q" label="搜索" placeholder="案件名称或编号" list={paged} />
      </form>
      {list.error && <Problem error={list.error} title="无法读取典型案例" />}
      {list.loading && !list.data && <Loading what="典型案例" />}
      {list.data && list.data.length === 0 && <p className="empty">没有符合条件的典型案例。</p>}
      {list.data && list.data.length > 0 && <Pager list={paged} what="典型案例" />}
      {paged.rows.length > 0 && (
        <div className="table-wrap">
          <table className="cases" aria-label="典型案例">
            <thead>
              <tr>
                <th scope="col">案件</th>
                <th scope="col">领域</th>
                <th scope="col">立案日期</th>
                <th scope="col">导出</th>
              </tr>
            </thead>
            <tbody>
              {paged.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${encodeURIComponent(c.id)}`} className="case-title">
                      {c.title}
                    </Link>
                    <div className="muted small">{c.id}</div>
                  </td>
                  <td>{c.domain}</td>
                  <td>{c.filedOn ? chineseDate(c.filedOn) : '—'}</td>
                  <td>
                    {c.narrativeWritten ? (
                      <button type="button" onClick={() => void exportCase(c)}>
                        导出 Word
                      </button>
                    ) : (
                      <span className="muted">尚未撰写文字</span>
                    )}
                    {failed?.id === c.id && <Problem error={failed.error} title="未能导出" />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
