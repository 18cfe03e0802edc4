/**
 * @file Transcript markup: press-conference transcripts and memoranda of
 * conversation, as archivists and press offices actually produce them.
 * @license MIT
 *
 * Every decision about what a line *is* (a speaker label, a banner, a header
 * field, page furniture, a paragraph) is made at the start of the line by the
 * external scanner (`src/scanner.c`), which reads the whole line before it
 * decides and announces the kind with a zero-width token (`_k_*`). The rules
 * below only assemble those tokens, so the grammar is small and accepts every
 * input: a line the scanner cannot classify is a paragraph, never an ERROR.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

module.exports = grammar({
  name: 'transcript',

  // Nothing is skipped silently: the scanner owns every byte.
  extras: _ => [],

  externals: $ => [
    $._bom,
    // Line structure.
    $._blank_line,
    $._field_gap,
    $._participants_gap,
    $._line_end,
    $._para_continue,
    $._field_continue,
    $._participant_sep,
    $._group_sep,
    // Line kinds, zero-width, emitted at the first non-blank character.
    $._k_para,
    $._k_heading,
    $._k_field,
    $._k_participants,
    $._k_label,
    $._k_margin_label,
    $._k_margin_para,
    $._k_banner,
    $._k_furniture,
    $._k_end,
    $._k_debris,
    // Line content.
    $.heading_marker,
    $.field_name,
    $._field_colon,
    $.participant_group,
    $.participant,
    $.margin_mark,
    $._label_open,
    $.speaker_name,
    $._label_close,
    $._banner_text,
    $._struck_banner_text,
    $._furniture_text,
    $._end_text,
    $._debris_text,
    // Inline.
    $._text,
    $.portion_mark,
    $._leading_portion_mark,
    $.stage_direction,
    $.emphasis,
    $.strong,
    $.strikethrough,
    $.link,
    $._inline_furniture,
    // Never valid in a normal parse state: tells the scanner that tree-sitter
    // is recovering from an error, so it must not guess.
    $._error_sentinel,
  ],

  rules: {
    document: $ => seq(optional($._bom), repeat($._top_level)),

    _top_level: $ => choice(
      $._block,
      $.speaker_turn,
      seq($.end_marker, $._line_end),
    ),

    // Everything that may stand between two speaker labels.
    _block: $ => choice(
      $._blank_line,
      seq($.paragraph, $._line_end),
      seq($.heading, $._line_end),
      seq($.banner, $._line_end),
      seq($.page_furniture, $._line_end),
      seq($.debris, $._line_end),
      $.header_block,
    ),

    // A label and everything up to the next label or the end marker: the
    // paragraphs, and the page furniture and banners that a page break drops
    // into the middle of a turn.
    speaker_turn: $ => prec.right(seq(
      choice($._k_label, seq($._k_margin_label, $.margin_mark)),
      $.speaker_label,
      choice(
        seq(alias($._label_paragraph, $.paragraph), $._line_end),
        $._line_end,
      ),
      repeat($._block),
    )),

    speaker_label: $ => seq(
      optional($._label_open),
      $.speaker_name,
      $._label_close,
    ),

    // The paragraph that starts on the label's own line.
    _label_paragraph: $ => $._paragraph_body,

    paragraph: $ => seq(
      choice($._k_para, seq($._k_margin_para, $.margin_mark)),
      $._paragraph_body,
    ),

    _paragraph_body: $ => seq(
      choice(
        seq(alias($._leading_portion_mark, $.portion_mark), repeat($._inline)),
        repeat1($._inline),
      ),
      repeat(seq($._para_continue, repeat1($._inline))),
    ),

    heading: $ => seq($._k_heading, optional($.heading_marker), repeat1($._inline)),

    banner: $ => seq(
      $._k_banner,
      choice(
        $._banner_text,
        field('struck', alias($._struck_banner_text, $.strikethrough)),
      ),
    ),

    page_furniture: $ => seq($._k_furniture, $._furniture_text),

    end_marker: $ => seq($._k_end, $._end_text),

    // A line that is mostly not words: what OCR makes of stamps, redaction
    // boxes, rules and handwriting. Never text.
    debris: $ => seq($._k_debris, $._debris_text),

    // Consecutive header fields, also across blank lines: SUBJECT,
    // PARTICIPANTS, DATE/TIME/PLACE; or the classification authority block.
    header_block: $ => prec.right(seq(
      $._header_line,
      repeat(seq(repeat($._field_gap), $._header_line)),
    )),

    _header_line: $ => seq($.header_field, $._line_end),

    header_field: $ => choice(
      seq($._k_field, $.field_name, $._field_colon, optional($.field_value)),
      seq(
        $._k_participants,
        $.field_name,
        $._field_colon,
        optional(alias($._participant_list, $.field_value)),
      ),
    ),

    field_value: $ => choice(
      seq(repeat1($._inline), repeat($._field_continuation)),
      repeat1($._field_continuation),
    ),

    _field_continuation: $ => seq($._field_continue, repeat1($._inline)),

    _participant_list: $ => choice(
      seq($._participant_item, repeat($._next_participant)),
      repeat1($._next_participant),
    ),

    _participant_item: $ => choice($.participant_group, $.participant),

    _next_participant: $ => choice(
      seq($._participant_sep, $._participant_item),
      seq($._group_sep, repeat($._participants_gap), $.participant_group),
    ),

    _inline: $ => choice(
      $._text,
      $.portion_mark,
      $.stage_direction,
      $.emphasis,
      $.strong,
      $.strikethrough,
      $.link,
      alias($._inline_furniture, $.page_furniture),
    ),
  },
});
