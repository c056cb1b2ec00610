#!/bin/sh
# Screenshots of every main view of the desktop app, in English and in Russian, into
# docs/screenshots/gui-VIEW-LANG.png: the criteria editor with the results (bus-tyres project),
# the bids grid, the committee's pages (furniture-committee project as samples/furniture-committee/
# build.sh makes it), the New project wizard, Preferences, and the dialog that asks for the reason
# of a rules correction (bus-tyres holds bids, so its rules are frozen). Needs xvfb-run and ImageMagick's
# `import`; there is no window manager under Xvfb, so windows have no title bar.
# Usage: tests/gui/screenshots.sh [BUILD_DIR]   (default: build/release)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
app=$build/src/gui/tenderloop-gui
tl=$build/src/cli/tenderloop
out="$root/docs/screenshots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" HOME="$work/config" SOURCE_DATE_EPOCH=1776157200
mkdir -p "$out"
"$tl" new "$work/bus-tyres.tender" --rules "$root/samples/bus-tyres/rules.crit" --user "Erik Holm" >/dev/null
"$tl" bids "$work/bus-tyres.tender" import "$root/samples/bus-tyres/bids.csv" --user "Erik Holm" >/dev/null
TENDERLOOP=$tl "$root/samples/furniture-committee/build.sh" "$work/fc" >/dev/null
committee="$work/fc/furniture-committee.tender"

# shot NAME LANG ARGS...: starts the app with ARGS, waits, grabs the screen.
shot() {
  name=$1 lang=$2; shift 2
  xvfb-run -a -s '-screen 0 1280x800x24' sh -c '
    png=$1; shift
    "$@" &
    pid=$!
    sleep 5
    import -window root "$png"
    kill $pid' sh "$out/gui-$name-$lang.png" "$app" --lang "$lang" "$@"
  echo "wrote $out/gui-$name-$lang.png"
}
for lang in en ru; do
  shot main "$lang" --select NevaRetread "$work/bus-tyres.tender"
  shot bids "$lang" --page bids "$work/bus-tyres.tender"
  shot committee-evaluators "$lang" --page committee "$committee"
  shot committee-scoring "$lang" --page committee-scoring "$committee"
  shot committee-consensus "$lang" --page committee-consensus "$committee"
  shot new-project "$lang" --show new-project
  shot preferences "$lang" --show preferences
  shot rules-correction "$lang" --show rules-correction "$work/bus-tyres.tender"
done
