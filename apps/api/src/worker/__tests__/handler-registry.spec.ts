import { JobName } from '../../queue';
import { buildHandlerRegistry, HandlerRegistryError } from '../handler-registry';
import type { JobHandler } from '../job-handler';

const handler = (jobName: string): JobHandler => ({ jobName: jobName as JobName, handle: async () => undefined });

describe('buildHandlerRegistry', () => {
  it('maps each job to its one handler', () => {
    const h = handler(JobName.WorkerHeartbeat);
    expect(buildHandlerRegistry([h]).get(JobName.WorkerHeartbeat)).toBe(h);
  });

  it('refuses a job without a handler', () => {
    expect(() => buildHandlerRegistry([])).toThrow(`job "${JobName.WorkerHeartbeat}" has no handler`);
  });

  it('refuses a job with two handlers', () => {
    expect(() => buildHandlerRegistry([handler(JobName.WorkerHeartbeat), handler(JobName.WorkerHeartbeat)])).toThrow('has two handlers');
  });

  it('refuses a handler for a job nobody declared', () => {
    expect(() => buildHandlerRegistry([handler(JobName.WorkerHeartbeat), handler('made.up')])).toThrow(HandlerRegistryError);
  });
});
