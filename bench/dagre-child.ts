// Runs dagre on one scope input (JSON file) in its own process, started with a large stack:
// dagre's recursive ranking overflows Node's default stack on a 3,000-node DAG. Prints the ms.
import { readFileSync } from 'node:fs';
import type { ScopeInput } from '../core/layout/types';
import { dagreLayout } from './dagre-layout';

process.stdout.write(`${dagreLayout(JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as ScopeInput)}\n`);
