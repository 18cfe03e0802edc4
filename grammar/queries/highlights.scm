; Structure of a transcript: who speaks, how it is marked, what belongs to
; the paper rather than the conversation.

(heading) @markup.heading
(heading_marker) @punctuation.special

(speaker_name) @label
(speaker_label) @label

(portion_mark) @attribute

(banner) @keyword
(banner
  struck: (strikethrough) @markup.strikethrough)

(field_name) @property
(participant_group) @module
(participant) @constant

(stage_direction) @comment
(page_furniture) @comment
(margin_mark) @punctuation.special
(end_marker) @comment

(emphasis) @markup.italic
(strong) @markup.strong
(strikethrough) @markup.strikethrough
(link) @markup.link
