// The `scopeview` command line. Subcommands print JSON for scripts (`--json`) or a readable
// summary; the exit status is non-zero only when loading failed with an error.
import { Command, Option } from 'commander';
import { openPath } from './open-path';
import { inspectJson, inspectText } from './inspect';
import { withGraph } from './pick-graph';
import { hierarchyText, modelJson } from './hierarchy';
import { scopesJson, scopesText } from './scopes';
import { signaturesJson, signaturesText } from './signatures';
import { runDiff, type DiffCommandOptions } from './diff';
import { runExplain, type ExplainOptions } from './explain';
import { layoutGraph, layoutJson, layoutText, writeSvg } from './layout';
import type { LayoutAlgorithm } from '../core/layout/types';
import { pickGraph } from './pick-graph';
import { remoteOptions, withEndpointOption } from './remote-options';
import { analyzeGraph } from '../core/scope/scope-engine';
import { analyzeVariables } from '../core/scope/variables/variables';

const program = new Command();
program.name('scopeview').description('Explore TensorFlow graphs: event logs, GraphDefs, MetaGraphs, SavedModels').version('0.1.0');

const REMOTE = ' (a path, or an https://, s3:// or gs:// URL)';

withEndpointOption(program
  .command('inspect')
  .description('list the graphs a file, SavedModel folder or logdir holds')
  .argument('<path>', `event file, logdir, .pb/.pbtxt GraphDef, .meta MetaGraphDef or SavedModel${REMOTE}`))
  .option('--json', 'print machine-readable JSON')
  .action(async (path: string, opts: { json?: boolean; endpoint?: string }) => {
    const result = await openPath(path, {}, remoteOptions(opts));
    process.stdout.write(opts.json ? `${JSON.stringify(inspectJson(result))}\n` : `${inspectText(result)}\n`);
    process.exitCode = result.error ? 1 : 0;
  });

withEndpointOption(program
  .command('signatures'))
  .description('list the signatures of a SavedModel or MetaGraphDef: method, inputs and outputs with tensor, dtype, shape and producing op')
  .argument('<path>', `a SavedModel (file or folder), .meta MetaGraphDef or event file${REMOTE}`)
  .option('--json', 'print machine-readable JSON')
  .action(async (path: string, opts: { json?: boolean; endpoint?: string }) => {
    const result = await openPath(path, {}, remoteOptions(opts));
    process.stdout.write(opts.json ? `${JSON.stringify(signaturesJson(result))}\n` : `${signaturesText(result)}\n`);
    process.exitCode = result.error ? 1 : 0;
  });

withEndpointOption(program
  .command('hierarchy'))
  .description('print the scope hierarchy of one graph (TensorBoard naming: strict names, series, embedding)')
  .argument('<file>', `any file \`scopeview inspect\` accepts${REMOTE}`)
  .option('--graph <index>', 'which graph of the file (see `scopeview inspect`)', '0')
  .option('--json', 'print machine-readable JSON')
  .action(async (file: string, opts: { graph?: string; json?: boolean; endpoint?: string }) => {
    await withGraph(file, opts.graph, (g) => {
      const model = analyzeGraph(g.graph);
      return opts.json ? JSON.stringify(modelJson(model)) : hierarchyText(model);
    }, remoteOptions(opts));
  });

withEndpointOption(program
  .command('scopes'))
  .description('report how variable and name scopes shaped the names: variables outside their readers\' scopes, shared (reused) variables, uniquified twins, re-entered scopes')
  .argument('<file>', `any file \`scopeview inspect\` accepts${REMOTE}`)
  .option('--graph <index>', 'which graph of the file (see `scopeview inspect`)', '0')
  .option('--json', 'print machine-readable JSON')
  .action(async (file: string, opts: { graph?: string; json?: boolean; endpoint?: string }) => {
    await withGraph(file, opts.graph, (g) => {
      const report = analyzeVariables(g.graph);
      return opts.json ? JSON.stringify(scopesJson(report)) : scopesText(report);
    }, remoteOptions(opts));
  });

withEndpointOption(program
  .command('explain'))
  .description('explain how each op name was made: every segment\'s kind (outer name_scope, variables, a variable\'s own ops, ops only, gradients), re-entries, uniquified leaves and the variables the op reads')
  .argument('<file>', `any file \`scopeview inspect\` accepts${REMOTE}`)
  .argument('[names...]', 'op names to explain (default: every op of the graph, not its function library)')
  .option('--graph <index>', 'which graph of the file (see `scopeview inspect`)', '0')
  .option('--json', 'print machine-readable JSON')
  .action((file: string, names: string[], opts: ExplainOptions) => runExplain(file, names, opts));

/** `--algorithm`: which layout draws scopes with edges between their children. */
const algorithmOption = (): Option => new Option('--algorithm <name>', "'layered' (the app's) or 'elk' (ELK's layered algorithm for scopes of under 100 children and 60 edges: the reference)")
  .choices(['layered', 'elk']).default('layered');

interface LayoutOptions { graph?: string; expand?: string; endpoint?: string; algorithm?: LayoutAlgorithm }

/** Loads, picks and lays out a graph (`widths`: as layoutGraph); prints errors and sets the exit status itself. */
async function laidOut(file: string, { graph, expand, endpoint, algorithm }: LayoutOptions, widths: boolean) {
  const picked = await pickGraph(file, graph, remoteOptions({ endpoint }));
  if (picked.error !== null) {
    process.stderr.write(`scopeview: ${picked.error}\n`);
    process.exitCode = 1;
    return null;
  }
  const laid = await layoutGraph(picked.graph.graph, expand ?? 'none', algorithm ?? 'layered', widths);
  if ('error' in laid) {
    process.stderr.write(`scopeview: ${laid.error}\n`);
    process.exitCode = 2;
    return null;
  }
  return laid;
}

withEndpointOption(program
  .command('layout'))
  .description('lay out one graph as the app does and print the geometry')
  .argument('<file>', `any file \`scopeview inspect\` accepts${REMOTE}`)
  .option('--graph <index>', 'which graph of the file (see `scopeview inspect`)', '0')
  .option('--expand <which>', "scopes to open: 'all', 'none' or a regular expression over scope names", 'none')
  .addOption(algorithmOption())
  .option('--json', 'print machine-readable JSON')
  .action(async (file: string, opts: LayoutOptions & { json?: boolean }) => {
    const laid = await laidOut(file, opts, false);
    if (laid) process.stdout.write(`${opts.json ? JSON.stringify(layoutJson(laid)) : layoutText(laid)}\n`);
  });

withEndpointOption(program
  .command('export'))
  .description('write the laid-out graph as a standalone SVG file')
  .argument('<file>', `any file \`scopeview inspect\` accepts${REMOTE}`)
  .requiredOption('--svg <out>', 'the SVG file to write')
  .option('--graph <index>', 'which graph of the file (see `scopeview inspect`)', '0')
  .option('--expand <which>', "scopes to open: 'all', 'none' or a regular expression over scope names", 'none')
  .addOption(algorithmOption())
  .action(async (file: string, opts: LayoutOptions & { svg: string }) => {
    const laid = await laidOut(file, opts, true);
    if (laid) process.stdout.write(`${await writeSvg(opts.svg, laid)}\n`);
  });

withEndpointOption(program
  .command('diff'))
  .description('compare two graphs: nodes matched by name, by scope moves and by structure, each same, attr-changed, moved, renamed, added or removed')
  .argument('<a>', `the first graph: any file \`scopeview inspect\` accepts${REMOTE}`)
  .argument('<b>', 'the second graph')
  .option('--graph-a <index>', 'which graph of A (see `scopeview inspect`)', '0')
  .option('--graph-b <index>', 'which graph of B', '0')
  .option('--json', 'print machine-readable JSON')
  .action((a: string, b: string, opts: DiffCommandOptions) => runDiff(a, b, opts));

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`scopeview: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
