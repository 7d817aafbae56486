/** The frame of the public pages (intake, tracking): the brand, the page and links between them. */
import type { ReactNode } from 'react';
import { Link } from '../lib/router';

export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="public" id="main">
      <header className="brand big">
        <span className="logo" aria-hidden="true">
          督
        </span>
        <span>人民检察院 · 公益诉讼线索</span>
      </header>
      <h1>{title}</h1>
      {children}
      <nav className="public-links" aria-label="群众线索">
        <Link to="/report">反映线索</Link>
        <Link to="/track">查询办理情况</Link>
        <Link to="/">工作人员登录</Link>
      </nav>
    </main>
  );
}
