/** An action's payload as the case workflow's handler applies it. */
import { RECORDED_SCHEMAS, type ActionName, type Payloads } from '../../domain/case/payloads';

/**
 * The parsed payload, read as a recorded action (RECORDED_SCHEMAS: a finding may name a reason of
 * the earlier art. 82 list, which the validator refuses for a new finding). A payload accepted by
 * the rules before the schemas existed and that no longer parses replays as it was recorded (every
 * saved history parses: tests/replay/payloads.test.ts), so no command changes and no patch is
 * needed.
 */
export function appliedPayload(name: ActionName, raw: unknown): Payloads[ActionName] {
  const parsed = RECORDED_SCHEMAS[name].safeParse(raw);
  return (parsed.success ? parsed.data : raw) as Payloads[ActionName];
}
