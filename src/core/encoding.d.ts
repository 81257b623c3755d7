// The part of the Encoding API (TextDecoder, TextEncoder) that the weight-file readers use. Every runtime
// the core runs in (Node, browsers, web workers) has it, but its types live in the DOM and Node libraries,
// which the core must not see.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
