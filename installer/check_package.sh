#!/usr/bin/env bash
# Builds the .deb from an existing build directory and checks it: lists it, unpacks it, checks
# that the files are where they belong, runs the unpacked `tenderloop --version`, validates the
# desktop file (desktop-file-validate), the AppStream metainfo (appstreamcli validate --no-net)
# and the MIME types (update-mime-database; with gio, that a project file is recognised).
# Exits non-zero on the first error.
#
# Usage: installer/check_package.sh BUILD_DIR [OUT_DIR]
#   BUILD_DIR  a configured build (-DTL_BUILD_GUI=ON for the desktop files), e.g.
#              cmake -S . -B build/pkg -G Ninja -DCMAKE_BUILD_TYPE=Release
#              -DTL_BUILD_GUI=ON -DTL_BUILD_TESTS=OFF -DTL_BUILD_BENCH=OFF
#              (the .deb installs under /usr whatever CMAKE_INSTALL_PREFIX is: no path is compiled in)
#   OUT_DIR    where the .deb goes (default: BUILD_DIR/packages)
# Needs: dpkg-dev (dpkg-shlibdeps), desktop-file-utils, appstream, shared-mime-info.
set -euo pipefail

die() { echo "check_package: error: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }

[ $# -ge 1 ] || die "usage: $0 BUILD_DIR [OUT_DIR]"
build=$(cd "$1" && pwd) || die "no build directory $1"
out=${2:-$build/packages}
cache=$build/CMakeCache.txt
[ -f "$cache" ] || die "$build is not a configured CMake build directory"

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$cache"; }
gui=$(cache_value TL_BUILD_GUI)
source_dir=$(cache_value CMAKE_HOME_DIRECTORY)

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli update-mime-database; do
  command -v "$tool" >/dev/null ||
    die "$tool not found (apt-get install cmake dpkg-dev desktop-file-utils appstream shared-mime-info)"
done

step "build"
cmake --build "$build"

step "cpack -G DEB"
mkdir -p "$out"
rm -f "$out"/tenderloop_*.deb
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out"
debs=("$out"/tenderloop_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then die "expected one tenderloop_*.deb in $out"; fi
deb=${debs[0]}
echo "package: $deb ($(du -h "$deb" | cut -f1))"

step "dpkg-deb -I"
dpkg-deb -I "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
[ -n "$depends" ] || die "no Depends: dpkg-shlibdeps did not run"
version=$(dpkg-deb -f "$deb" Version)

step "dpkg-deb -c"
dpkg-deb -c "$deb"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

step "layout"
expect=(usr/bin/tenderloop usr/share/tenderloop/samples/bus-tyres/rules.crit
        usr/share/tenderloop/samples/bus-tyres/bids.csv usr/share/tenderloop/templates/new-rules.crit
        usr/share/doc/tenderloop/LANGUAGE.md usr/share/locale/ru/LC_MESSAGES/tenderloop.mo)
if [ "$gui" = ON ]; then
  expect+=(usr/bin/tenderloop-gui
           usr/share/applications/io.github.tenderloop.TenderLoop.desktop
           usr/share/metainfo/io.github.tenderloop.TenderLoop.metainfo.xml
           usr/share/mime/packages/tenderloop.xml
           usr/share/icons/hicolor/scalable/apps/tenderloop.svg)
fi
for f in "${expect[@]}"; do
  [ -f "$root/$f" ] || die "missing from the package: /$f"
  echo "ok  /$f"
done
stray=$(cd "$root" && find . -type f ! -path './usr/*' | head -5)
[ -z "$stray" ] || die "files outside /usr: $stray"
echo "ok  every file is under /usr"

step "tenderloop --version"
got=$("$root/usr/bin/tenderloop" --version)
echo "$got"
[ "$(echo "$got" | head -1)" = "tenderloop ${version%-*}" ] || die "expected 'tenderloop ${version%-*}' (package $version)"
# Unpacked elsewhere, it still finds the data next to itself (no install prefix compiled in).
echo "$got" | grep -qxF "data: $root/usr/share/tenderloop (installed)" || die "the unpacked tenderloop does not find its data"

if [ "$gui" != ON ]; then
  echo; echo "check_package: OK (CLI only: TL_BUILD_GUI is off, no desktop files to validate)"
  exit 0
fi

step "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/io.github.tenderloop.TenderLoop.desktop"
echo "ok"

step "appstreamcli validate --no-net"
metainfo=$root/usr/share/metainfo/io.github.tenderloop.TenderLoop.metainfo.xml
appstreamcli validate --no-net "$metainfo"
release=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -1)
[ "$release" = "${version%-*}" ] ||
  die "the metainfo's newest <release> is '$release', the package is ${version%-*}: add a <release>"

step "MIME types"
mime=$root/mime-check/share/mime
mkdir -p "$mime/packages"
cp "$root/usr/share/mime/packages/tenderloop.xml" "$mime/packages/"
XDG_DATA_DIRS=$root/mime-check/share update-mime-database "$mime"
grep -qx '50:application/x-tenderloop-project:\*\.tender' "$mime/globs2" || die "no *.tender glob"
grep -qx '50:text/x-tenderloop-rules:\*\.crit' "$mime/globs2" || die "no *.crit glob"
echo "ok  globs *.tender, *.crit"
if command -v gio >/dev/null && [ -n "$source_dir" ]; then
  # A real project file, renamed so that only the magic (SQLite header + application_id) can tell.
  "$root/usr/bin/tenderloop" new "$root/p.tender" --rules "$source_dir/samples/bus-tyres/rules.crit" \
    --user check_package >/dev/null
  mv "$root/p.tender" "$root/project.bin"
  type=$(XDG_DATA_HOME=$root/none XDG_DATA_DIRS=$root/mime-check/share:/usr/share \
         gio info -a standard::content-type "$root/project.bin" | sed -n 's/.*content-type: //p')
  [ "$type" = application/x-tenderloop-project ] || die "a project file without .tender is '$type'"
  echo "ok  a project file is recognised by its magic without the .tender name"
fi

echo; echo "check_package: OK: $deb"
