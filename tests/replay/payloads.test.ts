/**
 * The saved histories were recorded before the action schemas existed. Every action payload that
 * the case accepted must parse with the schema the handler reads recorded actions with
 * (RECORDED_SCHEMAS: today's, plus the earlier list of art. 82 reasons), so the handler applies the
 * parsed value on replay exactly as the rules of its day applied the raw one. (A refused action's payload may not
 * parse: the handler then gets the raw value and is refused again, as it was.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { ACTION_SCHEMAS, RECORDED_SCHEMAS, type ActionName } from '../../domain/case/payloads';
import { LEGACY_NON_PERFORMANCE_REASONS } from '../../domain/case/vocabulary';
import { HISTORIES_DIR, loadHistory } from '../helpers/histories';

function recordedActions(file: string): { name: ActionName; payload: unknown }[] {
  const history = loadHistory(join(HISTORIES_DIR, file));
  const refused = new Set(
    (history.events ?? [])
      .map((event) => event.workflowExecutionUpdateCompletedEventAttributes)
      .filter((completed) => completed?.outcome?.failure)
      .map((completed) => completed?.meta?.updateId),
  );
  return (history.events ?? []).flatMap((event) => {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    const request = accepted?.input;
    if (!request?.name || !(request.name in ACTION_SCHEMAS)) return [];
    if (refused.has(accepted?.meta?.updateId)) return [];
    const [envelope] = (request.args?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p));
    return [{ name: request.name as ActionName, payload: (envelope as { payload: unknown }).payload }];
  });
}

const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json.gz'));

it('the saved histories record actions', () => {
  expect(files.flatMap(recordedActions).length).toBeGreaterThan(10);
});

it.each(files)('every action payload recorded in %s parses with its schema', (file) => {
  for (const { name, payload } of recordedActions(file)) {
    const parsed = RECORDED_SCHEMAS[name].safeParse(payload);
    expect({ name, issues: parsed.error?.issues ?? [] }).toEqual({ name, issues: [] });
  }
});

it('a finding saved under the earlier list of art. 82 reasons is read on replay, and the same reasons are refused for a new finding', () => {
  const legacy = files
    .flatMap(recordedActions)
    .filter(
      ({ name, payload }) =>
        name === 'recordFinding' &&
        ((payload as { reasons?: string[] }).reasons ?? []).some((r) => r in LEGACY_NON_PERFORMANCE_REASONS),
    );
  expect(legacy.length).toBeGreaterThan(0);
  for (const { payload } of legacy) {
    expect(RECORDED_SCHEMAS.recordFinding.safeParse(payload).success).toBe(true);
    expect(ACTION_SCHEMAS.recordFinding.safeParse(payload).success).toBe(false);
  }
});
