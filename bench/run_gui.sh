#!/usr/bin/env bash
# The desktop app's benchmark (bench/README.md), on a project of 50 bids made from the bus-tyres
# rules: (1) start-up to a usable window (the ranking shown), against `tenderloop evaluate` of the
# same project (the same libraries, no window) launched the same way; (2) an edit in the criteria
# editor to the updated ranking painted, against the libraries' check + evaluation of the same
# text in the same process (tl_bench_gui --bench, bench/gui/). One Xvfb for every run.
# Usage: bench/run_gui.sh [BUILD_DIR] [RUNS]   (default build/release, 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-5}
gui=$build/bench/gui/tl_bench_gui
tl=$build/src/cli/tenderloop
work=$(mktemp -d)
export XDG_CONFIG_HOME=$work/config HOME=$work/config
Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=:77
sleep 1

# 50 bids: the sample's five, then variations of them under other names (all admissible or not
# as their values say, so the ranking has the usual mix).
{
  head -1 "$root/samples/bus-tyres/bids.csv"
  tail -n +2 "$root/samples/bus-tyres/bids.csv" | awk -F, 'BEGIN { OFS = "," } {
    for (i = 0; i < 10; i++) { b = $0; split(b, f, ",");
      printf "%s %d,%s,%d,%d,%s,%s\n", f[1], i, f[2], f[3] * (1 + i / 40), (f[4] + i * 3 > 100 ? 100 : f[4] + i * 3), f[5], f[6] } }'
} >"$work/bids.csv"
"$tl" new "$work/p.tender" --rules "$root/samples/bus-tyres/rules.crit" --user bench >/dev/null
"$tl" bids "$work/p.tender" import "$work/bids.csv" --user bench >/dev/null

now() { date +%s.%N; }
startup=() baseline=() edit=() edit_p95=() library=()
for r in $(seq "$runs"); do
  cp "$work/p.tender" "$work/run.tender"
  t0=$(now); "$tl" evaluate "$work/run.tender" --format json --user bench >/dev/null; t1=$(now)
  baseline+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
  t0=$(now); "$gui" --lang en --bench "$work/report.txt" "$work/p.tender"
  usable=$(awk '$1 == "usable_at" { print $2 }' "$work/report.txt")
  startup+=("$(echo "($usable - $t0) * 1000" | bc -l)")
  edit+=("$(awk '$1 == "keystroke_to_ranking_ms_median" { print $2 }' "$work/report.txt")")
  edit_p95+=("$(awk '$1 == "keystroke_to_ranking_ms_p95" { print $2 }' "$work/report.txt")")
  library+=("$(awk '$1 == "library_check_evaluate_ms_median" { print $2 }' "$work/report.txt")")
done
med() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
bids=$(awk '$1 == "bids" { print $2 }' "$work/report.txt")
s=$(med "${startup[@]}") b=$(med "${baseline[@]}") e=$(med "${edit[@]}") p=$(med "${edit_p95[@]}") l=$(med "${library[@]}")
printf 'tenderloop-gui on a %s-bid project, medians of %s runs:\n' "$bids" "$runs"
printf '  start-up to a usable window (ranking shown)   %8.1f ms   %5.1fx  tenderloop evaluate of the project %.1f ms\n' \
  "$s" "$(echo "$s / $b" | bc -l)" "$b"
printf '  edit in the editor -> ranking painted         %8.2f ms   %5.1fx  libraries alone (check + evaluate) %.2f ms\n' \
  "$e" "$(echo "$e / $l" | bc -l)" "$l"
printf '  the same, 95th percentile of 51 edits         %8.2f ms   (aim: under 50 ms)\n' "$p"
