#!/usr/bin/env bash
# The export benchmark (bench/README.md): tenderloop's evaluation workbook of N bids x 30 criteria
# against raw libxlsxwriter (same process) and Python XlsxWriter writing the same cells, plus peak
# memory of single runs. Usage: bench/run_export.sh [BUILD_DIR] [N]   (default build/release, 10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
n=${2:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/tl_bench_export" compare "$n" 3 "$work"
/usr/bin/python3 "$here/peer_xlsxwriter.py" "$work/cells.tsv" "$work/peer.xlsx"
echo "peak memory (whole process, /usr/bin/time -v):"
for m in evaluate export; do
  for k in "$n" $((2 * n)) $((4 * n)); do
    kb=$(/usr/bin/time -v "$build/bench/tl_bench_export" "$m" "$k" "$work" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}')
    printf '  %-9s %6d bids  %7.1f MiB\n' "$m" "$k" "$(echo "$kb / 1024" | bc -l)"
  done
done
