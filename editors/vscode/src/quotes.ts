// The server writes quoted text between backticks (`SALT 11`), which a
// terminal shows well and VS Code shows literally: in the Problems panel,
// hovers over squiggles and the quick-fix menu are plain text. The extension
// rewrites each pair into typographic quotes as the messages arrive
// (extension.ts, the client's middleware); the server and the CLI keep
// backticks.

/** A backtick-quoted span on one line: what the server writes. */
const QUOTED = /`([^`\n]+)`/g;

/** `text` with each `quoted` span as “quoted”; a lone backtick is kept. */
export function quoteForDisplay(text: string): string {
  return text.replace(QUOTED, '\u201c$1\u201d');
}

/** The part of a diagnostic that holds text: its message and related places' messages. */
export interface DiagnosticText {
  message: string;
  relatedInformation?: Array<{ message: string }>;
}

/** Rewrites a diagnostic's messages in place ({@link quoteForDisplay}); returns it. */
export function requoteDiagnostic<D extends DiagnosticText>(diagnostic: D): D {
  diagnostic.message = quoteForDisplay(diagnostic.message);
  for (const related of diagnostic.relatedInformation ?? []) {
    related.message = quoteForDisplay(related.message);
  }
  return diagnostic;
}

/** The part of a code action (or a bare command) that holds text. */
export interface ActionText {
  title: string;
  diagnostics?: DiagnosticText[];
  command?: { title: string } | string;
}

/**
 * Rewrites a code action's title in place, and the messages of the
 * diagnostics it fixes, so that VS Code still matches them with the
 * rewritten diagnostics it shows (the quick fix from the Problems panel).
 */
export function requoteAction<A extends ActionText>(action: A): A {
  action.title = quoteForDisplay(action.title);
  for (const diagnostic of action.diagnostics ?? []) {
    requoteDiagnostic(diagnostic);
  }
  if (typeof action.command === 'object' && action.command !== null) {
    action.command.title = quoteForDisplay(action.command.title);
  }
  return action;
}
