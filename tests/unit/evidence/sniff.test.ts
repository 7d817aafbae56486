import { ACCEPTED_LABELS, sniff } from '../../../domain/evidence/sniff';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
const ascii = (s: string) => Buffer.from(s, 'latin1');

it.each([
  ['JPEG', hex('ffd8ffe000104a464946'), 'image/jpeg'],
  ['PNG', hex('89504e470d0a1a0a0000000d49484452'), 'image/png'],
  ['GIF89a', ascii('GIF89a\x01\x00\x01\x00'), 'image/gif'],
  ['GIF87a', ascii('GIF87a\x01\x00\x01\x00'), 'image/gif'],
  ['WebP', ascii('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image/webp'],
  ['PDF', ascii('%PDF-1.7\n'), 'application/pdf'],
  ['MP4', Buffer.concat([hex('00000018'), ascii('ftypisom\x00\x00\x02\x00')]), 'video/mp4'],
  ['MOV', Buffer.concat([hex('00000014'), ascii('ftypqt  \x00\x00\x02\x00')]), 'video/quicktime'],
  [
    'DOCX',
    ascii('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....PK\x03\x04word/document.xml'),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  ['ZIP', ascii('PK\x03\x04\x14\x00\x00\x00photos/1.jpg'), 'application/zip'],
])('%s is recognised from its bytes as %s', (_name, bytes, mediaType) => {
  expect(sniff(bytes)).toEqual({ accepted: true, kind: expect.objectContaining({ mediaType }) });
});

it.each([
  ['a Windows executable', ascii('MZ\x90\x00\x03\x00'), 'Windows 可执行文件'],
  ['an ELF binary', hex('7f454c46020101'), 'ELF 可执行文件'],
  ['a Mach-O binary', hex('cffaedfe07000001'), 'Mach-O 可执行文件'],
  ['a shell script', ascii('#!/bin/sh\nrm -rf /\n'), '脚本'],
])('%s is refused as an executable', (_name, bytes, what) => {
  expect(sniff(bytes)).toEqual({ accepted: false, reason: 'executable', what });
});

it.each([
  ['plain text', ascii('hello, this is a text file')],
  ['HTML', ascii('<!doctype html><script>alert(1)</script>')],
  ['too short to tell', hex('ff')],
  ['empty', Buffer.alloc(0)],
])('%s is refused as unknown', (_name, bytes) => {
  expect(sniff(bytes)).toEqual({ accepted: false, reason: 'unknown' });
});

it('names every accepted kind in the message a refusal shows', () => {
  expect(ACCEPTED_LABELS).toBe(
    'JPEG 图片、PNG 图片、GIF 图片、WebP 图片、PDF 文档、MP4 视频、MOV 视频、Word 文档（DOCX）、ZIP 压缩包',
  );
});
