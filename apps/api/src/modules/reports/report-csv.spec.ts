import { breakdownRow, ZERO_COUNTS } from '@motcua/shared';
import { BOM, breakdownCsv } from './report-csv.js';

describe('breakdown CSV', () => {
  it('starts with a BOM and a bilingual header, ends lines with CRLF, leaves null rates empty', () => {
    const csv = breakdownCsv([
      breakdownRow('2026-11', 'Tháng 11/2026', { ...ZERO_COUNTS, received: 3, receivedOnline: 2 }),
    ]);
    expect(csv.startsWith(`${BOM}Mã (Key),Tên (Name),Tiếp nhận (Received),`)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toBe('2026-11,Tháng 11/2026,3,2,0.6667,0,0,,0,0,0,,0,0,0,0,,0,0,,0,0,,0,0,0,,0,,0,0');
  });

  it('quotes separators and defuses spreadsheet formulas in labels', () => {
    const csv = breakdownCsv([
      breakdownRow('A', 'Phường "Một", Hải Châu', ZERO_COUNTS),
      breakdownRow('B', '=HYPERLINK("http://x")', ZERO_COUNTS),
    ]);
    const [, first, second] = csv.slice(1).split('\r\n');
    expect(first.startsWith('A,"Phường ""Một"", Hải Châu",')).toBe(true);
    expect(second.startsWith(`B,"'=HYPERLINK(""http://x"")",`)).toBe(true);
  });
});
