#!/usr/bin/env bash
# Decoding speed of Velox EDS spectrum streams (MB of stream data per second): a synthetic stream of
# SIZE_MB with the structure of a real one (128 x 128 scan, 4096 channels), decoded from memory and from
# a synthetic Velox EMD file written to OUT_DIR (deleted afterwards unless KEEP=1). Target: >= 200 MB/s.
#
#   bench/velox_stream.sh [SIZE_MB=500] [MODE=both|memory|file]
#
# QUICK=1: tiny mode, 20 MB and one read after the index scan (see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_quick && reads=1 || reads=3
size=${1:-$(bench_quick && echo 20 || echo 500)}
mode=${2:-both}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-velox
mkdir -p "$out"

# compile what the benchmark needs: the Velox reader and what it requires, the bench classes
classes=$out/classes
t=$here/tests/org.ronchi.io.velox.tests/src/org/ronchi/io/velox/tests
bench_compile "$classes" "$t/StreamBench.java"

echo "== Velox spectrum stream decoding, ${size} MB, mode $mode, -Xmx2g"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$classes:$cp" org.ronchi.io.velox.tests.StreamBench "$size" "$mode" "$out" "$reads" 2>&1 | grep -v '^SLF4J'
