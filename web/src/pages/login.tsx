import { useState, type FormEvent } from 'react';
import { session } from '../api/session';
import { Link } from '../lib/router';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return setError('请输入用户名和密码');
    setBusy(true);
    setError(await session.login(username.trim(), password));
    setBusy(false);
  };

  return (
    <main className="login" id="main">
      <form onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div className="brand big">
          <span className="logo" aria-hidden="true">
            督
          </span>
          <h1 id="login-title">督办 · 公益诉讼案件跟踪</h1>
        </div>
        <p className="muted">人民检察院公益诉讼办案跟踪系统，请使用本院分配的账号登录。</p>
        <div className="field">
          <label htmlFor="username">用户名</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">密码</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <div className="problem" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
        <p className="public-links">
          群众：<Link to="/report">反映公益诉讼线索</Link>
          <Link to="/track">查询办理情况</Link>
        </p>
      </form>
    </main>
  );
}
