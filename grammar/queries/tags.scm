; Speaker turns as definitions, named by the speaker, so tag-based tools
; (symbol pickers, ctags-style outlines) list who speaks where.
(speaker_turn
  (speaker_label
    (speaker_name) @name)) @definition.speaker
