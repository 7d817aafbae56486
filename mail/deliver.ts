import { claimUnsent, countUnsent, markFailed, markSent } from '../store/outbox';
import type { Db } from '../store/pool';
import type { Mailer } from './mailer';

/**
 * Sends the queued messages among `dedupeKeys` that were not sent yet. Throws while any
 * remain, so Temporal retries until SMTP accepts them: an outage delays mail, never loses it.
 */
export async function deliverQueuedMail(
  db: Db,
  mailer: Mailer,
  dedupeKeys: string[],
): Promise<{ sent: number }> {
  const claimed = await claimUnsent(db, dedupeKeys);
  let sent = 0;
  const failures: string[] = [];
  for (const row of claimed) {
    try {
      await mailer.send({
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        messageId: messageIdOf(row.dedupe_key),
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await markFailed(db, row.id, message);
      failures.push(message);
      continue;
    }
    await markSent(db, row.id);
    sent += 1;
  }
  const remaining = await countUnsent(db, dedupeKeys);
  if (remaining > 0) {
    throw new Error(`${remaining} message(s) not sent yet${failures[0] ? `: ${failures[0]}` : ''}`);
  }
  return { sent };
}

function messageIdOf(dedupeKey: string): string {
  return `<${Buffer.from(dedupeKey).toString('base64url')}@duban>`;
}
