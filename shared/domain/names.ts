/**
 * Names pasted as a column from a spreadsheet or a document (村（社区）, 网格): one per line, or separated
 * by 、，, ; ； or tabs; spaces around each are dropped, empty entries and repeats left out, the order
 * kept. Spaces inside a name are kept (they are part of it).
 */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\r\n\t、，,；;]+/)) {
    const name = raw.trim();
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}
