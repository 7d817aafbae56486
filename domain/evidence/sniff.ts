/**
 * What a file is, from its first bytes (magic numbers), never from its name or the type the
 * sender claims. Only the kinds evidence comes in are accepted; executables and anything
 * unrecognised are refused.
 */

export interface AcceptedKind {
  mediaType: string;
  /** How the web app and the refusal message name it. */
  label: string;
  extension: string;
}

export const ACCEPTED_KINDS = {
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG 图片', extension: 'jpg' },
  png: { mediaType: 'image/png', label: 'PNG 图片', extension: 'png' },
  gif: { mediaType: 'image/gif', label: 'GIF 图片', extension: 'gif' },
  webp: { mediaType: 'image/webp', label: 'WebP 图片', extension: 'webp' },
  pdf: { mediaType: 'application/pdf', label: 'PDF 文档', extension: 'pdf' },
  mp4: { mediaType: 'video/mp4', label: 'MP4 视频', extension: 'mp4' },
  quicktime: { mediaType: 'video/quicktime', label: 'MOV 视频', extension: 'mov' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（DOCX）',
    extension: 'docx',
  },
  zip: { mediaType: 'application/zip', label: 'ZIP 压缩包', extension: 'zip' },
} as const satisfies Record<string, AcceptedKind>;

export const ACCEPTED_LABELS = Object.values(ACCEPTED_KINDS)
  .map((k) => k.label)
  .join('、');

export type Sniffed =
  | { accepted: true; kind: AcceptedKind }
  | { accepted: false; reason: 'executable' | 'unknown'; what?: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const EXECUTABLES: { magic: number[]; what: string }[] = [
  { magic: ascii('MZ'), what: 'Windows 可执行文件' },
  { magic: [0x7f, ...ascii('ELF')], what: 'ELF 可执行文件' },
  { magic: [0xfe, 0xed, 0xfa, 0xce], what: 'Mach-O 可执行文件' },
  { magic: [0xfe, 0xed, 0xfa, 0xcf], what: 'Mach-O 可执行文件' },
  { magic: [0xce, 0xfa, 0xed, 0xfe], what: 'Mach-O 可执行文件' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: 'Mach-O 可执行文件' },
  { magic: [0xca, 0xfe, 0xba, 0xbe], what: 'Mach-O 或 Java 可执行文件' },
  { magic: ascii('#!'), what: '脚本' },
  { magic: [0x00, 0x61, 0x73, 0x6d], what: 'WebAssembly 模块' },
];

/**
 * The kind of a file from its head (the first 256 KiB or the whole file if shorter; a DOCX is
 * told from another ZIP by its `word/` part, which Word writes near the start).
 */
export function sniff(head: Uint8Array): Sniffed {
  for (const e of EXECUTABLES)
    if (startsWith(head, e.magic)) return { accepted: false, reason: 'executable', what: e.what };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { accepted: true, kind: ACCEPTED_KINDS.jpeg };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { accepted: true, kind: ACCEPTED_KINDS.png };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a')))
    return { accepted: true, kind: ACCEPTED_KINDS.gif };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8))
    return { accepted: true, kind: ACCEPTED_KINDS.webp };
  if (startsWith(head, ascii('%PDF-'))) return { accepted: true, kind: ACCEPTED_KINDS.pdf };
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    return { accepted: true, kind: brand === 'qt  ' ? ACCEPTED_KINDS.quicktime : ACCEPTED_KINDS.mp4 };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
    if (text.includes('word/')) return { accepted: true, kind: ACCEPTED_KINDS.docx };
    return { accepted: true, kind: ACCEPTED_KINDS.zip };
  }
  return { accepted: false, reason: 'unknown' };
}
