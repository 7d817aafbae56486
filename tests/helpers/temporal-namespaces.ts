/** Namespaces of their own for tests of Temporal setup, on the suite's Temporal server. */
import { randomBytes } from 'node:crypto';
import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal as proto } from '@temporalio/proto';

export const freshNamespace = (stem: string) => `${stem}-${randomBytes(4).toString('hex')}`;

/**
 * A namespace where an operator registered DubanNextDue as Bool instead of Datetime (and nothing
 * else), as one slip on the command line would.
 */
export async function namespaceWithMistypedAttribute(connection: Connection): Promise<string> {
  const namespace = freshNamespace('mistyped');
  await connection.workflowService.registerNamespace({
    namespace,
    workflowExecutionRetentionPeriod: msToTs(86_400_000),
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: { DubanNextDue: proto.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL },
      });
      return namespace;
    } catch (err) {
      // The new namespace reaches the server's cache within seconds.
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
