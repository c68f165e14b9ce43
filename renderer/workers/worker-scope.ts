// The global scope of a dedicated worker, typed by hand: the renderer compiles against the DOM
// library, which cannot be combined with the WebWorker one in a single project.
export interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent) => void) | null;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
}

export const workerScope = self as unknown as WorkerScope;
