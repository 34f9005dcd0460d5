import { parse } from 'csv-parse/sync';
import { csvFile, neutraliseCell, xlsxValue } from '../spreadsheet-cells';

describe('spreadsheet cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","株式会社")', `'=HYPERLINK("http://evil.example","株式会社")`],
    ['+81-3-1234', `'+81-3-1234`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['＝１＋１', `'＝１＋１`],
    ['株式会社さくら', '株式会社さくら'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', ''],
  ])('writes the text cell %j as %j (a leading =, +, -, @, tab or CR starts a formula)', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves numbers (negative too) and empty cells as they are', () => {
    expect([neutraliseCell(-5), neutraliseCell(12_000_000), neutraliseCell(null)]).toEqual([-5, 12_000_000, null]);
  });

  it('writes CSV with a BOM, every cell neutralised and quoted as CSV needs', () => {
    const body = csvFile([
      ['受付番号', '事業者名'],
      ['RES12-00000001', '=HYPERLINK("http://evil.example","x"),1'],
      ['RES12-00000002', -3],
    ]);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body.subarray(3).toString('utf8'));
    expect(rows).toEqual([
      ['受付番号', '事業者名'],
      ['RES12-00000001', `'=HYPERLINK("http://evil.example","x"),1`],
      ['RES12-00000002', '-3'],
    ]);
  });

  it('keeps xlsx text a string and numbers numbers', () => {
    expect([xlsxValue('=1+1'), xlsxValue(3), xlsxValue(null), xlsxValue(undefined)]).toEqual(['=1+1', 3, null, null]);
  });
});
