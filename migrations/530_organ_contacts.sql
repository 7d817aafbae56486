-- An organ's contact person and telephone beside its delivery address and mailbox, and its
-- deactivation: an organ abolished or merged stays in the registry (its cases and record keep
-- pointing at it) but is no longer offered for new recommendations.
ALTER TABLE organs
  ADD COLUMN contact_name text,
  ADD COLUMN phone text,
  ADD COLUMN deactivated_at timestamptz;
