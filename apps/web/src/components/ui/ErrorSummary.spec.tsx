import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';

describe('ErrorSummary', () => {
  it('takes focus and links each message to its field', async () => {
    render(
      <>
        <ErrorSummary title="Có lỗi cần sửa" errors={[{ fieldId: 'name', message: 'Nhập họ và tên' }]} />
        <Field id="name" label="Họ và tên" error="Nhập họ và tên">
          <input />
        </Field>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Nhập họ và tên' }));
    expect(screen.getByLabelText(/Họ và tên/)).toHaveFocus();
    expect(screen.getByLabelText(/Họ và tên/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Họ và tên/)).toHaveAttribute('aria-describedby', 'name-error');
  });

  it('renders nothing without errors', () => {
    const { container } = render(<ErrorSummary title="x" errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shrinks as errors are fixed without taking the focus from the field being typed in', () => {
    const two = [
      { fieldId: 'a', message: 'Nhập A' },
      { fieldId: 'b', message: 'Nhập B' },
    ];
    const { rerender } = render(
      <>
        <ErrorSummary title="Có lỗi cần sửa" errors={two} />
        <input id="a" aria-label="A" />
      </>,
    );
    screen.getByLabelText('A').focus();
    rerender(
      <>
        <ErrorSummary title="Có lỗi cần sửa" errors={[two[1]]} />
        <input id="a" aria-label="A" />
      </>,
    );
    expect(screen.queryByRole('link', { name: 'Nhập A' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('A')).toHaveFocus();
    rerender(
      <>
        <ErrorSummary title="Có lỗi cần sửa" errors={[]} />
        <input id="a" aria-label="A" />
      </>,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
