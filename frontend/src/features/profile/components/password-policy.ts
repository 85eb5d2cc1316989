import { foldVietnamese } from '@/lib/text';

export interface PolicyRule {
  key: string;
  label: string;
  met: boolean;
}

/**
 * The server's password policy, checked as the user types. The server stays the judge (it
 * also refuses well-known passwords); this only spares a round trip.
 */
export function passwordPolicy(password: string, username: string): PolicyRule[] {
  const length = [...password].length;
  return [
    { key: 'length', label: 'Từ 10 đến 128 ký tự', met: length >= 10 && length <= 128 },
    {
      key: 'mix',
      label: 'Có cả chữ cái và chữ số',
      met: /\p{L}/u.test(password) && /[0-9]/.test(password),
    },
    {
      key: 'username',
      label: 'Không chứa tên đăng nhập',
      met:
        password.length > 0 &&
        (username === '' || !foldVietnamese(password).includes(foldVietnamese(username))),
    },
  ];
}
