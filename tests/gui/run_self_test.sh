#!/bin/sh
# Runs tenderloop-gui's built-in GUI test under Xvfb on a sample tender, in one UI language, and
# checks the workbook it exported: it exists and holds C-locale numbers (no "0,5" in the cells'
# values, even when the UI runs in Russian, where wxLocale sets LC_NUMERIC to a decimal comma).
# Usage: run_self_test.sh APP SAMPLE_DIR OUT_DIR LANG
set -eu
app=$1 sample=$2 out=$3 lang=$4
rm -rf "$out" && mkdir -p "$out"
xvfb-run -a -s '-screen 0 1280x800x24' \
  "$app" --lang "$lang" --self-test "$out" "$sample/rules.crit" "$sample/bids.csv"
book="$out/self-test-evaluation.xlsx"
test -s "$book" || { echo "no workbook at $book"; exit 1; }
if command -v unzip >/dev/null 2>&1; then
  # Cell values: <v>12.5</v>; a decimal comma there means the locale leaked into the writer.
  if unzip -p "$book" 'xl/worksheets/*.xml' | grep -E -o '<v>[^<]*</v>' | grep -q ','; then
    echo "the workbook holds decimal commas:"; unzip -p "$book" 'xl/worksheets/*.xml' | grep -E -o '<v>[^<]*,[^<]*</v>' | head
    exit 1
  fi
  unzip -p "$book" 'xl/worksheets/*.xml' | grep -q -E '<v>[0-9]+\.[0-9]+</v>' || { echo "no decimal numbers found"; exit 1; }
fi
echo "gui self-test ($lang): ok"
