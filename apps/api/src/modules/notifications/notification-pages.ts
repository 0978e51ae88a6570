import { ERROR_CODES, smsSegments } from '@motcua/shared';
import type { SandboxSms } from './sms-sandbox.controller.js';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const HEAD = (title: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
a{color:#0b57d0}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
.note{background:#fff4ce;padding:.5rem 1rem;border-left:4px solid #8a6d00}</style></head>
<body><main>`;

/** The page an unsubscribe link opens (no login): what was switched off, and where to change it back. */
export function unsubscribedPage(preferencesUrl: string): string {
  return `${HEAD('Đã hủy nhận thư thông báo')}
<h1>Đã hủy nhận thư thông báo</h1>
<p role="status">Bạn sẽ không nhận thư điện tử về thay đổi trạng thái và nhắc việc nữa. Các thư bắt buộc
(yêu cầu bổ sung, có kết quả, thư xin lỗi) vẫn được gửi.</p>
<p lang="en">You will no longer receive e-mails about status changes and reminders. Essential ones
(supplement requests, results, apologies) are still sent.</p>
<p><a href="${escapeHtml(preferencesUrl)}">Đổi cài đặt thông báo / Notification settings</a></p>
</main></body></html>`;
}

/** A forged or damaged link: the catalogue's text (errors.ts), nothing changed. */
export function unsubscribeInvalidPage(preferencesUrl: string): string {
  const text = ERROR_CODES.UNSUBSCRIBE_LINK_INVALID;
  return `${HEAD('Liên kết không hợp lệ')}
<h1>Liên kết không hợp lệ</h1>
<p role="alert">${escapeHtml(text.vi)}</p>
<p lang="en">${escapeHtml(text.en)}</p>
<p><a href="${escapeHtml(preferencesUrl)}">Đổi cài đặt thông báo / Notification settings</a></p>
</main></body></html>`;
}

/** The stand-in gateway's page: the messages it took, newest first. */
export function sandboxSmsPage(messages: readonly SandboxSms[]): string {
  const rows = messages
    .map((m) => {
      const size = smsSegments(m.content);
      return `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.phone)}</td><td>${escapeHtml(m.content)}</td>
<td>${size.encoding}, ${size.units} / ${size.segments}</td></tr>`;
    })
    .join('\n');
  return `${HEAD('Cổng SMS thử nghiệm')}
<h1>Cổng SMS thử nghiệm (sandbox)</h1>
<p class="note">Tin nhắn SMS chưa được gửi đi thật: cổng thử nghiệm chỉ ghi lại (ngoài môi trường production, khi chưa cấu hình SMS_URL).</p>
${
  messages.length
    ? `<table><caption>Tin đã nhận (mới nhất trước)</caption>
<thead><tr><th scope="col">Lúc</th><th scope="col">Số điện thoại</th><th scope="col">Nội dung</th><th scope="col">Mã hóa, ký tự / tin</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : '<p>Chưa có tin nhắn nào.</p>'
}
</main></body></html>`;
}
