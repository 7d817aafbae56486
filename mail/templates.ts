/** Chinese e-mail texts. Each template gets plain values and the base URL for links. */
export interface TemplateContext {
  publicUrl: string;
  recipientName: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
}

export interface LeadAckVars {
  caseId: string;
  title: string;
  receivedOn: string;
  source: string;
}

export interface ReminderVars {
  caseId: string;
  title: string;
  clockName: string;
  due: string;
  basis: string;
  /** e.g. 届满前7日, 逾期1日 */
  stepLabel: string;
  overdue: boolean;
  provisional: boolean;
  explanation: string[];
  escalation: string[];
}

export interface ClockChangedVars {
  caseId: string;
  title: string;
  clockName: string;
  oldDue: string | null;
  newDue: string | null;
  provisional: boolean;
  reason: string;
}

export interface OrganRecommendationVars {
  caseId: string;
  title: string;
  decidedOn: string;
  token: string;
}

export interface OrganReminderVars {
  caseId: string;
  title: string;
  token: string;
  reminder: { clockKey: string; clock: 'reply' | 'rectification'; due: string };
}

export interface NotificationVars {
  caseId: string;
  headline: string;
  detail: string | null;
}

export interface OrganCodeVars {
  code: string;
  minutes: number;
}

/** The organ's page of one recommendation. */
export const organLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/organ/${token}`;

const caseLink = (ctx: TemplateContext, caseId: string) =>
  `${ctx.publicUrl.replace(/\/$/, '')}/cases/${caseId}`;

const provisionalNote = '（暂定：相关年度节假日安排尚未载入，仅按周末计算，载入后将重新计算）';

const templates = {
  lead_ack(ctx: TemplateContext, v: LeadAckVars): RenderedMail {
    return {
      subject: `【督办】线索已登记：${v.caseId} ${v.title}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        '您承办的公益诉讼线索已登记。',
        `案件编号：${v.caseId}`,
        `线索名称：${v.title}`,
        `线索来源：${v.source}`,
        `收到日期：${v.receivedOn}`,
        '',
        `请及时开展线索评估。查看案件：${caseLink(ctx, v.caseId)}`,
      ].join('\n'),
    };
  },
  reminder(ctx: TemplateContext, v: ReminderVars): RenderedMail {
    const state = v.overdue ? `已逾期（${v.stepLabel}）` : `即将届满（${v.stepLabel}）`;
    return {
      subject: `【督办】${v.overdue ? '期限已逾期' : '期限提醒'}：${v.caseId} ${v.clockName} ${v.due}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `案件 ${v.caseId}「${v.title}」的${v.clockName}${state}。`,
        `届满日期：${v.due}${v.provisional ? provisionalNote : ''}`,
        `依据：${v.basis}`,
        '计算过程：',
        ...v.explanation.map((line) => `  · ${line}`),
        ...(v.escalation.length > 0
          ? ['', '建议督促措施（须经确认后执行）：', ...v.escalation.map((s) => `  · ${s}`)]
          : []),
        '',
        `查看案件：${caseLink(ctx, v.caseId)}`,
      ].join('\n'),
    };
  },
  clock_changed(ctx: TemplateContext, v: ClockChangedVars): RenderedMail {
    return {
      subject: `【督办】期限已重新计算：${v.caseId} ${v.clockName}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `案件 ${v.caseId}「${v.title}」的${v.clockName}已重新计算。`,
        `原届满日期：${v.oldDue ?? '—'}`,
        `新届满日期：${v.newDue ?? '—（中止审查中）'}${v.provisional ? provisionalNote : ''}`,
        `原因：${v.reason}`,
        '',
        `查看案件：${caseLink(ctx, v.caseId)}`,
      ].join('\n'),
    };
  },
  notification(ctx: TemplateContext, v: NotificationVars): RenderedMail {
    return {
      subject: `【督办】${v.headline}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `${v.headline}（案件编号 ${v.caseId}）。`,
        ...(v.detail ? [v.detail] : []),
        '',
        `查看案件：${caseLink(ctx, v.caseId)}`,
        '',
        '可在督办系统“个人设置”中选择哪些通知发送邮件；法定期限提醒不能关闭。',
      ].join('\n'),
    };
  },
  organ_recommendation(ctx: TemplateContext, v: OrganRecommendationVars): RenderedMail {
    return {
      subject: `【检察建议】${v.title}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `本院已于 ${v.decidedOn} 决定就「${v.title}」向贵单位发出检察建议书（案件编号 ${v.caseId}）。`,
        '请通过以下链接查看检察建议书，在线确认签收，并逐项答复整改情况：',
        organLink(ctx.publicUrl, v.token),
        '',
        '打开链接后，系统将向本邮箱发送一次性验证码，凭验证码进入。回复期限自确认签收之日起计算。',
        '此链接仅用于本份检察建议，请勿转发。',
      ].join('\n'),
    };
  },
  organ_reminder(ctx: TemplateContext, v: OrganReminderVars): RenderedMail {
    const reply = v.reminder.clock === 'reply';
    const what = reply ? '书面回复期限' : '整改期限';
    return {
      subject: `【检察建议】温馨提醒：${what}将于 ${v.reminder.due} 届满（${v.title}）`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `您好！本院就「${v.title}」向贵单位发出的检察建议书（案件编号 ${v.caseId}），${what}将于 ${v.reminder.due} 届满。`,
        reply
          ? '请贵单位在期限届满前书面回复办理情况，也可通过以下链接在线逐项答复：'
          : '请贵单位在期限届满前完成整改并报送整改情况；如确有困难，可通过以下链接报送整改进展或申请延长整改期限：',
        organLink(ctx.publicUrl, v.token),
        '',
        '如已办理，请忽略本提醒。感谢贵单位的支持与配合！',
      ].join('\n'),
    };
  },
  organ_code(ctx: TemplateContext, v: OrganCodeVars): RenderedMail {
    return {
      subject: `【检察建议】验证码 ${v.code}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `您查看检察建议书的验证码是：${v.code}`,
        `验证码 ${v.minutes} 分钟内有效，仅可使用一次。如非本单位操作，请忽略本邮件。`,
      ].join('\n'),
    };
  },
} as const;

export type TemplateName = keyof typeof templates;
export type TemplateVars<T extends TemplateName> = Parameters<(typeof templates)[T]>[1];

export function renderMail<T extends TemplateName>(
  name: T,
  ctx: TemplateContext,
  vars: TemplateVars<T>,
): RenderedMail {
  const render = templates[name] as (c: TemplateContext, v: TemplateVars<T>) => RenderedMail;
  return render(ctx, vars);
}
