#!/usr/bin/env bash
# A short run of each fuzz target in fuzz/ (cargo-fuzz; on stable through RUSTC_BOOTSTRAP, without a
# sanitizer), seeded from the repository's fixtures. Fails on a crash, a timeout or an input over the
# memory limit. FUZZ_SECONDS sets the time per target (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

# CI starts fresh: install what the smoke needs rather than skip it.
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
seconds=${FUZZ_SECONDS:-10}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT

copy=(tests/fixtures/seeds/*.txt tests/fixtures/rules/*.txt tests/fixtures/input/* tests/fixtures/opinion/*
    tests/fixtures/figures/*/*.txt tests/fixtures/speakers/*.txt tests/fixtures/html/*.html)
declare -A seeds=(
    [check_text]="${copy[*]}"
    [fix_recheck]="${copy[*]}"
    [against_record]="${copy[*]}"
    [rule_file]="$(echo rules/*.yaml tests/fixtures/broken/*.yaml tests/fixtures/rule-tests/*.yaml)"
    [config_file]="$(echo tests/fixtures/config/*)"
    [cue_file]="rules/attribution.yaml"
    [docx_file]="$(echo tests/fixtures/word/*.docx)"
    [languagetool_form]="$(echo tests/fixtures/html/*.html tests/fixtures/seeds/*.txt)"
)

export RUSTC_BOOTSTRAP=1
cargo fuzz build --sanitizer none
for target in check_text docx_file fix_recheck against_record rule_file config_file cue_file languagetool_form; do
    mkdir -p "$corpus/$target"
    # shellcheck disable=SC2086 # the seed lists are word lists
    cp ${seeds[$target]} "$corpus/$target/"
    log="$corpus/$target.log"
    if ! cargo fuzz run --sanitizer none "$target" "$corpus/$target" -- \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=512 -print_final_stats=1 >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "fuzz smoke: $target failed; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    echo "fuzz smoke: $target: $(grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' ')"
done
