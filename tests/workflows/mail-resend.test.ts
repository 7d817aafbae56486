// Mail whose delivery gave up (the mail server refused it for two days) raises an alert; the case
// office acknowledges it with 重新发送 once the server takes mail again, and the message goes out.
import { openAlerts } from '../../domain/case/model';
import { caseMail, newCaseInput, CaseDriver } from '../helpers/case-driver';
import { waitUntil } from '../helpers/processes';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

async function unsentMail(c: CaseDriver): Promise<{ kind: string; sent: boolean }[]> {
  return t.db.query(
    'SELECT kind, sent_at IS NOT NULL AS sent FROM mail_outbox WHERE case_id = $1 ORDER BY id',
    [c.input.caseId],
  );
}

it('a lead acknowledgement the mail server refused for two days is sent again when the case office acknowledges the alert with 重新发送', async () => {
  await t.withWorker(async (taskQueue) => {
    t.mail.refuse(true);
    let c: CaseDriver;
    try {
      c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
      await waitUntil('a refused delivery', async () => (await unsentMail(c)).length === 1, {
        timeoutMs: 20_000,
      });
      // Past the mail retry bound (two days): delivery gives up and the case raises an alert.
      await t.env.sleep('50 hours');
      await waitUntil('the mail alert', async () => (await c.state()).alerts?.length === 1, {
        timeoutMs: 60_000,
      });
    } finally {
      t.mail.refuse(false);
    }
    const [alert] = (await c.state()).alerts!;
    expect(alert).toEqual({
      at: expect.any(String),
      kind: 'mail_not_sent',
      subject: 'mail',
      errorType: 'MailUndelivered',
    });
    expect(await unsentMail(c)).toEqual([{ kind: 'lead_ack', sent: false }]);
    expect(caseMail(c)).toEqual([]);

    const { at, kind, subject } = alert!;
    await c.act('acknowledgeAlert', t.org.caseOffice, {
      at,
      kind,
      subject,
      note: '邮件服务器已恢复',
      resend: true,
    });

    await t.mail.waitFor(() => caseMail(c).length === 1, 30_000);
    await waitUntil('the outbox row marked sent', async () => (await unsentMail(c))[0]!.sent, {
      timeoutMs: 20_000,
    });
    const state = await c.state();
    expect(openAlerts(state)).toEqual([]);
    expect((await c.timeline()).at(-1)).toMatchObject({
      kind: 'acknowledgeAlert',
      data: { alert: { at, kind, subject }, note: '邮件服务器已恢复', resend: true },
    });
  });
}, 360_000);
