#!/bin/sh
# Screenshots of the main window on the bus-tyres sample, in English and in Russian, into
# docs/screenshots/gui-main-{en,ru}.png. Needs xvfb-run and ImageMagick's `import`; there is no
# window manager under Xvfb, so the window has no title bar.
# Usage: tests/gui/screenshots.sh [path/to/tenderloop-gui]   (default: /tmp/b/gui/src/gui/tenderloop-gui)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
app=${1:-/tmp/b/gui/src/gui/tenderloop-gui}
sample="$root/samples/bus-tyres"
out="$root/docs/screenshots"
mkdir -p "$out"
for lang in en ru; do
  xvfb-run -a -s '-screen 0 1280x800x24' sh -c '
    "$1" --lang "$2" --select NevaRetread "$3/rules.crit" "$3/bids.csv" &
    pid=$!
    sleep 4
    import -window root "$4"
    kill $pid' sh "$app" "$lang" "$sample" "$out/gui-main-$lang.png"
  echo "wrote $out/gui-main-$lang.png"
done
