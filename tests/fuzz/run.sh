#!/usr/bin/env bash
# Builds one libFuzzer target with clang and runs it for SECONDS seconds over a scratch copy of
# its seed corpus; inputs the fuzzer finds never land in the repository. README.md in this folder
# says what each target covers and how CI runs them.
#
#   tests/fuzz/run.sh TARGET SECONDS [BUILD_DIR] [extra libFuzzer flags...]
#   tests/fuzz/run.sh SECONDS [BUILD_DIR] [extra libFuzzer flags...]      (TARGET = rules)
#
# TARGET is one of
#   rules     the rule language; seeds: corpus/ and the golden diagnostics files
#   bids_csv  the bids CSV reader; seeds: corpus-bids/ (every dialect) and the samples' bids
#   bid_form  the bid form behind import-form; seeds: forms `tenderloop form` writes for
#             readers.crit (empty, for one lot, and filled in by tests/form/fill_form.py when
#             python3-openpyxl is there), as .xlsx files and unpacked into parts (fuzz_bid_form.cpp)
#   project   opening a project file; seed: a project made by `tenderloop new` from readers.crit
#             with bids, a committee and a score
# The form and project seeds are made at run time with the fuzz build's own `tenderloop`.
#
# BUILD_DIR defaults to build-fuzz at the top of the source tree (git-ignored). Crashes, hangs and
# sanitizer reports are written to BUILD_DIR/fuzz-artifacts/TARGET/; reproduce one with
#   BUILD_DIR/tests/fuzz/tl_fuzz_TARGET BUILD_DIR/fuzz-artifacts/TARGET/crash-...
# (the project and rules targets in an empty folder: they write and read files there).
# Set TL_FUZZ_KEEP=1 to keep the scratch corpus (its path is printed at the end), TL_FUZZ_CXX to
# use another clang, TL_FUZZ_CXXFLAGS to add compiler flags (e.g. -DBOOST_DISABLE_ASSERTS to get
# past a known Boost assertion while it is being fixed; use a separate BUILD_DIR for that).
set -euo pipefail

usage() {
  echo "usage: tests/fuzz/run.sh [rules|bids_csv|bid_form|project] SECONDS [BUILD_DIR] [libFuzzer flags...]" >&2
  exit 2
}
target=rules
if [[ $# -ge 1 && ! $1 =~ ^[0-9]+$ ]]; then
  target=$1
  shift
fi
case $target in rules | bids_csv | bid_form | project) ;; *) usage ;; esac
[[ $# -ge 1 && $1 =~ ^[0-9]+$ ]] || usage
seconds=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${2:-$root/build-fuzz}
build=$(mkdir -p "$build" && cd "$build" && pwd)
extra=("${@:3}")

generator=()
if command -v ninja > /dev/null; then generator=(-G Ninja); fi

# -O1 -g keeps asserts on and stack traces readable; the sanitizers come from TL_BUILD_FUZZ.
cmake -S "$root" -B "$build" "${generator[@]}" \
  -DCMAKE_CXX_COMPILER="${TL_FUZZ_CXX:-clang++}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCMAKE_CXX_FLAGS="${TL_FUZZ_CXXFLAGS:-}" \
  -DTL_BUILD_FUZZ=ON -DTL_BUILD_TESTS=OFF -DTL_BUILD_BENCH=OFF > /dev/null
build_targets=("tl_fuzz_$target")
if [[ $target == bid_form || $target == project ]]; then build_targets+=(tenderloop); fi
cmake --build "$build" --target "${build_targets[@]}"

# The sanitizers spend several times a release build's stack per call. The deepest inputs the rule
# language's limits allow (src/lang/limits.hpp; corpus/snippet-deep-*, snippet-long-sum-500) need
# between 4 and 8 MB in the fuzz build (measured), so 16 MB leaves twice that; more would hide
# unbounded recursion: with the nesting limit taken out, 2 000 brackets overflow 16 MB, while
# 64 MB needs 7 000, longer than the inputs the rules target tries (README.md, "Deep nesting").
ulimit -s 16384 2>/dev/null || true

work=$(mktemp -d "${TMPDIR:-/tmp}/tl-fuzz.XXXXXX")
cleanup() { if [[ ${TL_FUZZ_KEEP:-0} != 1 ]]; then rm -rf "$work"; else echo "scratch corpus kept in $work/corpus"; fi; }
trap cleanup EXIT
artifacts=$build/fuzz-artifacts/$target
mkdir -p "$work/corpus" "$work/cwd" "$work/seeds" "$artifacts"

# The CLI of the fuzz build makes the seeds; its leaks are not what is being tested here.
tenderloop() { ASAN_OPTIONS=detect_leaks=0 "$build/src/cli/tenderloop" "$@" > /dev/null; }

# A form's parts as one text, each after a line "@@ NAME" (the second input shape of fuzz_bid_form.cpp).
unpack_form() {
  local name
  unzip -Z1 "$1" | while IFS= read -r name; do
    printf '@@ %s\n' "$name"
    # unzip takes the name as a pattern: its [ * ? must be escaped ([Content_Types].xml).
    unzip -p "$1" "$(sed 's/[[*?]/[&]/g' <<< "$name")"
    printf '\n'
  done
}

# Per target: the seeds, the dictionary and the largest input (none: the largest seed's size).
flags=()
timeout=10
case $target in
  rules)
    cp "$here"/corpus/* "$work/corpus/"
    cp "$root"/tests/golden/diagnostics/*.crit "$work/corpus/" 2> /dev/null || true
    flags=(-max_len=4096 -dict="$here/crit.dict")
    timeout=5
    ;;
  bids_csv)
    cp "$here"/corpus-bids/* "$work/corpus/"
    for s in "$root"/samples/*/bids.csv; do cp "$s" "$work/corpus/sample-$(basename "$(dirname "$s")").csv"; done
    flags=(-max_len=4096 -dict="$here/bids.dict")
    ;;
  bid_form)
    tenderloop form "$here/readers.crit" -o "$work/seeds/form.xlsx"
    tenderloop form "$here/readers.crit" -o "$work/seeds/form-north.xlsx" --lot north
    if /usr/bin/python3 -c 'import openpyxl' 2> /dev/null; then
      /usr/bin/python3 "$root/tests/form/fill_form.py" "$work/seeds/form.xlsx" "$here/corpus-bids/comma.csv" \
        "$work/seeds" filled > /dev/null
    else
      echo "python3-openpyxl is missing: no filled-in forms among the seeds" >&2
    fi
    for f in "$work"/seeds/*.xlsx; do
      cp "$f" "$work/corpus/"
      unpack_form "$f" > "$work/corpus/$(basename "$f" .xlsx).parts"
    done
    flags=(-dict="$here/form.dict")
    ;;
  project)
    p=$work/seeds/seed.tender
    tenderloop new "$p" --rules "$here/readers.crit" --user fuzz
    tenderloop bids "$p" import "$here/corpus-bids/comma.csv" --user fuzz
    tenderloop committee "$p" evaluator add Anna --role chair --user fuzz
    tenderloop committee "$p" declare Anna --none --user fuzz
    tenderloop committee "$p" score Anna --bid Acme --criterion design --value 4 --justification "good" --user fuzz
    cp "$p" "$work/corpus/"
    ;;
esac

# Relative paths in the inputs (imports, the project file) resolve in an empty scratch folder.
cd "$work/cwd"
status=0
"$build/tests/fuzz/tl_fuzz_$target" \
  -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 "${flags[@]}" \
  -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "${extra[@]}" "$work/corpus" || status=$?

if [[ $status -ne 0 ]]; then
  echo "fuzzer $target stopped with status $status; inputs are in $artifacts/" >&2
  ls -l "$artifacts/" >&2 || true
fi
exit $status
