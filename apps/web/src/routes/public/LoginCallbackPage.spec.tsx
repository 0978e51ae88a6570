import { screen } from '@testing-library/react';
import { getAccessToken, getRefreshToken } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { citizenMe } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

describe('digital citizen login callback', () => {
  beforeEach(() => resetVisitor('vi'));

  it('stores the tokens of the fragment, asks who we are, forgets the fragment and opens the account', async () => {
    const api = stubApi({ 'GET /auth/me': { body: { ...citizenMe, assuranceLevel: 2 } } });
    const { router } = renderApp('/login/callback#accessToken=acc-oidc&refreshToken=ref-oidc&expiresIn=900');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(router.state.location.hash).toBe('');
    expect(api.calls[0]).toMatchObject({ path: '/auth/me', authorization: 'Bearer acc-oidc' });
    expect(getAccessToken()).toBe('acc-oidc');
    expect(getRefreshToken()).toBe('ref-oidc');
    expect(await screen.findByText('Mức 2')).toBeInTheDocument();
  });

  it('goes back to the login page with a message when the tokens are missing', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: true } } });
    const { router } = renderApp('/login/callback');
    expect(await screen.findByRole('alert')).toHaveTextContent('Không đăng nhập được bằng tài khoản định danh điện tử');
    expect(router.state.location.search).toBe('?error=oidc');
  });
});
