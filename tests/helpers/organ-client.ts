/** The administrative organ's side of the API as a test drives it: its link, code and session. */
import type { MailCatcher } from '../../dev/mail-catcher';
import type { ApiResponse } from './http';

/** A client of the organ's pages that keeps the organ's session cookie. */
export class OrganClient {
  cookie = '';
  constructor(
    readonly baseUrl: string,
    readonly mail: MailCatcher,
    readonly token: string,
  ) {}

  async send(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** Asks for a code, reads it from the mail the organ's address received, and opens a session. */
  async signIn(to: string): Promise<void> {
    const before = this.mail.messages.length;
    const asked = await this.send('POST', `/api/organ/links/${this.token}/code`);
    if (asked.status !== 202) throw new Error(`code not sent: ${asked.status}`);
    const isCode = (x: { to: string[]; subject: string }) =>
      x.to.includes(to) && x.subject.includes('验证码');
    const mails = await this.mail.waitFor((m) => m.slice(before).some(isCode));
    const code = /验证码是：(\d{6})/.exec(mails.slice(before).find(isCode)!.text)![1]!;
    const opened = await this.send('POST', `/api/organ/links/${this.token}/session`, { code });
    if (opened.status !== 204) throw new Error(`session not opened: ${opened.status}`);
  }
}

/** The organ's link token from the one mail its address received about the case. */
export async function organLinkMailed(mail: MailCatcher, caseId: string, address: string): Promise<string> {
  const about = (x: { to: string[]; text: string }) => x.to.includes(address) && x.text.includes(caseId);
  const mails = await mail.waitFor((m) => m.some(about));
  return /\/organ\/([A-Za-z0-9_-]+)/.exec(mails.find(about)!.text)![1]!;
}
