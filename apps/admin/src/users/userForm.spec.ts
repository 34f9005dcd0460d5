import { roleChoices, toUserCreate, toUserUpdate } from './userForm';

const record = {
  id: '0b9c…',
  email: 'sato@jimukyoku.example.jp',
  name: ' 佐藤 花子 ',
  role: 'reviewer',
  organisation: '中小企業診断協会',
  active: true,
  mustChangePassword: false,
  lastLoginAt: '2022-03-24T09:00:00.000Z',
  createdAt: '2022-03-01T00:00:00.000Z',
  updatedAt: '2022-03-01T00:00:00.000Z',
  version: 3,
};

describe('user forms → API bodies', () => {
  it('create: leaves an empty password out, so the API issues a temporary one', () => {
    expect(toUserCreate({ email: ' a@example.jp ', name: '新人 審査員', role: 'reviewer', organisation: '', password: '' })).toEqual({
      email: 'a@example.jp',
      name: '新人 審査員',
      role: 'reviewer',
    });
  });

  it('create: sends a chosen password and organisation as typed (the API checks the policy)', () => {
    expect(toUserCreate({ email: 'a@example.jp', name: 'n', role: 'manager', organisation: ' 東西銀行 ', password: ' twelve chars ' })).toEqual({
      email: 'a@example.jp',
      name: 'n',
      role: 'manager',
      organisation: '東西銀行',
      password: ' twelve chars ',
    });
  });

  it('edit: sends only what UpdateUserDto accepts (the API refuses unknown properties)', () => {
    expect(toUserUpdate(record)).toEqual({
      email: 'sato@jimukyoku.example.jp',
      name: '佐藤 花子',
      role: 'reviewer',
      organisation: '中小企業診断協会',
      active: true,
    });
  });

  it('edit: a cleared organisation becomes null, a switched-off account inactive', () => {
    expect(toUserUpdate({ ...record, organisation: '  ', active: false })).toMatchObject({ organisation: null, active: false });
  });

  it('offers every staff role, labelled through i18n', () => {
    expect(roleChoices.map((c) => c.id)).toEqual(['admin', 'manager', 'reviewer', 'auditor']);
    expect(roleChoices[0]!.name).toBe('app.roles.admin');
  });
});
