import { localDateTime } from '@motcua/shared/dossier-clock';
import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { setLanguage } from '../../app/i18n';
import { LiveIndicator } from './LiveIndicator';

const at = (hhmmss: string) => {
  const [h, m, sec] = hhmmss.split(':').map(Number);
  return new Date(localDateTime('2026-07-15', h, m).getTime() + sec * 1000);
};

describe('LiveIndicator', () => {
  beforeEach(() => act(() => setLanguage('vi')));

  it('says the state in words and announces updates politely, at most once a minute', () => {
    const { rerender } = render(<LiveIndicator status="open" updatedAt={at('09:59:00')} />);
    expect(screen.getByText('Cập nhật trực tiếp')).toBeInTheDocument();
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    // The first figures are the page loading: nothing to announce.
    expect(region).toBeEmptyDOMElement();

    rerender(<LiveIndicator status="open" updatedAt={at('09:59:50')} />);
    expect(region).toHaveTextContent('Số liệu vừa được cập nhật lúc 09:59 15/07/2026.');
    rerender(<LiveIndicator status="open" updatedAt={at('10:00:40')} />);
    expect(region).toHaveTextContent('lúc 09:59 15/07/2026');
    rerender(<LiveIndicator status="open" updatedAt={at('10:01:00')} />);
    expect(region).toHaveTextContent('Số liệu vừa được cập nhật lúc 10:01 15/07/2026.');
    expect(screen.getByText(/số liệu lúc 10:01 15\/07\/2026/)).toBeInTheDocument();
  });

  it('announces a lost connection and its return', () => {
    const { rerender } = render(<LiveIndicator status="open" updatedAt={null} />);
    rerender(<LiveIndicator status="reconnecting" updatedAt={null} />);
    expect(screen.getByText('Mất kết nối, đang thử lại…')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Mất kết nối cập nhật trực tiếp, đang thử kết nối lại.');
    rerender(<LiveIndicator status="open" updatedAt={null} />);
    expect(screen.getByRole('status')).toHaveTextContent('Đã kết nối lại cập nhật trực tiếp.');
  });
});
