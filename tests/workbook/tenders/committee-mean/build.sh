#!/usr/bin/env bash
# The committee sample (samples/furniture-committee) under rules that combine the members' marks
# as the Russian decree does: the take-back plan by the mean, the repair service by the median of
# the submitted marks (a declared conflict leaves Jonas Lind out of Kontor Circular). The workbook's
# Committee sheet then computes those values as AVERAGE/MEDIAN formulas and the Bids sheet reads
# them, so that Gnumeric and LibreOffice recalculate the scores from the marks themselves.
#
# Usage: tests/workbook/tenders/committee-mean/build.sh [OUT_DIR]  (makes OUT_DIR/committee-mean.tender)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
out=${1:-$root/build/committee-mean}
mkdir -p "$out"
rules=$out/committee-mean.crit
# `combine:` after each committee scale: mean for the first committee criterion, median for the second.
awk '/committee: 0 \.\. 5/ { print; n++; sub(/committee: 0 \.\. 5/, n == 1 ? "combine: mean" : "combine: median"); print; next } { print }' \
  "$root/samples/furniture-committee/rules.crit" > "$rules"
grep -q 'combine: mean' "$rules" && grep -q 'combine: median' "$rules"
RULES=$rules NAME=committee-mean bash "$root/samples/furniture-committee/build.sh" "$out"
