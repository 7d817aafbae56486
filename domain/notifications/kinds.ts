/**
 * What staff are notified of (under the bell, and by mail when they choose), and which of it they
 * may not switch off. Pure: the store reads who the people are, these rules say what each event is.
 */

export const NOTIFICATION_KINDS = [
  'proposal_awaiting',
  'proposal_decided',
  'case_reassigned',
  'organ_reply',
  'extension_requested',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds a person may choose mail for, and the reminders that are always mailed. */
export const MAIL_CHOICES = [...NOTIFICATION_KINDS, 'clock_reminder'] as const;
export type MailChoice = (typeof MAIL_CHOICES)[number];

export const MAIL_CHOICE_LABELS: Record<MailChoice, string> = {
  proposal_awaiting: '提请待我审核或决定',
  proposal_decided: '我的提请有了审核或决定结果',
  case_reassigned: '案件交由我承办',
  organ_reply: '行政机关就我承办的案件答复或报送整改进展',
  extension_requested: '行政机关申请延长整改期限（待我决定）',
  clock_reminder: '法定期限提醒（届满前及逾期）',
};

/**
 * Mail sent whatever the person chose: legal clocks, and an organ's request for more time,
 * which lapses with the rectification period if nobody decides it.
 */
export const ALWAYS_MAILED: readonly MailChoice[] = ['clock_reminder', 'extension_requested'];

/** Mail by default for everything that waits on the person; they may switch most of it off. */
export const MAIL_DEFAULTS: Record<MailChoice, boolean> = {
  proposal_awaiting: true,
  proposal_decided: true,
  case_reassigned: true,
  organ_reply: true,
  extension_requested: true,
  clock_reminder: true,
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Whether `kind` is mailed to a person whose stored choice is `chosen` (undefined: none stored). */
export function mailWanted(kind: MailChoice, chosen: boolean | undefined): boolean {
  if (ALWAYS_MAILED.includes(kind)) return true;
  return chosen ?? MAIL_DEFAULTS[kind];
}
