// `npm run bench [-- part...]`: runs the benchmark parts (default: all) and prints one table with
// our figures beside their baselines, ratios and budgets. Paste the table into docs/PERFORMANCE.md.
import os from 'node:os';
import { formatTable, passes, type BenchRow } from './report';
import { benchLoad } from './load.bench';
import { benchTfrecord } from './tfrecord.bench';
import { benchTextFormat } from './text-format.bench';
import { benchScope } from './scope.bench';
import { benchSearch } from './search.bench';
import { benchLayout } from './layout.bench';
import { benchExpand } from './expand.bench';
import { benchCorpusExpand } from './corpus-expand';
import { benchDiff } from './diff.bench';
import { benchUi, benchUiCorpus } from './ui.bench';
import { benchCanvas } from './canvas.bench';
import { benchRemote } from './remote.bench';
import { benchExplain } from './explain.bench';

const PARTS: Record<string, () => Promise<BenchRow[]>> = {
  load: benchLoad,
  tfrecord: benchTfrecord,
  text: benchTextFormat,
  scope: benchScope,
  search: benchSearch,
  layout: benchLayout,
  expand: benchExpand,
  'expand-corpus': benchCorpusExpand,
  diff: benchDiff,
  ui: benchUi,
  'ui-corpus': benchUiCorpus,
  canvas: benchCanvas,
  remote: benchRemote,
  explain: benchExplain,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(PARTS);
const rows: BenchRow[] = [];
for (const name of names) {
  const part = PARTS[name];
  if (!part) {
    console.error(`unknown bench part '${name}'; parts: ${Object.keys(PARTS).join(', ')}`);
    process.exit(2);
  }
  console.error(`bench: running ${name}…`);
  rows.push(...(await part()));
}
console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`);
console.log(formatTable(rows));
const failed = rows.filter((r) => passes(r) === false);
if (failed.length) console.log(`\n${failed.length} figure(s) over budget: ${failed.map((r) => r.name).join('; ')}`);
