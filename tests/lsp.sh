#!/usr/bin/env bash
# The language server, tested with a real LSP client: pytest-lsp from PyPI in a throwaway virtualenv
# drives `newslint lsp` over stdio (tests/lsp/test_lsp.py). Needs Python 3.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --manifest-path "$here/Cargo.toml"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pytest-lsp
NEWSLINT="$here/target/release/newslint" "$work/venv/bin/python" -m pytest -q -p no:cacheprovider \
    -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function "$here/tests/lsp"
