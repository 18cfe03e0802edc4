-- Run by tests/tests/nvim.rs with a PATH that has no transcript-ls: opens
-- two transcripts with the server enabled and writes what the user was
-- told as JSON.
-- Usage: nvim --headless --clean --cmd 'set rtp^=editors/nvim' -l missing_server.lua DOC1 DOC2 OUT
local first, second, out = arg[1], arg[2], arg[3]
local said = {}
vim.notify = function(msg, level)
  table.insert(said, { message = msg, level = level })
end
vim.lsp.enable('transcript_ls')
vim.cmd.edit(first)
vim.cmd.edit(second)
vim.wait(500)
local f = assert(io.open(out, 'w'))
f:write(vim.json.encode({ said = said, filetype = vim.bo.filetype }))
f:close()
vim.cmd('qall!')
