/**
 * The verification page a 检察建议书's QR code points to (/verify/<token>): public, no sign-in.
 * It shows what the document says of itself — number, kind, date, procuratorate and the SHA-256
 * of the issued file — and nothing else about the case.
 */
import { useEffect, useState } from 'react';
import { chineseDate } from '../lib/format';

interface Verified {
  number: string;
  kindTitle: string;
  status: 'issued' | 'superseded';
  issuedOn: string;
  procuratorate: string;
  sha256: string;
}

export function VerifyPage({ token }: { token: string }) {
  const [doc, setDoc] = useState<Verified | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch(`/api/public/documents/${encodeURIComponent(token)}`)
      .then(async (res) => (res.ok ? ((await res.json()) as Verified) : null))
      .catch(() => null)
      .then((d) => live && setDoc(d));
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <main className="login" id="main">
      <section aria-labelledby="verify-title">
        <h1 id="verify-title">法律文书核验</h1>
        {doc === undefined && <p className="muted">正在核验…</p>}
        {doc === null && (
          <p role="alert">未找到以此核验码签发的文书：请核对二维码，或向制发文书的检察院咨询。</p>
        )}
        {doc && (
          <>
            <p>{doc.status === 'issued' ? '该文书由以下检察院签发：' : '该文书已被新的版本替代：'}</p>
            <dl className="verify">
              <dt>文号</dt>
              <dd>{doc.number}</dd>
              <dt>文书种类</dt>
              <dd>{doc.kindTitle}</dd>
              <dt>签发日期</dt>
              <dd>{chineseDate(doc.issuedOn)}</dd>
              <dt>制发单位</dt>
              <dd>{doc.procuratorate}</dd>
              <dt>文件 SHA-256</dt>
              <dd>
                <code>{doc.sha256}</code>
              </dd>
            </dl>
            <p className="muted">电子文件的 SHA-256 与上列一致，即为本院签发的原件。</p>
          </>
        )}
      </section>
    </main>
  );
}
