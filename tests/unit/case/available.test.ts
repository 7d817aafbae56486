// availableActions: what the case page offers a user now, by stage and role.
import { FORM_ACTION_NAMES, availableActions } from '../../../domain/case/actions';
import type { ActionName } from '../../../domain/case/payloads';
import { ACCEPTED } from './accepted-table';
import { at, type Point } from './points';
import { ACTORS, TODAY, type ActorName } from './story';

const offered = (point: Point, who: ActorName) => availableActions(at(point).state, ACTORS[who], TODAY);

/** Compared without extendDeadline, which is offered to the handler wrongly (see the failing test below). */
const sansExtension = (names: ActionName[]) => names.filter((n) => n !== 'extendDeadline').sort();

const EXPECTED: [Point, ActorName, ActionName[]][] = [
  [
    'LEAD',
    'prosecutor',
    ['startEvaluation', 'proposeFiling', 'flagMajorLead', 'recordTransferOut', 'addNote'],
  ],
  [
    'LEAD',
    'head',
    [
      'startEvaluation',
      'proposeFiling',
      'flagMajorLead',
      'reassign',
      'recordTransferOut',
      'addNote',
      'markTypical',
    ],
  ],
  [
    'MAJOR_LEAD',
    'prosecutor',
    ['startEvaluation', 'proposeFiling', 'recordMajorLeadReported', 'recordTransferOut', 'addNote'],
  ],
  ['LEAD', 'chief', ['reassign', 'addNote', 'markTypical']],
  ['LEAD', 'otherProsecutor', []],
  ['LEAD', 'caseOffice', []],
  ['LEAD', 'admin', []],
  ['FILING_PROPOSED', 'prosecutor', ['flagMajorLead', 'recordTransferOut', 'addNote']],
  ['FILING_PROPOSED', 'head', ['flagMajorLead', 'reassign', 'recordTransferOut', 'addNote', 'markTypical']],
  [
    'FILING_PROPOSED',
    'delegatedHead',
    ['decideFiling', 'flagMajorLead', 'reassign', 'recordTransferOut', 'addNote', 'markTypical'],
  ],
  ['FILING_PROPOSED', 'chief', ['decideFiling', 'reassign', 'addNote', 'markTypical']],
  [
    'INVESTIGATION',
    'prosecutor',
    [
      'recordFilingService',
      'recordInvestigation',
      'recordConsultation',
      'proposeRecommendation',
      'addExcludedDays',
      'startAppraisal',
      'recordTransferOut',
      'addNote',
    ],
  ],
  ['INVESTIGATION', 'chief', ['terminate', 'reassign', 'addNote', 'markTypical']],
  ['SERVED', 'prosecutor', ['recordRecommendationFiledAbove', 'recordReply', 'recordTransferOut', 'addNote']],
  [
    'FOLLOW_UP',
    'prosecutor',
    ['recordRecommendationFiledAbove', 'recordFinding', 'recordTransferOut', 'addNote'],
  ],
  [
    'ESCALATED',
    'head',
    [
      'recordRecommendationFiledAbove',
      'recordReply',
      'recordFinding',
      'reassign',
      'recordTransferOut',
      'addNote',
      'markTypical',
      'proposeEscalation',
      'confirmEscalation',
    ],
  ],
  [
    'LITIGATION_REVIEW',
    'prosecutor',
    [
      'recordRecommendationFiledAbove',
      'proposeLitigation',
      'addExcludedDays',
      'startAppraisal',
      'recordTransferOut',
      'addNote',
    ],
  ],
  [
    'CLOSED',
    'prosecutor',
    ['recordRecommendationFiledAbove', 'recordRevisit', 'recordTransferOut', 'addNote'],
  ],
  [
    'ANNOUNCEMENT',
    'prosecutor',
    [
      'recordAnnouncementOutcome',
      'recordCivilParty',
      'linkCriminalCase',
      'recordRightHolderNotified',
      'recordTransferOut',
      'addNote',
    ],
  ],
  ['TERMINATED', 'prosecutor', ['addNote']],
  ['TERMINATED', 'chief', ['addNote', 'markTypical']],
];

it.each(EXPECTED)('at %s, %s is offered exactly the expected actions', (point, who, expected) => {
  expect(sansExtension(offered(point, who))).toEqual(sansExtension(expected));
});

it.each(FORM_ACTION_NAMES.map((name) => [name, ACCEPTED[name].at, ACCEPTED[name].by] as const))(
  '%s is offered at %s to %s, where it is accepted',
  (name, point, who) => {
    expect(offered(point, who)).toContain(name);
  },
);

it('a dry run leaves the case as it was', () => {
  const s = at('FOLLOW_UP');
  const before = JSON.stringify(s.state);
  availableActions(s.state, ACTORS.head, TODAY);
  expect(JSON.stringify(s.state)).toBe(before);
});

// Every clock's extension belongs to a head or the chief (internal targets) or to the chief (statutory
// ones): the rule checks the role before the payload, so the dry run never offers it to a prosecutor.
it.each(['LEAD', 'INVESTIGATION', 'LITIGATION_REVIEW'] as Point[])(
  'at %s the handling prosecutor is not offered extendDeadline, which only a head or the chief may take',
  (point) => {
    expect(offered(point, 'prosecutor')).not.toContain('extendDeadline');
  },
);
