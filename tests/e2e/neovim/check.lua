-- Headless Neovim 0.7 as an LSP client of edunorm-language-server (as a user would start it,
-- with `npx edunorm-language-server --stdio`): open a non-compliant budget, expect the
-- teacher-training-funds error on line 11, type the compliant value, expect exactly that
-- diagnostic to clear. Writes what it saw to $EDUNORM_NVIM_OUT and exits non-zero on failure.
local out_path = os.getenv('EDUNORM_NVIM_OUT')
local file = os.getenv('EDUNORM_NVIM_FILE')
local root = os.getenv('EDUNORM_ROOT')
local report = { steps = {} }

local function finish(ok, why)
  report.ok = ok
  report.why = why
  local f = io.open(out_path, 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq!') end
end

local function snapshot(buf)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(items, { line = d.lnum + 1, col = d.col + 1, code = d.code, severity = d.severity, source = d.source })
  end
  table.sort(items, function(a, b) return a.line < b.line end)
  return items
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'edunorm',
  cmd = { 'npx', '--no-install', 'edunorm-language-server', '--stdio' },
  cmd_cwd = root,
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client then return finish(false, 'the language server did not start') end
vim.lsp.buf_attach_client(buf, client)

local function has(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return d end
  end
  return nil
end

if not vim.wait(30000, function() return has('teacher-training-funds') ~= nil end, 50) then
  report.steps.opened = snapshot(buf)
  return finish(false, 'no teacher-training-funds diagnostic within 30 s')
end
report.steps.opened = snapshot(buf)
local d = has('teacher-training-funds')
if d.lnum + 1 ~= 11 or d.severity ~= vim.diagnostic.severity.ERROR or d.source ~= 'edunorm' then
  return finish(false, 'teacher-training-funds is not an edunorm error on line 11')
end

-- Type the compliant value on line 11: `  teacherTraining: 150000` → 200000.
local line = vim.api.nvim_buf_get_lines(buf, 10, 11, false)[1]
vim.api.nvim_buf_set_lines(buf, 10, 11, false, { (line:gsub('150000', '200000')) })
if not vim.wait(15000, function() return has('teacher-training-funds') == nil end, 50) then
  report.steps.edited = snapshot(buf)
  return finish(false, 'the diagnostic did not clear after the compliant value was typed')
end
report.steps.edited = snapshot(buf)
finish(true, nil)
