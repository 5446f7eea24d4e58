#!/usr/bin/env bash
# Hostile inputs too large for `cargo test` (issue #15): each is checked at two sizes, N and 4N, and
# must stay linear — the CPU time at 4N within 6× the time at N (4× is linear; the rest is noise on a
# shared machine) — with peak memory within 10× the larger file. Needs a release build; run by
# `.ci/run`.
#
#   bash tests/bounded.sh            # builds target/release/newslint
#   NEWSLINT=BIN SCALE=K bash tests/bounded.sh   # another binary; sizes times K (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 2; }
if [ -z "${NEWSLINT:-}" ]; then
    cargo build --release --locked --quiet
    NEWSLINT=target/release/newslint
fi
scale=${SCALE:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# A paragraph of real copy (a fixture: BBC, Campbell's e-mail) repeated on one line, `times` times:
# a paragraph, and a line, that never ends.
one_line() {
    python3 - "$1" "$2" <<'EOF'
import sys
body = open("tests/fixtures/rules/mixed-spelling.txt", encoding="utf-8").read().splitlines()[2]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("Campbell: " + " ".join([body] * int(sys.argv[1])) + "\n")
EOF
}

# A sentence of a fixture repeated, `times` times, one after another: a finding in every sentence.
#   sentences FIXTURE SENTENCE-START TIMES FILE
sentences() {
    python3 - "$@" <<'EOF'
import sys, re
fixture, start, times, path = sys.argv[1:]
text = open(fixture, encoding="utf-8").read()
at = text.index(start)
end = re.search(r"[.?!][”\"]?(\s|$)", text[at:]).end()
with open(path, "w", encoding="utf-8") as out:
    out.write(" ".join([text[at:at + end].strip()] * int(times)) + "\n")
EOF
}

# A claim no one answers for (BBC business-417: "The two banks reportedly held talks …").
hedges() { sentences tests/fixtures/rules/unsourced-hedge.txt "The two banks" "$1" "$2"; }

# A quotation and who said it (seed 002: "“The two leaders, I would say, connected very quickly,”
# Tillerson said.").
quotations() {
    sentences tests/fixtures/seeds/002_d24ae73ce5904a91.txt "“The two leaders, I would" "$1" "$2"
}

# The hedge's paragraph after a suppression of its hedge with a reason, `times` times: as many
# suppressions as findings.
suppressed() {
    python3 - "$1" "$2" <<'EOF'
import sys
para = open("tests/fixtures/rules/unsourced-hedge.txt", encoding="utf-8").read().split("\n\n")[1].strip()
directive = "[newslint-disable-next-line NL203 -- the Sunday Express reported the talks]"
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("".join(f"{directive}\n{para}\n\n" for _ in range(int(sys.argv[1]))))
EOF
}

# `bytes` straight quotation marks: every one unbalanced.
marks() { head -c "$1" /dev/zero | tr '\0' '"' > "$2"; }

# Runs newslint ARGS on FILE; prints "user+system seconds, peak KiB" (GNU time writes a line about a
# non-zero exit first: newslint exits 1 on findings).
measure() {
    local file=$1; shift
    /usr/bin/time -f "%U %S %M" -o "$work/time" "$NEWSLINT" "$@" "$file" > "$work/out" 2>/dev/null || true
    tail -n 1 "$work/time" | awk '{ printf "%.2f %d\n", $1 + $2, $3 }'
}

# case NAME MAKE SIZE MEMORY ARGS...: the input made at SIZE and 4×SIZE, and the bounds checked
# (peak memory at most MEMORY times the larger file).
case_() {
    local name=$1 make=$2 size=$3 memory=$4; shift 4
    local small="$work/small" large="$work/large"
    $make "$size" "$small"
    $make $((size * 4)) "$large"
    read -r t1 m1 < <(measure "$small" "$@")
    read -r t4 m4 < <(measure "$large" "$@")
    local bytes
    bytes=$(wc -c < "$large")
    local verdict=""
    # CPU time under 0.5 s is mostly start-up: only the memory bound is read then.
    if awk -v a="$t1" -v b="$t4" 'BEGIN { exit !(a >= 0.5 && b > 6 * a) }'; then verdict="NOT LINEAR; "; fi
    if [ $((m4 * 1024)) -gt $((memory * bytes)) ]; then verdict="${verdict}OVER ${memory}x MEMORY"; fi
    printf '%-44s %6.1f MB: %6ss %7d KiB | %6.1f MB: %6ss %7d KiB  %s\n' "$name" \
        "$(awk -v b="$(wc -c < "$small")" 'BEGIN { print b / 1e6 }')" "$t1" "$m1" \
        "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$t4" "$m4" "${verdict:-ok}"
    [ -z "$verdict" ] || failed=1
}

echo "case                                              small                        4x"
repeat=$((2500 * scale)) # about 2 MB
for format in human short json; do
    case_ "1. one line of prose, check --format $format" one_line $((repeat * 6)) 10 \
        check --color never --format "$format"
done
case_ "2. one paragraph, attributions --format json" one_line "$repeat" 10 attributions --format json
case_ "2. one paragraph, attributions (text)" one_line "$repeat" 10 attributions
for format in human short; do
    case_ "3. straight quotation marks, --format $format" marks $((1000000 * scale)) 10 \
        check --color never --format "$format"
done
case_ "4. a hedge in every sentence" hedges $((75000 * scale)) 10 check --format short
case_ "5. an attributed quotation in every sentence" quotations $((125000 * scale)) 10 \
    check --format short
case_ "6. a suppression before every paragraph" suppressed $((30000 * scale)) 10 \
    check --format short

if [ "$failed" != 0 ]; then
    echo "bounded inputs: a bound was not met" >&2
    exit 1
fi
echo "bounded inputs: every case linear, and within its bound in memory"
