import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../../../api/auth/passwords';

describe('passwords', () => {
  it.each([
    ['short', '至少 12 个字符'],
    ['qwerty123456', '最常见'],
    ['QWERTY123456', '最常见'],
    ['1qaz2wsx3edc', '最常见'],
  ])('when a new password is %s, then it is refused saying why', (password, why) => {
    expect(passwordProblem(password)).toContain(why);
  });

  it('when a new password is long and not a common one, then it is accepted', () => {
    expect(passwordProblem('青山绿水就是金山银山-2026')).toBeUndefined();
  });

  it('when eleven characters are twelve UTF-16 units, then they are still too short', () => {
    expect(passwordProblem('😀abcdefghij')).toContain('至少 12 个字符');
  });

  it('when a password is hashed today, then it verifies and needs no rehash; older parameters do', async () => {
    const hash = await hashPassword('a-long-password-1');
    expect(await verifyPassword('a-long-password-1', hash)).toBe(true);
    expect(await verifyPassword('a-long-password-2', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(hash.replace(/^scrypt\$32768\$8\$3\$/, 'scrypt$32768$8$1$'))).toBe(true);
    expect(needsRehash('bcrypt$whatever')).toBe(true);
  });
});
