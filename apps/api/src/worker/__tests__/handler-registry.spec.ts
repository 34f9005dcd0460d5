import { JobName } from '../../queue';
import { buildHandlerRegistry, HandlerRegistryError } from '../handler-registry';
import type { JobHandler } from '../job-handler';

const handler = (jobName: string): JobHandler => ({ jobName: jobName as JobName, handle: async () => undefined });
const oneEach = () => Object.values(JobName).map(handler);

describe('buildHandlerRegistry', () => {
  it('maps each job to its one handler', () => {
    const handlers = oneEach();
    const registry = buildHandlerRegistry(handlers);
    for (const h of handlers) expect(registry.get(h.jobName)).toBe(h);
  });

  it('refuses a job without a handler', () => {
    expect(() => buildHandlerRegistry(oneEach().filter((h) => h.jobName !== JobName.RunImport))).toThrow(`job "${JobName.RunImport}" has no handler`);
  });

  it('refuses a job with two handlers', () => {
    expect(() => buildHandlerRegistry([...oneEach(), handler(JobName.WorkerHeartbeat)])).toThrow('has two handlers');
  });

  it('refuses a handler for a job nobody declared', () => {
    expect(() => buildHandlerRegistry([...oneEach(), handler('made.up')])).toThrow(HandlerRegistryError);
  });
});
