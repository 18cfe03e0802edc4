-- Run by tests/tests/nvim.rs: headless Neovim, with the plugin on the
-- runtime path, loads every transcript of a folder with `:argdo` (only the
-- last stays shown), then changes a setting at run time and writes a
-- transcript.toml from outside, and writes what it sees as JSON.
-- Usage: nvim --headless --clean --cmd 'set rtp^=editors/nvim' -l buffers.lua DIR OUT SERVER
local dir, out, server = arg[1], arg[2], arg[3]
local result = { errors = {}, buffers = {} }

local function fail(msg)
  table.insert(result.errors, msg)
end

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, { code = d.code, line = d.lnum + 1 })
  end
  return found
end

local function has(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then
      return true
    end
  end
  return false
end

vim.lsp.config('transcript_ls', { cmd = { server, '--stdio' } })
vim.lsp.enable('transcript_ls')
vim.cmd.cd(dir)
local names = { 'memcon-2008-sochi.txt', 'press-conference-2007-web.md', 'press-conference-2007-ocr.txt' }
vim.cmd.args(vim.deepcopy(names))
vim.cmd('argdo normal! G')
local bufs = {}
for _, name in ipairs(names) do
  bufs[name] = vim.fn.bufnr(name)
end
result.shown = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t')

-- Every buffer gets its diagnostics, shown or not.
for name, buf in pairs(bufs) do
  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    fail('no diagnostics for ' .. name)
  end
end
vim.wait(300)
for name, buf in pairs(bufs) do
  result.buffers[name] = codes(buf)
end

-- A setting changed at run time takes effect without an edit, on the
-- buffer shown (which Neovim pulls for).
local ocr = bufs['press-conference-2007-ocr.txt']
local client = vim.lsp.get_clients({ bufnr = ocr, name = 'transcript_ls' })[1]
if not client then
  fail('the server did not attach')
else
  client.settings = { transcript = { rules = { O001 = 'off' } } }
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  result.setting_took_effect = vim.wait(10000, function()
    return not has(ocr, 'O001') and #vim.diagnostic.get(ocr) > 0
  end, 20)
end

-- A transcript.toml written outside Neovim takes effect too.
local memcon = bufs['memcon-2008-sochi.txt']
local had_o004 = has(memcon, 'O004')
local f = assert(io.open(dir .. '/transcript.toml', 'w'))
f:write('[rules]\nO004 = "off"\n')
f:close()
result.toml_took_effect = had_o004
  and vim.wait(10000, function()
    return not has(memcon, 'O004') and #vim.diagnostic.get(memcon) > 0
  end, 20)

-- An ordinary .txt file keeps Neovim's own filetype.
vim.cmd.edit('notes.txt')
result.notes_filetype = vim.bo.filetype

local o = assert(io.open(out, 'w'))
o:write(vim.json.encode(result))
o:close()
vim.cmd('qall!')
