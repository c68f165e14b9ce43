// What core/layout/elk-engine.ts uses of elkjs's engine module (its own .d.ts declares nothing):
// the stand-in worker, whose dispatcher runs a request and answers through `onmessage` at once.
declare module 'elkjs/lib/elk-worker.min.js' {
  export interface ElkStandIn {
    readonly dispatcher: { saveDispatch(event: { readonly data: unknown }): void };
    onmessage: ((event: { readonly data: unknown }) => void) | null;
  }
  const elkWorker: { readonly Worker: new () => ElkStandIn };
  export default elkWorker;
}
