import { screen } from '@testing-library/react';
import { problem, stubApi } from '../../test/api-stub';
import { renderApp, resetVisitor } from '../../test/render-app';

const CODE = 'q3Zk9xw7TnA1bC2dE3fG4hI5jK6lM7nO';

function verification(overrides: Record<string, unknown> = {}) {
  return {
    valid: true,
    dossierCode: '000.30.01.H17-261127-0001',
    procedureName: 'Đăng ký khai sinh',
    agencyName: 'UBND phường Hải Châu',
    issuedAt: '2026-11-27T02:00:00.000Z',
    signer: 'CN=UBND phường Hải Châu, O=000.30.01.H17',
    sha256: 'a'.repeat(64),
    revoked: false,
    ...overrides,
  };
}

describe('verification page (the QR code of a signed result)', () => {
  beforeEach(() => resetVisitor('vi'));

  it('shows issuer, procedure, date and hash of a valid result, without login', async () => {
    const api = stubApi({ [`GET /verify/${CODE}`]: { body: verification() } });
    renderApp(`/verify/${CODE}`);
    expect(await screen.findByRole('heading', { level: 2, name: /Kết quả hợp lệ/ })).toBeInTheDocument();
    expect(screen.getByText('000.30.01.H17-261127-0001')).toBeInTheDocument();
    expect(screen.getByText('Đăng ký khai sinh')).toBeInTheDocument();
    expect(screen.getByText('a'.repeat(64))).toBeInTheDocument();
    expect(api.calls[0].authorization).toBeNull();
  });

  it('says so when the result was revoked', async () => {
    stubApi({ [`GET /verify/${CODE}`]: { body: verification({ valid: false, revoked: true }) } });
    renderApp(`/verify/${CODE}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Kết quả đã bị thu hồi' })).toBeInTheDocument();
  });

  it('says no result was found for an unknown code', async () => {
    stubApi({ [`GET /verify/${CODE}`]: { status: 404, body: problem(404, 'VERIFICATION_NOT_FOUND', 'No') } });
    renderApp(`/verify/${CODE}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Không tìm thấy kết quả' })).toBeInTheDocument();
  });
});
