// The command line as it ships: the entry esbuild bundles into dist-cli/cli.cjs (see
// shared/cli-launch.cjs, which `npm run cli` runs). Beside it, the parse worker's own bundle: big
// CSV ledgers are parsed on the second core, as in the app.
import { join } from 'node:path';
import { main } from './cli';
import { setParseWorkerPath } from './workspace/parse-client';

export function run(argv: string[], bundleDir: string): Promise<number> {
  setParseWorkerPath(join(bundleDir, 'parse-worker.cjs'));
  return main(argv);
}
