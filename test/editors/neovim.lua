-- Drives Neovim's own LSP client against the Outcome Drafting server, headless:
--   nvim --headless --clean -c "luafile neovim.lua"
-- Reads OUTCOME_NODE, OUTCOME_SERVER, OUTCOME_FILE, OUTCOME_LINE/OUTCOME_CHARACTER (where to
-- ask for a completion, 0-based) and writes what the client got to OUTCOME_RESULT as JSON.
local env = vim.env
local timeout = tonumber(env.OUTCOME_TIMEOUT_MS or '20000')
local result = { diagnostics = {}, completion = {}, errors = {} }

local function finish()
  local f = assert(io.open(env.OUTCOME_RESULT, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.OUTCOME_FILE))
  vim.bo.filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'outcome-drafting',
    cmd = { env.OUTCOME_NODE, env.OUTCOME_SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(env.OUTCOME_FILE, ':h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(0, client_id)

  -- Pushed diagnostics: what Neovim 0.7 shows is what it was sent.
  if not vim.wait(timeout, function() return #vim.diagnostic.get(0) > 0 end, 20) then
    table.insert(result.errors, 'no diagnostics within the time limit')
  end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.diagnostics, { line = d.lnum, character = d.col, message = d.message, code = d.code })
  end

  vim.api.nvim_win_set_cursor(0, { tonumber(env.OUTCOME_LINE) + 1, tonumber(env.OUTCOME_CHARACTER) })
  local answers = vim.lsp.buf_request_sync(0, 'textDocument/completion', vim.lsp.util.make_position_params(), timeout)
  for _, answer in pairs(answers or {}) do
    if answer.err then table.insert(result.errors, vim.inspect(answer.err)) end
    local items = answer.result and (answer.result.items or answer.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
