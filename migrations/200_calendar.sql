-- The holiday schedule and the period, clock and reminder policies, as versioned data.
-- Rows are seeded at first use from the chinese-days package and the built-in defaults
-- (activities/calendar/seed.ts); an admin adds versions, and older versions are kept.

-- The State Council's yearly schedule (国务院办公厅关于节假日安排的通知): one row per year and
-- version, exactly one active version per year. A year without an active row is "missing":
-- deadlines falling in it are counted by weekends only and marked provisional.
CREATE TABLE holiday_schedule_years (
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  -- 'cd-<package version>' for chinese-days, 'imp-<content hash>' for an admin import.
  version text NOT NULL,
  source text NOT NULL CHECK (source IN ('chinese-days', 'import')),
  -- {"2027-01-01": "元旦", …}: days off, and weekend days made working days (调休上班).
  holidays jsonb NOT NULL,
  makeup_workdays jsonb NOT NULL,
  -- The importing admin's user id; null for the chinese-days seed.
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT false,
  activated_by text,
  activated_at timestamptz,
  PRIMARY KEY (year, version)
);
CREATE UNIQUE INDEX holiday_schedule_years_one_active ON holiday_schedule_years (year) WHERE active;

-- Versions of the three policies an admin manages, one active version per kind:
--   period    {"makeupWorkdayCounts": true}                      期间计算政策 (调休上班日)
--   catalogue {"overrides": {"<clockId>": {"defaultLength": …}}}  期限目录 (admin-set clock lengths)
--   reminders {"steps": […], "workingHours": {…}}                提醒策略
-- Versions are '<prefix>-<seq>' ('period-1', 'clocks-2', 'reminders-1'); every computed
-- deadline names the versions that produced it.
CREATE TABLE policy_versions (
  kind text NOT NULL CHECK (kind IN ('period', 'catalogue', 'reminders')),
  version text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  content jsonb NOT NULL,
  reason text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT false,
  PRIMARY KEY (kind, version),
  UNIQUE (kind, seq)
);
CREATE UNIQUE INDEX policy_versions_one_active ON policy_versions (kind) WHERE active;
