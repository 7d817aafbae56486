-- Leads from the public intake form (群众反映公益诉讼线索). The submitter is anonymous; the
-- address is kept only as a keyed hash, for rate limiting.
CREATE TABLE public_leads (
  id text PRIMARY KEY,
  tracking_code text NOT NULL UNIQUE,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  description text NOT NULL,
  location text NOT NULL,
  domain_code text,
  contact_name text,
  contact_phone text,
  contact_email text,
  submitter_key text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  declined_at timestamptz,
  declined_by text REFERENCES users (id),
  decline_reason text
);
CREATE INDEX public_leads_queue ON public_leads (procuratorate_id, submitted_at);
CREATE INDEX public_leads_submitter ON public_leads (submitter_key, submitted_at);

CREATE TABLE public_lead_attachments (
  lead_id text NOT NULL REFERENCES public_leads (id),
  n integer NOT NULL CHECK (n >= 1),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (lead_id, n)
);

-- A case registered from a public lead; the lead's public status is derived from that case.
ALTER TABLE case_creations ADD COLUMN public_lead_id text REFERENCES public_leads (id);
CREATE UNIQUE INDEX case_creations_public_lead ON case_creations (public_lead_id)
  WHERE public_lead_id IS NOT NULL;
