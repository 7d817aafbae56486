import { createHash } from 'node:crypto';
import { leadingZeroBits } from '../../api/public/proof-of-work';
import {
  leadingZeroBits as wordZeroBits,
  sha256Words,
  solveChallenge,
} from '../../web/src/lib/proof-of-work';

const hex = (words: Uint32Array) => [...words].map((w) => w.toString(16).padStart(8, '0')).join('');

describe("the browser's SHA-256 for the intake's proof of work", () => {
  it.each([
    '',
    'abc',
    'x'.repeat(55),
    'x'.repeat(56),
    'x'.repeat(64),
    'y'.repeat(200),
    '验证题.18.1790000000:123',
  ])('when it hashes %j, then it agrees with node:crypto', (text) => {
    const expected = createHash('sha256').update(text).digest('hex');
    expect(hex(sha256Words(new TextEncoder().encode(text)))).toBe(expected);
  });

  it('when it solves a challenge, then the server counts at least the asked zero bits in the hash', async () => {
    const challenge = 'Zm9vYmFyYmF6cXV4.12.1790000000.c2lnbmF0dXJl';
    const nonce = await solveChallenge(challenge, 12);
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12);
    // The first such nonce: every smaller one falls short.
    for (let n = 0; n < nonce; n += 1)
      expect(leadingZeroBits(createHash('sha256').update(`${challenge}:${n}`).digest())).toBeLessThan(12);
  });

  it('when zero bits are counted, then bytes and words agree', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x10, 0xff]))).toBe(19);
    expect(wordZeroBits(new Uint32Array([0, 0x0000ffff]))).toBe(48);
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
  });
});
