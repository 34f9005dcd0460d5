import { JobName } from '../queue';
import type { JobHandler } from './job-handler';

export class HandlerRegistryError extends Error {}

/**
 * Maps every job name to exactly one handler. A job without a handler, or with two, is a wiring
 * mistake that would lose or double work at run time, so the worker refuses to start on it.
 */
export function buildHandlerRegistry(handlers: JobHandler[], jobNames: JobName[] = Object.values(JobName)): Map<JobName, JobHandler> {
  const registry = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const handler of handlers) {
    if (registry.has(handler.jobName)) problems.push(`job "${handler.jobName}" has two handlers`);
    registry.set(handler.jobName, handler);
  }
  for (const name of jobNames) if (!registry.has(name)) problems.push(`job "${name}" has no handler`);
  for (const name of registry.keys()) if (!jobNames.includes(name)) problems.push(`handler for unknown job "${name}"`);
  if (problems.length > 0) throw new HandlerRegistryError(`Worker wiring is wrong:\n  - ${problems.join('\n  - ')}`);
  return registry;
}
