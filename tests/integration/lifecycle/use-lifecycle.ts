// One lifecycle system per test file, with the fault tests' world (a procuratorate, its staff
// signed in) on it: made before the file's first test, stopped after its last.
import { createWorld, type World } from '../../faults/support/world';
import { startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

export interface Lifecycle {
  system: LifecycleSystem;
  world: World;
}

/** Registers the file's beforeAll and afterAll; read the fields inside tests. */
export function useLifecycle(worker: 'in-process' | 'process'): Lifecycle {
  const lifecycle = {} as Lifecycle;
  beforeAll(async () => {
    lifecycle.system = await startLifecycleSystem({ worker });
    lifecycle.world = await createWorld(lifecycle.system.baseUrl, lifecycle.system.db);
  });
  afterAll(() => lifecycle.system?.stop());
  return lifecycle;
}
