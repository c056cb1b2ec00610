#!/usr/bin/env bash
# Runs the engine benchmark and, when Node.js is there, the feelin FEEL peer on the same shared
# workload on this machine, so the figures in bench/README.md are measured side by side.
# Usage: bench/run.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
shared=$here/../../shared/peers
"$build/bench/tl_bench_engine" "$shared/workload" 9
if command -v node >/dev/null && [ -d "$shared/feelin" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp -r "$shared/feelin" "$shared/workload" "$work/"
  chmod -R u+w "$work"
  (cd "$work/feelin" && npm install --silent >/dev/null 2>&1 && node bench_feel.mjs ../workload 0 | grep -E '^(B|C) ')
fi
