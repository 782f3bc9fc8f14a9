/**
 * The executor that checks in this thread, one file after another (one engine run at a time
 * per rule set). Files are read as they are checked: nothing waits in memory.
 */
import { ConfigResolver } from '@edunorm/core/node';
import { checkJob, type CheckJob } from './check-tasks.js';
import type { Executor, ExecutorOptions } from './executor.js';
import type { Outcome } from './outcome.js';

/**
 * The configurations one thread checks with. Each configuration the run uses is resolved, in
 * target order, before any file is checked: a broken one stops the run (exit 2) before any
 * work, and every thread stops on the same one.
 */
export function threadResolver(options: Pick<ExecutorOptions, 'configFile' | 'configFolders'>): ConfigResolver {
  const resolver = new ConfigResolver(options.configFile);
  for (const folder of options.configFolders) resolver.forFolder(folder);
  return resolver;
}

export class InProcessExecutor implements Executor {
  readonly threads = 1;

  constructor(private readonly options: ExecutorOptions) {}

  async run(jobs: readonly CheckJob[], onOutcome: (outcome: Outcome) => void): Promise<void> {
    const resolver = threadResolver(this.options);
    for (const job of jobs) onOutcome(await checkJob(job, resolver, this.options, this.options.digest));
  }
}
