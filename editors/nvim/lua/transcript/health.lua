-- :checkhealth transcript
local M = {}

function M.check()
  vim.health.start('transcript-ls')
  local server = require('transcript.server')
  local cmd = server.command()
  local path = vim.fn.exepath(cmd)
  if path == '' then
    vim.health.error(('the server `%s` is not on your PATH'):format(cmd), server.advice)
  else
    local version = vim.fn.system({ path, '--version' }):gsub('%s+$', '')
    vim.health.ok(('server: %s (%s)'):format(path, version))
  end
  if vim.lsp.is_enabled and not vim.lsp.is_enabled('transcript_ls') then
    vim.health.warn('the server is not enabled: transcripts get no diagnostics, outline or fixes', {
      "add vim.lsp.enable('transcript_ls') to init.lua",
    })
  end

  vim.health.start('tree-sitter parser')
  -- Since 0.11 `add` returns nil and a message instead of throwing.
  local ok, added = pcall(vim.treesitter.language.add, 'transcript')
  if ok and added then
    vim.health.ok('parser `transcript` found')
    if #vim.api.nvim_get_runtime_file('queries/transcript/highlights.scm', true) > 0 then
      vim.health.ok('highlight queries found')
    else
      vim.health.warn('no queries/transcript/highlights.scm on the runtime path', { 'run editors/nvim/build' })
    end
  else
    vim.health.warn('parser `transcript` not found: no tree-sitter highlighting or folds', { 'run editors/nvim/build' })
  end
end

return M
