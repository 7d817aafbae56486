/**
 * What a Temporal namespace needs before duban serves on it: the namespace itself and the case
 * workflows' search attributes with their types. `setupTemporal` makes it so (idempotently);
 * `temporalSetupProblems` says what is missing or wrong, for the API and the worker to refuse to
 * start on a namespace where every new case's first workflow task would fail.
 */
import { msToTs } from '@temporalio/common/lib/time';
import { temporal as proto } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_TYPES } from '../workflows/search-attributes';

const IndexedValueType = proto.api.enums.v1.IndexedValueType;
type AttributeType = (typeof SEARCH_ATTRIBUTE_TYPES)[keyof typeof SEARCH_ATTRIBUTE_TYPES];

const TYPE_NAMES: Record<number, string> = {
  [IndexedValueType.INDEXED_VALUE_TYPE_TEXT]: 'Text',
  [IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]: 'Keyword',
  [IndexedValueType.INDEXED_VALUE_TYPE_INT]: 'Int',
  [IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE]: 'Double',
  [IndexedValueType.INDEXED_VALUE_TYPE_BOOL]: 'Bool',
  [IndexedValueType.INDEXED_VALUE_TYPE_DATETIME]: 'Datetime',
  [IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST]: 'KeywordList',
};
const TYPE_VALUES: Record<AttributeType, number> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/** The parts of a client or native connection that setup and the check use. */
export interface TemporalAdmin {
  withDeadline<R>(deadline: number, fn: () => Promise<R>): Promise<R>;
  workflowService: Pick<
    proto.api.workflowservice.v1.WorkflowService,
    'describeNamespace' | 'registerNamespace'
  >;
  operatorService: Pick<
    proto.api.operatorservice.v1.OperatorService,
    'listSearchAttributes' | 'addSearchAttributes'
  >;
}

export type SetupProblem =
  | { kind: 'namespace_missing'; namespace: string }
  | { kind: 'attribute_missing'; name: string; expected: AttributeType }
  | { kind: 'attribute_mistyped'; name: string; actual: string; expected: AttributeType };

const CALL_MS = 10_000;

/** What keeps `namespace` from serving cases; empty when nothing does. */
export async function temporalSetupProblems(
  admin: TemporalAdmin,
  namespace: string,
): Promise<SetupProblem[]> {
  if (!(await namespaceExists(admin, namespace))) return [{ kind: 'namespace_missing', namespace }];
  const { customAttributes } = await admin.withDeadline(Date.now() + CALL_MS, () =>
    admin.operatorService.listSearchAttributes({ namespace }),
  );
  const registered = customAttributes ?? {};
  const problems: SetupProblem[] = [];
  for (const [name, expected] of Object.entries(SEARCH_ATTRIBUTE_TYPES) as [string, AttributeType][]) {
    const actual = registered[name];
    if (actual === undefined) problems.push({ kind: 'attribute_missing', name, expected });
    else if (Number(actual) !== TYPE_VALUES[expected])
      problems.push({
        kind: 'attribute_mistyped',
        name,
        actual: TYPE_NAMES[Number(actual)] ?? String(actual),
        expected,
      });
  }
  // A wrong type needs an operator's hand; a missing attribute only the setup command: wrong types first.
  return problems.sort(
    (a, b) => Number(b.kind === 'attribute_mistyped') - Number(a.kind === 'attribute_mistyped'),
  );
}

/** One line for an operator: what is wrong and what to do about it. */
export function describeProblem(problem: SetupProblem, address: string): string {
  switch (problem.kind) {
    case 'namespace_missing':
      return `TEMPORAL_NAMESPACE=${problem.namespace} does not exist on the Temporal server at TEMPORAL_ADDRESS=${address}: run npm run temporal:setup`;
    case 'attribute_missing':
      return `search attribute ${problem.name} (${problem.expected}) is not registered on the Temporal namespace: run npm run temporal:setup`;
    case 'attribute_mistyped':
      return `search attribute ${problem.name} is registered as ${problem.actual}, but duban needs ${problem.expected}: remove it (temporal operator search-attribute remove --name ${problem.name}) and run npm run temporal:setup`;
  }
}

export interface SetupReport {
  createdNamespace: boolean;
  addedAttributes: string[];
  /** Attributes registered with another type: setup cannot change a type, an operator must. */
  mistyped: Extract<SetupProblem, { kind: 'attribute_mistyped' }>[];
}

/**
 * Creates the namespace when missing and registers the missing search attributes; a second run
 * changes nothing. Attributes of the wrong type are reported, never changed.
 */
export async function setupTemporal(
  admin: TemporalAdmin,
  options: { namespace: string; retentionDays: number; progress?: (line: string) => void },
): Promise<SetupReport> {
  const { namespace } = options;
  const say = options.progress ?? (() => undefined);
  let createdNamespace = false;
  if (!(await namespaceExists(admin, namespace))) {
    say(`创建命名空间 ${namespace}（保留 ${options.retentionDays} 天）…`);
    await admin.withDeadline(Date.now() + CALL_MS, () =>
      admin.workflowService.registerNamespace({
        namespace,
        description: '督办 duban：公益诉讼案件',
        workflowExecutionRetentionPeriod: msToTs(options.retentionDays * 86_400_000),
      }),
    );
    createdNamespace = true;
  }
  // A new namespace reaches the server's namespace cache within seconds: retry until it has.
  const problems = await eventuallyListed(admin, namespace);
  const missing = problems.filter((p) => p.kind === 'attribute_missing');
  if (missing.length > 0) {
    say(`注册检索属性：${missing.map((p) => `${p.name}=${p.expected}`).join('、')}…`);
    await retryWhileNamespaceWarms(() =>
      admin.withDeadline(Date.now() + CALL_MS, () =>
        admin.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(missing.map((p) => [p.name, TYPE_VALUES[p.expected]])),
        }),
      ),
    );
  }
  return {
    createdNamespace,
    addedAttributes: missing.map((p) => p.name),
    mistyped: problems.filter((p): p is SetupReport['mistyped'][number] => p.kind === 'attribute_mistyped'),
  };
}

async function namespaceExists(admin: TemporalAdmin, namespace: string): Promise<boolean> {
  try {
    await admin.withDeadline(Date.now() + CALL_MS, () =>
      admin.workflowService.describeNamespace({ namespace }),
    );
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

async function eventuallyListed(admin: TemporalAdmin, namespace: string): Promise<SetupProblem[]> {
  return retryWhileNamespaceWarms(async () => {
    const problems = await temporalSetupProblems(admin, namespace);
    if (problems.some((p) => p.kind === 'namespace_missing'))
      throw Object.assign(new Error(`namespace ${namespace} not found yet`), { code: GRPC_NOT_FOUND });
    return problems;
  });
}

const GRPC_NOT_FOUND = 5;

function isNotFound(err: unknown): boolean {
  const e = err as { code?: number; message?: string };
  return e?.code === GRPC_NOT_FOUND || /not found/i.test(String(e?.message));
}

async function retryWhileNamespaceWarms<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await work();
    } catch (err) {
      if (!isNotFound(err) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
