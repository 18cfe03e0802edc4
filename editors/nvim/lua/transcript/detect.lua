-- Content detection: does a buffer hold a transcript? A memcon header
-- (MEMORANDUM OF CONVERSATION, or SUBJECT: with PARTICIPANTS:), or several
-- speaker labels in capitals (`SECRETARY RICE:`, `**QUESTION:**`) near the
-- top.
local M = {}

local LINES = 200

function M.looks_like_transcript(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, LINES, false)
  local labels, subject, participants = 0, false, false
  for _, line in ipairs(lines) do
    if line:find('MEMORANDUM OF CONVERSATION', 1, true) or line:find('MEMORANDUM OF TELEPHONE CONVERSATION', 1, true) then
      return true
    end
    if line:match('^%s*SUBJECT:') then
      subject = true
    end
    if line:match('^%s*PARTICIPANTS:') then
      participants = true
    end
    local label = line:match('^%s*%**([%u][%u%.%s]+):%**%s')
    if label and #label >= 2 then
      labels = labels + 1
    end
  end
  return (subject and participants) or labels >= 3
end

return M
