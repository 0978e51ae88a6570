import type { FormErrorCode } from './form-schema.js';

/**
 * Every error code the API can answer (problem.code), in one place: its HTTP status and its text
 * for a citizen, Vietnamese first, then English. The API's AppError takes only these codes and
 * this status; the web shows these texts (never a raw code). `{{name}}` marks a value the caller
 * fills in (seconds to wait, a file name), as i18next does.
 */
export interface ErrorEntry {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export const ERROR_CODES = {
  // ── Generic, by HTTP status (Nest's and Express's own errors, problem.filter.ts) ──
  BAD_REQUEST: {
    status: 400,
    vi: 'Yêu cầu không hợp lệ. Vui lòng kiểm tra lại.',
    en: 'The request is not valid. Please check it.',
  },
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Một số thông tin chưa đúng. Vui lòng kiểm tra lại.',
    en: 'Some information is not valid. Please check it.',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Dữ liệu gửi lên bị lỗi. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent was damaged. Please reload the page and try again.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    vi: 'Yêu cầu gửi lên bị lỗi. Vui lòng tải lại trang và thử lại.',
    en: 'The request was damaged. Please reload the page and try again.',
  },
  MALFORMED_MULTIPART: {
    status: 400,
    vi: 'Tệp gửi lên bị lỗi. Vui lòng chọn lại tệp và thử lại.',
    en: 'The file upload was damaged. Please choose the file again and try again.',
  },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please log in again.',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện việc này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy nội dung bạn cần.', en: 'What you are looking for was not found.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    vi: 'Không thể thực hiện việc này tại đây.',
    en: 'This cannot be done here.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: 'Yêu cầu gửi quá chậm. Vui lòng kiểm tra mạng và thử lại.',
    en: 'The request took too long to arrive. Check your connection and try again.',
  },
  CONFLICT: {
    status: 409,
    vi: 'Thông tin bị trùng hoặc đã thay đổi. Vui lòng kiểm tra lại.',
    en: 'The information is a duplicate or has changed. Please check it.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Dữ liệu gửi lên quá lớn. Hãy giảm dung lượng tệp rồi thử lại.',
    en: 'What you sent is too large. Make the files smaller and try again.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Loại dữ liệu gửi lên không được chấp nhận.',
    en: 'This kind of data is not accepted.',
  },
  UNPROCESSABLE: {
    status: 422,
    vi: 'Không thể thực hiện yêu cầu với thông tin này. Vui lòng kiểm tra lại.',
    en: 'This cannot be done with the information given. Please check it.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {{wait}}.',
    en: 'Too many attempts. Try again in {{wait}}.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: 'Yêu cầu quá dài. Vui lòng xoá dữ liệu trình duyệt của trang này và thử lại.',
    en: 'The request is too long. Clear this site’s browser data and try again.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Đã có lỗi xảy ra ở máy chủ. Vui lòng thử lại sau.',
    en: 'Something went wrong on the server. Please try again later.',
  },
  UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống đang bận. Vui lòng thử lại sau ít phút.',
    en: 'The service is busy. Please try again in a few minutes.',
  },
  DATABASE_DOWN: {
    status: 503,
    vi: 'Hệ thống đang tạm ngừng. Vui lòng thử lại sau ít phút.',
    en: 'The service is down for the moment. Please try again in a few minutes.',
  },

  // ── Accounts and sign-in (identity) ──
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Số định danh cá nhân/tên đăng nhập hoặc mật khẩu không đúng',
    en: 'The national ID number/username or the password is wrong',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {{wait}}.',
    en: 'Too many attempts. Try again in {{wait}}.',
  },
  DUPLICATE_NATIONAL_ID: {
    status: 409,
    vi: 'Số định danh cá nhân này đã có tài khoản. Hãy đăng nhập',
    en: 'This personal identification number already has an account. Log in instead',
  },
  DUPLICATE_EMAIL: {
    status: 409,
    vi: 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác',
    en: 'This email address is already used by another account',
  },
  DUPLICATE_USERNAME: {
    status: 409,
    vi: 'Tên đăng nhập này đã có người dùng. Hãy chọn tên khác',
    en: 'This username is already taken. Choose another one',
  },
  COMMON_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu này quá phổ biến nên dễ bị đoán. Hãy chọn mật khẩu khác',
    en: 'This password is too common and easy to guess. Choose another one',
  },
  PASSWORD_PERSONAL_DATA: {
    status: 400,
    vi: 'Mật khẩu không được chứa số định danh, họ tên hoặc ngày sinh của bạn. Hãy chọn mật khẩu khác',
    en: 'The password must not contain your ID number, your name or your date of birth. Choose another one',
  },
  ACCOUNT_DISABLED: {
    status: 401,
    vi: 'Tài khoản này đã bị khoá. Vui lòng liên hệ bộ phận một cửa.',
    en: 'This account is disabled. Please contact the one-stop desk.',
  },
  INVALID_TOKEN: {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please log in again.',
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please log in again.',
  },
  UNKNOWN_AGENCY: {
    status: 400,
    vi: 'Cơ quan đã chọn không có trong danh sách.',
    en: 'The office you chose is not on the list.',
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    vi: 'Đăng nhập bằng tài khoản định danh điện tử chưa được kết nối.',
    en: 'Logging in with a digital citizen ID is not connected yet.',
  },
  OIDC_SUBJECT_MISMATCH: {
    status: 409,
    vi: 'Số định danh này đã gắn với một tài khoản định danh điện tử khác. Vui lòng liên hệ bộ phận một cửa.',
    en: 'This ID number is linked to another digital ID. Please contact the one-stop desk.',
  },

  // ── Procedures, agencies, holidays (catalog, reports) ──
  PROCEDURE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thủ tục.', en: 'Procedure not found.' },
  TEMPLATE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy mẫu đơn, tờ khai.', en: 'Form template not found.' },
  PROCEDURE_VERSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phiên bản này của thủ tục.',
    en: 'This version of the procedure was not found.',
  },
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan.', en: 'Office not found.' },
  SECTOR_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lĩnh vực.', en: 'Field of service not found.' },
  HOLIDAY_NOT_FOUND: { status: 404, vi: 'Không có ngày nghỉ vào ngày này.', en: 'There is no holiday on this day.' },
  DUPLICATE_PROCEDURE: {
    status: 409,
    vi: 'Mã thủ tục này đã có. Hãy dùng mã khác.',
    en: 'This procedure code exists already. Use another code.',
  },
  DUPLICATE_AGENCY: {
    status: 409,
    vi: 'Mã cơ quan này đã có. Hãy dùng mã khác.',
    en: 'This office code exists already. Use another code.',
  },
  DUPLICATE_SECTOR: {
    status: 409,
    vi: 'Mã lĩnh vực này đã có. Hãy dùng mã khác.',
    en: 'This field code exists already. Use another code.',
  },
  UNKNOWN_REFERENCE: {
    status: 400,
    vi: 'Lĩnh vực hoặc cơ quan đã chọn không có trong danh sách.',
    en: 'The field or office you chose is not on the list.',
  },
  INVALID_WORKING_DAY: {
    status: 400,
    vi: 'Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.',
    en: 'A make-up working day must be a Saturday or a Sunday.',
  },

  // ── Dossiers ──
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  ATTACHMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  ACTION_FORBIDDEN: {
    status: 403,
    vi: 'Vai trò của bạn không được thực hiện việc này với hồ sơ.',
    en: 'Your role may not do this to a dossier.',
  },
  PAYMENTS_UNAVAILABLE: {
    status: 503,
    vi: 'Thanh toán trực tuyến tạm thời chưa sẵn sàng. Vui lòng thanh toán tại Bộ phận Một cửa.',
    en: 'Online payment is not available right now. Please pay at the one-stop desk.',
  },
  FEE_NONE: {
    status: 409,
    vi: 'Hồ sơ này không thu phí.',
    en: 'This application has no fee.',
  },
  FEE_ALREADY_PAID: {
    status: 409,
    vi: 'Lệ phí của hồ sơ đã được thanh toán.',
    en: 'The fee of this application is already paid.',
  },
  FEE_UNPAID: {
    status: 409,
    vi: 'Lệ phí của hồ sơ chưa được thanh toán: chưa thể trả kết quả điện tử.',
    en: 'The fee of this application is not paid yet: the electronic result cannot be returned.',
  },
  FEE_NOT_PAYABLE: {
    status: 409,
    vi: 'Hồ sơ ở trạng thái này không nhận thanh toán.',
    en: 'An application in this status takes no payment.',
  },
  FEE_REFUND: {
    status: 409,
    vi: 'Lệ phí của hồ sơ đang chờ hoàn trả.',
    en: 'The fee of this application is due for refund.',
  },
  DEMO_REFUSED: {
    status: 409,
    vi: 'Lệnh trình diễn không áp dụng được (chỉ cho hồ sơ đang giải quyết, ngoài môi trường vận hành thật).',
    en: 'The demo command does not apply (only to an open dossier, never in production).',
  },
  SANDBOX_REFUSED: {
    status: 400,
    vi: 'Cổng thanh toán thử nghiệm từ chối yêu cầu này.',
    en: 'The sandbox payment gateway refused this request.',
  },
  UNSUBSCRIBE_LINK_INVALID: {
    status: 400,
    vi: 'Liên kết hủy đăng ký không hợp lệ hoặc đã bị sửa. Bạn có thể đổi cài đặt thông báo sau khi đăng nhập.',
    en: 'This unsubscribe link is not valid or was altered. You can change your notification settings after signing in.',
  },
  RESULT_MISSING: {
    status: 409,
    vi: 'Hồ sơ chưa có văn bản kết quả đã ký số.',
    en: 'The dossier has no signed result document yet.',
  },
  RESULT_PDF_UNREADABLE: {
    status: 422,
    vi: 'Không đọc hoặc ký được tệp PDF này (tệp hỏng hoặc có mật khẩu).',
    en: 'This PDF cannot be read or signed (damaged or encrypted).',
  },
  SIGNING_KEY_MISSING: {
    status: 503,
    vi: 'Chưa cấu hình chứng thư ký số của cơ quan; chưa thể ký kết quả.',
    en: "The agency's signing certificate is not configured; the result cannot be signed yet.",
  },
  VERIFICATION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy kết quả nào với mã xác thực này.',
    en: 'No issued result has this verification code.',
  },
  RESULT_UPLOAD_FORBIDDEN: {
    status: 403,
    vi: 'Chỉ cán bộ được phân công hoặc lãnh đạo phê duyệt mới được tải lên kết quả.',
    en: 'Only the assigned officer or an approver may upload the result.',
  },
  RESULT_UPLOAD_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể tải lên kết quả ở trạng thái hiện tại của hồ sơ.',
    en: 'A result cannot be uploaded in the dossier’s current status.',
  },
  RESULT_ALREADY_SIGNED: {
    status: 409,
    vi: 'Kết quả đã được ký số, không thể thay thế.',
    en: 'The result is signed and can no longer be replaced.',
  },
  RESULT_NO_TEMPLATE: {
    status: 409,
    vi: 'Thủ tục này chưa có mẫu kết quả; vui lòng tải lên văn bản kết quả.',
    en: 'This procedure has no result template; please upload the result document.',
  },
  RESULT_NOT_ISSUED: {
    status: 409,
    vi: 'Hồ sơ chưa có kết quả đã ký số để thu hồi.',
    en: 'The dossier has no signed result to revoke.',
  },
  RESULT_ALREADY_REVOKED: {
    status: 409,
    vi: 'Kết quả này đã được thu hồi.',
    en: 'This result has already been revoked.',
  },
  NOT_ASSIGNEE: {
    status: 403,
    vi: 'Hồ sơ này đang do cán bộ khác xử lý.',
    en: 'Another officer is handling this dossier.',
  },
  INVALID_TRANSITION: {
    status: 409,
    vi: 'Hồ sơ vừa thay đổi trạng thái nên không thể làm việc này. Vui lòng tải lại trang.',
    en: 'The dossier’s status has just changed, so this cannot be done. Please reload the page.',
  },
  STALE_VERSION: {
    status: 409,
    vi: 'Hồ sơ vừa được cập nhật. Vui lòng tải lại trang và thử lại.',
    en: 'The dossier has just been updated. Please reload the page and try again.',
  },
  UNKNOWN_PROCEDURE: {
    status: 422,
    vi: 'Thủ tục này không còn nhận hồ sơ.',
    en: 'This procedure no longer accepts applications.',
  },
  AGENCY_NOT_HANDLING: {
    status: 422,
    vi: 'Cơ quan đã chọn không giải quyết thủ tục này. Chọn cơ quan khác.',
    en: 'The office you chose does not handle this procedure. Choose another one.',
  },
  NO_AGENCY: {
    status: 422,
    vi: 'Tài khoản của bạn chưa thuộc cơ quan nào. Vui lòng liên hệ quản trị viên.',
    en: 'Your account belongs to no office. Please contact the administrator.',
  },
  NOT_DRAFT: {
    status: 409,
    vi: 'Hồ sơ này đã được gửi nên không sửa được nữa.',
    en: 'This application has been sent and can no longer be changed.',
  },
  UPLOAD_NOT_ALLOWED: {
    status: 409,
    vi: 'Chỉ tải giấy tờ lên được khi hồ sơ là bản nháp hoặc đang chờ bổ sung.',
    en: 'Documents can be uploaded only to a draft or when more information is requested.',
  },
  NOT_MULTIPART: {
    status: 415,
    vi: 'Tệp gửi lên bị lỗi. Vui lòng chọn lại tệp và thử lại.',
    en: 'The file upload was damaged. Please choose the file again and try again.',
  },
  TOO_MANY_ATTACHMENTS: { status: 422, vi: 'Hồ sơ đã có quá nhiều tệp.', en: 'This dossier has too many files.' },
  STORAGE_QUOTA_EXCEEDED: {
    status: 413,
    vi: 'Đã hết dung lượng lưu trữ cho phép của hồ sơ hoặc của tài khoản. Nén hoặc giảm dung lượng tệp rồi thử lại.',
    en: 'The storage allowance of this dossier or of your account is used up. Make the files smaller and try again.',
  },
  MISSING_DOCUMENTS: { status: 422, vi: 'Còn thiếu giấy tờ bắt buộc.', en: 'A required document is missing.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Không gửi được hồ sơ. Vui lòng bấm gửi lại.',
    en: 'Your application could not be sent. Please select send again.',
  },
  INVALID_ASSIGNEE: {
    status: 422,
    vi: 'Chỉ giao được hồ sơ cho cán bộ của cơ quan đang giải quyết hồ sơ.',
    en: 'A dossier can only be assigned to an officer of the office handling it.',
  },
  NOT_RATABLE: {
    status: 409,
    vi: 'Chỉ đánh giá được sau khi đã nhận kết quả.',
    en: 'You can rate an application once its result has been returned.',
  },
  ALREADY_RATED: { status: 409, vi: 'Bạn đã đánh giá hồ sơ này rồi.', en: 'You have already rated this application.' },
  NOT_SUBMITTED: {
    status: 409,
    vi: 'Hồ sơ chưa được gửi nên chưa có phiếu tiếp nhận.',
    en: 'This application has not been sent, so there is no receipt yet.',
  },

  // ── Files ──
  FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp {{file}} lớn hơn {{mb}} MB. Chọn tệp nhỏ hơn.',
    en: '{{file}} is larger than {{mb}} MB. Choose a smaller file.',
  },
  FILE_TYPE_NOT_ACCEPTED: {
    status: 415,
    vi: 'Tệp {{file}} không phải PDF, JPG hoặc PNG (kiểm tra theo nội dung tệp). Chọn tệp khác.',
    en: '{{file}} is not a PDF, JPG or PNG file (checked by its content). Choose another file.',
  },
  FILE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp.', en: 'File not found.' },

  // ── Live reports ──
  LIVE_STREAM_LIMIT: {
    status: 429,
    vi: 'Bạn đang mở quá nhiều trang theo dõi trực tiếp. Hãy đóng bớt rồi thử lại.',
    en: 'You have too many live pages open. Close some and try again.',
  },
  LIVE_STREAMS_BUSY: {
    status: 503,
    vi: 'Máy chủ đang có quá nhiều trang theo dõi trực tiếp. Vui lòng thử lại sau ít phút.',
    en: 'The server has too many live pages open. Please try again in a few minutes.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The one status a code is answered with (`new AppError('NOT_FOUND', 404, …)` type-checks, 400 does not). */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof ERROR_CODES)[C]['status'];
/** The codes answered with a given status (AppError.conflict takes only 409 codes). */
export type ErrorCodeWithStatus<S extends number> = {
  [C in ErrorCode]: ErrorStatus<C> extends S ? C : never;
}[ErrorCode];

/** The languages of every text here, Vietnamese first (the default). */
export const TEXT_LANGUAGES = ['vi', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** Fill `{{name}}` with params[name]; a name without a value is left out. */
export function fillText(text: string, params: Record<string, string | number | undefined> = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A code's text in a language (Vietnamese unless English is asked for). */
export function errorText(
  code: ErrorCode,
  lang: TextLanguage = 'vi',
  params?: Record<string, string | number | undefined>,
): string {
  return fillText(ERROR_CODES[code][lang], params);
}

/**
 * The text of a form field's error kind (FORM_ERROR_CODES, the message of a failing form-data
 * field), naming the field by {{label}}; plus the web's own kinds for an empty choice or tick box.
 */
export const FORM_ERROR_TEXT = {
  required: { vi: 'Nhập {{label}}', en: 'Enter {{label}}' },
  requiredChoice: { vi: 'Chọn {{label}}', en: 'Select {{label}}' },
  requiredCheckbox: {
    vi: 'Đánh dấu vào ô để xác nhận trước khi tiếp tục',
    en: 'Tick the box to confirm before you continue',
  },
  invalid_type: {
    vi: 'Kiểm tra lại {{label}}: thông tin chưa đúng dạng',
    en: 'Check {{label}}: it is not in the right form',
  },
  too_long: { vi: '{{label}} không được dài quá {{max}} ký tự', en: '{{label}} must be {{max}} characters or fewer' },
  invalid_format: { vi: '{{label}} chưa đúng định dạng', en: '{{label}} is not in the right format' },
  invalid_option: {
    vi: 'Chọn một trong các lựa chọn cho {{label}}',
    en: 'Select one of the options for {{label}}',
  },
  too_small: { vi: '{{label}} phải từ {{min}} trở lên', en: '{{label}} must be {{min}} or more' },
  too_big: { vi: '{{label}} không được lớn hơn {{max}}', en: '{{label}} must be {{max}} or less' },
  not_integer: { vi: '{{label}} phải là số nguyên', en: '{{label}} must be a whole number' },
  invalid_date: { vi: '{{label}} phải là một ngày có thật', en: '{{label}} must be a real date' },
  // {{min}} / {{max}}: the bound as the reader reads it (a date, or "hôm nay" / "today").
  date_too_early: { vi: '{{label}} phải từ ngày {{min}} trở đi', en: '{{label}} must be on or after {{min}}' },
  date_too_late: { vi: '{{label}} không được sau ngày {{max}}', en: '{{label}} must be on or before {{max}}' },
  not_verified_value: {
    vi: '{{label}} phải đúng với thông tin đã xác thực qua tài khoản định danh điện tử',
    en: '{{label}} must match the details verified by your digital ID',
  },
  invalid_national_id: { vi: '{{label}} phải gồm đúng 12 chữ số', en: '{{label}} must be exactly 12 digits' },
  invalid_phone: {
    vi: 'Nhập {{label}} là số điện thoại Việt Nam, ví dụ 0905123456',
    en: 'Enter {{label}} as a Vietnamese phone number, like 0905123456',
  },
  invalid_email: {
    vi: 'Nhập {{label}} đúng dạng, ví dụ ten@example.com',
    en: 'Enter {{label}} in the correct format, like name@example.com',
  },
  invalid_characters: {
    vi: '{{label}} có ký tự không hợp lệ. Hãy gõ lại',
    en: '{{label}} contains characters that are not allowed. Type it again',
  },
  invalid: { vi: 'Kiểm tra lại {{label}}', en: 'Check {{label}}' },
} as const satisfies Record<
  FormErrorCode | 'requiredChoice' | 'requiredCheckbox' | 'invalid',
  Record<TextLanguage, string>
>;
