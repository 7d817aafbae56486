-- The public intake's proof of work: a solved challenge is accepted once. Its id is kept until
-- the challenge expires (a signed expiry inside it), so sending the same solution again is refused.
CREATE TABLE public_intake_proofs (
  challenge_id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX public_intake_proofs_expiry ON public_intake_proofs (expires_at);
