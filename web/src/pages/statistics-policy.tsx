/** The admin's setting of the statistics: how many failures make a repeat offender. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { Problem } from '../components/problem';
import { useApi } from '../lib/use-api';

interface Policy {
  repeatOffenderThreshold: number;
}

export function RepeatOffenderThreshold() {
  const policy = useApi(() => api.get<Policy>('/api/statistics/policy'), []);
  const [value, setValue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (policy.data) setValue(String(policy.data.repeatOffenderThreshold));
  }, [policy.data]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.put<Policy>('/api/statistics/policy', { repeatOffenderThreshold: Number(value) });
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <form className="card filters" onSubmit={save} aria-label="统计口径">
      <div className="field">
        <label htmlFor="repeat-threshold">屡次不履职：期间内不履职与反弹合计达到（次）</label>
        <input
          id="repeat-threshold"
          type="number"
          min={1}
          max={100}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="field">
        <span className="label">&nbsp;</span>
        <button type="submit">保存</button>
      </div>
      {saved && <p className="muted">已保存，重新查询后生效。</p>}
      {error && <Problem error={error} title="无法保存统计口径" />}
      {policy.error && <Problem error={policy.error} title="无法读取统计口径" />}
    </form>
  );
}
