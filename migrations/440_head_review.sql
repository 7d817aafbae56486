-- Head review (部门负责人审核): every proposal goes to a head before the decision unless the
-- procuratorate's policy waives it. Default: review required.
ALTER TABLE procuratorate_settings
  ADD COLUMN head_review_required boolean NOT NULL DEFAULT true;
