// Content detection for `.txt` and `.md` files, which VS Code opens as Plain
// Text or Markdown whatever the `firstLine` pattern says: the same rule as
// the Neovim plugin's (editors/nvim/lua/transcript/detect.lua).

/** How many lines from the top the rule reads. */
export const LINES = 200;

/** File extensions whose documents the rule is asked about. */
export const DETECTED_EXTENSIONS = ['.txt', '.md'];

/**
 * A speaker label in capitals at the start of a line, possibly in bold:
 * `SECRETARY RICE: `, `**QUESTION:** `. Letters A-Z only, as Lua's `%u`.
 */
const LABEL = /^\s*\**([A-Z][A-Z.\s]+):\**\s/;

/**
 * Does a text whose first lines are `lines` hold a transcript? A memcon
 * header (MEMORANDUM OF CONVERSATION, or SUBJECT: with PARTICIPANTS:), or
 * three or more speaker labels in capitals, in the first {@link LINES} lines.
 */
export function looksLikeTranscript(lines: readonly string[]): boolean {
  let labels = 0;
  let subject = false;
  let participants = false;
  for (const line of lines.slice(0, LINES)) {
    if (line.includes('MEMORANDUM OF CONVERSATION') || line.includes('MEMORANDUM OF TELEPHONE CONVERSATION')) {
      return true;
    }
    if (/^\s*SUBJECT:/.test(line)) {
      subject = true;
    }
    if (/^\s*PARTICIPANTS:/.test(line)) {
      participants = true;
    }
    const label = LABEL.exec(line);
    if (label && label[1].length >= 2) {
      labels += 1;
    }
  }
  return (subject && participants) || labels >= 3;
}

/** Is a file of this name one whose language the content check may set? */
export function isDetectedFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return DETECTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
