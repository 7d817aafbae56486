-- Delegation of the chief's decisions to a named head, per decision kind, recording the chief who
-- delegated. Replaces procuratorate_settings.delegated_decisions, which applied to every head; its
-- settings carry over to each active head, with no chief named (delegated_by NULL: set before
-- delegations named their chief). Termination is never delegable: it is not a decision kind here.
CREATE TABLE decision_delegations (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  kind text NOT NULL CHECK (kind IN ('filing', 'recommendation', 'litigation')),
  head_id text NOT NULL REFERENCES users (id),
  delegated_by text REFERENCES users (id),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procuratorate_id, kind, head_id)
);

INSERT INTO decision_delegations (procuratorate_id, kind, head_id)
SELECT s.procuratorate_id, k.kind, u.id
FROM procuratorate_settings s
CROSS JOIN LATERAL unnest(s.delegated_decisions) AS k (kind)
JOIN users u ON u.procuratorate_id = s.procuratorate_id AND 'head' = ANY (u.roles) AND u.active
ON CONFLICT DO NOTHING;
