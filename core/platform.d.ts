// Globals that every runtime Scopeview's core runs in provides (browsers, workers, Node, Electron),
// declared here because core's tsconfig includes neither the DOM nor Node typings on purpose.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
