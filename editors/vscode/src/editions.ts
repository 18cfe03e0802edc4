// "Compare with the Other Edition": VS Code's diff editor on the document
// and the other edition it declares (an `edition` comment, or `[editions]`
// in transcript.toml), which the server names through its
// `transcript.otherEdition` command.

/** The command the server offers, with a document's URI as its argument. */
export const OTHER_EDITION_COMMAND = 'transcript.otherEdition';

/** The server's answer: the other edition's URI, or null when none is declared or it cannot be read. */
export interface OtherEdition {
  uri: string | null;
}

/** The diff editor's title: the other edition on the left, this one on the right. */
export function diffTitle(other: string, current: string): string {
  const name = (uri: string) => decodeURIComponent(uri.split('/').pop() ?? uri);
  return `${name(other)} \u2194 ${name(current)} (editions)`;
}

/** What to say when the document declares no other edition that can be read. */
export const NO_EDITION =
  'This transcript declares no other edition that can be read: add <!-- transcript: edition PATH --> to it, or pair files in [editions] of transcript.toml.';
