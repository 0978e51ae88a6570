import { landingPath, safeNext, withNext } from './landing';

describe('where a user lands after logging in', () => {
  it('sends a citizen to `next`, or to their account', () => {
    expect(landingPath(['CITIZEN'], '/procedures/1.001193')).toBe('/procedures/1.001193');
    expect(landingPath(['CITIZEN'], null)).toBe('/account');
  });

  it('sends desk staff to the staff desk, managers and admins to the dashboard', () => {
    expect(landingPath(['RECEPTIONIST'])).toBe('/staff');
    expect(landingPath(['OFFICER'])).toBe('/staff');
    expect(landingPath(['APPROVER'])).toBe('/staff');
    expect(landingPath(['MANAGER'])).toBe('/manager');
    expect(landingPath(['ADMIN'])).toBe('/manager');
  });

  it('returns staff to a page of their own area, never to one they may not open', () => {
    expect(landingPath(['OFFICER'], '/staff/queue?sla=OVERDUE')).toBe('/staff/queue?sla=OVERDUE');
    expect(landingPath(['OFFICER'], '/manager')).toBe('/staff');
    expect(landingPath(['MANAGER'], '/staff')).toBe('/manager');
    expect(landingPath(['OFFICER'], '/account')).toBe('/staff');
  });

  it('refuses a `next` that leaves the site or loops back to the login', () => {
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '/x\\..\\/evil.example',
      '/ /evil.example',
      '/\tevil',
      'account',
      '/login?next=/x',
      '/register?next=/x',
      '/login/callback',
      '',
    ]) {
      expect(safeNext(bad)).toBeNull();
    }
    expect(landingPath(['CITIZEN'], '//evil.example')).toBe('/account');
  });

  it('carries a safe `next` to the sign-in and sign-up pages, and drops an unsafe one', () => {
    expect(withNext('/register', '/apply/1.001193/1?x=1')).toBe('/register?next=%2Fapply%2F1.001193%2F1%3Fx%3D1');
    expect(withNext('/login', '/registered-dossiers')).toBe('/login?next=%2Fregistered-dossiers');
    expect(withNext('/login', '//evil.example')).toBe('/login');
    expect(withNext('/register', null)).toBe('/register');
  });
});
