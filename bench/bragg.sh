#!/usr/bin/env bash
# Bragg disk detection, frames per second: the Ronchi engine (stem4d.bragg-disks with the probe's
# kernel, py4DSTEM's defaults: cross-correlation, multicorr refinement, upsample factor 16) on 2 threads
# and 1, against bench/bragg_numpy.py (py4DSTEM's algorithm in NumPy/SciPy) in 1 and 2 processes, in
# the same run, on a synthetic strained crystal of 128 x 128 float32 patterns in HDF5. See bench/README.md.
#
#   bench/bragg.sh [SCAN=48]       # (SCAN + 4 vacuum rows) x SCAN positions: 52 x 48 = 2496 patterns, 156 MiB
#
# Environment: OUT_DIR (default $TMPDIR or /tmp), KEEP=1 keeps the data, QUICK=1 (tiny mode: an 8-row scan,
# one run each; see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if bench_quick; then set -- "${1:-8}"; runs=1; else runs=3; fi
scan=${1:-48}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-bragg
python=/usr/bin/python3
mkdir -p "$out"

classes=$out/classes
bench_compile "$classes" org.ronchi.processing.diffraction "$here/bench/java/BraggBench.java"
java() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$classes:$cp" BraggBench "$@" 2>/dev/null; }

cube=$out/crystal_${scan}.h5
template=$out/kernel_${scan}.npy
[ -f "$cube" ] && [ -f "$template" ] || { echo "== generating $cube"; java gen "$cube" "$template" "$scan"; }
echo "== data: $cube ($(( $(stat -c %s "$cube") >> 20 )) MiB, $(( (scan + 4) * scan )) patterns of 128 x 128); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$cube" > /dev/null

both=$(java run "$cube" "$template" 2,1 "$runs" | grep '^RESULT')   # 2 and 1 threads take turns: the same load
r2=$(echo "$both" | grep 'threads=2 '); echo "$r2"
r1=$(echo "$both" | grep 'threads=1 '); echo "$r1"
args="minPeakSpacing=8 edgeBoundary=4"
n1=$("$python" "$here/bench/bragg_numpy.py" bench "$cube" "$template" 1 $args | grep '^RESULT'); echo "$n1"
n2=$("$python" "$here/bench/bragg_numpy.py" bench "$cube" "$template" 2 $args | grep '^RESULT'); echo "$n2"

"$python" - "$r2" "$r1" "$n1" "$n2" <<'PY'
import os, sys, re
def kv(s): return dict(re.findall(r'(\w+)=([-\d.]+)', s))
r2, r1, n1, n2 = (kv(s) for s in sys.argv[1:])
fps = lambda d: float(d['fps'])
per_cpu = lambda d: float(d['frames']) / float(d['cpu'])
target = (lambda t: "") if os.environ.get("QUICK") == "1" else (lambda t: "; target " + t)
print(f"\nRonchi, 2 threads: {fps(r2):.1f} frames/s ({per_cpu(r2):.1f} per CPU-second); 1 thread: {fps(r1):.1f}")
print(f"NumPy, 2 processes: {fps(n2):.1f} frames/s ({per_cpu(n2):.1f} per CPU-second); 1 process: {fps(n1):.1f}")
print(f"2 cores, Ronchi / NumPy: {fps(r2) / fps(n2):.2f}x frames/s{target('>= 3x')}; per CPU-second {per_cpu(r2) / per_cpu(n2):.2f}x")
print(f"1 core, Ronchi / NumPy: {fps(r1) / fps(n1):.2f}x frames/s")
same = r2['peaks'] == n2['peaks'] and abs(float(r2['checksum']) - float(n2['checksum'])) <= 1e-9 * abs(float(n2['checksum']))
print(f"the same peaks as NumPy ({r2['peaks']}, coordinates summing to {float(r2['checksum']):.6f}):", same)
sys.exit(0 if same else 1)
PY
[ -n "${KEEP:-}" ] || rm -f "$cube" "$template"
