import { describe, expect, it } from 'vitest';
import { passwordPolicy } from './password-policy';

const unmet = (password: string, username: string) =>
  passwordPolicy(password, username)
    .filter((rule) => !rule.met)
    .map((rule) => rule.key);

describe('passwordPolicy', () => {
  it('accepts a long password with letters and digits', () => {
    expect(unmet('Hoa-sen-2026', 'thao.pt')).toEqual([]);
  });

  it('asks for 10 characters and both letters and digits', () => {
    expect(unmet('abc123', 'thao.pt')).toEqual(['length']);
    expect(unmet('chỉ-có-chữ-cái', 'thao.pt')).toEqual(['mix']);
  });

  it('refuses the username inside the password, whatever the case or diacritics', () => {
    expect(unmet('Thảo.PT-2026x', 'thao.pt')).toEqual(['username']);
  });
});
