-- Read model of each recommendation (检察建议) of a case: one row per organ addressed,
-- kept by the case workflow; the per-organ record is computed from it.
CREATE TABLE case_recommendations (
  case_id text NOT NULL REFERENCES cases (id),
  recommendation_id text NOT NULL,
  procuratorate_id text NOT NULL,
  organ_id text NOT NULL,
  urgent boolean NOT NULL,
  status text NOT NULL,
  decided_on date,
  served_on date,
  received_on date,
  reply_due date,
  replied_on date,
  replied_on_time boolean,
  finding text,
  outcome text,
  rebounds integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, recommendation_id)
);
CREATE INDEX case_recommendations_organ ON case_recommendations (procuratorate_id, organ_id);
