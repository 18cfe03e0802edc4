-- Run by tests/tests/nvim.rs: headless Neovim, with the plugin on the
-- runtime path, opens one document and writes what it sees as JSON.
-- Usage: nvim --headless --clean --cmd 'set rtp^=editors/nvim' -l check.lua DOC OUT SERVER
local doc, out, server = arg[1], arg[2], arg[3]
local result = { errors = {} }

local function fail(msg)
  table.insert(result.errors, msg)
end

vim.lsp.config('transcript_ls', { cmd = { server, '--stdio' } })
vim.lsp.enable('transcript_ls')
vim.cmd.edit(doc)
local buf = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[buf].filetype

local attached = vim.wait(20000, function()
  return #vim.lsp.get_clients({ bufnr = buf, name = 'transcript_ls' }) > 0
end, 20)
if not attached then
  fail('the server did not attach')
end
local client = vim.lsp.get_clients({ bufnr = buf, name = 'transcript_ls' })[1]

-- Diagnostics arrive once the analysis is done.
vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 20)
vim.wait(300)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { code = d.code, line = d.lnum + 1 })
end

local function request(method, params)
  local response = client and client:request_sync(method, params, 20000, buf)
  if not response or response.err then
    fail(method .. ' failed: ' .. vim.inspect(response and response.err))
    return nil
  end
  return response.result
end

local ident = { textDocument = vim.lsp.util.make_text_document_params(buf) }
local symbols = request('textDocument/documentSymbol', ident) or {}
result.symbols = {}
for _, s in ipairs(symbols) do
  table.insert(result.symbols, { name = s.name, children = s.children and #s.children or 0 })
end

-- References of the first `CFE`.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for row, line in ipairs(lines) do
  local col = line:find('CFE', 1, true)
  if col then
    local refs = request('textDocument/references', {
      textDocument = ident.textDocument,
      position = { line = row - 1, character = col - 1 },
      context = { includeDeclaration = true },
    }) or {}
    result.references = #refs
    break
  end
end

-- A code action fixes a `|`.
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == 'O001' then
    local actions = request('textDocument/codeAction', {
      textDocument = ident.textDocument,
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = { d.user_data and d.user_data.lsp or {} } },
    }) or {}
    for _, action in ipairs(actions) do
      if action.title == 'Replace `|` with `I`' then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        local fixed = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
        result.fixed_line = fixed
        result.fixed_char = fixed:sub(d.col + 1, d.col + 1)
        break
      end
    end
    break
  end
end

-- Tree-sitter captures at the first speaker label, portion mark and banner.
result.captures = {}
local ok, parser = pcall(vim.treesitter.get_parser, buf, 'transcript')
if ok and parser then
  local tree = parser:parse()[1]
  local query = vim.treesitter.query.get('transcript', 'highlights')
  local seen = {}
  for id, node in query:iter_captures(tree:root(), buf) do
    local kind = node:type()
    if (kind == 'speaker_name' or kind == 'portion_mark' or kind == 'banner') and not seen[kind] then
      seen[kind] = true
      result.captures[kind] = query.captures[id]
      -- The server's semantic token there, and the group it is drawn in.
      local row, col = node:start()
      local found = vim.wait(10000, function()
        return #vim.lsp.semantic_tokens.get_at_pos(buf, row, col) > 0
      end, 20)
      if found then
        local token = vim.lsp.semantic_tokens.get_at_pos(buf, row, col)[1]
        local group = '@lsp.type.' .. token.type .. '.transcript'
        result.semantic = result.semantic or {}
        result.semantic[kind] = { type = token.type, link = vim.api.nvim_get_hl(0, { name = group }).link }
      end
      result.portion_mark_link = vim.api.nvim_get_hl(0, { name = '@lsp.type.portionMark.transcript' }).link
    end
  end
  local folds = vim.treesitter.query.get('transcript', 'folds')
  local count = 0
  for _ in folds:iter_captures(tree:root(), buf) do
    count = count + 1
  end
  result.folds = count
  result.foldexpr = vim.wo.foldexpr
else
  fail('no tree-sitter parser for transcript')
end

local f = assert(io.open(out, 'w'))
f:write(vim.json.encode(result))
f:close()
vim.cmd('qall!')
