#!/usr/bin/env bash
# HDF5 read performance of org.ronchi.hdf5 against h5py (Debian's /usr/bin/python3) in one run, on files
# h5py writes here: full reads of a uint16 4-D dataset (contiguous, and chunked (1,8,256,256) + deflate)
# through ArraySource.readInto (the same bytes as h5py's ds[()]) and read() (January int32), then
# single frames [i, j, :, :] of a larger chunked + deflate dataset (chunks (1,8,256,256) and (4,4,256,256))
# after open: p50/p95 over random frames. See bench/README.md.
#
#   bench/hdf5_read.sh [FULL_GIB=1] [FRAMES_GIB=4] [REPEATS=3] [FRAMES=100]
#
# Environment: OUT_DIR (default $TMPDIR or /tmp; needs ~1.5 GiB + 0.8 x FRAMES_GIB), KEEP=1 keeps the
# files (and reuses them next time), HEAP (default 6g: read() of 1 GiB of uint16 is a 2 GiB int array),
# QUICK=1 (tiny mode: 1/16 GiB each, one repeat, 10 frames; see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if bench_quick; then set -- "${1:-0.0625}" "${2:-0.0625}" "${3:-1}" "${4:-10}"; fi
full_gib=${1:-1}
frames_gib=${2:-4}
repeats=${3:-3}
count=${4:-100}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-hdf5-read
python=/usr/bin/python3
mkdir -p "$out"

# compile only what the benchmark needs: the HDF5 bundle with what it requires, and the bench class
classes=$out/classes
bench_compile "$classes" "$here/tests/org.ronchi.hdf5.tests/src/org/ronchi/hdf5/tests/bench/ReadBench.java"

if [ -f "$out/contiguous.h5" ] && [ -f "$out/chunked.h5" ] && { [ "$frames_gib" = 0 ] || [ -f "$out/frames_4x4.h5" ]; } && [ -n "${KEEP:-}" ]; then
  echo "== reusing the files in $out (KEEP=1)"
else
  echo "== generating the files with h5py in $out"
  "$python" "$here/bench/hdf5_read.py" gen "$out" "$full_gib" "$frames_gib"
fi
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); h5py $("$python" -c 'import h5py; print(h5py.__version__, "HDF5", h5py.version.hdf5_version)'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
bench_quick && heap=${HEAP:-1g} || heap=${HEAP:-6g}
java_run() { "$JAVA_HOME/bin/java" -Xmx"$heap" -cp "$classes:$cp" org.ronchi.hdf5.tests.bench.ReadBench "$@" 2>/dev/null | grep '^RESULT'; }
status=0
for layout in contiguous chunked; do
  f=$out/$layout.h5
  cat "$f" > /dev/null # both sides read from the page cache
  h=$("$python" "$here/bench/hdf5_read.py" full "$f" "$repeats" | grep '^RESULT')
  r=$(java_run full "$f" "$repeats")
  echo "$h"; echo "$r"
  [ "$(field "$h" checksum)" = "$(field "$r" checksum)" ] && [ "$(field "$r" checksum)" = "$(field "$r" read_checksum)" ] \
    || { echo "!! $layout: checksums differ"; status=1; }
  awk -v l="$layout" -v h="$(field "$h" seconds)" -v hd="$(field "$h" direct_seconds)" -v r="$(field "$r" seconds)" \
      -v rr="$(field "$r" read_seconds)" -v hc="$(field "$h" cpu_s)" -v rc="$(field "$r" cpu_s)" \
    'BEGIN { printf "== full read, %s: readInto %.2fx h5py ds[()] (%.3f s vs %.3f s; %.2fx read_direct), CPU %.3f s vs %.3f s; read() to int32 %.3f s (%.2fx ds[()])\n", l, h / r, r, h, hd / r, rc, hc, rr, h / rr }'
done

if [ "$frames_gib" != 0 ]; then
  for chunks in 1x8 4x4; do
    f=$out/frames_$chunks.h5
    cat "$f" > /dev/null
    h=$("$python" "$here/bench/hdf5_read.py" frames "$f" "$count" 7 | grep '^RESULT')
    r=$(java_run frames "$f" "$count" 7)
    echo "$h"; echo "$r"
    [ "$(field "$h" checksum)" = "$(field "$r" checksum)" ] || { echo "!! frames $chunks: checksums differ"; status=1; }
    awk -v c="$chunks" -v h="$(field "$h" p95_ms)" -v r="$(field "$r" p95_ms)" -v rr="$(field "$r" read_p95_ms)" -v a="$(field "$r" repeat_p95_ms)" \
      -v n="$(( count < 40 ? count : 40 ))" -v t="$(bench_quick || echo ' (target < 20 ms)')" \
      'BEGIN { printf "== one frame of %s chunks, p95: readInto %.2f ms, read() %.2f ms, %d of them again after a 64 MiB scan (cached) %.2f ms; h5py %.2f ms%s\n", c, r, rr, n, a, h, t }'
  done
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP:-}" ] || rm -f "$out"/*.h5
exit $status
