#!/usr/bin/env bash
# Instructions executed by newslint, counted by valgrind's callgrind: the same count for the same
# binary and input whatever else the machine is doing, where wall time on a shared 2-core machine
# moves by half from hour to hour. For comparing two builds of a change to speed:
#
#   bash benches/instructions.sh                  # builds target/release/newslint
#   NEWSLINT=BIN CORPUS=DIR bash benches/instructions.sh
#
# Counts, in millions: `check` and `attributions` of one short draft (a 1 KB Reuters story, process
# start included: what a pre-commit hook or an editor pays), and `check -j1 --format json` and
# `attributions -j1 --format json` over every eighth file of the corpus (2,955 files, 3.7 MB; the
# whole corpus would take minutes under valgrind). Prints figures and judges nothing; needs valgrind.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$repo/../shared/corpus}"
[ -d "$corpus" ] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
if [ -z "${NEWSLINT:-}" ]; then
    cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
    NEWSLINT="$repo/target/release/newslint"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$corpus" && find . -name '*.txt' | LC_ALL=C sort | awk 'NR % 8 == 0') > "$work/list"
while read -r f; do
    mkdir -p "$work/sample/$(dirname "$f")"
    cp "$corpus/$f" "$work/sample/$f"
done < "$work/list"
draft="$corpus/reuters21578/03484.txt"

# The instructions of one run of newslint with ARGS, in millions.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$NEWSLINT" "$@" \
        > /dev/null 2> "$work/err" || true
    awk '/Collected :/ { printf "%.0f", $NF / 1e6 }' "$work/err"
}

printf '%-44s %12s\n' "run" "M instr."
printf '%-44s %12s\n' "check one draft" "$(count check "$draft")"
printf '%-44s %12s\n' "attributions one draft" "$(count attributions "$draft")"
printf '%-44s %12s\n' "check -j1, every 8th corpus file ($(wc -l < "$work/list"))" \
    "$(count check -j1 --format json "$work/sample")"
printf '%-44s %12s\n' "attributions -j1, every 8th corpus file" \
    "$(count attributions -j1 --format json "$work/sample")"
