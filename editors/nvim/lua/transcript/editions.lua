-- Differences from the other edition of a document (the E diagnostics the
-- server reports when an edition is declared: an `edition` comment in the
-- document or `[editions]` in transcript.toml) in the quickfix list.
local M = {}

--- Fills the quickfix list with the buffer's edition differences and
--- opens it; returns how many there are.
function M.quickfix(buf)
  buf = buf or vim.api.nvim_get_current_buf()
  local differences = vim.tbl_filter(function(d)
    return type(d.code) == 'string' and d.code:match('^E%d%d%d$') ~= nil
  end, vim.diagnostic.get(buf))
  local items = vim.diagnostic.toqflist(differences)
  vim.fn.setqflist({}, ' ', { title = 'Differences from the other edition', items = items })
  if #items == 0 then
    vim.notify(
      'transcript: no differences from another edition (declare one with <!-- transcript: edition PATH --> or [editions] in transcript.toml)',
      vim.log.levels.INFO
    )
  else
    vim.cmd.copen()
  end
  return #items
end

return M
