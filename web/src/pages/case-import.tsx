/**
 * 既往案件导入: download the template, check a filled workbook row by row (dry run), then import it
 * in the background with a progress bar. For the case office and the administrator.
 */
import { useEffect, useState } from 'react';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { ApiError } from '../api/client';
import { caseImports, type DryRunReport, type ImportJob, type RowReport } from '../api/case-imports';
import { Notice, Problem } from '../components/problem';

export function CaseImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };
  const check = () => attempt(async () => setReport(await caseImports.dryRun(file!)));
  const start = () =>
    attempt(async () => {
      const { id } = await caseImports.start(file!);
      setJob(await caseImports.job(id));
    });
  useJobProgress(job, setJob);

  return (
    <section aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">既往案件导入</h1>
        <button type="button" onClick={() => void attempt(caseImports.template)}>
          下载导入模板
        </button>
      </div>
      <div className="card narrow">
        <p className="muted">
          按模板每行填写一个行政公益诉讼案件，先“试导入”逐行检查，确认无误后再“正式导入”。以原案号识别，重复导入同一文件不会重复登记。
        </p>
        <label className="field">
          <span>工作簿（.xlsx）</span>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setJob(null);
            }}
          />
        </label>
        <div className="page-head">
          <button type="button" disabled={!file || busy} onClick={() => void check()}>
            试导入（只检查，不写入）
          </button>
          <button
            type="button"
            className="primary"
            disabled={!file || busy || !report || report.totals.ok === 0 || job?.status === 'running'}
            onClick={() => void start()}
          >
            正式导入
          </button>
        </div>
      </div>
      {error && <Problem error={error} title="操作未完成" />}
      {job && <JobProgress job={job} />}
      {report && <DryRunTable report={report} />}
    </section>
  );
}

/** Asks for the job's progress every second while it runs. */
function useJobProgress(job: ImportJob | null, setJob: (job: ImportJob) => void) {
  const running = job?.status === 'running' ? job.id : null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      caseImports.job(running).then(setJob, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [running, setJob]);
}

function JobProgress({ job }: { job: ImportJob }) {
  const done = job.status !== 'running';
  return (
    <div className="card" aria-live="polite">
      <h2>导入进度</h2>
      <label className="field">
        <span>
          已处理 {job.processed} / {job.total} 行
        </span>
        <progress className="import-progress" max={job.total} value={job.processed} aria-label="导入进度" />
      </label>
      <p>
        新登记 {job.created} 件，跳过 {job.skipped} 行（已导入），失败 {job.failed} 行。
      </p>
      {done && (
        <Notice tone={job.status === 'finished' && job.failed === 0 ? 'ok' : 'warn'}>
          {job.status === 'finished' ? '导入完成。' : '导入中断，请重新导入同一文件，将从中断处继续。'}
        </Notice>
      )}
      {job.problems.filter((p) => p.status !== 'skipped').length > 0 && (
        <ul>
          {job.problems
            .filter((p) => p.status !== 'skipped')
            .map((p) => (
              <li key={p.row}>
                第 {p.row} 行（{p.key || '无原案号'}）：{p.message}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

const STATUS: Record<RowReport['status'], string> = { ok: '将导入', error: '有误', imported: '已导入' };

function DryRunTable({ report }: { report: DryRunReport }) {
  const { totals } = report;
  // A workbook of hundreds of rows: found by its 原案号, its lead or its problem, twenty at a time.
  const list = usePagedSearch(report.rows, (r) => `第${r.row}行 ${JSON.stringify(r)}`);
  return (
    <>
      <h2>试导入报告</h2>
      <p role="status">
        共 {totals.rows} 行：将导入 {totals.ok} 行，有误 {totals.errors} 行，已导入（将跳过）{totals.imported}{' '}
        行。
      </p>
      <div className="filters" role="search" aria-label="查找行">
        <ListSearch id="import-q" label="搜索" placeholder="原案号、线索名称或问题" list={list} />
      </div>
      <Pager list={list} what="行" />
      <div className="table-wrap">
        <table aria-label="逐行检查结果">
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">原案号</th>
              <th scope="col">结果</th>
              <th scope="col">将登记的内容 / 问题</th>
              <th scope="col">期限</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.row} className={r.status === 'error' ? 'row-error' : undefined}>
                <td className="num">{r.row}</td>
                <td>{r.key ?? '—'}</td>
                <td>
                  <span className={`badge ${r.status === 'error' ? 'overdue' : 'later'}`}>
                    {STATUS[r.status]}
                  </span>
                </td>
                <td>
                  {r.summary}
                  {r.errors.length > 0 && (
                    <ul>
                      {r.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <ul className="small">
                    {r.clocks.map((c) => (
                      <li key={`${c.clockId}:${c.start}`}>
                        {c.name}：{c.due ?? '—'}{' '}
                        <span className={c.overdue ? 'badge overdue' : 'muted'}>{c.state}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
