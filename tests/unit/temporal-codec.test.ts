import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  createPayloadCodec,
  ENCRYPTED_ENCODING,
  isEncrypted,
  KEY_ID_METADATA,
  parseCodecKeys,
  PayloadCodecError,
} from '../../config/temporal-codec';
import { temporalDataConverter } from '../../config/temporal-connection';

const keyText = () => randomBytes(32).toString('base64');
const CASE = { title: '某县饮用水水源地污染案', organ: '某县生态环境局' };
const text = (bytes: Uint8Array | null | undefined) =>
  Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

function payloadsOf(...values: unknown[]): Payload[] {
  return values.map((v) => defaultPayloadConverter.toPayload(v));
}

describe('the payload codec', () => {
  const k1 = `k1:${keyText()}`;
  const k2 = `k2:${keyText()}`;

  it('when a payload is encoded and decoded, then it is the same payload and the stored one holds no plaintext', async () => {
    const codec = createPayloadCodec(parseCodecKeys(k1));
    const plain = payloadsOf(CASE, null, '');
    const stored = await codec.encode(plain);
    expect(stored).toHaveLength(3);
    for (const p of stored) {
      expect(text(p.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
      expect(text(p.metadata?.[KEY_ID_METADATA])).toBe('k1');
      expect(Buffer.from(p.data!).includes(Buffer.from(CASE.title))).toBe(false);
    }
    const back = await codec.decode(stored);
    expect(back.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([CASE, null, '']);
    expect(text(back[0]!.metadata?.encoding)).toBe('json/plain');
  });

  it('when the same value is encoded twice, then the ciphertexts differ (a fresh nonce each time)', async () => {
    const codec = createPayloadCodec(parseCodecKeys(k1));
    const [a] = await codec.encode(payloadsOf(CASE));
    const [b] = await codec.encode(payloadsOf(CASE));
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('when the key is rotated, then new payloads use the new key and the old ones still decode', async () => {
    const before = createPayloadCodec(parseCodecKeys(k1));
    const old = await before.encode(payloadsOf(CASE));
    const after = createPayloadCodec(parseCodecKeys(`${k2},${k1}`));
    const fresh = await after.encode(payloadsOf(CASE));
    expect(text(fresh[0]!.metadata?.[KEY_ID_METADATA])).toBe('k2');
    const decoded = await after.decode([...old, ...fresh]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([CASE, CASE]);
  });

  it('when the key id of a payload is not configured, then decoding refuses and names the key id', async () => {
    const stored = await createPayloadCodec(parseCodecKeys(k1)).encode(payloadsOf(CASE));
    const other = createPayloadCodec(parseCodecKeys(k2));
    await expect(other.decode(stored)).rejects.toThrow(PayloadCodecError);
    await expect(other.decode(stored)).rejects.toThrow(
      /key id k1, which TEMPORAL_CODEC_KEYS does not hold \(it holds k2\)/,
    );
    await expect(createPayloadCodec([]).decode(stored)).rejects.toThrow(
      /key id k1, but TEMPORAL_CODEC_KEYS is not set/,
    );
  });

  it('when a key id is given another key, or the ciphertext is altered, then decoding refuses', async () => {
    const stored = await createPayloadCodec(parseCodecKeys(k1)).encode(payloadsOf(CASE));
    const impostor = createPayloadCodec(parseCodecKeys(`k1:${keyText()}`));
    await expect(impostor.decode(stored)).rejects.toThrow(/does not decrypt with the key of that id/);
    const data = Buffer.from(stored[0]!.data!);
    data[20] = data[20]! ^ 1;
    const codec = createPayloadCodec(parseCodecKeys(k1));
    await expect(codec.decode([{ ...stored[0]!, data }])).rejects.toThrow(
      /wrong key, or the payload was altered/,
    );
  });

  it('when a payload was stored without encryption, then it decodes unchanged, with or without keys', async () => {
    const plain = payloadsOf(CASE, 7);
    for (const codec of [createPayloadCodec(parseCodecKeys(k1)), createPayloadCodec([])]) {
      const decoded = await codec.decode(plain);
      expect(decoded).toEqual(plain);
      expect(decoded.some(isEncrypted)).toBe(false);
    }
  });

  it('when no key is configured, then encoding leaves payloads as they are and the data converter has no codec', async () => {
    const plain = payloadsOf(CASE);
    expect(await createPayloadCodec([]).encode(plain)).toEqual(plain);
    expect(temporalDataConverter({ TEMPORAL_CODEC_KEYS: '' })).toEqual({});
    expect(temporalDataConverter({ TEMPORAL_CODEC_KEYS: k1 }).payloadCodecs).toHaveLength(1);
  });
});

describe('parseCodecKeys', () => {
  it('when keys are listed, then the first is the current one', () => {
    const keys = parseCodecKeys(` 2026-12:${keyText()} , 2026-01:${keyText()}`);
    expect(keys.map((k) => k.id)).toEqual(['2026-12', '2026-01']);
    expect(keys.every((k) => k.key.length === 32)).toBe(true);
  });

  it.each([
    ['a key without an id', keyText(), /entry 1 must be id:base64key/],
    [
      'a short key',
      `k1:${randomBytes(16).toString('base64')}`,
      /entry 1 \(key id k1\) must hold a 32-byte key/,
    ],
    ['a key that is not base64', `k1:${'!'.repeat(44)}`, /must hold a 32-byte key in base64/],
    ['a repeated id', `k1:${keyText()},k1:${keyText()}`, /entry 2 \(key id k1\) repeats a key id/],
    ['an id with a space', `my key:${keyText()}`, /entry 1 \(key id my key\) must be id:base64key/],
  ])('when given %s, then it is refused with the entry named', (_what, setting, message) => {
    expect(() => parseCodecKeys(setting)).toThrow(message);
  });

  it('when a key is refused, then the message does not repeat the key', () => {
    const secret = randomBytes(16).toString('base64');
    expect(() => parseCodecKeys(`k1:${secret}`)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) }),
    );
  });
});
