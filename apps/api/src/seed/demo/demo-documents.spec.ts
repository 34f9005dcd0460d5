import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { detectContentType } from '../../modules/intake/attachment-upload';
import { demoPdf, demoPng } from './demo-documents';

describe('demo documents', () => {
  it('writes a PDF whose cross-reference table points at each object, with the text escaped', () => {
    const pdf = demoPdf('Business plan (draft)', ['Applicant: さくら精機', 'back\\slash']);
    const text = pdf.toString('latin1');
    expect(detectContentType(pdf)).toBe('application/pdf');
    expect(text).toContain('(Business plan \\(draft\\)) Tj');
    expect(text).toContain('(Applicant: ?????) Tj');
    expect(text).toContain('(back\\\\slash) Tj');
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(text.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const stream = text.slice(text.indexOf('stream\n') + 7, text.indexOf('\nendstream'));
    expect(stream.length).toBe(length);
  });

  it('writes a PNG with valid chunk checksums and one filtered RGB row per line', () => {
    const png = demoPng([3, 5, 4], 60, 40);
    expect(detectContentType(png)).toBe('image/png');
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.toString('ascii', at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length)).toBe(zlibCrc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4), chunks[0].data[8], chunks[0].data[9]]).toEqual([60, 40, 8, 2]);
    expect(inflateSync(chunks[1].data).length).toBe(40 * (1 + 60 * 3));
  });
});
