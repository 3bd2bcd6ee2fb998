/**
 * Characters Windows refuses in a file name, control characters, and the bidirectional and
 * zero-width ones that can disguise an extension on screen (U+202E turns "gnp.exe" into "exe.png").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u202a-\u202e\u200b-\u200f]/g;

/** A name to offer when saving: unsafe characters become '_', no trailing dots or spaces, at most `max` characters. */
export function safeFileBase(name: string, max: number): string {
  return name
    .replace(UNSAFE_IN_FILE_NAME, '_')
    .replace(/[. ]+$/, '')
    .slice(0, max);
}
