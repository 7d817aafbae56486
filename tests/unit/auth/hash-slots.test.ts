import { Slots } from '../../../api/auth/throttle';
import { Problem } from '../../../api/problem';

describe('the bound on concurrent password hashes', () => {
  it('when more logins arrive than slots and queue, then at most the slots run at once, the queue waits its turn and the rest are told to retry', async () => {
    const slots = new Slots(2, 3);
    let running = 0;
    let most = 0;
    const hash = () =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 10));
        running -= 1;
        return 'checked';
      });
    const results = await Promise.allSettled(Array.from({ length: 8 }, hash));
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(3);
    expect(
      refused.every(
        (r) =>
          r.reason instanceof Problem && r.reason.status === 503 && r.reason.headers['Retry-After'] === '1',
      ),
    ).toBe(true);
    // Once the burst has passed, every slot is free again.
    expect(await Promise.all([hash(), hash()])).toEqual(['checked', 'checked']);
    expect(most).toBe(2);
  });
});
