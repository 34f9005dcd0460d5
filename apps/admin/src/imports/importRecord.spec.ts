import { isActive, progressPercent } from './importRecord';

describe('import progress', () => {
  it.each([
    ['not counted yet', { status: 'queued', totalRows: 0, processedRows: 0 }, null],
    ['half way', { status: 'running', totalRows: 200, processedRows: 100 }, 50],
    ['rounded', { status: 'running', totalRows: 3, processedRows: 1 }, 33],
    ['done, whatever the counts', { status: 'done', totalRows: 0, processedRows: 0 }, 100],
    ['a failed import stays where it stopped', { status: 'failed', totalRows: 10, processedRows: 4 }, 40],
  ] as const)('%s', (_rule, record, percent) => expect(progressPercent(record)).toBe(percent));

  it('keeps refreshing only while queued or running', () => {
    expect(isActive({ status: 'queued' })).toBe(true);
    expect(isActive({ status: 'running' })).toBe(true);
    expect(isActive({ status: 'done' })).toBe(false);
    expect(isActive({ status: 'failed' })).toBe(false);
  });
});
