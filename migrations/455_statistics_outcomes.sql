-- The outcomes of cases as the statistics count them, each dated by its legal date (a civil date in
-- Asia/Shanghai, as the staff recorded it), never by when the entry was written: a backfilled case
-- counts where its events happened, whatever the session's TimeZone.
--   rectified / non_performance  the finding of the follow-up investigation (checkedOn), per organ
--   rebound                      a revisit that found the organ's rectification undone (checkedOn)
--   sued                         the suit filed with the court (filedOn), per organ sued
--   judgment_<outcome>           the court's decision (decidedOn), per organ sued
--   terminated                   the case terminated (decidedOn)
CREATE VIEW statistics_outcomes AS
SELECT a.case_id, a.seq, (a.data ->> 'checkedOn')::date AS on_date,
       CASE WHEN a.data ->> 'result' = 'rectified' THEN 'rectified' ELSE 'non_performance' END AS outcome,
       COALESCE(a.data ->> 'organId', r.organ_id) AS organ_id,
       a.data ->> 'recommendationId' AS recommendation_id
  FROM audit_entries a
  LEFT JOIN case_recommendations r ON r.case_id = a.case_id AND r.recommendation_id = a.data ->> 'recommendationId'
 WHERE a.kind = 'recordFinding'
UNION ALL
SELECT a.case_id, a.seq, (a.data ->> 'checkedOn')::date, 'rebound', o.organ_id, NULL
  FROM audit_entries a CROSS JOIN LATERAL jsonb_array_elements_text(a.data -> 'organIds') AS o (organ_id)
 WHERE a.kind = 'recordRevisit' AND a.data ->> 'result' = 'rebound'
UNION ALL
SELECT a.case_id, a.seq, (a.data ->> 'filedOn')::date, 'sued', o.organ_id, NULL
  FROM audit_entries a JOIN cases c ON c.id = a.case_id
  LEFT JOIN LATERAL jsonb_array_elements_text(c.summary -> 'litigatedOrganIds') AS o (organ_id) ON true
 WHERE a.kind = 'recordCourtFiling'
UNION ALL
SELECT a.case_id, a.seq, (a.data ->> 'decidedOn')::date, 'judgment_' || (a.data ->> 'outcome'), o.organ_id, NULL
  FROM audit_entries a JOIN cases c ON c.id = a.case_id
  LEFT JOIN LATERAL jsonb_array_elements_text(c.summary -> 'litigatedOrganIds') AS o (organ_id) ON true
 WHERE a.kind = 'recordJudgment'
UNION ALL
SELECT a.case_id, a.seq, (a.data ->> 'decidedOn')::date, 'terminated', NULL, NULL
  FROM audit_entries a
 WHERE a.kind = 'terminate';
