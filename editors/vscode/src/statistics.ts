// "Show speaker statistics": turns per speaker, from the server's outline.

/** The part of an LSP DocumentSymbol the statistics need. */
export interface OutlineSymbol {
  name: string;
  kind: number;
  children?: OutlineSymbol[];
}

/** LSP SymbolKind values the outline uses for turns and exchanges. */
const EVENT = 24;
const NAMESPACE = 3;

/** Turns per speaker, most first (ties in order of appearance). */
export function turnsPerSpeaker(symbols: OutlineSymbol[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  const visit = (list: OutlineSymbol[]) => {
    for (const s of list) {
      // A QUESTION exchange is itself a turn, holding its answers.
      const isTurn = s.kind === EVENT || (s.kind === NAMESPACE && s.name !== 'Header');
      if (isTurn) {
        counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
      }
      if (s.kind === NAMESPACE && s.name !== 'Header' && s.children) {
        visit(s.children);
      }
    }
  };
  visit(symbols);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** A Markdown report of the statistics. */
export function report(title: string, symbols: OutlineSymbol[]): string {
  const rows = turnsPerSpeaker(symbols);
  const total = rows.reduce((n, [, c]) => n + c, 0);
  const lines = [`# Speakers in ${title}`, '', `${total} turns`, '', '| speaker | turns |', '| --- | ---: |'];
  for (const [name, count] of rows) {
    lines.push(`| ${name.replace(/\|/g, '\\|')} | ${count} |`);
  }
  return lines.join('\n') + '\n';
}
