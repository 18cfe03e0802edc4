/*
 * External scanner for transcript markup.
 *
 * Transcripts are line-oriented: whether a line is a speaker label, a banner,
 * a header field, page furniture or prose can only be decided after reading
 * the whole line (and sometimes the next one). This scanner does that work.
 *
 * At the start of every non-blank line it reads the line into a buffer,
 * classifies it (`classify_line`) and emits a zero-width "kind" token. The
 * parser then asks for the line's content tokens, which the scanner lexes
 * knowing the kind (the grammar only makes that kind's tokens valid). At the
 * end of a line it looks at the next one to decide whether the paragraph,
 * field value or participants list goes on.
 *
 * The scanner keeps one bit between tokens: whether the text so far on the
 * line ends open (no full stop, question mark, closing quote...). A wrapped
 * sentence (`...Thanks for this. On` / `Venezuela: Is the Council...`) then
 * goes on over a line that looks like a mixed-case label. Tree-sitter stores
 * the bit with every token, so incremental reparsing gives the same tree as
 * a fresh parse.
 * Every look-ahead is bounded (LINE_CAP characters, PAREN_CAP, ...), so a
 * line of several megabytes costs linear time.
 */

#include "tree_sitter/alloc.h"
#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum TokenType {
  BOM,
  BLANK_LINE,
  FIELD_GAP,
  PARTICIPANTS_GAP,
  LINE_END,
  PARA_CONTINUE,
  FIELD_CONTINUE,
  PARTICIPANT_SEP,
  GROUP_SEP,
  K_PARA,
  K_HEADING,
  K_FIELD,
  K_PARTICIPANTS,
  K_LABEL,
  K_MARGIN_LABEL,
  K_MARGIN_PARA,
  K_BANNER,
  K_FURNITURE,
  K_END,
  K_DEBRIS,
  HEADING_MARKER,
  FIELD_NAME,
  FIELD_COLON,
  PARTICIPANT_GROUP,
  PARTICIPANT,
  MARGIN_MARK,
  LABEL_OPEN,
  SPEAKER_NAME,
  LABEL_CLOSE,
  BANNER_TEXT,
  STRUCK_BANNER_TEXT,
  FURNITURE_TEXT,
  END_TEXT,
  DEBRIS_TEXT,
  TEXT,
  PORTION_MARK,
  LEADING_PORTION_MARK,
  STAGE_DIRECTION,
  EMPHASIS,
  STRONG,
  STRIKETHROUGH,
  LINK,
  INLINE_FURNITURE,
  ERROR_SENTINEL,
};

/* How much of a line is read to classify it. Labels, fields, banners and
 * furniture are all short; a longer line is a paragraph. */
#define LINE_CAP 320
/* How far an inline construct may reach for its closing delimiter. */
#define PAREN_CAP 160
#define SPAN_CAP 400
/* How many blank lines a header block or participants list may bridge. */
#define GAP_LINES 8

typedef struct {
  /* the last text on the current line did not end a sentence */
  bool open_end;
} Scanner;

/* ------------------------------------------------------------------------ */
/* Characters                                                                */

static bool is_hspace(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_upper(int32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c < 0xC0) return false;
  if (c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return (c & 1) == 0;
  if (c >= 0x139 && c <= 0x148) return (c & 1) == 1;
  if (c >= 0x14A && c <= 0x177) return (c & 1) == 0;
  if (c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D) return true;
  if (c == 0x386 || (c >= 0x388 && c <= 0x38F)) return true;
  if (c >= 0x391 && c <= 0x3AB) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

static bool is_lower(int32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c < 0xDF) return false;
  if (c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !is_upper(c);
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* Characters that may end a sentence or a quoted or bracketed span. */
static bool is_closing(int32_t c) {
  return c == '.' || c == '?' || c == '!' || c == ':' || c == ';' || c == '"' ||
         c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x2026;
}

static bool is_letter(int32_t c) {
  if (is_upper(c) || is_lower(c)) return true;
  /* Other scripts: anything past Latin that is not punctuation or space. */
  return c >= 0x100 && !is_hspace(c) && !(c >= 0x2000 && c <= 0x206F) &&
         !(c >= 0x3000 && c <= 0x303F) && c != 0xFEFF;
}

static int32_t to_upper_ascii(int32_t c) {
  return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

/* At the end of input the look-ahead is 0: only then is `eof` asked. */
static bool at_eol(TSLexer *lexer) {
  int32_t c = lexer->lookahead;
  return c == '\n' || (c == 0 && lexer->eof(lexer));
}

static void advance(TSLexer *lexer) { lexer->advance(lexer, false); }
static void skip(TSLexer *lexer) { lexer->advance(lexer, true); }

/* ------------------------------------------------------------------------ */
/* Reading a line                                                            */

typedef struct {
  int32_t c[LINE_CAP];
  uint32_t len;   /* characters kept, trailing white space trimmed */
  bool truncated; /* the line is longer than LINE_CAP */
} Line;

/* Reads from the current position to the end of the line (not consuming the
 * newline). With `whole`, consumes the whole line however long, calling
 * mark_end after every non-space character so that a token ends where the
 * line's text ends; otherwise stops after LINE_CAP characters and marks
 * nothing (a look-ahead). */
static void read_line(TSLexer *lexer, Line *line, bool whole) {
  uint32_t n = 0;
  uint32_t last = 0;
  line->truncated = false;
  while (!at_eol(lexer)) {
    int32_t c = lexer->lookahead;
    if (n >= LINE_CAP) {
      line->truncated = true;
      if (!whole) break;
    } else {
      line->c[n] = c;
    }
    /* white space after text: the token may end before it */
    if (whole && is_hspace(c) && last == n && n > 0) lexer->mark_end(lexer);
    n++;
    advance(lexer);
    if (!is_hspace(c)) last = n;
  }
  if (whole && last == n && n > 0) lexer->mark_end(lexer);
  line->len = last < LINE_CAP ? last : LINE_CAP;
}

static bool line_starts_ci(const Line *l, uint32_t at, const char *s) {
  uint32_t i = 0;
  for (; s[i]; i++) {
    if (at + i >= l->len) return false;
    if (to_upper_ascii(l->c[at + i]) != to_upper_ascii((unsigned char)s[i]))
      return false;
  }
  return true;
}

/* Whether OCR may have written `seen` for the capital letter `meant`: a
 * digit or letter of the same shape (`0` for O, `1` or `l` for I, `5` for
 * S, `8` for B, `F` for E, `G` for C). */
static bool ocr_same(int32_t seen, char meant) {
  int32_t up = to_upper_ascii(seen);
  if (up == (unsigned char)meant) return true;
  switch (meant) {
    case 'O': return seen == '0' || up == 'Q' || up == 'D';
    case 'I': return seen == '1' || seen == 'l' || seen == '|' || seen == '!';
    case 'S': return seen == '5' || seen == '$';
    case 'B': return seen == '8';
    case 'E': return up == 'F' || up == 'C';
    case 'C': return up == 'G' || up == 'E' || seen == '(';
    case 'L': return seen == '1' || seen == 'I';
    case 'T': return seen == '7';
    case 'N': return up == 'H';
    case 'U': return up == 'O' || up == 'V';
    case 'D': return up == 'O';
    default: return false;
  }
}

/* Whether the `n` characters at `w` are `word` as OCR may have misread it:
 * at most two characters changed, each by a confusion of shape; the others
 * as `word` has them (`any_case`: in either case). */
static bool ocr_matches(const int32_t *w, const char *word, uint32_t n, bool any_case) {
  uint32_t changed = 0;
  for (uint32_t i = 0; i < n; i++) {
    int32_t seen = any_case ? to_upper_ascii(w[i]) : w[i];
    int32_t meant = to_upper_ascii((unsigned char)word[i]);
    if (seen == (any_case ? meant : (unsigned char)word[i])) continue;
    if (!ocr_same(w[i], (char)meant) || ++changed > 2) return false;
  }
  return true;
}

/* Whether the `n` characters at `w` are `word` (capitals) as OCR may have
 * misread it, every unchanged character in capitals as the word is, and
 * the word long enough (six letters) that the match is no accident. */
static bool ocr_reads_as(const int32_t *w, uint32_t n, const char *word) {
  uint32_t len = (uint32_t)strlen(word);
  return n == len && len >= 6 && ocr_matches(w, word, n, false);
}

/* `line_starts_ci`, allowing OCR's misreadings of a name of six letters or
 * more (`SUBJEGT`, `PARTlCIPANTS`, `Declassify 0n`). */
static bool line_starts_ocr(const Line *l, const char *s) {
  uint32_t n = (uint32_t)strlen(s);
  if (l->len < n) return false;
  return line_starts_ci(l, 0, s) || (n >= 6 && ocr_matches(l->c, s, n, true));
}

static bool line_has(const Line *l, int32_t ch) {
  for (uint32_t i = 0; i < l->len; i++)
    if (l->c[i] == ch) return true;
  return false;
}

static uint32_t line_words(const Line *l) {
  uint32_t words = 0;
  bool in_word = false;
  for (uint32_t i = 0; i < l->len; i++) {
    bool space = is_hspace(l->c[i]);
    if (!space && !in_word) words++;
    in_word = !space;
  }
  return words;
}

/* The word that ends the line, lower-cased ASCII, for connector checks. */
static bool line_ends_with_word(const Line *l, const char *const *words) {
  uint32_t end = l->len, start = end;
  while (start > 0 && !is_hspace(l->c[start - 1])) start--;
  for (const char *const *w = words; *w; w++) {
    uint32_t n = (uint32_t)strlen(*w);
    if (end - start != n) continue;
    bool same = true;
    for (uint32_t i = 0; i < n && same; i++)
      same = to_upper_ascii(l->c[start + i]) == to_upper_ascii((unsigned char)(*w)[i]);
    if (same) return true;
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* Vocabulary                                                                */

/* Header field names. Matched case-insensitively, followed by a colon. */
static const char *const FIELD_NAMES[] = {
  "SUBJECT", "SUBJ", "RE", "DATE", "TIME", "PLACE", "LOCATION",
  "DATE AND TIME", "DATE, TIME", "DATE, TIME AND PLACE", "DATE, TIME, AND PLACE",
  "DATE, TIME & PLACE", "DATE/TIME", "DATE/TIME/PLACE", "DATE/TIME AND PLACE",
  "DATE AND PLACE", "TIME AND PLACE", "AND PLACE", "CLASSIFIED BY",
  "CLASSIFIED ON", "REASON", "REASONS", "DECLASSIFY ON", "DECLASSIFIED CASE",
  "DECLASSIFIED BY", "DECLASSIFIED ON", "DERIVED FROM", "DOWNGRADE TO",
  "CAUTION", "TAGS", "DECL", "FROM", "TO", "THROUGH", "THRU", "DRAFTED BY",
  "CLEARED BY", "APPROVED BY", "PREPARED BY", "NOTE", "ATTACHMENT",
  "ATTACHMENTS", "ENCLOSURE", "ENCLOSURES", "CC", "DISTRIBUTION", "CASE NO",
  "DOC NO", "REVIEW AUTHORITY",
  /* memo and cable headers */
  "MEMORANDUM FOR", "MEMORANDUM TO", "REF", "REFS", "REFERENCE", "REFERENCES",
  "ATTN", "ATTENTION", "VIA", "INFO", "ACTION", "ROUTING", "FILE", "FILE NO",
  "OUR FILE", "YOUR FILE", "CITE", "PRIORITY", "SUBJECTS", "COPY", "COPIES",
  "IN REPLY REFER TO", "DISSEM", "DISSEMINATION", "CLASSIFICATION",
  /* classification and declassification blocks */
  "CL BY", "CL REASON", "CL REASONS", "DECL ON", "DECL", "DRV FROM", "DRV",
  "DECLASSIFY", "DOWNGRADE", "AUTHORITY", "E.O.", "EO",
  /* NARA identification forms */
  "AGENCY", "AGENCY INFORMATION", "RECORD NUMBER", "RECORD NUMBERS",
  "RECORD SERIES", "AGENCY FILE NUMBER", "ORIGINATOR", "TITLE", "PAGES",
  "DOCUMENT TYPE", "RESTRICTIONS", "CURRENT STATUS", "DATE OF LAST REVIEW",
  "OPENING CRITERIA", "COMMENTS", "DOCUMENT INFORMATION", "REVIEW DATE",
  "RELEASE STATUS",
  /* intelligence reports and cards */
  "SOURCE", "DATE ACQUIRED", "DATE OF INFO", "DATE OF INFORMATION",
  "INCLUSIVE DATES", "CUSTODIAL UNIT/LOCATION", "FIELD COMMENT", "FIELD DISSEM",
  "FIELD NO", "REPORT NO", "UNIT", "ALIAS", "ALIASES", "DRV FRM", "ORIG",
  "EXT", "RELEASING OFFICER", "AUTHENTICATING OFFICER", "COORDINATING OFFICERS",
  "COUNTRY", "DPOB", "CITIZENSHIP", "OCCUPATION", "ADDRESS", "POSITION",
  "ACTION REQUIRED", "MEMO TO", "MEMO FOR", NULL,
};

/* Fields that list who took part; their values are participants lists. */
static const char *const PARTICIPANT_FIELDS[] = {
  "PARTICIPANTS", "PARTICIPANT", "PRINCIPALS", "OTHER ATTENDEES", "ATTENDEES",
  "ALSO PRESENT", "PRESENT", "ATTENDANCE", NULL,
};

/* Lower-case words allowed inside a speaker label or a wrapped title. */
static const char *const CONNECTORS[] = {
  "of", "the", "de", "del", "della", "di", "da", "do", "dos", "du", "la", "le",
  "van", "von", "der", "den", "al", "el", "bin", "ibn", "y", "and", "for", "to",
  NULL,
};

/* Words after which a participant's title goes on on the next line. */
static const char *const WRAP_WORDS[] = {
  "the", "of", "and", "for", "to", "on", "in", "at", "de", "&", NULL,
};

/* Words that open a sentence with a colon (`First: Admiral, ...`) and never
 * name a speaker on their own. */
static const char *const SENTENCE_OPENERS[] = {
  "First", "Second", "Third", "Fourth", "Fifth", "Firstly", "Secondly", "Thirdly",
  "Finally", "Lastly", "Also", "However", "Now", "Then", "So", "Well", "Yes", "No",
  "Again", "Today", "Example", "Update", "Correction", "Subject", "Quote", "For",
  "Against", "Pro", "Con", "Answer", "Comment", "Comments", "Recommendation",
  "Recommendations", "Conclusion", "Conclusions", "Summary", "Background",
  "Discussion", "Decision", "Decisions", "Result", "Results", "Exceptions",
  "Exception", "Issue", "Issues", "Purpose", "Problem", "Options", "Option",
  "Attachment", "Enclosure", "Remarks", "Dear", "Not", "Position", "Declass",
  /* the same in capitals, where they head a memo's section (`ANSWER` and
   * `QUESTION` stay speakers) */
  "RECOMMENDATION", "RECOMMENDATIONS", "COMMENT", "COMMENTS", "SUMMARY",
  "BACKGROUND", "DISCUSSION", "CONCLUSION", "CONCLUSIONS", "DECISION",
  "DECISIONS", "PURPOSE", "PROBLEM", "ISSUE", "ISSUES", "REMARKS", "POSITION",
  "DECLASS", NULL,
};

/* Words that open a sentence, never a speaker's label: `And to President
 * Biden: ...`. */
static const char *const CONJUNCTIONS[] = {"And", "But", "Or", "Nor", "Yet", "AND", "BUT", NULL};

/* Last words of a form's field, never of a speaker's name: `Action
 * Required:`, `C. O. Comment:`, `Date of last review:` (also glued to the
 * word before by OCR: `DATE OF LASTREVIEW:`). */
static const char *const FIELD_TAILS[] = {
  "REQUIRED", "COMMENT", "COMMENTS", "REVIEW", "NUMBER", "STATUS", "SERIES", "CRITERIA",
  "SYMBOL", "ACQUIRED", NULL,
};

/* Words that make a line a person, not a delegation. */
static const char *const TITLE_WORDS[] = {
  "PRESIDENT", "SECRETARY", "MINISTER", "AMBASSADOR", "PRIME", "CHANCELLOR",
  "KING", "QUEEN", "GENERAL", "ADMIRAL", "MR.", "MRS.", "MS.", "DR.", "SENATOR",
  "GOVERNOR", "DIRECTOR", "ADVISOR", "ADVISER", "CHAIRMAN", "DEPUTY",
  "ASSISTANT", "INTERPRETER", "NOTETAKER", "THE", NULL,
};

/* Words a classification banner is made of. */
static const char *const BANNER_WORDS[] = {
  "TOP", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED", "SENSITIVE",
  "NOFORN", "NODIS", "EXDIS", "LIMDIS", "ORCON", "XGDS", "GDS", "EYES", "ONLY",
  "DO", "NOT", "COPY", "LIMITED", "ACCESS", "OFFICIAL", "USE", "FOR", "FOUO",
  "CUI", "REL", "TO", "USA", "NF", "SBU", "LES", "CODEWORD", "HANDLE", "VIA",
  "CHANNELS", "COMINT", "UMBRA", "SI", "TK", "HCS", "SCI", "PROPIN", "RELIDO",
  "DISTRIBUTION", "NO", "EXCLUSIVE", "ADMINISTRATIVELY", "CONTROLLED", "RD",
  "FRD", "RELEASABLE", "FOREIGN", "NATIONALS", "DISSEM", "SPECAT", "WNINTEL",
  "NOCONTRACT", "ORIGINATOR", "INFORMATION", "AND", NULL,
};

/* A banner needs one of these: "FOR OFFICIAL USE" alone is not one. */
/* The level words a misread banner may stand for. */
static const char *const BANNER_LEVELS[] = {"SECRET", "CONFIDENTIAL", "UNCLASSIFIED", NULL};

static const char *const BANNER_ANCHORS[] = {
  "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED", "NOFORN", "NODIS",
  "EXDIS", "LIMDIS", "ORCON", "FOUO", "CUI", "ONLY", "COPY", "ACCESS",
  "SENSITIVE", NULL,
};

static bool word_in(const int32_t *w, uint32_t n, const char *const *list, bool ci) {
  for (const char *const *s = list; *s; s++) {
    if (strlen(*s) != n) continue;
    bool same = true;
    for (uint32_t i = 0; i < n && same; i++) {
      int32_t a = ci ? to_upper_ascii(w[i]) : w[i];
      int32_t b = ci ? to_upper_ascii((unsigned char)(*s)[i]) : (unsigned char)(*s)[i];
      same = a == b;
    }
    if (same) return true;
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* Line classifiers. Each takes a line that starts at its first non-blank    */
/* character.                                                                */

typedef enum {
  KIND_BLANK,
  KIND_PARA,
  KIND_HEADING,
  KIND_FIELD,
  KIND_PARTICIPANTS,
  KIND_LABEL,
  KIND_MARGIN_LABEL,
  KIND_MARGIN_PARA,
  KIND_BANNER,
  KIND_FURNITURE,
  KIND_END,
  KIND_DEBRIS,
} Kind;

static bool is_end_marker(const Line *l) {
  uint32_t a = 0, b = l->len;
  while (a < b && (l->c[a] == '-' || l->c[a] == 0x2013 || l->c[a] == 0x2014 || is_hspace(l->c[a]))) a++;
  while (b > a && (l->c[b - 1] == '-' || l->c[b - 1] == 0x2013 || l->c[b - 1] == 0x2014 ||
                   l->c[b - 1] == '.' || is_hspace(l->c[b - 1]))) b--;
  static const char *const ENDS[] = {
    "END OF CONVERSATION", "END OF TELEPHONE CONVERSATION", "END OF TELCON",
    "END OF MEMCON", "END OF MEETING", NULL,
  };
  return b > a && word_in(l->c + a, b - a, ENDS, true);
}

static uint32_t count_digits(const Line *l, uint32_t at) {
  uint32_t n = 0;
  while (at + n < l->len && is_digit(l->c[at + n])) n++;
  return n;
}

/* `11:03 A.M. EDT`, `END 11:45 A.M. EDT`, `12:07 P.M. (Local)`. */
static bool is_time_stamp(const Line *l) {
  uint32_t i = 0;
  if (line_starts_ci(l, 0, "END ")) i = 4;
  uint32_t h = count_digits(l, i);
  if (h < 1 || h > 2) return false;
  i += h;
  if (i >= l->len || l->c[i] != ':') return false;
  i++;
  if (count_digits(l, i) != 2) return false;
  i += 2;
  while (i < l->len && is_hspace(l->c[i])) i++;
  if (i >= l->len) return false;
  int32_t ap = to_upper_ascii(l->c[i]);
  if (ap != 'A' && ap != 'P') return false;
  i++;
  if (i < l->len && l->c[i] == '.') i++;
  if (i >= l->len || to_upper_ascii(l->c[i]) != 'M') return false;
  return l->len - i <= 24;
}

/* `Page 156`: the inside of a converted edition's page anchor. */
static bool is_page_anchor(const int32_t *c, uint32_t n) {
  if (n < 6 || to_upper_ascii(c[0]) != 'P' || to_upper_ascii(c[1]) != 'A' ||
      to_upper_ascii(c[2]) != 'G' || to_upper_ascii(c[3]) != 'E' || c[4] != ' ')
    return false;
  for (uint32_t k = 5; k < n; k++)
    if (!is_digit(c[k])) return false;
  return true;
}

/* A line made only of Markdown links: `[BACK TO TOP](#)`, `[View Video](#)`;
 * or a page anchor `[Page 157]`. */
static bool is_link_line(const Line *l) {
  uint32_t i = 0;
  bool any = false;
  if (l->len >= 2 && l->c[0] == '[' && l->c[l->len - 1] == ']') {
    return is_page_anchor(l->c + 1, l->len - 2);
  }
  while (i < l->len) {
    if (l->c[i] != '[') return false;
    while (i < l->len && l->c[i] != ']') i++;
    if (i + 1 >= l->len || l->c[i + 1] != '(') return false;
    i += 2;
    while (i < l->len && l->c[i] != ')') i++;
    if (i >= l->len) return false;
    i++;
    any = true;
    while (i < l->len && is_hspace(l->c[i])) i++;
  }
  return any;
}

/* A cable's continuation slug at a page top: `PAGE 02 MANAGU 04943 2114522`,
 * `PAGE 2 SANTIAGO 1234 SECRET`: the page number, then only capitals and
 * digits. */
static bool is_cable_slug(const Line *l) {
  if (l->len > 72 || !line_starts_ci(l, 0, "PAGE ")) return false;
  uint32_t i = 5;
  while (i < l->len && l->c[i] == ' ') i++;
  /* OCR's `O` for a page number's zero: `PAGE O03` */
  if (i + 1 < l->len && (l->c[i] == 'O' || l->c[i] == 'o') && is_digit(l->c[i + 1])) i++;
  if (count_digits(l, i) == 0) return false;
  uint32_t words = 0;
  for (; i < l->len; i++) {
    int32_t c = l->c[i];
    if (is_lower(c)) return false;
    if (is_hspace(c) && i + 1 < l->len && !is_hspace(l->c[i + 1])) words++;
  }
  return words >= 2;
}

/* The NARA footer on every page of a JFK-collection record: `HW 50955
 * Docid:32423629 Page 7`, OCR'd `Docld`, `DocId`, `D0cid`, `Bocld`, and
 * sometimes after a stray bar. `HW`, `NW` or OCR's `MW` (any case) and a
 * case number of four or more digits, on a short line. */
static bool is_nara_footer(const Line *l) {
  uint32_t i = 0;
  while (i < l->len && (l->c[i] == '|' || l->c[i] == '[' || l->c[i] == '!' || is_hspace(l->c[i]))) i++;
  if (l->len - i > 64 || i + 2 >= l->len) return false;
  /* the footer's second half on a line of its own: `Docld: 32424934 Page 3`
   * (`DocId` as OCR reads it, `Bocld` too) and a document number of six
   * digits or more */
  if (i + 6 < l->len && (ocr_matches(l->c + i + 1, "OCID", 4, true)) &&
      (to_upper_ascii(l->c[i]) == 'D' || to_upper_ascii(l->c[i]) == 'B' || l->c[i] == '0')) {
    uint32_t k = i + 5;
    while (k < l->len && (l->c[k] == ':' || l->c[k] == '#' || is_hspace(l->c[k]))) k++;
    if (count_digits(l, k) >= 6) return true;
  }
  int32_t a = to_upper_ascii(l->c[i]), b = to_upper_ascii(l->c[i + 1]);
  if (!((a == 'H' || a == 'N' || a == 'M') && b == 'W')) return false;
  i += 2;
  while (i < l->len && (l->c[i] == '#' || l->c[i] == ':' || is_hspace(l->c[i]))) i++;
  return count_digits(l, i) >= 4;
}

static bool is_dash(int32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

static bool is_furniture(const Line *l) {
  uint32_t n = l->len;
  if (n == 1 && l->c[0] == '(') return true; /* a lone margin mark */
  uint32_t d = count_digits(l, 0);
  if (d == n && n <= 5) return true; /* page number */
  if (d > 0 && d < n && (l->c[d] == '-' || l->c[d] == ',' || l->c[d] == '~')) {
    uint32_t d2 = count_digits(l, d + 1);
    /* `14-00000`; OCR's `14,00900` only in the separator's own shape, so
     * that `12,500` stays a number */
    bool dash = l->c[d] == '-';
    /* a speck after it (`13-00000,`) changes nothing */
    uint32_t end = d + 1 + d2;
    if (end + 1 == n && (l->c[end] == ',' || l->c[end] == '.' || l->c[end] == '\'')) end++;
    if (d2 > 0 && end == n && n <= 13 && (dash || (d == 2 && d2 == 5))) return true;
  }
  if (d == 4 && n <= 20 && l->c[4] == '/') { /* `2007/T17-2` */
    bool plain = true;
    for (uint32_t i = 5; i < n && plain; i++) plain = !is_hspace(l->c[i]);
    if (plain) return true;
  }
  if (n >= 3 && is_dash(l->c[0]) && is_dash(l->c[n - 1])) { /* `- 2 -`, `— 2 —` */
    uint32_t i = 1;
    while (i < n && is_hspace(l->c[i])) i++;
    uint32_t pd = count_digits(l, i);
    if (pd > 0) {
      i += pd;
      while (i < n && is_hspace(l->c[i])) i++;
      if (i == n - 1) return true;
    }
  }
  if (line_starts_ci(l, 0, "PAGE ") && n <= 16 && is_digit(l->c[5])) return true;
  if (is_cable_slug(l)) return true;
  if (is_nara_footer(l)) return true;
  if (n >= 9 && line_starts_ci(l, 0, "[[PAGE ") && l->c[n - 1] == ']' && l->c[n - 2] == ']') return true;
  if (line_starts_ci(l, 0, "NW#") || line_starts_ci(l, 0, "NW #") ||
      line_starts_ci(l, 0, "DOCID")) return true;
  if (line_starts_ci(l, 0, "RELEASED ON ") && n <= 60) return true;
  if (line_starts_ci(l, 0, "APPROVED FOR RELEASE")) return true;
  if (is_time_stamp(l)) return true;
  return is_link_line(l);
}

/* `SECRET`, `~~SECRET~~`, `TOP SECRET//NOFORN`, `EYES ONLY`, `DO NOT COPY`. */
static bool is_banner(const Line *l, bool *struck) {
  uint32_t a = 0, b = l->len;
  *struck = false;
  if (b - a >= 4 && l->c[a] == '*' && l->c[a + 1] == '*' && l->c[b - 1] == '*' && l->c[b - 2] == '*') {
    a += 2;
    b -= 2;
  }
  if (b - a >= 5 && l->c[a] == '~' && l->c[a + 1] == '~' && l->c[b - 1] == '~' && l->c[b - 2] == '~') {
    a += 2;
    b -= 2;
    *struck = true;
  }
  bool anchor = false;
  bool after_rel = false;
  uint32_t i = a;
  while (i < b) {
    int32_t c = l->c[i];
    if (is_hspace(c) || c == '/' || c == '-' || c == ',') {
      i++;
      continue;
    }
    uint32_t s = i;
    while (i < b && is_upper(l->c[i]) && l->c[i] < 0x80) i++;
    uint32_t n = i - s;
    bool clean = n > 0 && (i >= b || is_hspace(l->c[i]) || l->c[i] == '/' || l->c[i] == '-' || l->c[i] == ',');
    if (!clean || (!word_in(l->c + s, n, BANNER_WORDS, false) && !(after_rel && n == 3))) {
      /* A level word OCR misread (`SFCRET`, `C0NFIDENTIAL`, `UNCLASSlFIED`). */
      while (i < b && !(is_hspace(l->c[i]) || l->c[i] == '/' || l->c[i] == ',')) i++;
      n = i - s;
      if (!is_upper(l->c[s]) && !is_digit(l->c[s])) return false;
      if (n == 3 && to_upper_ascii(l->c[s]) == 'T' && ocr_same(l->c[s + 1], 'O') &&
          to_upper_ascii(l->c[s + 2]) == 'P')
        continue; /* `T0P` before SECRET */
      bool misread = false;
      for (const char *const *w = BANNER_LEVELS; *w && !misread; w++)
        misread = ocr_reads_as(l->c + s, n, *w);
      if (!misread) return false;
      anchor = true;
      continue;
    }
    if (word_in(l->c + s, n, BANNER_WORDS, false)) {
      if (word_in(l->c + s, n, BANNER_ANCHORS, false)) anchor = true;
      if (n == 3 && l->c[s] == 'R' && l->c[s + 1] == 'E' && l->c[s + 2] == 'L') after_rel = true;
    } else if (!(after_rel && n == 3)) {
      return false; /* country codes only follow REL TO */
    }
  }
  return anchor;
}

/* Index after `name` + optional spaces + `:` when the line starts with one of
 * `names` followed by a colon and then a space or the line end; 0 if not. */
static uint32_t match_field(const Line *l, const char *const *names) {
  for (const char *const *s = names; *s; s++) {
    uint32_t n = (uint32_t)strlen(*s);
    if (!line_starts_ocr(l, *s)) continue;
    uint32_t i = n;
    while (i < l->len && l->c[i] == ' ') i++;
    if (i >= l->len || l->c[i] != ':') continue;
    i++;
    if (i < l->len && !is_hspace(l->c[i])) continue;
    return i;
  }
  return 0;
}

/* Titles that open a label in the period style of printed hearings and the
 * Congressional Record (`Mr. WARNER.`, `Senator Baker.`), matched without
 * regard to case and with or without their period. */
static const char *const LABEL_TITLES[] = {
  "Mr", "Mrs", "Ms", "Miss", "Messrs", "Dr", "Senator", "Sen", "Representative",
  "Rep", "Chairman", "Chairwoman", "Chair", "General", "Gen", "Admiral", "Adm",
  "Judge", "Justice", "Counsel", "Secretary", "Ambassador", "Amb", "Governor",
  "Gov", "Colonel", "Col", "Captain", "Capt", "Lieutenant", "Lt", "Major", "Maj",
  "Director", "Professor", "Prof", "Father", "Commander", "Cmdr", "Sergeant",
  "Sgt", "Mayor", "Delegate", NULL,
};

/* Abbreviations that end in a period inside a name without ending it:
 * titles written short (`Mr.`, `Sen.`), `Jr.`. A title written out
 * (`The CHAIRMAN.`) ends the label with its period. */
static const char *const NAME_ABBREVIATIONS[] = {
  "Mr", "Mrs", "Ms", "Messrs", "Dr", "Sen", "Rep", "Gen", "Adm", "Amb", "Gov",
  "Col", "Capt", "Lt", "Maj", "Prof", "Cmdr", "Sgt", "Hon", "Rev", "Fr",
  "Jr", "Sr", "St", "Ste", "Mt", NULL,
};

/* Lower-case words inside a period-style label: `Mr. MILLER of Florida.`,
 * `The SPEAKER pro tempore.` */
static const char *const PERIOD_CONNECTORS[] = {"of", "pro", "tempore", "the", "de", "van", "von", "la", "le", "du", "del", "da", "di", NULL};

/* Whether the word `c[0..n)` (without a final period) is a title or an
 * abbreviation after which a period does not end the label, or an initial. */
static bool period_inside_name(const int32_t *c, uint32_t n) {
  if (n == 0) return true; /* `Mr . JONES.`: OCR's space before a title's period */
  if (n == 1 && is_letter(c[0])) return true;
  return word_in(c, n, NAME_ABBREVIATIONS, true);
}

/* A word in capitals, allowing one lower-case letter in four as printed
 * records write a name's prefix (`MILLENDER-McDONALD`). */
static bool is_all_caps_word(const int32_t *c, uint32_t n) {
  uint32_t upper = 0, lower = 0;
  for (uint32_t k = 0; k < n; k++) {
    if (is_lower(c[k])) lower++;
    if (is_upper(c[k])) upper++;
  }
  return upper >= 2 && lower * 4 <= upper;
}

/* A label in the period style at `at`: a title and a name ending in a period
 * followed by a space or the line end (`Mr. WARNER.`, `Chairman INOUYE.`,
 * `The PRESIDING OFFICER (Mr. Gorton).`, `Mr. MILLER of Florida.`,
 * `Representative Forp.`). `strong`: the name is written in capitals, which
 * no sentence does; a mixed-case `Mr. Stern.` is a label only where a block
 * starts. OCR's digits in names (`Mr. 5mith.`) are allowed. */
static bool is_period_label_at(const Line *l, uint32_t at, bool *strong) {
  uint32_t i = at;
  *strong = false;
  bool the = false;
  /* the title, capitalised */
  uint32_t s = i;
  if (i >= l->len || !is_upper(l->c[i])) return false;
  while (i < l->len && is_letter(l->c[i])) i++;
  if (i == s) return false;
  if (i - s == 3 && line_starts_ci(l, s, "THE")) {
    the = true;
  } else if (!word_in(l->c + s, i - s, LABEL_TITLES, true)) {
    return false;
  }
  /* A title in capitals (`MR.`, `THE`) is all-capital text, a cable's:
   * only the printed record's `Mr. WARNER.` makes a label anywhere. */
  bool caps_title = is_all_caps_word(l->c + s, i - s);
  bool abbreviation = !the && word_in(l->c + s, i - s, NAME_ABBREVIATIONS, true);
  if (i < l->len && l->c[i] == '.') {
    i++;
    /* `Mr..Duues.`: OCR doubled the title's period */
    if (abbreviation && i < l->len && l->c[i] == '.') i++;
    else if (i >= l->len || l->c[i] != ' ') return false;
  } else if (!the && i + 1 < l->len && l->c[i] == ' ' && l->c[i + 1] == '.') {
    i += 2; /* `Mr . JONES.` */
  } else if (abbreviation && i + 1 < l->len && l->c[i] == ',' && l->c[i + 1] == ' ') {
    i++; /* `Mr, McCLOY.`: OCR's comma for the title's period */
  }
  if (i >= l->len || !(l->c[i] == ' ' || (i > 0 && l->c[i - 1] == '.' && is_upper(l->c[i]))))
    return false;
  uint32_t words = 0;
  for (;;) {
    while (i < l->len && l->c[i] == ' ') i++;
    if (i >= l->len) return false;
    if (l->c[i] == '(' && words > 0) {
      /* `(Mr. Poe)`: a parenthetical before the period */
      uint32_t k = i + 1;
      while (k < l->len && k - i < 48 && l->c[k] != ')' && l->c[k] != '(') k++;
      if (k >= l->len || l->c[k] != ')') return false;
      i = k + 1;
      if (i >= l->len || l->c[i] != '.') return false;
      i++;
      break;
    }
    s = i;
    bool letter = false;
    while (i < l->len) {
      int32_t c = l->c[i];
      if (is_letter(c)) letter = true;
      else if (!(is_digit(c) || c == '\'' || c == 0x2019 || c == '-' || (c == '_' && i > s))) break;
      i++;
    }
    uint32_t n = i - s;
    if (n == 0 || !letter || n > 24) return false;
    if (is_upper(l->c[s]) || is_digit(l->c[s]) || l->c[s] == '-') {
      if (is_all_caps_word(l->c + s, n)) *strong = true;
    } else if (!(words > 0 && word_in(l->c + s, n, PERIOD_CONNECTORS, false))) {
      return false;
    }
    if (++words > 4) return false;
    if (i >= l->len) return false;
    if (l->c[i] == '.') {
      if (period_inside_name(l->c + s, n) && i + 1 < l->len && l->c[i + 1] == ' ') {
        i++;
        continue;
      }
      i++;
      break;
    }
    if (l->c[i] != ' ') return false;
  }
  if (caps_title) {
    /* `THE USG HAD NO CHOICE.` is a cable's sentence */
    *strong = false;
    if (words > 2) return false;
  }
  if (i >= l->len) return true;
  /* `The Cuareman..`, `Mr. BeLMont..I do`: OCR doubled the period */
  if (l->c[i] == '.' && i + 1 < l->len && l->c[i + 1] != '.') {
    i++;
    if (is_upper(l->c[i])) return true;
  }
  if (i >= l->len) return true;
  if (!is_hspace(l->c[i])) return false;
  while (i < l->len && is_hspace(l->c[i])) i++;
  /* a new sentence follows, not `. and` or an ellipsis */
  return i >= l->len || !(is_lower(l->c[i]) || l->c[i] == '.');
}

/* Whether the word `c[0..n)` ends with one of `FIELD_TAILS`, in any case. */
static bool ends_with_tail(const int32_t *c, uint32_t n) {
  for (const char *const *t = FIELD_TAILS; *t; t++) {
    uint32_t k = (uint32_t)strlen(*t);
    if (k > n) continue;
    bool same = true;
    for (uint32_t j = 0; j < k && same; j++) same = to_upper_ascii(c[n - k + j]) == (unsigned char)(*t)[j];
    if (same) return true;
  }
  return false;
}

/* A speaker label at `at`: `SECRETARY RICE:`, `**SECRETARY RICE:**`,
 * `President Putin:`, `MR. KIRBY:`, `Mr. Sukhodrev (interpreting):`,
 * `[THE WITNESS]:`, a bare `Q` followed by spaces, or a period-style label
 * (`Mr. WARNER.`; a mixed-case one only when `!after_text`). One to six
 * words, each capitalised or ALL CAPS or a lower-case connector, then a
 * colon followed by a space or the line end. A salutation (`Dear Mr.
 * Deutch:`) is not a label. */
static bool is_label_at(const Line *l, uint32_t at, bool after_text) {
  uint32_t i = at;
  bool bold = false, bracket = false;
  if (i + 1 < l->len && l->c[i] == '*' && l->c[i + 1] == '*') {
    bold = true;
    i += 2;
  } else if (i < l->len && l->c[i] == '[') {
    bracket = true;
    i++;
  }
  if (!bold && !bracket && i + 2 < l->len && l->c[i] == 'Q' &&
      (l->c[i + 1] == '\t' || (is_hspace(l->c[i + 1]) && is_hspace(l->c[i + 2])))) {
    return true; /* White House style bare `Q` and two or more spaces */
  }
  if (!bold && !bracket) {
    bool strong;
    if (is_period_label_at(l, i, &strong) && (strong || !after_text)) return true;
  }
  uint32_t words = 0;
  uint32_t start = i;
  uint32_t last = i, last_n = 0;
  for (;;) {
    uint32_t s = i;
    bool letter = false;
    while (i < l->len) {
      int32_t c = l->c[i];
      if (is_letter(c)) letter = true;
      else if (!(c == '.' || c == '\'' || c == 0x2019 || c == '-')) break;
      i++;
    }
    uint32_t n = i - s;
    if (n == 0 || !letter) return false;
    if (is_upper(l->c[s])) {
      /* capitalised or ALL CAPS */
    } else if (words > 0 && word_in(l->c + s, n, CONNECTORS, false)) {
      /* `Minister of Foreign Affairs` */
    } else {
      return false;
    }
    if (words == 0 && n == 4 && line_starts_ci(l, s, "DEAR")) return false;
    if (words == 0 && word_in(l->c + s, n, CONJUNCTIONS, false)) return false;
    last = s;
    last_n = n;
    if (++words > 6) return false;
    if (i >= l->len) return false;
    if (l->c[i] == ' ' && i + 1 < l->len && l->c[i + 1] == '(' && words > 0) {
      /* `Mr. Sukhodrev (interpreting):` */
      uint32_t k = i + 2;
      while (k < l->len && k - i < 48 && l->c[k] != ')' && l->c[k] != '(') k++;
      if (k >= l->len || l->c[k] != ')') return false;
      i = k + 1;
      break;
    }
    if (l->c[i] == ' ') {
      i++;
      continue;
    }
    break;
  }
  if (i - start > 64) return false;
  if (words == 1 && word_in(l->c + last, last_n, SENTENCE_OPENERS, false)) return false;
  if (words > 1 && ends_with_tail(l->c + last, last_n)) return false;
  if (bracket) {
    if (i >= l->len || l->c[i] != ']') return false;
    i++;
  }
  /* the colon, with the bold closing before or after it */
  bool closed = !bold;
  if (bold && i + 1 < l->len && l->c[i] == '*' && l->c[i + 1] == '*') {
    i += 2;
    closed = true;
  }
  if (i >= l->len || l->c[i] != ':') return false;
  i++;
  if (!closed) {
    if (!(i + 1 < l->len && l->c[i] == '*' && l->c[i + 1] == '*')) return false;
    i += 2;
  }
  return i >= l->len || is_hspace(l->c[i]);
}

/* A field of a printed form, the name in capitals with a space before its
 * colon: `AGENCY :`, `RECORD NUMBER :`, `AGENCY FILE NUMBER :`. */
static bool is_form_field(const Line *l) {
  uint32_t i = 0, words = 0;
  /* `MR. JONES :`, `THE PRESIDENT :` name a speaker (OCR's space), not a
   * field; they are read as text */
  uint32_t t = 0;
  while (t < l->len && is_letter(l->c[t])) t++;
  if (t > 0 && (word_in(l->c, t, LABEL_TITLES, true) || (t == 3 && line_starts_ci(l, 0, "THE"))))
    return false;
  while (i < l->len) {
    uint32_t s = i;
    while (i < l->len && (is_upper(l->c[i]) || l->c[i] == '/' || l->c[i] == '.' || l->c[i] == '-' || l->c[i] == '&')) i++;
    if (i - s < 2 || is_lower(l->c[s])) return false;
    if (++words > 5) return false;
    if (i >= l->len || l->c[i] != ' ') return false;
    while (i < l->len && l->c[i] == ' ') i++;
    if (i < l->len && l->c[i] == ':') {
      i++;
      return i >= l->len || is_hspace(l->c[i]);
    }
  }
  return false;
}

/* An ALL-CAPS title such as `MEMORANDUM OF CONVERSATION`, or a line that
 * names the document (`43. Memorandum of Conversation`). */
static bool is_heading(const Line *l) {
  if (l->truncated || l->len > 100 || l->len == 0) return false;
  uint32_t i = 0;
  uint32_t nd = count_digits(l, 0);
  if (nd > 0 && nd + 1 < l->len && l->c[nd] == '.' && is_hspace(l->c[nd + 1])) i = nd + 2;
  if (line_starts_ci(l, i, "MEMORANDUM ") || line_starts_ci(l, i, "MEMCON") ||
      line_starts_ci(l, i, "TELCON")) {
    return !line_has(l, ':');
  }
  if (!is_upper(l->c[0])) return false;
  uint32_t letters = 0;
  for (uint32_t k = 0; k < l->len; k++) {
    int32_t c = l->c[k];
    if (is_lower(c) || c == ':') return false;
    if (is_upper(c)) letters++;
  }
  /* Cable text in capitals is prose, not a title: a title has at most
   * eight words, ends on no comma and no word a sentence goes on from
   * (`THAT THE`), and a title of five words or more takes no comma and no
   * full stop. */
  uint32_t words = line_words(l);
  int32_t last = l->c[l->len - 1];
  if (words > 8 || last == ',' || line_ends_with_word(l, WRAP_WORDS) ||
      ((last == '.' || line_has(l, ',')) && words >= 5))
    return false;
  /* A word of three letters or more and its full stop, then more words
   * (`UNDER INVESTIGATION. THE GRN`): a sentence ended, so prose; not
   * `U.S. POLICY`, `MR. JONES`. */
  for (uint32_t k = 3; k + 1 < l->len; k++) {
    if (l->c[k] == '.' && l->c[k + 1] == ' ' && is_upper(l->c[k - 1]) && is_upper(l->c[k - 2]) &&
        is_upper(l->c[k - 3]))
      return false;
  }
  return letters >= 4 && (words >= 2 || line_starts_ci(l, 0, "WASHINGTON"));
}

/* `Footnotes:` and its kin alone on a line title an editorial section; they
 * are not speakers. */
static bool is_section_title(const Line *l) {
  static const char *const TITLES[] = {
    "FOOTNOTES:", "NOTES:", "ENDNOTES:", "SOURCES:", "SOURCE NOTES:", NULL,
  };
  return word_in(l->c, l->len, TITLES, true);
}

/* `( ` at the start of a line that is not a parenthetical closed on it:
 * an OCR'd margin mark. */
static bool is_margin_mark(const Line *l) {
  if (l->len < 2 || l->c[0] != '(' || !is_hspace(l->c[1])) return false;
  for (uint32_t i = 1; i < l->len && i < 80; i++) {
    if (l->c[i] == '(') return true;
    if (l->c[i] == ')') return false;
  }
  return true;
}

/* OCR's specks before a period-style label: one or two of quotes, dashes, periods,
 * commas, colons, underscores or tildes, then at most one space, before a
 * capital (`’ Mr. Stern.`, `‘The CHAIRMAN.`, `_Mr. McCloy.`, `. Mr.
 * Rankin.`). Returns where the label would start, or 0. */
static uint32_t label_specks(const Line *l) {
  uint32_t i = 0;
  while (i < l->len && i < 2) {
    int32_t c = l->c[i];
    if (!(c == '\'' || c == '`' || c == '"' || c == 0x2018 || c == 0x2019 || c == 0x201C ||
          c == 0x201D || c == '.' || c == ',' || c == ':' || c == '_' || c == '~' || is_dash(c)))
      break;
    i++;
  }
  if (i == 0) return 0;
  if (i < l->len && is_hspace(l->c[i])) i++;
  return i < l->len && is_upper(l->c[i]) ? i : 0;
}

/* A label that stands out even in running text: ALL CAPS, bold, or a bare
 * `Q`. A mixed-case `Venezuela:` after an open line is a wrapped sentence. */
static bool is_emphatic_label(const Line *l) {
  if (l->len >= 2 && l->c[0] == '*' && l->c[1] == '*') return true;
  if (l->len >= 2 && l->c[0] == 'Q' && is_hspace(l->c[1])) return true;
  for (uint32_t i = 0; i < l->len && l->c[i] != ':'; i++)
    if (is_lower(l->c[i])) return false;
  return true;
}

/* A token that reads as a word or a number: two or more letters with a
 * vowel (or in capitals, an acronym), or digits, once the punctuation around
 * it is set aside. */
static bool is_wordlike(const int32_t *c, uint32_t n) {
  uint32_t a = 0, b = n;
  while (a < b && !is_letter(c[a]) && !is_digit(c[a])) a++;
  while (b > a && !is_letter(c[b - 1]) && !is_digit(c[b - 1])) b--;
  if (a == b) return false;
  uint32_t letters = 0, digits = 0, other = 0;
  bool vowel = false, lower = false;
  for (uint32_t k = a; k < b; k++) {
    int32_t ch = c[k];
    if (is_letter(ch)) {
      letters++;
      if (is_lower(ch)) lower = true;
      int32_t u = to_upper_ascii(ch);
      if (u == 'A' || u == 'E' || u == 'I' || u == 'O' || u == 'U' || u == 'Y' || ch >= 0x80) vowel = true;
    } else if (is_digit(ch)) {
      digits++;
    } else if (!(ch == '.' || ch == ',' || ch == '/' || ch == '-' || ch == ':' || ch == '\'' || ch == 0x2019)) {
      other++;
    }
  }
  if (other > 0) return false;
  if (letters == 0) return digits > 0;
  if (digits > 0) return letters >= 2;
  return letters >= 2 && (vowel || !lower);
}

/* How long a debris line may be. */
#define DEBRIS_CAP 100

/* OCR debris: a line of at most DEBRIS_CAP characters that is mostly not
 * words, left by stamps, redaction boxes, rules and handwriting (`ae . - o
 * . -.`, `c=]`, `|| | ||`, `:. . '`).
 * Fewer than half its tokens read as words or numbers, and either none does
 * or other marks are at least as many as its letters and digits. A line of one
 * token that is a letter or a number (`A`, `2.`) is a list label, not
 * debris. */
static bool is_debris(const Line *l) {
  /* Stamps, boxes and scrawls make short lines; a long line is text. */
  if (l->len > DEBRIS_CAP) return false;
  /* One pass for the tokens and the letters and marks; then, since a line
   * whose letters outnumber its marks is debris only when no token is a
   * word, prose stops at its first word. */
  uint32_t total = 0, letters = 0, marks = 0;
  bool after_space = true;
  for (uint32_t k = 0; k < l->len; k++) {
    int32_t ch = l->c[k];
    bool space, alnum;
    if (ch < 0x80) {
      space = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
      alnum = (uint32_t)((ch | 32) - 'a') < 26 || (uint32_t)(ch - '0') < 10;
    } else {
      space = is_hspace(ch);
      alnum = !space && is_letter(ch);
    }
    if (space) {
      after_space = true;
      continue;
    }
    if (after_space) total++;
    after_space = false;
    if (alnum) letters++;
    else marks++;
  }
  if (total == 0) return false;
  uint32_t tokens = 0, words = 0, i = 0;
  uint32_t first_start = 0, first_len = 0;
  while (i < l->len) {
    while (i < l->len && is_hspace(l->c[i])) i++;
    if (i >= l->len) break;
    uint32_t s = i;
    while (i < l->len && !is_hspace(l->c[i])) i++;
    if (tokens == 0) {
      first_start = s;
      first_len = i - s;
    }
    tokens++;
    if (is_wordlike(l->c + s, i - s)) {
      words++;
      if (marks < letters && total > 1) return false;
      if (words * 2 >= total && total > 1) return false;
    }
  }
  if (tokens == 1) {
    /* `A`, `B.`, `2.`, `I`: a list label or a pronoun alone */
    uint32_t alnum = 0;
    for (uint32_t k = first_start; k < first_start + first_len; k++)
      if (is_letter(l->c[k]) || is_digit(l->c[k])) alnum++;
    uint32_t end = first_start + first_len;
    /* `A`, `2.`, `b)`, `(S)`: not `c=]` */
    bool label_shape = alnum == first_len ||
                       (alnum + 1 == first_len && (l->c[end - 1] == '.' || l->c[end - 1] == ')')) ||
                       (alnum + 2 == first_len && l->c[first_start] == '(' && l->c[end - 1] == ')');
    if (alnum >= 1 && alnum <= 2 && first_len <= 3 && label_shape) return false;
  }
  if (words * 2 >= tokens) return false;
  return words == 0 || marks >= letters;
}

/* `after_text`: the line follows a line of text with no blank line between,
 * where an ALL-CAPS line is more likely a wrapped line than a title. */
static Kind classify_line(const Line *l, bool after_text) {
  if (l->len == 0) return KIND_BLANK;
  bool struck;
  if (!l->truncated) {
    if (is_end_marker(l)) return KIND_END;
    if (is_furniture(l)) return KIND_FURNITURE;
    if (is_banner(l, &struck)) return KIND_BANNER;
  }
  if (l->c[0] == '#') {
    uint32_t h = 0;
    while (h < l->len && l->c[h] == '#') h++;
    if (h <= 6 && h < l->len && is_hspace(l->c[h])) return KIND_HEADING;
  }
  if (is_section_title(l)) return KIND_HEADING;
  /* a field's name is short and ends in a colon: most lines have none
   * near their start, and are no field */
  bool colon = false;
  for (uint32_t k = 0; k < l->len && k < 48 && !colon; k++) colon = l->c[k] == ':';
  if (colon && match_field(l, PARTICIPANT_FIELDS)) return KIND_PARTICIPANTS;
  if (colon && (match_field(l, FIELD_NAMES) || is_form_field(l))) return KIND_FIELD;
  if (is_label_at(l, 0, after_text)) return KIND_LABEL;
  /* specks before a label of the printed hearings' style only: before a
   * colon they are as often a form's field (`_Date acquired:`) */
  uint32_t specks = label_specks(l);
  bool strong;
  if (specks > 0 && is_period_label_at(l, specks, &strong) && (strong || !after_text))
    return KIND_MARGIN_LABEL;
  if (is_margin_mark(l)) {
    uint32_t i = 1;
    while (i < l->len && is_hspace(l->c[i])) i++;
    return is_label_at(l, i, after_text) ? KIND_MARGIN_LABEL : KIND_MARGIN_PARA;
  }
  if (!l->truncated && is_debris(l)) return KIND_DEBRIS;
  if (!after_text && is_heading(l)) return KIND_HEADING;
  return KIND_PARA;
}

/* A delegation line inside PARTICIPANTS: `United States`, `Russia`, `US:`. */
static bool is_group_line(const Line *l, Kind kind) {
  if (l->len == 0 || l->truncated || l->len > 40) return false;
  if (line_has(l, ',')) return false;
  if (l->c[l->len - 1] == ':') return line_words(l) <= 4;
  if (kind != KIND_PARA && kind != KIND_HEADING) return false;
  if (l->c[l->len - 1] == '.' || line_words(l) > 3) return false;
  /* a person, not a delegation */
  uint32_t i = 0;
  while (i < l->len) {
    while (i < l->len && is_hspace(l->c[i])) i++;
    uint32_t s = i;
    while (i < l->len && !is_hspace(l->c[i])) i++;
    if (i > s && word_in(l->c + s, i - s, TITLE_WORDS, true)) return false;
  }
  return is_upper(l->c[0]);
}

/* A label with nothing after its colon (`US:`, `Soviet:`) inside
 * PARTICIPANTS names a delegation. */
static bool is_bare_colon_line(const Line *l) {
  return l->len > 0 && l->c[l->len - 1] == ':' && !line_has(l, ',') && line_words(l) <= 4;
}

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */

static bool emit(TSLexer *lexer, enum TokenType t) {
  lexer->result_symbol = t;
  return true;
}

static enum TokenType kind_token(Kind k) {
  switch (k) {
    case KIND_HEADING: return K_HEADING;
    case KIND_FIELD: return K_FIELD;
    case KIND_PARTICIPANTS: return K_PARTICIPANTS;
    case KIND_LABEL: return K_LABEL;
    case KIND_MARGIN_LABEL: return K_MARGIN_LABEL;
    case KIND_MARGIN_PARA: return K_MARGIN_PARA;
    case KIND_BANNER: return K_BANNER;
    case KIND_FURNITURE: return K_FURNITURE;
    case KIND_END: return K_END;
    case KIND_DEBRIS: return K_DEBRIS;
    default: return K_PARA;
  }
}

/* After consuming a blank line: do only blank lines lie between here and a
 * line of the wanted sort (a header field, or a delegation)? */
static bool blank_lines_then(TSLexer *lexer, bool want_group) {
  Line line;
  for (int n = 0; n < GAP_LINES; n++) {
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    if (lexer->eof(lexer)) return false;
    if (lexer->lookahead == '\n') {
      advance(lexer);
      continue;
    }
    read_line(lexer, &line, false);
    Kind k = classify_line(&line, false);
    if (want_group) return is_group_line(&line, k);
    return k == KIND_FIELD || k == KIND_PARTICIPANTS;
  }
  return false;
}

/* At the first character of a line, in a position where a block may start. */
static bool scan_line_start(TSLexer *lexer, const bool *valid) {
  bool indented = false;
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) {
    skip(lexer);
    indented = true;
  }
  if (lexer->eof(lexer)) {
    /* trailing white space with no newline: a blank line of its own */
    lexer->mark_end(lexer);
    return indented && valid[BLANK_LINE] ? emit(lexer, BLANK_LINE) : false;
  }
  if (lexer->lookahead == '\n') {
    advance(lexer);
    lexer->mark_end(lexer);
    if (valid[FIELD_GAP] && blank_lines_then(lexer, false)) return emit(lexer, FIELD_GAP);
    return emit(lexer, BLANK_LINE);
  }
  lexer->mark_end(lexer);
  Line line;
  read_line(lexer, &line, false);
  enum TokenType t = kind_token(classify_line(&line, false));
  if (!valid[t]) t = K_PARA;
  return emit(lexer, t);
}

/* At white space or a line end in running text. Consumes the newline and the
 * next line's indentation, then looks at the next line to say whether the
 * construct goes on. Returns false (having consumed only white space) when
 * the line does not end here. */
static bool scan_line_end(Scanner *s, TSLexer *lexer, const bool *valid) {
  bool open_end = s->open_end;
  s->open_end = false;
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
  if (lexer->eof(lexer)) {
    lexer->mark_end(lexer);
    return valid[LINE_END] ? emit(lexer, LINE_END) : false;
  }
  if (lexer->lookahead != '\n') return false;
  advance(lexer);
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
  lexer->mark_end(lexer);

  bool blank = at_eol(lexer);
  if (blank) {
    if (valid[GROUP_SEP] && blank_lines_then(lexer, true)) return emit(lexer, GROUP_SEP);
    return valid[LINE_END] ? emit(lexer, LINE_END) : false;
  }
  Line line;
  read_line(lexer, &line, false);
  Kind kind = classify_line(&line, true);
  if (valid[PARTICIPANT_SEP]) {
    /* a page anchor (`[Page 192]`) inside a list does not end it */
    if (kind == KIND_PARA || (kind == KIND_LABEL && is_bare_colon_line(&line)) ||
        (kind == KIND_FURNITURE && line.len > 2 && line.c[0] == '['))
      return emit(lexer, PARTICIPANT_SEP);
  }
  if (kind == KIND_LABEL && open_end && valid[PARA_CONTINUE] && !is_emphatic_label(&line)) kind = KIND_PARA;
  if (kind == KIND_PARA) {
    if (valid[PARA_CONTINUE]) return emit(lexer, PARA_CONTINUE);
    if (valid[FIELD_CONTINUE]) return emit(lexer, FIELD_CONTINUE);
  }
  return valid[LINE_END] ? emit(lexer, LINE_END) : false;
}

/* Copies up to `cap` characters of the rest of the line into `buf`, stopping
 * before `stop` or a newline; returns how many were read. */
static uint32_t read_until(TSLexer *lexer, int32_t *buf, uint32_t cap, int32_t stop, int32_t also) {
  uint32_t n = 0;
  while (n < cap && !at_eol(lexer) && lexer->lookahead != stop && lexer->lookahead != also) {
    buf[n++] = lexer->lookahead;
    advance(lexer);
  }
  return n;
}

/* `U`, `C`, `S`, `TS`, `CUI`, `S//NF`, `U//FOUO`, `C/NF`; or a short
 * unknown mark such as OCR's `X` or `e`, which the linter reports. */
static bool is_mark_text(const int32_t *c, uint32_t n, bool *known) {
  uint32_t a = 0, b = n;
  while (a < b && is_hspace(c[a])) a++;
  while (b > a && is_hspace(c[b - 1])) b--;
  *known = false;
  if (a == b) return false;
  uint32_t i = a;
  while (i < b && is_upper(c[i]) && c[i] < 0x80) i++;
  static const char *const LEVELS[] = {"U", "C", "S", "TS", "R", "CUI", "SBU", "FOUO", NULL};
  if (i > a && word_in(c + a, i - a, LEVELS, false)) {
    if (i == b) {
      *known = true;
      return true;
    }
    if (c[i] == '/' || c[i] == '-') {
      for (uint32_t k = i; k < b; k++) {
        int32_t ch = c[k];
        if (!((is_upper(ch) && ch < 0x80) || is_digit(ch) || ch == '/' || ch == '-' || ch == ',' || ch == ' '))
          return false;
      }
      *known = true;
      return true;
    }
  }
  /* one or two letters or digits */
  if (b - a > 2) return false;
  for (uint32_t k = a; k < b; k++)
    if (!(is_letter(c[k]) || is_digit(c[k]))) return false;
  return true;
}

/* `(Via interpreter)`, `(inaudible)`, `(To Secretary Rice)`: starts with a
 * letter and holds a lower-case letter; not a list label like `(a)`, `(iv)`. */
static bool is_stage_text(const int32_t *c, uint32_t n) {
  if (n < 2 || !is_letter(c[0])) return false;
  bool lower = false, space = false;
  for (uint32_t k = 0; k < n; k++) {
    if (is_lower(c[k])) lower = true;
    if (is_hspace(c[k])) space = true;
  }
  if (!lower) return false;
  if (!space && n <= 4) {
    static const char *const ROMAN[] = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", NULL};
    if (word_in(c, n, ROMAN, false)) return false;
  }
  return true;
}

/* At an opening delimiter: consumes it and ends the token there, so that a
 * construct that does not close falls back to a one-character text token;
 * then reads the inside up to `close` on the same line (stopping at
 * `reopen`, which cannot nest). True when `close` was found and consumed. */
static bool read_enclosed(TSLexer *lexer, int32_t *buf, uint32_t *n, int32_t close, int32_t reopen) {
  advance(lexer);
  lexer->mark_end(lexer);
  *n = read_until(lexer, buf, PAREN_CAP, close, reopen);
  if (lexer->lookahead != close || at_eol(lexer)) return false;
  advance(lexer);
  return true;
}

/* At `(`. Portion mark (at a line end, or leading a paragraph), stage
 * direction, or plain text. */
static bool scan_paren(TSLexer *lexer, const bool *valid) {
  int32_t buf[PAREN_CAP];
  uint32_t n;
  if (!read_enclosed(lexer, buf, &n, ')', '(')) return emit(lexer, TEXT);
  lexer->mark_end(lexer);
  bool known;
  if (is_mark_text(buf, n, &known)) {
    bool leading = valid[LEADING_PORTION_MARK];
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    if (at_eol(lexer)) return emit(lexer, leading ? LEADING_PORTION_MARK : PORTION_MARK);
    if (leading) return emit(lexer, LEADING_PORTION_MARK);
  }
  if (is_stage_text(buf, n)) return emit(lexer, STAGE_DIRECTION);
  return emit(lexer, TEXT);
}

/* At `*` or `~`: `*emphasis*`, `**strong**`, `~~struck~~`, else text. */
static bool scan_delimited(TSLexer *lexer) {
  int32_t d = lexer->lookahead;
  uint32_t count = 0;
  while (lexer->lookahead == d && count < 2) {
    advance(lexer);
    count++;
  }
  lexer->mark_end(lexer);
  if (d == '~' && count < 2) return emit(lexer, TEXT);
  if (at_eol(lexer) || is_hspace(lexer->lookahead) || lexer->lookahead == d) return emit(lexer, TEXT);
  bool prev_space = false;
  for (uint32_t n = 0; n < SPAN_CAP && !at_eol(lexer); n++) {
    int32_t c = lexer->lookahead;
    advance(lexer);
    if (c == d && !prev_space) {
      if (count == 1) {
        lexer->mark_end(lexer);
        return emit(lexer, EMPHASIS);
      }
      if (lexer->lookahead == d) {
        advance(lexer);
        lexer->mark_end(lexer);
        return emit(lexer, d == '~' ? STRIKETHROUGH : STRONG);
      }
    }
    prev_space = is_hspace(c);
  }
  return emit(lexer, TEXT);
}

/* At `[`: `[text](target)` link, `[Page 156]` page anchor, else text. */
static bool scan_bracket(TSLexer *lexer) {
  int32_t buf[PAREN_CAP];
  uint32_t n;
  if (!read_enclosed(lexer, buf, &n, ']', '[')) return emit(lexer, TEXT);
  if (is_page_anchor(buf, n)) {
    lexer->mark_end(lexer);
    return emit(lexer, INLINE_FURNITURE);
  }
  if (lexer->lookahead != '(') {
    lexer->mark_end(lexer);
    return emit(lexer, TEXT);
  }
  advance(lexer);
  for (uint32_t k = 0; k < SPAN_CAP && !at_eol(lexer); k++) {
    int32_t c = lexer->lookahead;
    advance(lexer);
    if (c == ')') {
      lexer->mark_end(lexer);
      return emit(lexer, LINK);
    }
    if (is_hspace(c)) break;
  }
  return emit(lexer, TEXT);
}

/* Plain text up to the next character that may start an inline construct,
 * or up to the line end (trailing white space left out). `after_space`: the
 * text so far ends in white space (or the line starts here). */
static bool scan_text(Scanner *s, TSLexer *lexer, bool after_space, int32_t last) {
  /* The token's end is marked where text meets white space or the line
   * end, not after every character. `marked`: it is marked here already. */
  bool marked = true;
  for (;;) {
    if (at_eol(lexer)) {
      if (!marked) lexer->mark_end(lexer);
      break;
    }
    int32_t c = lexer->lookahead;
    if (is_hspace(c)) {
      if (!marked) lexer->mark_end(lexer);
      marked = true;
      advance(lexer);
      after_space = true;
      continue;
    }
    last = c;
    if (c == '*' || c == '[' || c == '~' || (c == '(' && after_space)) {
      lexer->mark_end(lexer);
      break;
    }
    if (c == '(') {
      /* glued to a word: `1.4(b)(d)` is text, `#744305(C)` at a line end
       * ends in a portion mark */
      int32_t buf[PAREN_CAP];
      lexer->mark_end(lexer);
      advance(lexer);
      uint32_t n = read_until(lexer, buf, PAREN_CAP, ')', '(');
      if (lexer->lookahead == ')') {
        advance(lexer);
        bool known;
        if (is_mark_text(buf, n, &known) && known) {
          while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
          if (at_eol(lexer)) break; /* token ends before the `(` */
        }
        last = ')';
      }
      lexer->mark_end(lexer);
      marked = true;
      after_space = false;
      continue;
    }
    advance(lexer);
    marked = false;
    after_space = false;
  }
  s->open_end = !is_closing(last);
  return emit(lexer, TEXT);
}

static bool scan_inline(Scanner *s, TSLexer *lexer, const bool *valid) {
  if (valid[LEADING_PORTION_MARK]) {
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) skip(lexer);
  }
  if (is_hspace(lexer->lookahead) || at_eol(lexer)) {
    bool open_end = s->open_end;
    if (scan_line_end(s, lexer, valid)) return true;
    s->open_end = open_end;
    if (at_eol(lexer)) return false;
    /* white space inside the line: the start of a text run */
    lexer->mark_end(lexer);
    return scan_text(s, lexer, true, ' ');
  }
  bool found;
  int32_t first = lexer->lookahead;
  switch (first) {
    case '(': found = scan_paren(lexer, valid); break;
    case '*':
    case '~': found = scan_delimited(lexer); break;
    case '[': found = scan_bracket(lexer); break;
    default:
      advance(lexer);
      lexer->mark_end(lexer);
      return scan_text(s, lexer, false, first);
  }
  /* a construct closes what it opens; a lone delimiter leaves the line open */
  s->open_end = found && lexer->result_symbol == TEXT;
  return found;
}

/* The rest of the line as one token (banner, furniture, end marker). */
static bool scan_rest_of_line(TSLexer *lexer, const bool *valid) {
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) skip(lexer);
  Line line;
  read_line(lexer, &line, true);
  if (valid[BANNER_TEXT] || valid[STRUCK_BANNER_TEXT]) {
    bool struck = false;
    is_banner(&line, &struck);
    return emit(lexer, struck && valid[STRUCK_BANNER_TEXT] ? STRUCK_BANNER_TEXT : BANNER_TEXT);
  }
  if (valid[DEBRIS_TEXT]) return emit(lexer, DEBRIS_TEXT);
  return emit(lexer, valid[FURNITURE_TEXT] ? FURNITURE_TEXT : END_TEXT);
}

/* One participant (`Stephen Hadley, Assistant to the President` with the
 * title's wrapped lines) or one delegation (`United States`, `US:`). */
static bool scan_participant(TSLexer *lexer, const bool *valid) {
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) skip(lexer);
  Line line;
  read_line(lexer, &line, true);
  bool group;
  if (!valid[PARTICIPANT]) group = true;
  else if (!valid[PARTICIPANT_GROUP]) group = false;
  else if (is_bare_colon_line(&line)) group = true;
  else if (valid[PARTICIPANT_SEP]) group = is_group_line(&line, KIND_PARA); /* first, on the PARTICIPANTS line */
  else group = false;
  if (group) return emit(lexer, PARTICIPANT_GROUP);

  /* Wrapped titles: a line goes on when it starts in lower case, when the
   * line before ends in a word like `the` or `of`, or when the title already
   * wraps and this line has no comma of its own. */
  bool previous_wraps = line_ends_with_word(&line, WRAP_WORDS) ||
                        (line.len > 0 && (line.c[line.len - 1] == ',' || line.c[line.len - 1] == '-'));
  uint32_t lines = 1;
  while (!lexer->eof(lexer) && lexer->lookahead == '\n') {
    advance(lexer);
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    if (at_eol(lexer)) break;
    Line next;
    read_line(lexer, &next, false);
    if (next.truncated || !at_eol(lexer)) break;
    if (classify_line(&next, true) != KIND_PARA || is_bare_colon_line(&next)) break;
    bool goes_on = is_lower(next.c[0]) || previous_wraps || (lines >= 2 && !line_has(&next, ','));
    if (!goes_on) break;
    lexer->mark_end(lexer);
    lines++;
    previous_wraps = line_ends_with_word(&next, WRAP_WORDS) ||
                     next.c[next.len - 1] == ',' || next.c[next.len - 1] == '-';
  }
  return emit(lexer, PARTICIPANT);
}

/* After a period inside what may be a colon label's name: reads on over
 * capitalised words to the colon. True (the lexer just before the colon,
 * after a non-space character) when the name goes on to one. */
static bool probe_colon(TSLexer *lexer) {
  bool space = false, word_start = true;
  for (int n = 0; n < 64 && !at_eol(lexer); n++) {
    int32_t c = lexer->lookahead;
    if (c == ':') return !space;
    if (is_hspace(c)) {
      space = true;
      word_start = true;
    } else {
      if (word_start && !is_upper(c)) return false;
      if (!(is_letter(c) || c == '.' || c == '\'' || c == '-')) return false;
      space = false;
      word_start = false;
    }
    advance(lexer);
  }
  return false;
}

/* The speaker's name in a label whose kind the line start has decided: up
 * to the colon, the closing `**` or `]`, a parenthetical (`Mr. Poe (interpreting):`),
 * or the period that ends a period-style label (`Mr. WARNER.`; the periods of
 * titles and initials, `Mr.`, `J.`, stay in the name). */
static bool scan_label_part(TSLexer *lexer, const bool *valid) {
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) skip(lexer);
  if (valid[LABEL_OPEN] && (lexer->lookahead == '*' || lexer->lookahead == '[')) {
    if (lexer->lookahead == '[') {
      advance(lexer);
    } else {
      advance(lexer);
      if (lexer->lookahead == '*') advance(lexer);
    }
    lexer->mark_end(lexer);
    return emit(lexer, LABEL_OPEN);
  }
  if (lexer->lookahead == 'Q') {
    advance(lexer);
    lexer->mark_end(lexer);
    if (is_hspace(lexer->lookahead)) return emit(lexer, SPEAKER_NAME);
  }
  int32_t word[32];
  uint32_t wn = 0, words = 0;
  bool after_space = false;
  /* `Mr.`, `The`: a title first, so a period after a name ends the label */
  bool titled = false;
  while (!at_eol(lexer) && lexer->lookahead != ':' && lexer->lookahead != '*' && lexer->lookahead != ']') {
    int32_t c = lexer->lookahead;
    if (c == '(' && after_space) break;
    if (c == '.') {
      uint32_t n = wn < 32 ? wn : 32;
      bool inside = period_inside_name(word, n);
      if (words == 0 && wn > 0) titled = word_in(word, n, LABEL_TITLES, true);
      advance(lexer);
      if (!inside) {
        if (titled) break; /* the period that ends a period-style label */
        /* `ASST. SEC. JONES:`: an abbreviation inside a colon label */
        if (!probe_colon(lexer)) break;
        lexer->mark_end(lexer);
        break;
      }
      lexer->mark_end(lexer);
      if (wn > 0) words++;
      wn = 0;
      after_space = false;
      continue;
    }
    bool space = is_hspace(c);
    advance(lexer);
    if (space) {
      if (wn > 0) {
        if (words == 0 && (word_in(word, wn < 32 ? wn : 32, LABEL_TITLES, true) ||
                           (wn == 3 && (word[0] == 'T' || word[0] == 't') && (word[1] == 'h' || word[1] == 'H'))))
          titled = true;
        words++;
      }
      wn = 0;
      after_space = true;
    } else {
      if (wn < 32) word[wn] = c;
      wn++;
      after_space = false;
      lexer->mark_end(lexer);
    }
  }
  return emit(lexer, SPEAKER_NAME);
}

/* After the name: the closing `**` or `]`, a parenthetical, the colon or the
 * period, and the white space after them. */
static bool scan_label_close(TSLexer *lexer) {
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
  if (lexer->lookahead == '(') {
    for (int n = 0; n < 48 && !at_eol(lexer) && lexer->lookahead != ')'; n++) advance(lexer);
    if (lexer->lookahead == ')') advance(lexer);
  }
  if (lexer->lookahead == '*') {
    advance(lexer);
    if (lexer->lookahead == '*') advance(lexer);
  }
  if (lexer->lookahead == ']') advance(lexer);
  if (lexer->lookahead == ':' || lexer->lookahead == '.') advance(lexer);
  if (lexer->lookahead == '*') {
    advance(lexer);
    if (lexer->lookahead == '*') advance(lexer);
  }
  while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
  lexer->mark_end(lexer);
  return emit(lexer, LABEL_CLOSE);
}

bool tree_sitter_transcript_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid) {
  Scanner *s = (Scanner *)payload;
  if (valid[ERROR_SENTINEL]) return false;
  if (!valid[TEXT] && !valid[LINE_END] && !valid[PARA_CONTINUE] && !valid[FIELD_CONTINUE]) {
    /* a new line or line kind: nothing on it is open yet */
    s->open_end = false;
  }

  if (valid[BOM] && lexer->lookahead == 0xFEFF) {
    advance(lexer);
    lexer->mark_end(lexer);
    return emit(lexer, BOM);
  }
  if (valid[K_PARA] || valid[K_FIELD]) return scan_line_start(lexer, valid);

  if (valid[PARTICIPANTS_GAP]) {
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    if (!lexer->eof(lexer) && lexer->lookahead == '\n') {
      advance(lexer);
      lexer->mark_end(lexer);
      return emit(lexer, PARTICIPANTS_GAP);
    }
    return scan_participant(lexer, valid);
  }
  if (valid[MARGIN_MARK] && lexer->lookahead == '(') {
    advance(lexer);
    lexer->mark_end(lexer);
    return emit(lexer, MARGIN_MARK);
  }
  if (valid[MARGIN_MARK] && !is_hspace(lexer->lookahead) && !at_eol(lexer)) {
    /* OCR's specks before a label (see `label_specks`) */
    for (int n = 0; n < 2 && !is_hspace(lexer->lookahead) && !is_upper(lexer->lookahead) && !at_eol(lexer); n++)
      advance(lexer);
    lexer->mark_end(lexer);
    return emit(lexer, MARGIN_MARK);
  }
  if (valid[FIELD_NAME]) {
    while (!at_eol(lexer) && lexer->lookahead != ':') {
      bool space = is_hspace(lexer->lookahead);
      advance(lexer);
      if (!space) lexer->mark_end(lexer);
    }
    return emit(lexer, FIELD_NAME);
  }
  if (valid[FIELD_COLON]) {
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    if (lexer->lookahead == ':') advance(lexer);
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    lexer->mark_end(lexer);
    return emit(lexer, FIELD_COLON);
  }
  if (valid[SPEAKER_NAME]) return scan_label_part(lexer, valid);
  if (valid[LABEL_CLOSE]) return scan_label_close(lexer);
  if (valid[BANNER_TEXT] || valid[FURNITURE_TEXT] || valid[END_TEXT] || valid[DEBRIS_TEXT])
    return scan_rest_of_line(lexer, valid);

  if (valid[HEADING_MARKER] && lexer->lookahead == '#') {
    while (lexer->lookahead == '#') advance(lexer);
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) advance(lexer);
    lexer->mark_end(lexer);
    return emit(lexer, HEADING_MARKER);
  }
  if (valid[PARTICIPANT] || valid[PARTICIPANT_GROUP]) {
    while (is_hspace(lexer->lookahead) && !lexer->eof(lexer)) skip(lexer);
    if (at_eol(lexer)) return scan_line_end(s, lexer, valid);
    return scan_participant(lexer, valid);
  }
  if (valid[TEXT]) return scan_inline(s, lexer, valid);
  if (valid[LINE_END] || valid[PARA_CONTINUE] || valid[FIELD_CONTINUE])
    return scan_line_end(s, lexer, valid);
  return false;
}

void *tree_sitter_transcript_external_scanner_create(void) {
  Scanner *s = (Scanner *)ts_calloc(1, sizeof(Scanner));
  return s;
}

void tree_sitter_transcript_external_scanner_destroy(void *payload) { ts_free(payload); }

unsigned tree_sitter_transcript_external_scanner_serialize(void *payload, char *buffer) {
  buffer[0] = ((Scanner *)payload)->open_end ? 1 : 0;
  return 1;
}

void tree_sitter_transcript_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  ((Scanner *)payload)->open_end = length > 0 && buffer[0] != 0;
}
