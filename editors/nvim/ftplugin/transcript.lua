-- Tree-sitter highlighting and folding per turn, when the parser is built
-- (see editors/nvim/README.md).
if pcall(vim.treesitter.start) then
  vim.wo[0][0].foldmethod = 'expr'
  vim.wo[0][0].foldexpr = 'v:lua.vim.treesitter.foldexpr()'
  vim.wo[0][0].foldlevel = 99
end
vim.bo.commentstring = '<!-- %s -->'

-- The server enabled but not installed: Neovim would not start it and say
-- nothing, so say so, once a session.
if vim.lsp.is_enabled and vim.lsp.is_enabled('transcript_ls') then
  require('transcript.server').warn_if_missing()
end

-- :TranscriptEditionDifferences, the differences from the declared other
-- edition in the quickfix list.
vim.api.nvim_buf_create_user_command(0, 'TranscriptEditionDifferences', function()
  require('transcript.editions').quickfix(0)
end, { desc = 'Differences from the other edition, in the quickfix list' })
