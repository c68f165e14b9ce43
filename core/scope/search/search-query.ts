// Parses a search box query into one of the query kinds documented in search.ts. Never throws: a
// regex that does not compile becomes an error with the engine's (user-readable) message.

export type ParsedQuery =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly needle: string }
  | { readonly kind: 'regex'; readonly regex: RegExp; readonly lookaround: boolean }
  | { readonly kind: 'op'; readonly test: (op: string) => boolean }
  | { readonly kind: 'attr'; readonly needle: string }
  | { readonly kind: 'error'; readonly message: string };

/** `/pattern/flags` with JavaScript's flag letters; other endings (`/conv2d/kernel`) are plain text. */
const REGEX_LITERAL = /^\/(.+)\/([dgimsuvy]*)$/s;
/** Flags that change what matches; g, m, s, y and d make no sense per name and are dropped. */
const KEPT_FLAGS = /[iuv]/g;
/** Lookarounds can see past a name's end in the joined text, so such patterns are tested name by name. */
const LOOKAROUND = /\(\?<?[=!]/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `Conv*` → a case-insensitive whole-string matcher; without `*`, a case-insensitive equality. */
function opMatcher(value: string): (op: string) => boolean {
  const lower = value.toLowerCase();
  if (!lower.includes('*')) return (op) => op.toLowerCase() === lower;
  const re = new RegExp(`^${lower.split('*').map(escapeRegExp).join('.*')}$`, 's');
  return (op) => re.test(op.toLowerCase());
}

function prefixed(q: string, prefix: string): string | null {
  return q.length >= prefix.length && q.slice(0, prefix.length).toLowerCase() === prefix ? q.slice(prefix.length).trim() : null;
}

export function parseQuery(query: string): ParsedQuery {
  const q = query.trim();
  if (q === '') return { kind: 'empty' };
  const op = prefixed(q, 'op:');
  if (op !== null) return op === '' ? { kind: 'error', message: 'op: needs an op type, e.g. op:Conv2D or op:Conv*' } : { kind: 'op', test: opMatcher(op) };
  const attr = prefixed(q, 'attr:');
  if (attr !== null) return attr === '' ? { kind: 'error', message: 'attr: needs some text, e.g. attr:float or attr:(3, 3)' } : { kind: 'attr', needle: attr.toLowerCase() };
  const literal = REGEX_LITERAL.exec(q);
  if (literal) {
    const source = literal[1] as string;
    const flags = [...new Set((literal[2] as string).match(KEPT_FLAGS) ?? [])].join('');
    try {
      return { kind: 'regex', regex: new RegExp(source, flags), lookaround: LOOKAROUND.test(source) };
    } catch (err) {
      return { kind: 'error', message: err instanceof Error ? err.message : `Invalid regular expression: /${source}/` };
    }
  }
  return { kind: 'text', needle: q.toLowerCase() };
}
