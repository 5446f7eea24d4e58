#!/usr/bin/env bash
# The pre-commit hook, tested for real: pre-commit from PyPI in a throwaway virtualenv, a throwaway git
# repository of copy whose .pre-commit-config.yaml points at this checkout. A draft with a finding must
# be refused with newslint's report; a clean draft must go through; the second draft of a story set that
# contradicts the first, already committed, must be refused.
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
# The config, its hook given these args, committed.
hook_args() { # args…
  cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: newslint
        args: [$*]
YAML
  git add .pre-commit-config.yaml
  git commit --quiet --no-verify -m "newslint hook args: $*"
}
hook_args
pre-commit install --install-hooks > /dev/null

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

# Only what a commit writes (`args: [--changed-since, HEAD]`): a draft committed with its finding
# (BBC business-417's hedge, above) takes a clean paragraph (seed 000's, above), then the hedge again.
hook_args --changed-since, HEAD
cp "$here/tests/fixtures/rules/unsourced-hedge.txt" old.txt
git add old.txt
git commit --quiet --no-verify -m "An old draft with a hedge"
{ echo; cat "$here/tests/fixtures/input/lf.txt"; } >> old.txt
git add old.txt
git commit --quiet -m "A clean paragraph added" > "$work/old.log" 2>&1 ||
  { echo "FAIL: a clean paragraph added to an old draft was refused"; cat "$work/old.log"; exit 1; }
{ echo; cat "$here/tests/fixtures/rules/unsourced-hedge.txt"; } >> old.txt
git add old.txt
if git commit -m "The hedge added again" > "$work/new.log" 2>&1; then
  echo "FAIL: a flagged paragraph added to an old draft went through"; cat "$work/new.log"; exit 1
fi
[ "$(grep -c "NL203/unsourced-hedge" "$work/new.log")" = 1 ] ||
  { echo "FAIL: not one NL203, for the new paragraph alone"; cat "$work/new.log"; exit 1; }
git reset --quiet HEAD old.txt && git checkout --quiet old.txt
hook_args

# Story sets from the hook: the hook passes only the staged draft, so the rest of its set is read from
# disk. Two reports of one story each: DUC D0626H, Xinhua XIE19980821.0157 then AP APW19980829.0400
# (253 / 247 killed in Nairobi: NL105); seeds 000 then 003 (Sergey / Sergei Lavrov: NL103).
cat > .newslint.yaml <<'YAML'
select: [NL103, NL105]
stories:
  - { name: embassy, paths: ["embassy/**"] }
  - { name: g20, paths: ["g20/**"] }
YAML
git add .newslint.yaml
git commit --quiet --no-verify -m "Declare the story sets"
second_draft_is_refused() { # set first second code
  mkdir -p "$1"
  cp "$here/tests/fixtures/$2" "$1/v1.txt"
  git add "$1/v1.txt"
  git commit --quiet -m "First draft of $1" || { echo "FAIL: the first draft of $1 was refused"; exit 1; }
  cp "$here/tests/fixtures/$3" "$1/v2.txt"
  git add "$1/v2.txt"
  if git commit -m "Second draft of $1" > "$work/$1.log" 2>&1; then
    echo "FAIL: the second draft of $1 went through"; cat "$work/$1.log"; exit 1
  fi
  grep -q "$4" "$work/$1.log" || { echo "FAIL: no $4 for $1"; cat "$work/$1.log"; exit 1; }
  git reset --quiet HEAD "$1/v2.txt"
}
second_draft_is_refused embassy figures/embassy/xinhua-1998-08-21.txt figures/embassy/apw-1998-08-29.txt "NL105/figure-conflict"
second_draft_is_refused g20 seeds/000_f1e3116a09d4a900.txt seeds/003_c4404504afc26fe5.txt "NL103/name-variant"

echo "pre-commit: 5 passed, 0 failed"
