/** Demo data and files the journeys share. */

/** Birth registration (đăng ký khai sinh), handled by the ward of Hải Châu in the demo data. */
export const BIRTH = '1.001193';
export const HAI_CHAU = '000.30.01.H17';
/** Password of every seeded demo account (citizens and staff). */
export const DEMO_PASSWORD = 'Demo@123456';

/** A 12-digit national ID nobody else in this run has. */
export function freshNationalId(): string {
  return `0${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}

/** The smallest valid PDF (one empty page), with a correct cross-reference table. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** tinyPdf() as a file for Playwright's setInputFiles. */
export const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: tinyPdf() });
