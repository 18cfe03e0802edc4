-- :checkhealth transcript
local M = {}

function M.check()
  vim.health.start('transcript-ls')
  local config = vim.lsp.config and vim.lsp.config.transcript_ls
  local cmd = (config and config.cmd and config.cmd[1]) or 'transcript-ls'
  local path = vim.fn.exepath(cmd)
  if path == '' then
    vim.health.error(
      ('the server `%s` is not on your PATH'):format(cmd),
      { 'install it: cargo install --locked --path server (from the transcript-ls repository)',
        "or point the config at it: vim.lsp.config('transcript_ls', { cmd = { '/path/to/transcript-ls', '--stdio' } })" }
    )
  else
    local version = vim.fn.system({ path, '--version' }):gsub('%s+$', '')
    vim.health.ok(('server: %s (%s)'):format(path, version))
  end

  vim.health.start('tree-sitter parser')
  local ok = pcall(vim.treesitter.language.add, 'transcript')
  if ok then
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
