#!/usr/bin/env bash
# The pre-commit hook, tested for real: pre-commit from PyPI in a throwaway virtualenv, a throwaway git
# repository of copy whose .pre-commit-config.yaml points at this checkout. A draft with a finding must
# be refused with newslint's report; a clean draft must go through.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$here" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PATH="$work/venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache"

repo="$work/copy"
git init --quiet "$repo"
cd "$repo"
git config user.email "desk@example.org"
git config user.name "Copy desk"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: newslint
YAML
pre-commit install --install-hooks > /dev/null
git add .pre-commit-config.yaml
git commit --quiet -m "Set up newslint" --no-verify

# Flagged: BBC business-417, "The two banks reportedly held talks …" (unsourced hedge).
cp "$here/tests/fixtures/rules/unsourced-hedge.txt" flagged.txt
git add flagged.txt
if git commit -m "A draft with an unsourced hedge" > "$work/refused.log" 2>&1; then
  echo "FAIL: the commit of a flagged draft went through"; cat "$work/refused.log"; exit 1
fi
grep -q "NL203/unsourced-hedge" "$work/refused.log" || { echo "FAIL: no newslint report"; cat "$work/refused.log"; exit 1; }
git reset --quiet HEAD flagged.txt && rm flagged.txt

# Clean: seed 000's headline and fourth paragraph (tests/fixtures/input/lf.txt).
cp "$here/tests/fixtures/input/lf.txt" clean.txt
git add clean.txt
git commit --quiet -m "A clean draft" || { echo "FAIL: the commit of a clean draft was refused"; exit 1; }

echo "pre-commit: 2 passed, 0 failed"
