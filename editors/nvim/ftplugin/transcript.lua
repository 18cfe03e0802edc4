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

-- The server's two token types of its own refine the grammar's colours
-- (see server/src/lsp/semantic.rs): a speaker label stays a label, a
-- portion mark an attribute. `default` leaves a colour scheme's own links.
vim.api.nvim_set_hl(0, '@lsp.type.label.transcript', { link = '@label', default = true })
vim.api.nvim_set_hl(0, '@lsp.type.portionMark.transcript', { link = '@attribute', default = true })
