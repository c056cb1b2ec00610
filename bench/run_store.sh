#!/usr/bin/env bash
# The store benchmark (bench/README.md): import the shared workload's 10 000 bids into a project,
# open + evaluate it, against reading the CSV + tl::evaluate without the store; in process
# (tl_bench_store, medians), then whole processes under /usr/bin/time -v for peak memory, and the
# same through the CLI (`tenderloop bids P import`, `tenderloop evaluate P`) against
# `tenderloop evaluate RULES.crit --bids BIDS.csv`.
# Usage: bench/run_store.sh [BUILD_DIR] [REPEATS]   (default build/release, 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
repeats=${2:-5}
shared=$here/../../shared/peers/workload
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/tl_bench_store" compare "$shared" "$repeats" "$work"

# wall seconds and peak MiB of one command: "S MiB"
measure() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f %.1f", $1, $2 / 1024}'; }
row() { printf '  %-62s %6s s %7s MiB\n' "$1" $2; }

echo "whole processes (wall, peak memory), library:"
row "baseline: read CSV + tl::evaluate" "$(measure "$build/bench/tl_bench_store" baseline "$shared" "$work")"
row "import 10 000 bids into a new project" "$(measure "$build/bench/tl_bench_store" import "$shared" "$work")"
row "open + evaluate the project" "$(measure "$build/bench/tl_bench_store" evaluate "$shared" "$work")"

tl=$build/src/cli/tenderloop
sed '1s/^bid_id,/bidder,/' "$shared/bids.csv" >"$work/bids.csv"
"$tl" new "$work/cli.tender" --rules "$here/workload/workload.crit" --user bench >/dev/null
echo "whole processes, the CLI:"
row "tenderloop evaluate workload.crit --bids bids.csv --format json" \
  "$(measure "$tl" evaluate "$here/workload/workload.crit" --bids "$work/bids.csv" --format json)"
row "tenderloop bids P.tender import bids.csv" "$(measure "$tl" bids "$work/cli.tender" import "$work/bids.csv" --user bench)"
row "tenderloop evaluate P.tender --format json (records the run)" \
  "$(measure "$tl" evaluate "$work/cli.tender" --format json --user bench)"
row "tenderloop audit P.tender verify" "$(measure "$tl" audit "$work/cli.tender" verify)"
printf '  project file: %.1f MiB\n' "$(echo "$(stat -c %s "$work/cli.tender") / 1048576" | bc -l)"
