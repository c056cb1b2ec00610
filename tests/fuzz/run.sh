#!/usr/bin/env bash
# Builds the libFuzzer target for the rule language with clang and runs it for SECONDS seconds
# over a scratch copy of the seed corpus (tests/fuzz/corpus plus the golden diagnostics files);
# inputs the fuzzer finds never land in the repository.
#
#   tests/fuzz/run.sh SECONDS [BUILD_DIR] [extra libFuzzer flags...]
#
# BUILD_DIR defaults to build-fuzz at the top of the source tree (git-ignored). Crashes, hangs and
# sanitizer reports are written to BUILD_DIR/fuzz-artifacts/; reproduce one with
#   BUILD_DIR/tests/fuzz/tl_fuzz_rules BUILD_DIR/fuzz-artifacts/crash-...
# Set TL_FUZZ_KEEP=1 to keep the scratch corpus (its path is printed at the end), TL_FUZZ_CXX to
# use another clang, TL_FUZZ_CXXFLAGS to add compiler flags (e.g. -DBOOST_DISABLE_ASSERTS to get
# past a known Boost assertion while it is being fixed; use a separate BUILD_DIR for that).
set -euo pipefail

usage() { echo "usage: tests/fuzz/run.sh SECONDS [BUILD_DIR] [libFuzzer flags...]" >&2; exit 2; }
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
  -DTL_BUILD_FUZZ=ON -DTL_BUILD_TESTS=OFF -DTL_BUILD_BENCH=OFF
cmake --build "$build" --target tl_fuzz_rules

# The sanitizers spend several times a release build's stack per call: give the fuzzer room to
# check inputs at the rule language's depth limits (src/lang/limits.hpp; see .ci/run).
ulimit -s 65536 2>/dev/null || true

work=$(mktemp -d "${TMPDIR:-/tmp}/tl-fuzz.XXXXXX")
cleanup() { if [[ ${TL_FUZZ_KEEP:-0} != 1 ]]; then rm -rf "$work"; else echo "scratch corpus kept in $work/corpus"; fi; }
trap cleanup EXIT
mkdir -p "$work/corpus" "$work/cwd" "$build/fuzz-artifacts"
cp "$here"/corpus/* "$work/corpus/"
cp "$root"/tests/golden/diagnostics/*.crit "$work/corpus/" 2> /dev/null || true

# Imports in the inputs resolve against the working directory: an empty scratch folder.
cd "$work/cwd"
status=0
"$build/tests/fuzz/tl_fuzz_rules" \
  -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
  -dict="$here/crit.dict" -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1 \
  "${extra[@]}" "$work/corpus" || status=$?

if [[ $status -ne 0 ]]; then
  echo "fuzzer stopped with status $status; inputs are in $build/fuzz-artifacts/" >&2
  ls -l "$build/fuzz-artifacts/" >&2 || true
fi
exit $status
