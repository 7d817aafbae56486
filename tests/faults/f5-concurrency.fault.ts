// F5: the same action sent three times at once with one Idempotency-Key is applied once; two
// creations racing with one external reference make one case. And the oracle itself can fail.
import { randomBytes } from 'node:crypto';
import { checkOracle, dedupeKeyOf } from './support/oracle';
import { settleAndCheck, useScenario } from './support/scenario';
import { act, createBackfilledCase, settle, today } from './support/world';

const s = useScenario('f5');

it('when one action arrives three times at once with one key, then it is applied once and all three get its answer', async () => {
  const id = await createBackfilledCase(s.world, 60);
  for (const [action, body, client] of [
    ['addNote', { text: 'F5 同一请求三次' }, s.world.prosecutor],
    ['proposeFiling', { reason: '线索查证属实' }, s.world.prosecutor],
    ['decideFiling', { approve: true, decidedOn: today(), reason: '符合立案条件' }, s.world.chief],
  ] as const) {
    const key = randomBytes(8).toString('hex');
    const answers = await Promise.all([1, 2, 3].map(() => act(s.world, client, id, action, body, key)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.result.seq)).size).toBe(1);
  }
  await settleAndCheck(s, 'F5 one key three times');
});

it('when two creations race with one external reference, then there is one case and both answers name it', async () => {
  const ref = `F5-${randomBytes(4).toString('hex')}`;
  const [a, b] = await Promise.all([
    createBackfilledCase(s.world, 60, ref),
    createBackfilledCase(s.world, 60, ref),
  ]);
  expect(a).toBe(b);
  const rows = await s.cluster.db.query('SELECT id FROM cases WHERE external_ref = $1', [ref]);
  expect(rows).toHaveLength(1);
  const creations = await s.cluster.db.query('SELECT case_id FROM case_creations WHERE external_ref = $1', [
    ref,
  ]);
  expect(creations).toHaveLength(1);
  s.world.caseIds.splice(s.world.caseIds.indexOf(b), 1); // listed once
  await settleAndCheck(s, 'F5 racing creations');
});

it('when the system does lose or repeat something, then the oracle says so (the oracle can fail)', async () => {
  const id = await createBackfilledCase(s.world, 60);
  await settle(s.cluster.db, s.cluster.temporal, [id]);
  const check = (extra: Partial<Parameters<typeof checkOracle>[0]> = {}) =>
    checkOracle({ ...s.cluster, caseIds: [id], accepted: s.world.accepted, ...extra }).then(
      (r) => r.violations,
    );
  expect(await check()).toEqual([]);

  const first = s.cluster.mail.find((m) => dedupeKeyOf(m)?.startsWith(`case:${id}:`))!;
  expect((await check({ mail: [...s.cluster.mail, first] })).join()).toContain('duplicate deliveries');
  expect((await check({ mail: s.cluster.mail.filter((m) => m !== first) })).join()).toContain(
    'never reached',
  );
  expect((await check({ accepted: [{ caseId: id, action: 'addNote', seq: 2 }] })).join()).toContain(
    'accepted addNote',
  );

  await s.cluster.db.query('UPDATE cases SET stage = $2 WHERE id = $1', [id, 'FILED']);
  expect((await check()).join()).toContain('differs from workflow');
  await s.cluster.db.query('UPDATE cases SET stage = $2 WHERE id = $1', [id, 'LEAD']);

  // Tampering with one timeline entry as a superuser, past the append-only trigger.
  await s.cluster.db.withTransaction(async (tx) => {
    await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update');
    await tx.query(`UPDATE audit_entries SET reason = 'tampered' WHERE case_id = $1 AND seq = 1`, [id]);
    await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update');
  });
  expect((await check()).join()).toContain('chain broken');
});
