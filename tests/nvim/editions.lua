-- Run by tests/tests/nvim.rs: headless Neovim opens a document that
-- declares its other edition, runs :TranscriptEditionDifferences, and
-- writes the quickfix list it filled as JSON.
-- Usage: nvim --headless --clean --cmd 'set rtp^=editors/nvim' -l editions.lua DOC OUT SERVER
local doc, out, server = arg[1], arg[2], arg[3]
local result = { errors = {} }

vim.lsp.config('transcript_ls', { cmd = { server, '--stdio' } })
vim.lsp.enable('transcript_ls')
vim.cmd.edit(doc)
local buf = vim.api.nvim_get_current_buf()
local arrived = vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 20)
if not arrived then
  table.insert(result.errors, 'no diagnostics')
end
vim.wait(300)
vim.cmd('TranscriptEditionDifferences')
local list = vim.fn.getqflist({ title = 1, items = 1 })
result.title = list.title
result.items = {}
for _, item in ipairs(list.items) do
  table.insert(result.items, { line = item.lnum, text = item.text })
end
local file = io.open(out, 'w')
file:write(vim.json.encode(result))
file:close()
vim.cmd('qall!')
