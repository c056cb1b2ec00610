#!/bin/sh
# Runs the GUI self-test (tenderloop-gui-selftest: the app with the scenarios of tests/gui) under
# Xvfb, in one UI language, on a project made from a sample tender with the CLI (as an officer
# would: `new`, then `bids import`), and checks the workbook it exported: it exists and holds C-locale numbers (no "0,5" in the cells' values, even
# when the UI runs in Russian, where wxLocale sets LC_NUMERIC to a decimal comma).
# Usage: run_self_test.sh SELFTEST CLI SAMPLE_DIR OUT_DIR LANG [SCENARIO]
# Exits 77 (CTest: skipped) when xvfb-run is not installed.
set -eu
command -v xvfb-run >/dev/null || { echo "SKIPPED: xvfb-run (Debian package xvfb) is not installed"; exit 77; }
app=$1 cli=$2 sample=$3 out=$4 lang=$5 scenario=${6:-main}
rm -rf "$out" && mkdir -p "$out/config"
# Preferences and recent files go to a private folder, not the user's.
export XDG_CONFIG_HOME="$out/config" HOME="$out/config"
project="$out/$(basename "$sample").tender"
"$cli" new "$project" --rules "$sample/rules.crit" --user "GUI test" --reason "self-test" >/dev/null
"$cli" bids "$project" import "$sample/bids.csv" --user "GUI test" >/dev/null
xvfb-run -a -s '-screen 0 1280x800x24' \
  "$app" --lang "$lang" --scenario "$scenario" --self-test "$out" "$project"
"$cli" audit "$project" verify >/dev/null || { echo "the project's audit log does not verify after the GUI test"; exit 1; }
if [ "$scenario" = main ]; then
  book="$out/self-test-evaluation.xlsx"
  test -s "$book" || { echo "no workbook at $book"; exit 1; }
  # Cell values: <v>12.5</v>; a decimal comma there means the locale leaked into the writer.
  if unzip -p "$book" 'xl/worksheets/*.xml' | grep -E -o '<v>[^<]*</v>' | grep -q ','; then
    echo "the workbook holds decimal commas:"; unzip -p "$book" 'xl/worksheets/*.xml' | grep -E -o '<v>[^<]*,[^<]*</v>' | head
    exit 1
  fi
  unzip -p "$book" 'xl/worksheets/*.xml' | grep -q -E '<v>[0-9]+\.[0-9]+</v>' || { echo "no decimal numbers found"; exit 1; }
fi
echo "gui self-test ($scenario, $lang): ok"
