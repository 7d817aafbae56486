import { randomBytes } from 'node:crypto';

/** 32 symbols without the look-alikes 0/O and 1/I: 12 of them carry 60 random bits. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 12;
export const TRACKING_CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);

/** An unguessable code the submitter keeps to ask about their lead. */
export function newTrackingCode(): string {
  const bytes = randomBytes(TRACKING_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** People type codes in lower case and with spaces or dashes between groups. */
export function normaliseTrackingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
