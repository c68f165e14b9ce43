// The `scopeview` command line. Subcommands print JSON for scripts (`--json`) or a readable
// summary; the exit status is non-zero only when loading failed with an error.
import { Command } from 'commander';
import { openPath } from './open-path';
import { inspectJson, inspectText } from './inspect';

const program = new Command();
program.name('scopeview').description('Explore TensorFlow graphs: event logs, GraphDefs, MetaGraphs, SavedModels').version('0.1.0');

program
  .command('inspect')
  .description('list the graphs a file, SavedModel folder or logdir holds')
  .argument('<path>', 'event file, logdir, .pb/.pbtxt GraphDef, .meta MetaGraphDef or SavedModel')
  .option('--json', 'print machine-readable JSON')
  .action(async (path: string, opts: { json?: boolean }) => {
    const result = await openPath(path);
    process.stdout.write(opts.json ? `${JSON.stringify(inspectJson(result))}\n` : `${inspectText(result)}\n`);
    process.exitCode = result.error ? 1 : 0;
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`scopeview: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
