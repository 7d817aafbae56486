-- An alert someone has seen to: who acknowledged it, with which timeline entry. It leaves the
-- open alerts (the case list counts only open ones) and stays on the case.
ALTER TABLE case_alerts
  ADD COLUMN acknowledged_by text,
  ADD COLUMN acknowledged_seq integer;
