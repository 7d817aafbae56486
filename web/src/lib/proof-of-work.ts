/**
 * The public intake's proof of work, solved in the browser: find a nonce whose SHA-256 of
 * `<challenge>:<nonce>` starts with `difficulty` zero bits. SHA-256 is written out here because
 * WebCrypto's digest is asynchronous per call, which makes a search of ~2^18 hashes take many
 * seconds; this one runs synchronously in slices that leave the page responsive.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const W = new Uint32Array(64);
const H = new Uint32Array(8);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

function block(bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!;
    const b = W[i - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d! + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = H[0]! + a;
  H[1] = H[1]! + b;
  H[2] = H[2]! + c;
  H[3] = H[3]! + d;
  H[4] = H[4]! + e;
  H[5] = H[5]! + f;
  H[6] = H[6]! + g;
  H[7] = H[7]! + h;
}

const INITIAL = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/** SHA-256 of the first `length` bytes of `buffer`, whose size is a multiple of 64 with room for the padding. */
function digestInPlace(buffer: Uint8Array, length: number): Uint32Array {
  const blocks = Math.ceil((length + 9) / 64);
  buffer.fill(0, length, blocks * 64);
  buffer[length] = 0x80;
  const view = new DataView(buffer.buffer, buffer.byteOffset);
  const bits = length * 8;
  view.setUint32(blocks * 64 - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(blocks * 64 - 4, bits >>> 0);
  H.set(INITIAL);
  for (let offset = 0; offset < blocks * 64; offset += 64) block(buffer, offset);
  return H;
}

/** SHA-256 of `message`, as eight big-endian 32-bit words. */
export function sha256Words(message: Uint8Array): Uint32Array {
  const buffer = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  buffer.set(message);
  return digestInPlace(buffer, message.length).slice();
}

/** Leading zero bits of a digest given as 32-bit words. */
export function leadingZeroBits(words: Uint32Array): number {
  let zeros = 0;
  for (const word of words) {
    if (word === 0) {
      zeros += 32;
      continue;
    }
    return zeros + Math.clz32(word);
  }
  return zeros;
}

/** Tries nonces of one challenge without allocating: `<challenge>:` once, the digits per try. */
function nonceTrier(challenge: string, difficulty: number) {
  const prefix = new TextEncoder().encode(`${challenge}:`);
  const buffer = new Uint8Array(Math.ceil((prefix.length + 16 + 9) / 64) * 64);
  return (nonce: number): boolean => {
    buffer.set(prefix);
    const digits = String(nonce);
    for (let i = 0; i < digits.length; i++) buffer[prefix.length + i] = digits.charCodeAt(i);
    return leadingZeroBits(digestInPlace(buffer, prefix.length + digits.length)) >= difficulty;
  };
}

/** Whether `nonce` solves `challenge` at `difficulty`. */
export function solves(challenge: string, nonce: number, difficulty: number): boolean {
  return nonceTrier(challenge, difficulty)(nonce);
}

/** The first nonce that solves the challenge; yields to the page every slice of tries. */
export async function solveChallenge(challenge: string, difficulty: number, slice = 20_000): Promise<number> {
  const tries = nonceTrier(challenge, difficulty);
  for (let nonce = 0; ;) {
    const end = nonce + slice;
    for (; nonce < end; nonce++) if (tries(nonce)) return nonce;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
