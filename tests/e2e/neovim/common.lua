-- Shared by the headless Neovim cases (check.lua, county.lua): the result file they write, the
-- language server started as a user starts it, and what a buffer's diagnostics look like.
local M = {}

-- Writes `report` with its verdict to $EDUNORM_NVIM_OUT and quits (non-zero on failure).
function M.finish(report, ok, why)
  report.ok = ok
  report.why = why
  local f = io.open(os.getenv('EDUNORM_NVIM_OUT'), 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq!') end
end

-- `npx edunorm-language-server --stdio` from the repository, for the folder `root_dir`.
function M.start_server(root_dir)
  return vim.lsp.start_client({
    name = 'edunorm',
    cmd = { 'npx', '--no-install', 'edunorm-language-server', '--stdio' },
    cmd_cwd = os.getenv('EDUNORM_ROOT'),
    root_dir = root_dir,
  })
end

-- The first diagnostic of `buf` with this code, or nil.
function M.find(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return d end
  end
  return nil
end

-- A buffer's diagnostics, 1-based, sorted by line then code.
function M.snapshot(buf)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(items, { line = d.lnum + 1, col = d.col + 1, code = d.code, severity = d.severity, source = d.source, message = d.message })
  end
  table.sort(items, function(a, b) return a.line < b.line or (a.line == b.line and tostring(a.code) < tostring(b.code)) end)
  return items
end

return M
