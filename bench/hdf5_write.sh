#!/usr/bin/env bash
# Streams a chunked, shuffled, deflated (level 4) uint16 4-D dataset with the Ronchi HDF5 writer
# under -Xmx512m, then the same data with h5py (gzip 4 + shuffle, Debian's /usr/bin/python3), checks
# that h5dump and h5py read the Ronchi file, and prints the rate ratio. See bench/README.md.
#
#   bench/hdf5_write.sh [SIZE_GIB=4] [THREADS=nproc] [MODE=chunks|source]
#
# Environment: OUT_DIR (default $TMPDIR or /tmp), KEEP=1 to keep the written files, SKIP_H5PY=1,
# QUICK=1 (tiny mode: 1/16 GiB; see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_quick && default_size=0.0625 || default_size=4
size=${1:-$default_size}
threads=${2:-$(nproc)}
mode=${3:-chunks}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-hdf5
python=/usr/bin/python3
mkdir -p "$out"

classes=$out/classes
bench_compile "$classes" "$here/tests/org.ronchi.hdf5.tests/src/org/ronchi/hdf5/writer/bench/WriteBench.java"

blocks=$out/blocks.bin
[ -f "$blocks" ] || "$python" "$here/bench/hdf5_write.py" gen "$blocks"

echo "== Ronchi writer: ${size} GiB, $threads threads, mode $mode, -Xmx512m"
sync
ronchi=$("$JAVA_HOME/bin/java" -Xmx512m -cp "$classes:$cp" org.ronchi.hdf5.writer.bench.WriteBench \
  "$blocks" "$out/ronchi.h5" "$size" "$threads" "$mode" | grep '^RESULT')
echo "$ronchi"

echo "== checks"
h5dump -H "$out/ronchi.h5" > "$out/h5dump.txt" && echo "h5dump -H reads the Ronchi file: $(grep -c DATASET "$out/h5dump.txt") dataset"
"$python" "$here/bench/hdf5_write.py" check "$blocks" "$out/ronchi.h5" "$size"

if [ -z "${SKIP_H5PY:-}" ]; then
  echo "== h5py $("$python" -c 'import h5py; print(h5py.__version__)'): same data, gzip 4 + shuffle"
  sync
  h5py=$("$python" "$here/bench/hdf5_write.py" h5py "$blocks" "$out/h5py.h5" "$size" | grep '^RESULT')
  echo "$h5py"
  field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
  awk -v r="$(field "$ronchi" seconds)" -v h="$(field "$h5py" seconds)" -v rc="$(field "$ronchi" cpu_s)" -v hc="$(field "$h5py" cpu_s)" \
    'BEGIN { printf "== ratio: Ronchi %.2fx the rate of h5py (wall %.1f s vs %.1f s); CPU per byte %.2fx h5py'"'"'s (%.1f s vs %.1f s)\n", h / r, r, h, rc / hc, rc, hc }'
fi
[ -n "${KEEP:-}" ] || rm -f "$out/ronchi.h5" "$out/h5py.h5"
