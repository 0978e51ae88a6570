import {
  contentWidth,
  createPdf,
  drawLabelled,
  drawNationalHeader,
  drawTitle,
  ensureSpace,
  pdfToBuffer,
} from './pdf-document.js';

/** A result document generated from a procedure's template, its placeholders already filled. */
export interface ResultDocumentView {
  agencyName: string;
  parentAgencyName?: string | null;
  title: string;
  subtitle?: string | null;
  reference?: string | null;
  intro?: string | null;
  fields: { label: string; value: string }[];
  closing?: string | null;
  /** One line per `\n`, e.g. `TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH`. */
  signerTitle: string;
  issuedAt: Date;
  place?: string;
}

/**
 * The result document of a procedure's template (issue 14), in the layout of the other documents
 * (Decree 30/2020/NĐ-CP): the national header, the title, the facts, and the signer's block,
 * signed digitally afterwards (its QR code goes at the foot of the first page, kept clear here).
 */
export async function renderResultDocumentPdf(vm: ResultDocumentView): Promise<Buffer> {
  const doc = createPdf(vm.title, vm.issuedAt);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  drawNationalHeader(doc, {
    parentAgencyName: vm.parentAgencyName,
    agencyName: vm.agencyName,
    reference: vm.reference ?? null,
    place: vm.place ?? 'Đà Nẵng',
    date: vm.issuedAt,
  });
  drawTitle(doc, vm.title.toUpperCase(), vm.subtitle);
  const paragraph = (text: string) => {
    doc.font('regular').fontSize(12).text(text, left, doc.y, { width, align: 'justify', indent: 28, lineGap: 2 });
    doc.moveDown(0.6);
  };
  if (vm.intro) paragraph(vm.intro);
  for (const f of vm.fields) {
    ensureSpace(doc, 20);
    drawLabelled(doc, f.label, f.value, 28);
  }
  doc.moveDown(0.4);
  if (vm.closing) paragraph(vm.closing);

  ensureSpace(doc, 140);
  doc.moveDown(1);
  const half = width / 2;
  doc
    .font('bold')
    .fontSize(11.5)
    .text(vm.signerTitle.toUpperCase(), left + half, doc.y, { width: half, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text('(Đã ký số)', left + half, doc.y, { width: half, align: 'center' });
  doc.x = left;
  return pdfToBuffer(doc);
}
