// What PostgreSQL cannot store is refused at every edge, naming the field or the argument.
import { parseDeadlineArgs } from '../../../cli/deadline-args';
import { parseOptions } from '../../../cli/options';
import { createCaseBody } from '../../../api/cases/schemas';
import { submitLeadBody } from '../../../api/public/schemas';
import { parseInput } from '../../../api/validation';
import { firstUnstorable, identifier, isStorableText, text } from '../../../domain/text';

const BAD = ['a\u0000b', 'x\uD83D', '\uDE00y'];

it.each(BAD)('refuses %j as text, naming the field', (bad) => {
  expect(isStorableText(bad)).toBe(false);
  const parsed = text('备注', 100).safeParse(bad);
  expect(parsed.error?.issues[0]?.message).toMatch(/^备注含有无法保存的字符/);
  expect(identifier('行政机关 ID').safeParse(bad).success).toBe(false);
});

it('accepts Chinese text, a full surrogate pair and the empty-after-trim check still applies', () => {
  expect(text('备注', 100).parse(' 某区生态环境局 😀 ')).toBe('某区生态环境局 😀');
  expect(text('备注', 100).safeParse('   ').success).toBe(false);
});

it('finds the first unstorable string anywhere in an input, keys included', () => {
  expect(firstUnstorable({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
  expect(firstUnstorable({ ['k\u0000']: 1 })).toBe('k\u0000');
  expect(firstUnstorable({ a: ['ok'], n: 1 })).toBeUndefined();
});

it('the API refuses a NUL in a field its schema leaves free with a 422 naming the path', () => {
  const call = () =>
    parseInput(submitLeadBody, { procuratorateId: 'p1', contact: { phone: '1\u0000' } }, '请求体');
  expect(call).toThrow(
    expect.objectContaining({ status: 422, message: expect.stringMatching(/contact\.phone/) }),
  );
});

it('case creation refuses a lone surrogate in the title, naming it', () => {
  const parsed = createCaseBody.safeParse({
    title: '\uD800',
    description: '内容',
    domainCode: 'eco',
    source: 'public_report',
    receivedOn: '2025-01-02',
  });
  expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('title');
});

it('the command line refuses an argument with a NUL, naming the option', () => {
  expect(() => parseOptions(['--name', 'a\u0000'], { name: { type: 'string' } })).toThrow(
    /--name 含有无法保存的字符/,
  );
  expect(() => parseDeadlineArgs(['--start', '2025-01-01\u0000'])).toThrow(/--start 含有无法保存的字符/);
});
