#!/usr/bin/env bash
# Neovim (Debian's `neovim`, headless) as a real client of `vnlint lsp`: it opens a
# Vietnamese file, waits (bounded) for the published diagnostics and prints them; the
# script fails if none arrive or if they are not the findings `vnlint check` reports.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nvim >/dev/null; then
  echo "test_neovim_lsp: neovim is missing (apt-get install neovim)" >&2
  exit 2
fi
cargo build --locked --quiet
VNLINT="$PWD/target/debug/vnlint"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/.git" # a repository root: no vnlint.toml above it applies
cat >"$work/thong-cao.txt" <<'TEXT'
Hội nghị Ban Chấp hành lần thứ 24

Ngày 27-6, Ban Chấp hành Đảng bộ quận đã tổ chức Hội nghị lần thứ 25 😀.
A ninh chính trị, quốc phòng  và an toàn xã hội được giữ vững.
TEXT

cat >"$work/init.lua" <<'LUA'
local buf_file = vim.fn.expand("%:p")
local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0) and "qall!" or ("cquit " .. code))
end
vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local id = vim.lsp.start_client({
      name = "vnlint",
      cmd = { os.getenv("VNLINT"), "lsp" },
      root_dir = os.getenv("WORKSPACE"),
    })
    if not id then
      io.stderr:write("test_neovim_lsp: could not start vnlint lsp\n")
      return finish(2)
    end
    vim.lsp.buf_attach_client(buf, id)
    vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    local found = vim.diagnostic.get(buf)
    table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    for _, d in ipairs(found) do
      local lsp = d.user_data and d.user_data.lsp or {}
      local code = d.code or lsp.code or "?"
      io.stdout:write(string.format("%s:%d:%d: %s %s\n", vim.fn.fnamemodify(buf_file, ":t"),
        d.lnum + 1, d.col + 1, code, d.message))
    end
    if #found == 0 then
      io.stderr:write("test_neovim_lsp: no diagnostics within 20 s\n")
      return finish(1)
    end
    vim.lsp.stop_client(id)
    vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
    finish(0)
  end,
})
LUA

echo "== neovim $(nvim --version | head -1) opens thong-cao.txt with vnlint lsp"
got="$work/nvim.out"
if ! VNLINT="$VNLINT" WORKSPACE="$work" timeout 60 \
  nvim --headless -i NONE --noplugin -u "$work/init.lua" "$work/thong-cao.txt" >"$got"; then
  cat "$got"
  echo "test_neovim_lsp: FAILED (neovim exited non-zero or timed out)" >&2
  exit 1
fi
cat "$got"

# The same findings (line and rule) as the command line reports.
want="$(cd "$work" && "$VNLINT" check --format concise thong-cao.txt | sed -E 's/^[^:]+:([0-9]+):[0-9]+: [a-z]+\[([a-z-]+)\].*/\1 \2/' | sort)" || true
have="$(sed -E 's/^[^:]+:([0-9]+):[0-9]+: ([a-z-]+) .*/\1 \2/' "$got" | sort)"
if [ "$want" != "$have" ]; then
  echo "test_neovim_lsp: FAILED: neovim shows" >&2
  echo "$have" >&2
  echo "but vnlint check reports" >&2
  echo "$want" >&2
  exit 1
fi
echo "test_neovim_lsp: ok ($(wc -l <"$got") diagnostics, the same as vnlint check)"
