/** 情况汇报: the period's report as a Word document to finish by hand, or its figures as CSV. */
import { useState } from 'react';
import { ApiError, download } from '../api/client';
import { Problem } from '../components/problem';

export function SituationReportDownload({ period }: { period: { from: string; to: string } }) {
  const [recipient, setRecipient] = useState('区人大常委会');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const get = async (format: 'docx' | 'csv') => {
    setBusy(true);
    setError(null);
    const query = new URLSearchParams({ ...period, recipient, format });
    try {
      await download(
        `/api/statistics/situation-report?${query}`,
        `情况汇报-${period.from}-${period.to}.${format}`,
      );
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="situation-report">
      <h2 id="situation-report">情况汇报</h2>
      <p className="muted">
        按所选期间生成向人大、党委或上级院报送的情况汇报（Word），含本期数字、与上一同期（紧接其前、天数相同）的比较和典型案例，
        下载后补充“存在的问题和下一步工作”等内容；也可下载其中的数字（CSV）。
      </p>
      <div className="inline">
        <div className="field">
          <label htmlFor="report-recipient">报送对象</label>
          <input
            id="report-recipient"
            value={recipient}
            maxLength={60}
            onChange={(e) => setRecipient(e.target.value)}
          />
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void get('docx')}>
          下载情况汇报（Word）
        </button>
        <button type="button" disabled={busy} onClick={() => void get('csv')}>
          下载数字（CSV）
        </button>
      </div>
      {error && <Problem error={error} title="无法生成情况汇报" />}
    </section>
  );
}
