#!/usr/bin/env bash
# Every benchmark in its tiny mode (QUICK=1: small sizes, one repeat, ratios printed, no targets),
# one after the other, in a temporary OUT_DIR: what `./ronchi test` runs after the build, so that a
# benchmark that no longer compiles or runs fails the build. Full-size runs stay manual (bench/README.md).
#
#   bench/quick.sh [BENCH.sh...]      # default: all of BENCHES
#
# A new benchmark joins with one line in BENCHES; it must honour QUICK=1 (bench/lib.sh: bench_quick).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BENCHES=(
  hdf5_write.sh
  hdf5_read.sh
  vdet.sh
  mib.sh
  velox_stream.sh
  ui_slice.sh
  open_info.sh
  bragg.sh
  svd.sh
  catalog.sh
  arina.sh
)
[ $# -eq 0 ] || BENCHES=("$@")
out=$(mktemp -d "${TMPDIR:-/tmp}/ronchi-bench-quick.XXXXXX")
trap 'rm -rf "$out"' EXIT
export BENCH_CLASSES=$out/.bench-classes   # each bundle compiled once for all of them (bench/lib.sh)
failed=()
start=$(date +%s)
for b in "${BENCHES[@]}"; do
  echo "== bench/$b, tiny mode"
  t0=$(date +%s)
  QUICK=1 OUT_DIR="$out" "$here/$b" 2>&1 | sed 's/^/   /'
  rc=${PIPESTATUS[0]}
  [ "$rc" = 0 ] || failed+=("$b (exit $rc)")
  echo "== bench/$b: $([ "$rc" = 0 ] && echo ok || echo FAILED) in $(( $(date +%s) - t0 )) s"
done
echo "== ${#BENCHES[@]} benchmarks in tiny mode, $(( $(date +%s) - start )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#failed[@]} -gt 0 ]; then
  printf '== failed: %s\n' "${failed[@]}"
  exit 1
fi
