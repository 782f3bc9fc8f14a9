// Runs the edunorm CLI in this process and reports its peak memory (maxRSS, KiB) on stderr.
import { main } from '../packages/cli/dist/main.js';

const code = await main(process.argv.slice(2), {
  stdout: () => {},
  stderr: (s) => process.stderr.write(s),
  isTTY: false,
  env: process.env,
  cwd: process.cwd(),
});
process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
