-- Headless Neovim 0.7 as an LSP client of edunorm-language-server (issue 13): a school's file
-- edited, its district file's county-wide finding (county-teacher-pay-parity) appears — the
-- district file not opened, then opened in a window of its own — and the edit undone, it
-- clears. The workspace ($EDUNORM_NVIM_WORKSPACE) holds examples/county as county/ and
-- tests/fixtures/report/west-county as west-county/. Neovim 0.7 takes pushed diagnostics only:
-- those of the closed district file land on its (unloaded) buffer, as for any client.
-- Writes what it saw to $EDUNORM_NVIM_OUT and exits non-zero on failure.
local common = dofile(os.getenv('EDUNORM_ROOT') .. '/tests/e2e/neovim/common.lua')
local ws = os.getenv('EDUNORM_NVIM_WORKSPACE')
local report = { steps = {} }
local function finish(ok, why) common.finish(report, ok, why) end
local find, snapshot = common.find, common.snapshot

local school_path = ws .. '/west-county/schools/shanxia-primary/staffing-2024.yaml'
local district_path = ws .. '/west-county/district-2024.yaml'
local east_path = ws .. '/county/district-2025.yaml'
local district_buf = vim.uri_to_bufnr(vim.uri_from_fname(district_path))
local east_buf = vim.uri_to_bufnr(vim.uri_from_fname(east_path))

vim.cmd('edit ' .. vim.fn.fnameescape(school_path))
local school_buf = vim.api.nvim_get_current_buf()
-- The workspace folder is the root: the server indexes both counties in the background.
local client = common.start_server(ws)
if not client then return finish(false, 'the language server did not start') end
vim.lsp.buf_attach_client(school_buf, client)

-- The background index has read the workspace once the east county's closed district file has
-- its finding across documents (its teachers' mean pay is below the reference).
if not vim.wait(60000, function() return find(east_buf, 'county-teacher-pay-parity') ~= nil end, 50) then
  report.steps.index = snapshot(east_buf)
  return finish(false, 'no county-teacher-pay-parity on the closed county/district-2025.yaml within 60 s')
end
if find(district_buf, 'county-teacher-pay-parity') then
  report.steps.before = snapshot(district_buf)
  return finish(false, '西山县 2024 already has county-teacher-pay-parity before the edit')
end

local expected = '西山县 2024 年度 1 所学校 2 名教师平均年工资收入 87,000 元,低于当地公务员平均工资收入 90,000 元(差 3,000 元)'

local function round(name)
  -- One teacher's pay lowered by 10,000 in the school's buffer: the county's mean is 87,000.
  vim.api.nvim_set_current_buf(school_buf)
  local lines = vim.api.nvim_buf_get_lines(school_buf, 0, -1, false)
  local at
  for i, l in ipairs(lines) do
    if l:find('annualSalary: 91000', 1, true) then at = i end
  end
  if not at then return 'the school file has no teacher at 91,000 yuan' end
  local started = vim.loop.hrtime()
  vim.api.nvim_buf_set_lines(school_buf, at - 1, at, false, { (lines[at]:gsub('91000', '81000')) })
  if not vim.wait(30000, function() return find(district_buf, 'county-teacher-pay-parity') ~= nil end, 20) then
    report.steps[name .. '_edited'] = snapshot(district_buf)
    return 'county-teacher-pay-parity did not appear on district-2024.yaml within 30 s'
  end
  local appeared = (vim.loop.hrtime() - started) / 1e6
  local d = find(district_buf, 'county-teacher-pay-parity')
  report.steps[name .. '_edited'] = snapshot(district_buf)
  if d.lnum ~= 3 or d.col ~= 0 or d.severity ~= vim.diagnostic.severity.ERROR or d.message ~= expected then
    return 'the district diagnostic is not the expected error on line 4: ' .. vim.fn.json_encode({ d.lnum, d.col, d.severity, d.message })
  end
  -- Undone with the editor's own undo: the mean is 92,000 again and the finding clears.
  local undoing = vim.loop.hrtime()
  vim.cmd('silent undo')
  if not vim.api.nvim_buf_get_lines(school_buf, at - 1, at, false)[1]:find('annualSalary: 91000', 1, true) then return 'undo did not restore the salary' end
  if not vim.wait(30000, function() return find(district_buf, 'county-teacher-pay-parity') == nil end, 20) then
    report.steps[name .. '_undone'] = snapshot(district_buf)
    return 'county-teacher-pay-parity did not clear on district-2024.yaml within 30 s'
  end
  report.steps[name .. '_undone'] = snapshot(district_buf)
  report.steps[name .. '_ms'] = { appeared = math.floor(appeared), cleared = math.floor((vim.loop.hrtime() - undoing) / 1e6) }
  return nil
end

local why = round('closed')
if why then return finish(false, 'district file not open: ' .. why) end

-- The district file opened in a window of its own, attached to the server like any buffer.
vim.cmd('split ' .. vim.fn.fnameescape(district_path))
district_buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(district_buf, client)
if not vim.wait(30000, function() return find(district_buf, 'county-full-standardization') ~= nil end, 50) then
  report.steps.opened = snapshot(district_buf)
  return finish(false, 'the open district file got no diagnostics of its own within 30 s')
end
vim.cmd('wincmd p')
why = round('open')
if why then return finish(false, 'district file open: ' .. why) end
finish(true, nil)
