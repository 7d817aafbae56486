/** Transfers (移送) of a lead or case to the discipline commission, another procuratorate or an organ. */
import { Effects, requireDate, type Rule } from './common';

export const recordTransferOut: Rule<'recordTransferOut'> = (state, p, ctx) => {
  const transferredOn = requireDate(p.transferredOn, '移送日期', ctx, {
    date: state.info.receivedOn,
    label: '收到线索的日期',
  });
  const transfers = (state.transfers ??= []);
  const transfer = {
    id: `transfer-${transfers.length + 1}`,
    to: p.to,
    recipient: p.recipient,
    transferredOn,
    letterRef: p.letterRef ?? null,
  };
  transfers.push(transfer);
  const { id: transferId, ...fields } = transfer;
  return new Effects().note({ transferId, ...fields, summary: p.summary });
};
