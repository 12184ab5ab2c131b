#!/usr/bin/env bash
# Virtual BF + ADF on a uint16 4-D datacube (contiguous HDF5) from the page cache: the Ronchi engine
# on 2 threads and 1 thread with a heap larger than the file, and on 2 threads with a heap a quarter
# of the file (out of core), against NumPy (h5py read + tensordot) in the same run. See bench/README.md.
#
#   bench/vdet.sh [SCAN=128] [DET=256]       # 128x128 scan of 256x256 uint16 frames = 2 GiB
#
# Environment: OUT_DIR (default $TMPDIR or /tmp), KEEP=1 keeps the datacube, HEAP (in-heap -Xmx, default 4g),
# QUICK=1 (tiny mode: 16x16 scan of 64x64 frames, 2 runs each; see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if bench_quick; then set -- "${1:-16}" "${2:-64}"; runs=2; else runs=12; fi
scan=${1:-128}
det=${2:-256}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-vdet
python=/usr/bin/python3
mkdir -p "$out"

classes=$out/classes
bench_compile "$classes" org.ronchi.processing.stem4d "$here/bench/java/VirtualDetectorBench.java"

cube=$out/cube_${scan}x${det}.h5
[ -f "$cube" ] || { echo "== generating $cube"; "$python" "$here/bench/vdet.py" gen "$cube" "$scan" "$det"; }
size=$(stat -c %s "$cube")
echo "== datacube: $cube ($((size >> 20)) MiB); warming the page cache"
cat "$cube" > /dev/null
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() { "$JAVA_HOME/bin/java" "$1" -cp "$classes:$cp" VirtualDetectorBench "$cube" /data "$2" "$runs" 2>/dev/null | grep "^RESULT"; }
both=$(run -Xmx${HEAP:-4g} 2,1)   # 2 and 1 threads take turns, so both see the same load
r2=$(echo "$both" | grep 'threads=2 '); echo "$r2"
r1=$(echo "$both" | grep 'threads=1 '); echo "$r1"
heap=$(( size / 4 >> 20 )); [ "$heap" -ge 64 ] || heap=64; heap=${heap}m
ro=$(run -Xmx$heap 2 | tail -1); echo "$ro   (out of core: -Xmx$heap)"
np=$("$python" "$here/bench/vdet.py" numpy "$cube" | grep '^RESULT'); echo "$np"

"$python" - "$r2" "$r1" "$ro" "$np" <<'PY'
import os, sys, re
def kv(s): return dict(re.findall(r'(\w+)=([-\d.]+)', s))
r2, r1, ro, np_ = (kv(s) for s in sys.argv[1:])
g = lambda d: float(d['gbps'])
cpu = lambda d: float(d['bytes']) / float(d['cpu']) / 1e9
# the targets are for the full size; the tiny mode's runs last milliseconds and only show that it works
target = (lambda t: "") if os.environ.get("QUICK") == "1" else (lambda t: "; target " + t)
print(f"\n2 threads: {g(r2):.2f} GB/s wall ({cpu(r2):.2f} GB/s per CPU-second){target('>= 7 GB/s')}")
print(f"vs NumPy (h5py + tensordot, {g(np_):.2f} GB/s wall, {cpu(np_):.2f} GB/s per CPU-second): "
      f"{g(r2) / g(np_):.2f}x wall, {cpu(r2) / cpu(np_):.2f}x CPU{target('>= 3x')}")
print(f"scaling 2 threads / 1 thread: {g(r2) / g(r1):.2f}x wall{target('>= 1.8x')}")
print(f"out of core (heap = 1/4 of the file) / in heap: {g(ro) / g(r2):.2f}x; heap peak {ro['heap_peak_mb']} MB of {ro['heap_max_mb']} MB{target('>= 0.9x')}")
ok = abs(float(r2['bf_sum']) - float(np_['bf_sum'])) <= 1e-9 * float(np_['bf_sum']) + 1 and abs(float(r2['adf_sum']) - float(np_['adf_sum'])) <= 1e-6 * float(np_['adf_sum']) + 1
print("BF/ADF sums equal NumPy's:", ok)
sys.exit(0 if ok else 1)
PY
[ -n "${KEEP:-}" ] || rm -f "$cube"
