/**
 * The executor that checks in this thread, one file after another (one engine run at a time
 * per rule set). Files are read as they are checked: nothing waits in memory.
 */
import { ConfigResolver } from '@edunorm/core/node';
import { checkJob, type CheckJob } from './check-tasks.js';
import type { Executor, ExecutorOptions } from './executor.js';
import type { Outcome } from './outcome.js';

/**
 * Resolves each configuration the run uses, in target order, before any file is checked: a
 * broken one stops the run (exit 2) before any work, and every thread stops on the same one.
 */
export function resolveConfigs(resolver: ConfigResolver, folders: readonly string[]): void {
  for (const folder of folders) resolver.forFolder(folder);
}

export class InProcessExecutor implements Executor {
  readonly threads = 1;

  constructor(private readonly options: ExecutorOptions) {}

  async run(jobs: readonly CheckJob[], onOutcome: (outcome: Outcome) => void): Promise<void> {
    const resolver = new ConfigResolver(this.options.configFile);
    resolveConfigs(resolver, this.options.configFolders);
    for (const job of jobs) onOutcome(await checkJob(job, resolver, this.options, this.options.digest));
  }
}
