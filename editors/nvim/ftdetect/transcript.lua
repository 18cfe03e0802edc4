-- `*.transcript` and `*.memcon` are transcripts; a `.txt` or `.md` file is
-- one when its first lines look like a memcon or press transcript.
local function by_content(_, bufnr)
  if require('transcript.detect').looks_like_transcript(bufnr) then
    return 'transcript'
  end
end

vim.filetype.add({
  extension = {
    transcript = 'transcript',
    memcon = 'transcript',
    -- Any other `.txt` stays plain text, as Neovim would have it.
    txt = function(path, bufnr)
      return by_content(path, bufnr) or 'text'
    end,
    md = function(path, bufnr)
      return by_content(path, bufnr) or 'markdown'
    end,
  },
})
