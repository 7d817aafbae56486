/** 提请审核与决定授权: whether heads review proposals first, and which decisions the chief delegates to which head. */
import { useEffect, useState } from 'react';
import { api, type ApiError } from '../api/client';
import { Loading, Notice, Problem } from '../components/problem';
import { useApi } from '../lib/use-api';

interface Delegation {
  kind: string;
  headId: string;
  delegatedBy: string | null;
}
interface Policy {
  headReviewRequired: boolean;
  delegations: Delegation[];
}
interface UserRow {
  id: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

/** Termination (终结审查) is not here: it is the chief's alone. */
const KINDS = [
  { kind: 'filing', label: '立案' },
  { kind: 'recommendation', label: '发出检察建议' },
  { kind: 'litigation', label: '提起诉讼（决定不起诉仍由检察长决定）' },
];

export function AdminDecisions() {
  const policy = useApi(() => api.get<Policy>('/api/admin/decision-policy'), []);
  const users = useApi(() => api.get<UserRow[]>('/api/users'), []);
  const [draft, setDraft] = useState<Policy | null>(null);
  const [chiefId, setChiefId] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(policy.data ?? null), [policy.data]);

  if (policy.error) return <Problem error={policy.error} />;
  if (!draft || !users.data) return <Loading what="决定权限设置" />;
  const heads = users.data.filter((u) => u.active && u.roles.includes('head'));
  const chiefs = users.data.filter((u) => u.active && u.roles.includes('chief'));
  const chief = chiefId || chiefs[0]?.id || '';
  const has = (kind: string, headId: string) =>
    draft.delegations.some((d) => d.kind === kind && d.headId === headId);
  const toggle = (kind: string, headId: string, on: boolean) =>
    setDraft({
      ...draft,
      delegations: on
        ? [...draft.delegations, { kind, headId, delegatedBy: chief }]
        : draft.delegations.filter((d) => !(d.kind === kind && d.headId === headId)),
    });
  const save = async () => {
    setProblem(null);
    setSaved(false);
    try {
      const delegations = draft.delegations.map((d) => ({ ...d, delegatedBy: d.delegatedBy ?? chief }));
      await api.put('/api/admin/decision-policy', { ...draft, delegations });
      setSaved(true);
      policy.reload();
    } catch (err) {
      setProblem(err as ApiError);
    }
  };

  return (
    <form
      aria-label="提请审核与决定授权"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {saved && <Notice tone="ok">已保存</Notice>}
      {problem && <Problem error={problem} title="未能保存" />}
      <label>
        <input
          type="checkbox"
          checked={draft.headReviewRequired}
          onChange={(e) => setDraft({ ...draft, headReviewRequired: e.target.checked })}
        />
        提请须经部门负责人审核后报检察长决定
      </label>
      <label>
        授权的检察长
        <select value={chief} onChange={(e) => setChiefId(e.target.value)}>
          {chiefs.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
      </label>
      <table>
        <thead>
          <tr>
            <th>部门负责人</th>
            {KINDS.map((k) => (
              <th key={k.kind}>{k.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heads.map((h) => (
            <tr key={h.id}>
              <td>{h.displayName}</td>
              {KINDS.map((k) => (
                <td key={k.kind}>
                  <input
                    type="checkbox"
                    aria-label={`${h.displayName}：${k.label}`}
                    checked={has(k.kind, h.id)}
                    onChange={(e) => toggle(k.kind, h.id, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">终结审查、中止和恢复审查始终由检察长决定，不能授权。</p>
      <button type="submit">保存</button>
    </form>
  );
}
