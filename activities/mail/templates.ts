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

const caseLink = (ctx: TemplateContext, caseId: string) =>
  `${ctx.publicUrl.replace(/\/$/, '')}/cases/${caseId}`;

const templates = {
  lead_ack(ctx: TemplateContext, v: LeadAckVars): RenderedMail {
    return {
      subject: `【督办】线索已登记：${v.caseId} ${v.title}`,
      text: [
        `${ctx.recipientName}：`,
        '',
        `您承办的公益诉讼线索已登记。`,
        `案件编号：${v.caseId}`,
        `线索名称：${v.title}`,
        `线索来源：${v.source}`,
        `收到日期：${v.receivedOn}`,
        '',
        `请及时开展线索评估。查看案件：${caseLink(ctx, v.caseId)}`,
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
