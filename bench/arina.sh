#!/usr/bin/env bash
# Dectris Arina decode speed: a whole acquisition of bitshuffle + LZ4 chunks (HDF5 filter 32008) over
# several data files, read through org.ronchi.io.dectris (Ronchi's own decoder on lz4-java, chunks in
# parallel) and through h5py with Debian's C plugin (hdf5-filter-plugin), in one run, from the page
# cache; the SHA-256 of the decoded bytes must be identical. Target: Ronchi >= 2x h5py. See bench/README.md.
#
#   bench/arina.sh [GIB=1] [DTYPE=uint32] [REPEATS=3]
#
# Environment: OUT_DIR (default $TMPDIR or /tmp), KEEP=1 keeps the files (and reuses them next time),
# HEAP (default 1600m: the decoded acquisition is one heap array), QUICK=1 (tiny mode: 1/32 GiB, one repeat).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if bench_quick; then set -- "${1:-0.03125}" "${2:-uint32}" "${3:-1}"; fi
gib=${1:-1}
dtype=${2:-uint32}
repeats=${3:-3}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-arina
python=/usr/bin/python3
mkdir -p "$out"

classes=$out/classes
bench_compile "$classes" "$here/tests/org.ronchi.io.dectris.tests/src/org/ronchi/io/dectris/tests/bench/ArinaBench.java"
# the loader finds its mapping file as a class-path resource
mkdir -p "$classes/mappings" && cp "$here/bundles/org.ronchi.io.dectris/mappings/"*.map "$classes/mappings/"

if [ -f "$out/bench_master.h5" ] && [ -n "${KEEP:-}" ]; then
  echo "== reusing the acquisition in $out (KEEP=1)"
else
  rm -f "$out"/bench*.h5
  echo "== generating the acquisition with h5py in $out"
  "$python" "$here/bench/arina.py" gen "$out" "$gib" "$dtype"
fi
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); h5py $("$python" -c 'import h5py; print(h5py.__version__, "HDF5", h5py.version.hdf5_version)'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
cat "$out"/bench*.h5 > /dev/null # both sides read from the page cache

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
bench_quick && heap=${HEAP:-512m} || heap=${HEAP:-1600m}
h=$("$python" "$here/bench/arina.py" read "$out/bench_master.h5" "$repeats" | grep '^RESULT')
r=$("$JAVA_HOME/bin/java" -Xmx"$heap" -cp "$classes:$cp" org.ronchi.io.dectris.tests.bench.ArinaBench "$out/bench_master.h5" "$repeats" 2>/dev/null | grep '^RESULT')
echo "$h"; echo "$r"
status=0
[ -n "$(field "$r" sha256)" ] && [ "$(field "$h" sha256)" = "$(field "$r" sha256)" ] || { echo "!! the decoded bytes differ (SHA-256)"; status=1; }
awk -v h="$(field "$h" seconds)" -v r="$(field "$r" seconds)" -v hc="$(field "$h" cpu_s)" -v rc="$(field "$r" cpu_s)" \
    -v b="$(field "$r" bytes)" -v t="$(bench_quick || echo ' (target >= 2x)')" \
  'BEGIN { printf "== decode of %.2f GB: Ronchi %.3f s (%.2f GB/s, CPU %.3f s), h5py + C plugin %.3f s (%.2f GB/s, CPU %.3f s): %.2fx%s; CPU ratio %.2fx\n", b / 1e9, r, b / r / 1e9, rc, h, b / h / 1e9, hc, h / r, t, hc / rc }'
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP:-}" ] || rm -f "$out"/bench*.h5
exit $status
