import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { App } from './App';
import { i18n, setLanguage } from './i18n';
import { routes } from './routes';

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(<App router={router} />);
}

describe('app shell', () => {
  beforeEach(() => {
    localStorage.clear();
    act(() => setLanguage('vi'));
  });

  it('renders the home page in Vietnamese by default', async () => {
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chuyển đến nội dung chính' })).toHaveAttribute('href', '#main-content');
    expect(document.documentElement.lang).toBe('vi');
  });

  it('switches to English and remembers the choice', async () => {
    renderAt('/');
    await screen.findByRole('heading', { level: 1 });
    await userEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Online public services' })).toBeInTheDocument();
    expect(localStorage.getItem('motcua.lang')).toBe('en');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ties the search hint to its input', async () => {
    renderAt('/');
    const input = await screen.findByLabelText('Tìm thủ tục hành chính');
    expect(input).toHaveAttribute('aria-describedby', 'home-search-hint');
  });

  it('shows a not-found page for an unknown address', async () => {
    renderAt('/khong-co');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeInTheDocument();
  });
});
