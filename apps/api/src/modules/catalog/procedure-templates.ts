import type { FormField, ProcedureTemplate } from '@motcua/shared';
import { contentWidth, createPdf, ensureSpace, pdfToBuffer } from '../documents/pdf-document.js';
import type { ProcedureVersionView } from './catalog.types.js';

/**
 * Downloadable form templates of a procedure (issue 16, item 7). The declaration form (tờ khai) is
 * generated from the current version's form schema, so it always asks what the online form asks
 * and needs no stored file; a new version publishes a new template with it.
 */
export const DECLARATION_TEMPLATE = 'to-khai.pdf';

export function procedureTemplates(p: Pick<ProcedureVersionView, 'code' | 'name' | 'nameEn'>): ProcedureTemplate[] {
  return [
    {
      name: DECLARATION_TEMPLATE,
      title: `Tờ khai ${lowerFirst(p.name)}`,
      titleEn: p.nameEn ? `Application form: ${p.nameEn}` : 'Application form',
      mimeType: 'application/pdf',
      url: `/procedures/${encodeURIComponent(p.code)}/templates/${DECLARATION_TEMPLATE}`,
    },
  ];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

const DOTS = '.'.repeat(600);

/**
 * The blank declaration: national heading, title, "Kính gửi" the handling agency, one dotted line
 * per field (a box per option of a choice), the applicant's undertaking and the signature place.
 * Dated by the version's publication, so the same version always renders the same bytes.
 */
export async function renderDeclarationPdf(p: ProcedureVersionView, agencyNames: string[]): Promise<Buffer> {
  const doc = createPdf(`Tờ khai - ${p.name}`, p.publishedAt);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  /** The label, then dots to the end of the line (a label too long for one line gets its own). */
  const line = (label: string) => {
    ensureSpace(doc, 36);
    doc.font('regular').fontSize(11.5);
    const text = label ? `${label}: ` : '';
    const dotWidth = doc.widthOfString('.');
    let room = width - doc.widthOfString(text);
    if (room < width * 0.3) {
      doc.text(text, left, doc.y, { width });
      room = width;
    }
    const dots = DOTS.slice(0, Math.max(0, Math.floor(room / dotWidth) - 1));
    doc.text(room === width ? dots : `${text}${dots}`, left, doc.y, { width });
    doc.moveDown(0.5);
    doc.x = left;
  };

  doc.font('bold').fontSize(11.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left, doc.y, { width, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width, align: 'center' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(14).text('TỜ KHAI', { width, align: 'center' });
  doc.font('bold').fontSize(12).text(p.name.toUpperCase(), { width, align: 'center' });
  doc.font('italic').fontSize(10).text(`(Mã thủ tục ${p.code}, phiên bản ${p.version})`, { width, align: 'center' });
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(11.5)
    .text(`Kính gửi: ${agencyNames.join(' / ') || DOTS.slice(0, 60)}`, left, doc.y, { width });
  doc.moveDown(0.8);

  for (const f of p.formSchema.fields) drawField(doc, f, line);

  ensureSpace(doc, 140);
  doc.moveDown(0.6);
  doc
    .font('regular')
    .fontSize(11.5)
    .text(
      'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
      left,
      doc.y,
      { width, align: 'justify' },
    );
  doc.moveDown(1);
  const signX = left + width * 0.45;
  doc.font('italic').text('............, ngày ...... tháng ...... năm ..........', signX, doc.y, {
    width: width * 0.55,
    align: 'center',
  });
  doc.font('bold').text('NGƯỜI KHAI', signX, doc.y, { width: width * 0.55, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text('(Ký, ghi rõ họ tên)', signX, doc.y, { width: width * 0.55, align: 'center' });
  return pdfToBuffer(doc);
}

function drawField(doc: PDFKit.PDFDocument, f: FormField, line: (label: string) => void): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const label = f.required ? `${f.label} (*)` : f.label;
  if (f.type === 'select' && f.options) {
    ensureSpace(doc, 36);
    doc.font('regular').fontSize(11.5).text(`${label}:`, left, doc.y, { width });
    doc.text(f.options.map((o) => `☐ ${o.label}`).join('     '), left + 18, doc.y + 2, { width: width - 18 });
    doc.moveDown(0.6);
    doc.x = left;
    return;
  }
  if (f.type === 'checkbox') {
    ensureSpace(doc, 20);
    doc.font('regular').fontSize(11.5).text(`☐ ${label}`, left, doc.y, { width });
    doc.moveDown(0.6);
    return;
  }
  if (f.type === 'date') return line(`${label} (ngày/tháng/năm)`);
  line(label);
  // A long answer gets two more lines.
  if (f.type === 'textarea') {
    line('');
    line('');
  }
}
