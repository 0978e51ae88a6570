import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { vnPlaceDateLine } from './vn-format.js';

// Resolved from the package, not a relative path, so it works from src (jest) and dist (node ESM).
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** DejaVu has every Vietnamese letter with its diacritics; the standard PDF fonts do not. */
const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | null = null;
function fonts(): Record<FontName, Buffer> {
  fontCache ??= {
    regular: readFileSync(path.join(FONT_DIR, FONT_FILES.regular)),
    bold: readFileSync(path.join(FONT_DIR, FONT_FILES.bold)),
    italic: readFileSync(path.join(FONT_DIR, FONT_FILES.italic)),
  };
  return fontCache;
}

/** A4 with the margins of Decree 30/2020/NĐ-CP (top/bottom 20 mm, left 30 mm, right 20 mm). */
const MM = 72 / 25.4;
export const PAGE_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };

/**
 * A new A4 document with the Vietnamese fonts registered. `createdAt` is the document's own date
 * (receipt time, letter date): used as the PDF creation date, the same view renders the same bytes.
 */
export function createPdf(title: string, createdAt: Date): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    info: { Title: title, Author: 'MotCua', Creator: 'MotCua', Producer: 'MotCua', CreationDate: createdAt },
    lang: 'vi-VN',
    bufferPages: false,
  });
  const f = fonts();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  doc.registerFont('italic', f.italic);
  doc.font('regular');
  return doc;
}

/** End the document and collect its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export interface HeaderOptions {
  /** The governing body, e.g. `UBND THÀNH PHỐ ĐÀ NẴNG`; omitted for a top-level agency. */
  parentAgencyName?: string | null;
  agencyName: string;
  /** A third line on the left, under the agency (e.g. the one-stop-shop desk). */
  unitName?: string | null;
  /** Under the rule on the left: `Số: …` or `Mã hồ sơ: …`. */
  reference?: string | null;
  place: string;
  date: Date;
}

/**
 * The two-column head of a Vietnamese administrative document (Decree 30/2020/NĐ-CP): issuing
 * body on the left, national name and motto on the right, each with a short rule under it, then
 * the reference number on the left and the place and date on the right.
 */
export function drawNationalHeader(doc: PDFKit.PDFDocument, h: HeaderOptions): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftWidth = width * 0.42;
  const rightX = left + width * 0.4;
  const rightWidth = width * 0.6;
  const top = doc.y;

  let y = top;
  doc.fontSize(10.5);
  if (h.parentAgencyName) {
    doc.font('regular').text(h.parentAgencyName.toUpperCase(), left, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').text(h.agencyName.toUpperCase(), left, y, { width: leftWidth, align: 'center' });
  y = doc.y;
  if (h.unitName) {
    doc.font('bold').text(h.unitName.toUpperCase(), left, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  const leftRuleY = y + 4;
  doc
    .moveTo(left + leftWidth * 0.35, leftRuleY)
    .lineTo(left + leftWidth * 0.65, leftRuleY)
    .lineWidth(0.6)
    .stroke();
  let leftBottom = leftRuleY + 6;
  if (h.reference) {
    doc.font('regular').fontSize(10.5).text(h.reference, left, leftBottom, { width: leftWidth, align: 'center' });
    leftBottom = doc.y;
  }

  doc.font('bold').fontSize(10.5);
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  doc.fontSize(11.5).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  const rightRuleY = doc.y + 3;
  const mottoLeft = rightX + (rightWidth - mottoWidth) / 2;
  doc
    .moveTo(mottoLeft, rightRuleY)
    .lineTo(mottoLeft + mottoWidth, rightRuleY)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('italic')
    .fontSize(10.5)
    .text(vnPlaceDateLine(h.place, h.date), rightX, Math.max(rightRuleY + 6, leftRuleY + 6), {
      width: rightWidth,
      align: 'center',
    });
  const rightBottom = doc.y;

  doc.x = left;
  doc.y = Math.max(leftBottom, rightBottom) + 18;
}

/** A centred title with an optional subtitle line. */
export function drawTitle(doc: PDFKit.PDFDocument, title: string, subtitle?: string | null): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(14).text(title, left, doc.y, { width, align: 'center' });
  if (subtitle)
    doc
      .font('bold')
      .fontSize(11.5)
      .text(subtitle, left, doc.y + 2, { width, align: 'center' });
  doc.font('regular').fontSize(11.5);
  doc.x = left;
  doc.y += 14;
}

/** `Label: value` as one flowing paragraph, the label in regular and the value in bold. */
export function drawLabelled(doc: PDFKit.PDFDocument, label: string, value: string, indent = 0): void {
  const left = doc.page.margins.left + indent;
  const width = contentWidth(doc) - indent;
  doc.font('regular').fontSize(11.5).text(`${label}: `, left, doc.y, { width, continued: true });
  doc.font('bold').text(value, { width });
  doc.font('regular');
  doc.moveDown(0.35);
}

/** Start a new page when the next `height` points would not fit. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
  }
}
