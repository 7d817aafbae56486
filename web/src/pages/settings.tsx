/** 个人设置: the signed-in person's own settings — which notifications also come by mail. */
import { useState } from 'react';
import { ApiError } from '../api/client';
import { fetchMailPreferences, saveMailPreferences, type MailPreference } from '../api/notifications';
import { Loading, Notice, Problem } from '../components/problem';
import { useApi } from '../lib/use-api';

export function SettingsPage() {
  const prefs = useApi(fetchMailPreferences, []);
  return (
    <section aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">个人设置</h1>
      </div>
      {prefs.loading && !prefs.data && <Loading what="通知设置" />}
      {prefs.error && <Problem error={prefs.error} title="无法加载通知设置" />}
      {prefs.data && <MailChoices key={JSON.stringify(prefs.data.items)} items={prefs.data.items} />}
    </section>
  );
}

function MailChoices({ items }: { items: MailPreference[] }) {
  const [chosen, setChosen] = useState(() => new Map(items.map((i) => [i.kind, i.byMail])));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    setSaved(false);
    setError(null);
    try {
      const choices = items
        .filter((i) => !i.locked)
        .map((i) => ({ kind: i.kind, byMail: chosen.get(i.kind)! }));
      const answer = await saveMailPreferences(choices);
      setChosen(new Map(answer.items.map((i) => [i.kind, i.byMail])));
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <form
      className="card"
      aria-labelledby="mail-choices-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="mail-choices-title">通知邮件</h2>
      <p>以下事项都会在页面右上方的“通知”中列出；勾选的同时发送邮件到您的登记邮箱。</p>
      <fieldset>
        <legend>发送邮件的通知</legend>
        {items.map((i) => (
          <div key={i.kind} className="check-row">
            <label>
              <input
                type="checkbox"
                name={i.kind}
                checked={chosen.get(i.kind) ?? false}
                disabled={i.locked}
                onChange={(e) => setChosen(new Map(chosen).set(i.kind, e.target.checked))}
              />
              {i.label}
              {i.locked && <span className="hint">（总是发送，不能关闭）</span>}
            </label>
          </div>
        ))}
      </fieldset>
      {error && <Problem error={error} title="未能保存" />}
      {saved && <Notice tone="ok">已保存</Notice>}
      <button type="submit">保存</button>
    </form>
  );
}
