import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { setLanguage } from '../../app/i18n';
import { storeSession } from '../../lib/auth';
import { pdfAttachment } from '../../test/dossier-fixtures';
import { citizenLogin } from '../../test/fixtures';
import { resetVisitor } from '../../test/render-app';
import { DocumentUpload } from './DocumentUpload';

/** XMLHttpRequest as the upload uses it, driven by the test: progress events, then an answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  headers: Record<string, string> = {};
  method = '';
  url = '';
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.last = this;
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const document = {
  code: 'GIAY_CHUNG_SINH',
  name: 'Giấy chứng sinh',
  nameEn: 'Birth notice',
  required: true,
  maxSizeMb: 5,
};

describe('document upload', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(citizenLogin, citizenLogin.user);
    (globalThis as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  });

  it('sends documentCode then the file with the token, shows the progress and announces it in steps', async () => {
    const uploaded = jest.fn();
    render(<DocumentUpload dossierId="d-1" document={document} attachments={[]} onUploaded={uploaded} />);
    await userEvent.upload(
      screen.getByLabelText(/^Giấy chứng sinh/),
      new File(['%PDF-1.4'], 'giay-chung-sinh.pdf', { type: 'application/pdf' }),
    );
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/dossiers/d-1/attachments');
    expect(xhr.headers.Authorization).toBe('Bearer access-citizen');
    expect([...xhr.body!.keys()]).toEqual(['documentCode', 'file']);
    expect(xhr.body!.get('documentCode')).toBe('GIAY_CHUNG_SINH');

    xhr.progress(30, 100);
    const bar = screen.getByRole('progressbar', { name: 'Đang tải lên giay-chung-sinh.pdf' });
    expect(bar).toHaveAttribute('value', '30');
    expect(screen.getByRole('status')).toHaveTextContent('Đang tải lên giay-chung-sinh.pdf: 25%');
    xhr.progress(40, 100);
    // Not every percent is read out: still the 25% announcement.
    expect(screen.getByRole('status')).toHaveTextContent('Đang tải lên giay-chung-sinh.pdf: 25%');

    const attachment = pdfAttachment('GIAY_CHUNG_SINH');
    await act(async () => xhr.answer(201, { ...attachment, fileName: 'giay-chung-sinh.pdf' }));
    expect(uploaded).toHaveBeenCalledWith(expect.objectContaining({ documentCode: 'GIAY_CHUNG_SINH' }));
    expect(screen.getByRole('status')).toHaveTextContent('Đã tải lên giay-chung-sinh.pdf');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it.each([
    ['vi', 413, 'FILE_TOO_LARGE', 'Tệp scan.pdf lớn hơn 5 MB. Chọn tệp nhỏ hơn.'],
    [
      'en',
      415,
      'FILE_TYPE_NOT_ACCEPTED',
      'scan.pdf is not a PDF, JPG or PNG file (checked by its content). Choose another file.',
    ],
  ] as const)('says in words why the API refused the file (%s, %i)', async (lang, status, code, message) => {
    act(() => setLanguage(lang));
    render(<DocumentUpload dossierId="d-1" document={document} attachments={[]} onUploaded={jest.fn()} />);
    await userEvent.upload(
      screen.getByLabelText(lang === 'vi' ? /^Giấy chứng sinh/ : /^Birth notice/),
      new File(['%PDF-1.4'], 'scan.pdf', { type: 'application/pdf' }),
    );
    await act(async () => FakeXhr.last!.answer(status, { type: 'about:blank', title: 'x', status, detail: 'x', code }));
    const input = screen.getByLabelText(lang === 'vi' ? /^Giấy chứng sinh/ : /^Birth notice/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByRole('status')).toHaveTextContent(message);
  });

  it('removes an uploaded file: the button names it, the list drops it, the focus returns to the input', async () => {
    const attachment = { ...pdfAttachment('GIAY_CHUNG_SINH'), fileName: 'cu.pdf' };
    const onRemove = jest.fn().mockResolvedValue(undefined);
    const view = (attachments: (typeof attachment)[]) => (
      <DocumentUpload
        dossierId="d-1"
        document={document}
        attachments={attachments}
        onUploaded={jest.fn()}
        onRemove={onRemove}
      />
    );
    const { rerender } = render(view([attachment]));
    await userEvent.click(screen.getByRole('button', { name: 'Xoá cu.pdf' }));
    expect(onRemove).toHaveBeenCalledWith(attachment.id);
    rerender(view([]));
    expect(screen.queryByText('cu.pdf')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Đã xoá cu.pdf');
    expect(screen.getByLabelText(/^Giấy chứng sinh/)).toHaveFocus();
  });

  it('offers no removal where the caller gives none (a supplement’s files are part of the record)', () => {
    render(
      <DocumentUpload
        dossierId="d-1"
        document={document}
        attachments={[pdfAttachment('GIAY_CHUNG_SINH')]}
        onUploaded={jest.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: /^Xoá/ })).not.toBeInTheDocument();
  });
});
