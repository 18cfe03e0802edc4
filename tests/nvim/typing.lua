-- A measurement, not a test (nothing runs it in CI): how Neovim keeps up
-- while typing into a large document, for issue 16's "big raw-OCR files
-- must not freeze the editor". Opens FILE with the plugin's server, types
-- KEYS characters a GAP milliseconds apart, and prints how late a 5 ms
-- timer ran meanwhile (what a keystroke's echo waits for), the diagnostic
-- lists Neovim handled (pushed or pulled) and how long each took, and how
-- soon after the last key the final list came.
-- Usage: nvim --headless --clean --cmd 'set rtp^=editors/nvim' -l tests/nvim/typing.lua FILE SERVER [MAX [GAP [KEYS]]]
-- (MAX: transcript.maxDiagnostics, default 1000; GAP default 200; KEYS 30.)
-- A raw OCR file to try: the OCR sample 290 times over (5.8 MB):
--   for i in $(seq 290); do cat fixtures/samples/press-conference-2007-ocr.txt; echo; done > /tmp/raw.txt
local file, server = arg[1], arg[2]
local max, gap, keys = tonumber(arg[3] or 1000), tonumber(arg[4] or 200), tonumber(arg[5] or 30)
local uv = vim.uv

vim.lsp.config('transcript_ls', {
  cmd = { server, '--stdio' },
  settings = { transcript = { maxDiagnostics = max } },
})
vim.lsp.enable('transcript_ls')

local lists = {}
for _, method in ipairs({ 'textDocument/publishDiagnostics', 'textDocument/diagnostic' }) do
  local handle = vim.lsp.handlers[method]
  vim.lsp.handlers[method] = function(err, result, ctx, config)
    local t0 = uv.hrtime()
    handle(err, result, ctx, config)
    if result then
      table.insert(lists, {
        method = method,
        count = #(result.diagnostics or result.items or {}),
        kb = math.floor(#vim.json.encode(result) / 1024),
        ms = (uv.hrtime() - t0) / 1e6,
        at = uv.hrtime(),
        version = result.version or ctx.version,
      })
    end
  end
end

local opened = uv.hrtime()
vim.cmd.edit(file)
local buf = vim.api.nvim_get_current_buf()
vim.wait(60000, function()
  return #vim.diagnostic.get(buf) > 0
end, 10)
print(('first diagnostics %.0f ms after opening: %d'):format((uv.hrtime() - opened) / 1e6, #vim.diagnostic.get(buf)))
vim.wait(2500)

local lags, last = {}, uv.hrtime()
local timer = assert(uv.new_timer())
timer:start(5, 5, function()
  local now = uv.hrtime()
  table.insert(lags, (now - last) / 1e6 - 5)
  last = now
end)
lists = {}
local last_key
for _ = 1, keys do
  last_key = uv.hrtime()
  vim.api.nvim_buf_set_text(buf, 3, 0, 3, 0, { 'x' })
  vim.wait(math.max(0, gap - (uv.hrtime() - last_key) / 1e6))
end
local tick = vim.api.nvim_buf_get_changedtick(buf)
vim.wait(10000, function()
  return #lists > 0 and lists[#lists].version == tick
end, 5)
timer:stop()

table.sort(lags)
local function at(p)
  return lags[math.max(1, math.floor(#lags * p))]
end
print(('timer lag while typing: median %.1f ms, p95 %.1f ms, max %.1f ms'):format(at(0.5), at(0.95), lags[#lags]))
local slowest = 0
for _, l in ipairs(lists) do
  slowest = math.max(slowest, l.ms)
end
local final = lists[#lists]
if final then
  print(('%d lists (%s) while typing %d keys, the last %d diagnostics in %d KB, handled in up to %.0f ms'):format(
    #lists, final.method, keys, final.count, final.kb, slowest))
  print(('the final list %.0f ms after the last key'):format((final.at - last_key) / 1e6))
else
  print('no diagnostics came while typing')
end
vim.cmd('qall!')
