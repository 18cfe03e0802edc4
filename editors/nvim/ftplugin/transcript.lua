-- Tree-sitter highlighting and folding per turn, when the parser is built
-- (see editors/nvim/README.md).
if pcall(vim.treesitter.start) then
  vim.wo[0][0].foldmethod = 'expr'
  vim.wo[0][0].foldexpr = 'v:lua.vim.treesitter.foldexpr()'
  vim.wo[0][0].foldlevel = 99
end
vim.bo.commentstring = '<!-- %s -->'
