-- The language server's command, and the warning when it cannot be run.
local M = {}

local warned = false

--- The command that starts the server: the user's `vim.lsp.config`, or
--- the plugin's default.
function M.command()
  local config = vim.lsp.config and vim.lsp.config.transcript_ls
  return (config and type(config.cmd) == 'table' and config.cmd[1]) or 'transcript-ls'
end

--- How to install the server, or point the plugin at it.
M.advice = {
  'install it: cargo install --locked --path server (from the transcript-ls repository)',
  "or point the config at it: vim.lsp.config('transcript_ls', { cmd = { '/path/to/transcript-ls', '--stdio' } })",
}

--- Warns, once a session, when the server's command is not executable.
function M.warn_if_missing()
  local cmd = M.command()
  if warned or vim.fn.executable(cmd) == 1 then
    return
  end
  warned = true
  vim.notify(
    ('transcript-ls: `%s` is not on your PATH, so transcripts get no diagnostics, outline or fixes.\n%s\n%s'):format(
      cmd,
      (M.advice[1]:gsub('^%l', string.upper)),
      (M.advice[2]:gsub('^%l', string.upper))
    ),
    vim.log.levels.WARN
  )
end

return M
