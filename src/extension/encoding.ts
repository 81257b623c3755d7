// Bytes ↔ text for .lstm files, such that every file comes back byte for byte when saved unedited.
// UTF-8 when the bytes are valid UTF-8 (a BOM is kept as U+FEFF for the core to see); otherwise
// Latin-1, one character per byte. Pure (no `vscode`).

export type FileEncoding = 'utf-8' | 'latin1';

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
}

export function decodeFile(bytes: Uint8Array): DecodedFile {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not TextDecoder('latin1'): WHATWG maps that label to windows-1252, which changes bytes 0x80–0x9F.
    let text = '';
    const chunk = 0x8000;
    for (let at = 0; at < bytes.length; at += chunk) {
      text += String.fromCharCode(...bytes.subarray(at, at + chunk));
    }
    return { text, encoding: 'latin1' };
  }
}

/**
 * Latin-1 writes each character below U+0100 as its one byte; a character typed later that Latin-1 can't
 * hold is written as UTF-8, so the bytes read from the file stay what they were.
 */
export function encodeFile(text: string, encoding: FileEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x100) bytes.push(code);
    else bytes.push(...encoder.encode(char));
  }
  return Uint8Array.from(bytes);
}
