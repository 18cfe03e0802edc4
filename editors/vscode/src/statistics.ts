// "Show Speaker Statistics": the numbers the server answers to its
// `transcript.speakerStatistics` command, as a Markdown report.

/** The command the server offers (`workspace/executeCommand`), with a document's URI as its argument. */
export const SERVER_COMMAND = 'transcript.speakerStatistics';

/** One speaker's numbers, as the server writes them (`ide::stats::SpeakerStats`). */
export interface SpeakerStats {
  speaker: string;
  turns: number;
  words: number;
  questions_asked: number;
  questions_answered: number;
}

/** One record's numbers; `start` is its byte offset in the document. */
export interface RecordStats {
  record: number;
  start: number;
  speakers: SpeakerStats[];
}

/** The server's answer (`ide::stats::Statistics`). */
export interface Statistics {
  turns: number;
  words: number;
  speakers: SpeakerStats[];
  records: RecordStats[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function table(speakers: SpeakerStats[]): string[] {
  const lines = ['| speaker | turns | words | questions asked | answered |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const s of speakers) {
    lines.push(`| ${cell(s.speaker)} | ${s.turns} | ${s.words} | ${s.questions_asked} | ${s.questions_answered} |`);
  }
  return lines;
}

/**
 * A Markdown report of `stats` for the document `title`: the totals, a
 * table of speakers, and one table per record when the file holds several
 * (`lineOf` turns a record's byte offset into its 1-based line).
 */
export function report(title: string, stats: Statistics, lineOf: (byteOffset: number) => number): string {
  const lines = [`# Speakers in ${title}`, '', `${stats.turns} turns, ${stats.words} words`, ''];
  if (stats.speakers.length === 0) {
    lines.push('No speaker turns.');
  } else {
    lines.push(...table(stats.speakers));
  }
  if (stats.records.length > 1) {
    for (const r of stats.records) {
      lines.push('', `## Record ${r.record} (line ${lineOf(r.start)})`, '');
      lines.push(...(r.speakers.length ? table(r.speakers) : ['No speaker turns.']));
    }
  }
  return lines.join('\n') + '\n';
}

/** The 1-based line of a byte offset into `text` (UTF-8, as the server counts). */
export function lineOfByte(text: string, byteOffset: number): number {
  const before = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  return before.split('\n').length;
}
