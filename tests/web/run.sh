#!/usr/bin/env bash
# The page of `newslint serve` in a real browser: Debian's chromium driven by Playwright
# (playwright-core from npm, installed into a throwaway folder; `npx playwright install` downloads a
# browser build of its own, which this does not need). Starts the server on a free port from the
# debug build, runs page.test.cjs against it, and leaves the screenshots in $WEB_TEST_OUT
# (default target/web-test).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${WEB_TEST_OUT:-$here/target/web-test}"
mkdir -p "$out"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v chromium > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
(cd "$work" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund playwright-core@1.65.1 > /dev/null)

cargo build --locked --quiet
"$here/target/debug/newslint" serve --port 0 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  grep -q "http://" "$work/serve.log" && break
  sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$work/serve.log")"

PLAYWRIGHT_CORE="$work/node_modules/playwright-core" \
  node "$here/tests/web/page.test.cjs" "$url" "$out" "$here/tests/fixtures/seeds"
