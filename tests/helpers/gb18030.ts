/**
 * GB18030 (its two-byte part, which holds every Chinese character an office ledger uses) for fixtures:
 * Node decodes GB18030 but only encodes UTF-8, so the table is built by decoding every two-byte code.
 */
let table: Map<string, [number, number]> | null = null;

function build(): Map<string, [number, number]> {
  const map = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  }
  return map;
}

export function encodeGb18030(text: string): Buffer {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in the two-byte GB18030 table: ${ch}`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}
