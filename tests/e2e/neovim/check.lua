-- Headless Neovim 0.7 as an LSP client of edunorm-language-server (as a user would start it,
-- with `npx edunorm-language-server --stdio`): open a non-compliant budget, expect the
-- teacher-training-funds error on line 11, type the compliant value, expect exactly that
-- diagnostic to clear. Writes what it saw to $EDUNORM_NVIM_OUT and exits non-zero on failure.
local common = dofile(os.getenv('EDUNORM_ROOT') .. '/tests/e2e/neovim/common.lua')
local file = os.getenv('EDUNORM_NVIM_FILE')
local report = { steps = {} }
local function finish(ok, why) common.finish(report, ok, why) end
local snapshot = common.snapshot

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client = common.start_server(vim.fn.fnamemodify(file, ':h'))
if not client then return finish(false, 'the language server did not start') end
vim.lsp.buf_attach_client(buf, client)

local function has(code) return common.find(buf, code) end

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
