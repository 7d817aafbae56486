-- What the case page needs of each case's workflow state (domain/case/page-state.ts): its proposal,
-- escalations, litigation, parties … and everything that decides which actions it offers. Written
-- by the journal in the transaction of the timeline entries it follows, so the page never queries
-- the workflow and a closed case stays readable after Temporal has removed its history. A table of
-- its own keeps the rows of `cases`, which the case list scans, narrow.
CREATE TABLE case_states (
  case_id text PRIMARY KEY REFERENCES cases (id),
  -- The timeline entry the state follows: a batch retried late never replaces a later state.
  seq integer NOT NULL,
  state jsonb NOT NULL
);
