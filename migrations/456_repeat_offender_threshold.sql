-- How many failures (non-performance findings and rebounds) in a period make an organ a repeat
-- offender in the statistics (seed part 2.3). A policy of each procuratorate; 2 until its admin
-- changes it.
ALTER TABLE procuratorate_settings
  ADD COLUMN repeat_offender_threshold integer NOT NULL DEFAULT 2
    CHECK (repeat_offender_threshold BETWEEN 1 AND 100);
