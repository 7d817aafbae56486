/**
 * A lead carried by the demo staff of `npm start` to a recommendation issued to an organ today:
 * for browser tests about what an organ's cases and recommendations look like.
 */
import { shanghaiDate } from '../../domain/time';
import { ApiClient } from './http';
import { registerLead } from './leads';

const DEMO_PASSWORD = 'duban-demo';

/** Registers the lead titled `title` and issues a recommendation to `organId`; returns the case's id. */
export async function issueRecommendation(
  baseUrl: string,
  { title, organId }: { title: string; organId: string },
): Promise<string> {
  const [prosecutor, head, chief] = await Promise.all(
    ['zhangjc', 'lifz', 'wangjcz'].map((username) => ApiClient.login(baseUrl, { username }, DEMO_PASSWORD)),
  );
  const today = shanghaiDate(new Date());
  const caseId = await registerLead(prosecutor!, { title, receivedOn: today });
  const act = async (who: ApiClient | undefined, name: string, body: object) => {
    const res = await who!.post(`/api/cases/${caseId}/actions/${name}`, body);
    if (res.status !== 200) throw new Error(`${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const review = { approve: true, reviewedOn: today, reasons: '同意报请' };
  await act(prosecutor, 'proposeFiling', { reason: '线索查证属实' });
  await act(head, 'reviewProposal', review);
  await act(chief, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });
  await act(prosecutor, 'recordInvestigation', { on: today, summary: '现场勘查' });
  await act(prosecutor, 'proposeRecommendation', {
    reason: '未依法查处',
    recommendations: [
      {
        organId,
        rectificationPeriod: { unit: 'months', count: 2 },
        summary: '依法履职',
        items: '依法查处违法行为',
      },
    ],
  });
  await act(head, 'reviewProposal', review);
  await act(chief, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
  return caseId;
}
