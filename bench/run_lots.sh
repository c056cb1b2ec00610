#!/usr/bin/env bash
# Many lots (bench/README.md, "Many lots"): `tenderloop export` of a generated framework tender
# (tests/workbook/make_lots.py) with N lots of B bids each, its wall time and peak memory from
# /usr/bin/time -v (and user + system CPU time: on a shared machine the wall time is noisy), under a normal `ulimit -n` (1024) unless LOTS_ULIMIT says otherwise.
# Usage: bench/run_lots.sh [TENDERLOOP] [LOTS...]   (default build/release's, 1000 10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/release/src/cli/tenderloop}
shift || true
lots=("${@:-1000 10000}")
bids=${LOTS_BIDS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %6s %8s %8s %10s %s\n' lots bids 'wall s' 'cpu s' 'peak MiB' result
for n in ${lots[*]}; do
  /usr/bin/python3 "$here/../tests/workbook/make_lots.py" "$work/t$n" "$n" "$bids"
  out=$( (ulimit -n "${LOTS_ULIMIT:-1024}"; /usr/bin/time -v "$bin" export "$work/t$n/rules.crit" --bids "$work/t$n/bids.csv" \
          -o "$work/t$n.xlsx") 2>&1 || true)
  wall=$(echo "$out" | awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}')
  cpu=$(echo "$out" | awk '/User time|System time/ {s += $NF} END {print s}')
  kb=$(echo "$out" | awk '/Maximum resident/ {print $6}')
  status=$(echo "$out" | awk '/Exit status/ {print $3}')
  result=ok
  [ "$status" = 0 ] || result="failed: $(echo "$out" | grep -m1 -o 'Too many open files' || echo "exit $status")"
  printf '%8d %6d %8.2f %8.2f %10.1f %s\n' "$n" "$((n * bids))" "$wall" "$cpu" "$(echo "$kb / 1024" | bc -l)" "$result"
done
