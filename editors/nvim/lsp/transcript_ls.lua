-- The transcript-ls language server, for `vim.lsp.enable('transcript_ls')`
-- (Neovim 0.11+).
---@type vim.lsp.Config
return {
  cmd = { 'transcript-ls', '--stdio' },
  filetypes = { 'transcript' },
  root_markers = { 'transcript.toml', '.git' },
}
