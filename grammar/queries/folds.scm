; A fold per speaker turn and per header block (SUBJECT, PARTICIPANTS,
; DATE/TIME/PLACE; the classification authority block).
[
  (speaker_turn)
  (header_block)
] @fold
