/** An action's payload as the case workflow's handler applies it. */
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { parsePayload } from '../../domain/case/actions';
import { Rejection } from '../../domain/case/rules/common';

/**
 * The parsed payload, as the validator saw it. A payload accepted by the rules before the schemas
 * existed and that no longer parses replays as it was recorded (every saved history parses:
 * tests/replay/payloads.test.ts), so no command changes and no patch is needed.
 */
export function appliedPayload(name: ActionName, raw: unknown): Payloads[ActionName] {
  try {
    return parsePayload(name, raw);
  } catch (err) {
    if (err instanceof Rejection) return raw as Payloads[ActionName];
    throw err;
  }
}
