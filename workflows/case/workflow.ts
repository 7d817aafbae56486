import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { LEAD_SOURCES } from '../../domain/case/stages';
import { awaitRegistrationUpdate, caseSummaryQuery, type CaseSummary, type NewCaseInput } from '../contract';
import { Journal } from './journal';
import { projectionOf } from './projection';
import { initialState, type CaseState } from './state';

/** One public-interest litigation case, from the first lead onwards. */
export async function caseWorkflow(input: NewCaseInput): Promise<void> {
  const state: CaseState = initialState(input, workflowInfo().workflowId);
  const journal = new Journal(input.caseId, 0, () => projectionOf(state));
  let registered = false;

  setHandler(caseSummaryQuery, () => summaryOf(state));
  setHandler(awaitRegistrationUpdate, async () => {
    await condition(() => registered);
    return summaryOf(state);
  });

  await registerLead(state, journal);
  registered = true;

  await condition(() => false);
}

async function registerLead(state: CaseState, journal: Journal): Promise<void> {
  const { input } = state;
  await journal.append(
    {
      kind: 'lead_registered',
      actorId: input.createdBy.userId,
      stage: state.stage,
      data: {
        title: input.title,
        source: input.source,
        receivedOn: input.receivedOn,
        domainCode: input.domainCode,
        handlerId: input.handlerId,
        externalRef: input.externalRef ?? null,
      },
      mail: [
        {
          dedupeKey: `case:${input.caseId}:lead_ack:${input.handlerId}`,
          template: 'lead_ack',
          recipientUserId: input.handlerId,
          vars: {
            caseId: input.caseId,
            title: input.title,
            receivedOn: input.receivedOn,
            source: LEAD_SOURCES[input.source],
          },
        },
      ],
    },
    new Date(),
  );
}

function summaryOf(state: CaseState): CaseSummary {
  const { input } = state;
  return {
    caseId: input.caseId,
    procuratorateId: input.procuratorateId,
    title: input.title,
    stage: state.stage,
    track: input.track,
    domainCode: input.domainCode,
    handlerId: state.handlerId,
  };
}
