import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { QueryLoadError } from './QueryStatus';

const notFound = new ApiError({
  type: 'about:blank',
  title: 'Not Found',
  status: 404,
  detail: 'No such procedure',
  code: 'NOT_FOUND',
});

/** The failed load every page shows (QueryLoadError): the error in words, and a retry that refetches. */
describe('QueryLoadError', () => {
  beforeEach(() => act(() => setLanguage('vi')));

  it('says the shared catalogue’s text of the error, never its code, and refetches on "try again"', async () => {
    const refetch = jest.fn(() => Promise.resolve());
    render(<QueryLoadError query={{ error: notFound, refetch }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Lỗi: Không tìm thấy nội dung bạn cần.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('NOT_FOUND');
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('takes the caller’s wording of the error when given (dossier calls)', () => {
    render(<QueryLoadError query={{ error: notFound, refetch: jest.fn() }} errorText={() => 'Không mở được hồ sơ.'} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Lỗi: Không mở được hồ sơ.');
  });
});
