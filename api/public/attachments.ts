import { createHash } from 'node:crypto';
import { problems } from '../problem';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** Base64 length of the largest attachment. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

const SIGNATURES: Record<AttachmentType, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
};

/** The type a file's first bytes show it to be, whatever it claims. */
export function sniffType(content: Buffer): AttachmentType | undefined {
  return ATTACHMENT_TYPES.find((type) => SIGNATURES[type].every((byte, i) => content[i] === byte));
}

export interface AttachmentInput {
  fileName: string;
  mediaType: AttachmentType;
  contentBase64: string;
}

export interface CheckedAttachment {
  fileName: string;
  mediaType: AttachmentType;
  content: Buffer;
  sha256: string;
}

/** Decodes each attachment and checks its size and that its content is what it claims. */
export function checkAttachments(inputs: AttachmentInput[]): CheckedAttachment[] {
  return inputs.map((a, i) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    const path = `attachments.${i}.contentBase64`;
    if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) {
      throw problems.validation(`附件 ${a.fileName} 为空或超过 2 MB`, [
        { path, message: '文件为空或超过 2 MB' },
      ]);
    }
    if (sniffType(content) !== a.mediaType) {
      throw problems.validation(`附件 ${a.fileName} 的内容不是所声明的类型（只接受 JPEG、PNG、PDF）`, [
        { path, message: '文件内容与类型不符' },
      ]);
    }
    return {
      fileName: a.fileName,
      mediaType: a.mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
  });
}
