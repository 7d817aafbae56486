/**
 * The payload codec that keeps case data out of Temporal's database in the clear: every payload
 * a worker or client sends (workflow inputs, update arguments, results, activity data, memos) is
 * encrypted with AES-256-GCM under the current key of TEMPORAL_CODEC_KEYS, and carries the id of
 * that key in its metadata. Decoding picks the key by that id, so payloads written before a key
 * rotation still decode while an older key stays in the list; payloads written without the codec
 * (every case started before it was turned on) pass through unchanged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

const ProtoPayload = temporal.api.common.v1.Payload;
const utf8 = new TextEncoder();
const text = new TextDecoder();

export interface CodecKey {
  id: string;
  key: Buffer;
}

/** A payload the codec cannot decode: the message says which key it needs and why it failed. */
export class PayloadCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadCodecError';
  }
}

/**
 * `id:base64key,id:base64key,…` → the keys, the first being the one new payloads are encrypted
 * with. Throws an Error whose message names the faulty entry (never the key itself).
 */
export function parseCodecKeys(setting: string): CodecKey[] {
  const entries = setting
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const keys: CodecKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = entry.indexOf(':');
    const id = at < 0 ? '' : entry.slice(0, at);
    const encoded = at < 0 ? '' : entry.slice(at + 1);
    const where = `entry ${index + 1}${id ? ` (key id ${id})` : ''}`;
    if (!KEY_ID.test(id))
      throw new Error(`${where} must be id:base64key with an id of letters, digits, . _ - (at most 64)`);
    if (keys.some((k) => k.id === id)) throw new Error(`${where} repeats a key id`);
    const key = Buffer.from(encoded, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.length !== 32)
      throw new Error(`${where} must hold a 32-byte key in base64 (openssl rand -base64 32)`);
    keys.push({ id, key });
  }
  return keys;
}

/**
 * The codec for `keys` (current key first). With no key it encodes nothing, and refuses only
 * what it cannot read: an encrypted payload.
 */
export function createPayloadCodec(keys: readonly CodecKey[]): PayloadCodec {
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const current = keys[0];
  return {
    async encode(payloads) {
      return current ? payloads.map((p) => encrypt(p, current)) : payloads;
    },
    async decode(payloads) {
      return payloads.map((p) => decrypt(p, byId));
    },
  };
}

/** Whether `payload` was written by this codec. */
export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && encoding !== null && text.decode(encoding) === ENCRYPTED_ENCODING;
}

function encrypt(payload: Payload, { id, key }: CodecKey): Payload {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(utf8.encode(id));
  const plain = ProtoPayload.encode(payload).finish();
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    metadata: {
      encoding: utf8.encode(ENCRYPTED_ENCODING),
      [KEY_ID_METADATA]: utf8.encode(id),
      [CIPHER_METADATA]: utf8.encode(CIPHER),
    },
    data: sealed,
  };
}

function decrypt(payload: Payload, keys: ReadonlyMap<string, Buffer>): Payload {
  if (!isEncrypted(payload)) return payload;
  const rawId = payload.metadata?.[KEY_ID_METADATA];
  const id = rawId ? text.decode(rawId) : '';
  if (!id) throw new PayloadCodecError(`an encrypted payload has no ${KEY_ID_METADATA} in its metadata`);
  const key = keys.get(id);
  if (!key)
    throw new PayloadCodecError(
      keys.size === 0
        ? `a payload is encrypted with key id ${id}, but TEMPORAL_CODEC_KEYS is not set`
        : `a payload is encrypted with key id ${id}, which TEMPORAL_CODEC_KEYS does not hold (it holds ${[...keys.keys()].join(', ')})`,
    );
  const sealed = Buffer.from(payload.data ?? new Uint8Array());
  if (sealed.length < IV_BYTES + TAG_BYTES)
    throw new PayloadCodecError(`a payload encrypted with key id ${id} is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(utf8.encode(id));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new PayloadCodecError(
      `a payload encrypted with key id ${id} does not decrypt with the key of that id in TEMPORAL_CODEC_KEYS (wrong key, or the payload was altered)`,
    );
  }
  const decoded = ProtoPayload.decode(plain);
  return { metadata: decoded.metadata, data: decoded.data };
}
