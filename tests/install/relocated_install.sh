#!/bin/sh
# The installed programs find their data from their own location: install the build into a
# temporary prefix, move the whole tree elsewhere, and run the moved copies from another folder.
#   relocated_install.sh CMAKE BUILD_DIR SOURCE_DIR GUI(ON|OFF)
# Works in a fresh temporary folder (outside the build tree, whose marker file would otherwise
# be found); fails (non-zero) with a message on the first thing that is wrong.
set -eu
cmake=$1 build=$2 source=$3 gui=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/tenderloop-install-XXXXXX")
trap 'rm -rf "$work"' EXIT

die() { echo "FAIL: $*" >&2; exit 1; }
expect_line() {  # TEXT LINE: TEXT has LINE as one of its lines
  printf '%s\n' "$1" | grep -qxF -- "$2" || die "expected the line '$2' in:
$1"
}

# --strip, as the packages are (CPACK_STRIP_FILES): debug information names the source files.
"$cmake" --install "$build" --prefix "$work/a" --strip >"$work/install.log" 2>&1 ||
  die "cmake --install failed: $(cat "$work/install.log")"
mv "$work/a" "$work/b"
b=$work/b
cd /  # nothing may depend on the current folder

# No path of the build machine in the programs: the data is found at run time.
for exe in "$b/bin/tenderloop" "$b/bin/tenderloop-gui"; do
  [ -f "$exe" ] || continue
  if strings "$exe" | grep -F -- "$source"; then die "$exe holds the source folder $source"; fi
done

# The CLI: --version names the data, and a sample installed with it evaluates.
got=$("$b/bin/tenderloop" --version)
echo "$got"
expect_line "$got" "data: $b/share/tenderloop (installed)"
sample=$b/share/tenderloop/samples/bus-tyres
"$b/bin/tenderloop" evaluate "$sample/rules.crit" --bids "$sample/bids.csv" >"$work/evaluate.txt" ||
  die "evaluate of the installed sample failed: $(cat "$work/evaluate.txt")"
grep -q NevaRetread "$work/evaluate.txt" || die "the evaluation does not rank NevaRetread: $(cat "$work/evaluate.txt")"
echo "ok  the moved tenderloop evaluates the installed bus-tyres sample"

# Started through a symbolic link elsewhere (as /usr/local/bin links often are), it still finds
# the data next to the real program.
ln -s "$b/bin/tenderloop" "$work/tenderloop-link"
expect_line "$("$work/tenderloop-link" --version)" "data: $b/share/tenderloop (installed)"
echo "ok  through a symbolic link"

# The override, as tests and unusual installations use it; a wrong one is an error named as such.
expect_line "$(TENDERLOOP_DATA_DIR=$b/share/tenderloop "$b/bin/tenderloop" --version)" \
            "data: $b/share/tenderloop (TENDERLOOP_DATA_DIR)"
TENDERLOOP_DATA_DIR=$work/none "$b/bin/tenderloop" --version | grep -q "^data: not found (looked in: TENDERLOOP_DATA_DIR=$work/none" ||
  die "a wrong TENDERLOOP_DATA_DIR is not reported"
echo "ok  TENDERLOOP_DATA_DIR"

# Moved away from its data, it says where it looked.
mkdir -p "$work/lonely/bin"
cp "$b/bin/tenderloop" "$work/lonely/bin/"
"$work/lonely/bin/tenderloop" --version | grep -q "^data: not found (looked in: installed: no templates/new-rules.crit in $work/lonely/share/tenderloop" ||
  die "a program without data does not say where it looked"
echo "ok  without data it says where it looked"

if [ "$gui" = ON ]; then
  [ -x "$b/bin/tenderloop-gui" ] || die "the GUI was not installed"
  got=$(DISPLAY= "$b/bin/tenderloop-gui" --version)
  echo "$got"
  expect_line "$got" "data: $b/share/tenderloop (installed)"
  expect_line "$got" "translations: $b/share/locale"
  expect_line "$got" "language reference: $b/share/doc/tenderloop/LANGUAGE.md"
  if printf '%s\n' "$got" | grep -q '^missing'; then die "the installed GUI misses data: $got"; fi
  [ -f "$b/share/tenderloop/templates/new-rules.crit" ] || die "no template for New project"
  ls "$b"/share/locale/*/LC_MESSAGES/*.mo >/dev/null || die "no translations installed"
  echo "ok  the moved tenderloop-gui finds its templates, library, translations and reference"
fi
echo "install: OK"
