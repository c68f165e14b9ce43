// Scope correspondences learned from pairs already matched: when every matched pair that left
// scope `p` in A landed in scope `q` in B and vice versa (`input_images` → `input_images_v2`),
// an unmatched `p/rest` pairs with `q/rest`. This catches what suffix keys cannot: subgraphs that
// repeat under several renamed scopes (`x/random_uniform/...` beside `y/random_uniform/...`), or
// dead branches that no structural signature reaches.
import type { Graph } from '../graph/graph';
import { keyOwners, type Matching } from './matching';

/** Splits two names into (prefix A, prefix B) by their longest common trailing components; null when the leaves differ. */
function movedPrefixes(na: string, nb: string): [string, string] | null {
  const ca = na.split('/');
  const cb = nb.split('/');
  let c = 0;
  while (c < ca.length && c < cb.length && ca[ca.length - 1 - c] === cb[cb.length - 1 - c]) c++;
  if (c === 0 || (c === ca.length && c === cb.length)) return null;
  return [ca.slice(0, ca.length - c).join('/'), cb.slice(0, cb.length - c).join('/')];
}

/** Prefix rules that every vote agrees on, both ways: p → q only if p never went elsewhere and q never came from elsewhere. */
function learnRules(a: Graph, b: Graph, m: Matching): [Map<string, string>, Map<string, string>] {
  const targets = new Map<string, Set<string>>();
  const sources = new Map<string, Set<string>>();
  const vote = (votes: Map<string, Set<string>>, from: string, to: string): void => {
    const set = votes.get(from);
    if (set) set.add(to);
    else votes.set(from, new Set([to]));
  };
  for (let i = 0; i < m.a.length; i++) {
    const j = m.a[i] as number;
    if (j < 0 || a.name(i) === b.name(j)) continue;
    const moved = movedPrefixes(a.name(i), b.name(j));
    if (!moved) continue;
    vote(targets, moved[0], moved[1]);
    vote(sources, moved[1], moved[0]);
  }
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  for (const [p, qs] of targets) {
    const [q] = qs;
    if (qs.size !== 1 || q === undefined || sources.get(q)?.size !== 1) continue;
    forward.set(p, q);
    backward.set(q, p);
  }
  return [forward, backward];
}

/** The name under the longest ruled prefix of `name` (the empty prefix included), or null. */
function translate(name: string, rules: ReadonlyMap<string, string>): string | null {
  for (let cut = name.lastIndexOf('/'); ; cut = name.lastIndexOf('/', cut - 1)) {
    const prefix = cut < 0 ? '' : name.slice(0, cut);
    const target = rules.get(prefix);
    if (target !== undefined) {
      const rest = cut < 0 ? name : name.slice(cut + 1);
      return target === '' ? rest : `${target}/${rest}`;
    }
    if (cut <= 0) return null;
  }
}

/**
 * Pairs (i, j) of unmatched nodes with the same op where i's name under the learned rules is j's
 * and j's name under the reverse rules is i's. Requiring both directions keeps the step symmetric
 * when the longest ruled prefixes differ on the two sides.
 */
export function scopeTransferPairs(a: Graph, b: Graph, m: Matching): [number, number][] {
  const [forward, backward] = learnRules(a, b, m);
  if (forward.size === 0) return [];
  // A name repeated among the unmatched (a broken graph) is left alone: no order decides for it.
  const ownersA = keyOwners(m.unmatched('a'), (i) => a.name(i));
  const ownersB = keyOwners(m.unmatched('b'), (j) => b.name(j));
  const pairs: [number, number][] = [];
  for (const [name, i] of ownersA) {
    const t = translate(name, forward);
    const j = t === null ? undefined : ownersB.get(t);
    if (i < 0 || j === undefined || j < 0 || b.op(j) !== a.op(i) || translate(t as string, backward) !== name) continue;
    pairs.push([i, j]);
  }
  return pairs;
}
