#!/usr/bin/env bash
# Whole-process speed and memory of newslint on the news corpus, beside ripgrep reading the same
# folder for the pack's phrases (`rg -c -F -i -f PHRASES`), in the same run: the median wall time of
# RUNS rounds (each round runs every command once, so machine drift hits them alike), MB/s, the median
# CPU time (user + system: steadier than wall time on a shared machine), the largest peak resident
# memory, and the ratio to ripgrep's wall time: ripgrep as a user runs it (on every core) and on one
# thread (`-j1`), the fair measure of newslint's one-thread runs. Output goes to /dev/null as
# `--format json`.
#
#   bash benches/vs-ripgrep.sh            # corpus in ../shared/corpus, 5 rounds
#   CORPUS=DIR RUNS=N PHRASES=FILE NEWSLINT=BIN bash benches/vs-ripgrep.sh
#
# Prints figures and judges nothing; needs ripgrep (`rg`) and GNU time (`/usr/bin/time`).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$repo/../shared/corpus}"
runs="${RUNS:-5}"
[ -d "$corpus" ] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 2; }
command -v rg >/dev/null || { echo "ripgrep (rg) is not installed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is not installed" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${NEWSLINT:-}" ]; then
    cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
    NEWSLINT="$repo/target/release/newslint"
fi

# The phrase lists of the rule pack (block and flow lists under `phrases:`), one a line.
phrases="${PHRASES:-$work/phrases}"
if [ -z "${PHRASES:-}" ]; then
    awk '/^ *phrases: *\[/ { s = $0; sub(/^[^[]*\[/, "", s); sub(/\].*$/, "", s)
                             n = split(s, a, /, */); for (i = 1; i <= n; i++) print a[i]; next }
         /^ *phrases: *$/  { in_list = 1; next }
         in_list && /^ *- / { s = $0; sub(/^ *- */, "", s); gsub(/^["\047]|["\047]$/, "", s); print s; next }
         { in_list = 0 }' "$repo"/rules/*.yaml | sort -u > "$phrases"
fi

# The corpus as one file, and its first megabyte (whole lines), for memory and linear growth.
find "$corpus" -name '*.txt' | LC_ALL=C sort | xargs cat > "$work/one.txt"
head -c 1000000 "$work/one.txt" | sed '$d' > "$work/1mb.txt"
folder_bytes=$(find "$corpus" \( -name '*.txt' -o -name '*.md' \) -print0 | xargs -0 cat | wc -c)
one_bytes=$(wc -c < "$work/one.txt")
small_bytes=$(wc -c < "$work/1mb.txt")

names=(rg rg-j1 check-j1 check-j2 attributions-j1 check-j1-one-file check-j1-1mb)
command_of() {
    case "$1" in
        rg) echo "rg -c -F -i -f $phrases $corpus" ;;
        rg-j1) echo "rg -j1 -c -F -i -f $phrases $corpus" ;;
        check-j1) echo "$NEWSLINT check -j1 --format json $corpus" ;;
        check-j2) echo "$NEWSLINT check -j2 --format json $corpus" ;;
        attributions-j1) echo "$NEWSLINT attributions -j1 --format json $corpus" ;;
        check-j1-one-file) echo "$NEWSLINT check -j1 --format json $work/one.txt" ;;
        check-j1-1mb) echo "$NEWSLINT check -j1 --format json $work/1mb.txt" ;;
    esac
}
bytes_of() {
    case "$1" in
        check-j1-one-file) echo "$one_bytes" ;;
        check-j1-1mb) echo "$small_bytes" ;;
        *) echo "$folder_bytes" ;;
    esac
}

for round in $(seq "$runs"); do
    for name in "${names[@]}"; do
        # shellcheck disable=SC2046 # the command is split into words on purpose
        /usr/bin/time -f '%e %M %U %S' -o "$work/time" $(command_of "$name") > /dev/null 2>&1 || true
        cat "$work/time" >> "$work/$name"
    done
    echo "round $round of $runs done" >&2
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
timings() { grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$work/$1"; }
seconds() { timings "$1" | cut -d' ' -f1 | median; }
cpu_seconds() { timings "$1" | awk '{ print $3 + $4 }' | median; }
peak_mib() { timings "$1" | cut -d' ' -f2 | sort -n | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'; }

rg_time=$(seconds rg)
rg1_time=$(seconds rg-j1)
echo "corpus: $corpus, $folder_bytes bytes; $(wc -l < "$phrases") phrases; median of $runs rounds"
printf '%-20s %9s %8s %9s %9s %7s %9s\n' figure seconds MB/s 'cpu s' 'peak MiB' 'x rg' 'x rg-j1'
for name in "${names[@]}"; do
    t=$(seconds "$name")
    awk -v n="$name" -v t="$t" -v b="$(bytes_of "$name")" -v c="$(cpu_seconds "$name")" \
        -v p="$(peak_mib "$name")" -v r="$rg_time" -v r1="$rg1_time" \
        'BEGIN { printf "%-20s %9.2f %8.1f %9.2f %9s %7.2f %9.2f\n", n, t, b / 1e6 / t, c, p, t / r, t / r1 }'
done
awk -v big="$(seconds check-j1-one-file)" -v small="$(seconds check-j1-1mb)" -v bb="$one_bytes" -v sb="$small_bytes" \
    'BEGIN { printf "growth 1 MB -> %.0f MB: time x%.1f for size x%.1f (%.2f of linear)\n", bb / 1e6, big / small, bb / sb, (big / small) / (bb / sb) }'
