// An acknowledged alert leaves the open alerts (case page, case list) and stays on the case.
import { openAlerts } from '../../../domain/case/model';
import { ACCEPTED } from './accepted-table';
import { at } from './points';
import { ACTORS, TODAY } from './story';

const mailAlert = {
  at: '2025-03-05T02:00:00.000Z',
  kind: 'mail_not_sent',
  subject: 'mail',
  errorType: 'JournalUnavailable',
} as const;

it('the case office acknowledges one of two alerts: the other stays open, the acknowledged one stays on the case', () => {
  const s = at('ALERTED');
  s.state.alerts!.push({ ...mailAlert });
  s.does('acknowledgeAlert', 'caseOffice', ACCEPTED.acknowledgeAlert.payload);

  expect(openAlerts(s.state)).toEqual([mailAlert]);
  expect(s.state.alerts![0]).toMatchObject({
    subject: 'addNote',
    acknowledged: { by: ACTORS.caseOffice.userId, on: TODAY, note: '已重新添加备注' },
  });
});

it('an alert acknowledged without a note records that there was none', () => {
  const { note: _note, ...payload } = ACCEPTED.acknowledgeAlert.payload;
  const s = at('ALERTED').does('acknowledgeAlert', 'head', payload);
  expect(s.state.alerts![0]!.acknowledged).toEqual({ by: ACTORS.head.userId, on: TODAY, note: null });
  expect(openAlerts(s.state)).toEqual([]);
});

it('a mail failure acknowledged with 重新发送 asks the case to send its unsent mail again', () => {
  const s = at('ALERTED');
  s.state.alerts!.push({ ...mailAlert });
  const { at: when, kind, subject } = mailAlert;
  const fx = s.run('acknowledgeAlert', 'caseOffice', { at: when, kind, subject, resend: true });
  expect(fx.resendMail).toBe(true);
  expect(fx.data).toEqual({ alert: { at: when, kind, subject }, note: null, resend: true });
});

it('only a mail failure can be sent again', () => {
  const refusal = at('ALERTED').refusal('acknowledgeAlert', 'prosecutor', {
    ...ACCEPTED.acknowledgeAlert.payload,
    resend: true,
  });
  expect(refusal).toMatchObject({
    kind: 'InvalidPayload',
    message: expect.stringMatching(/只有“邮件未能发送”的告警/),
  });
});
