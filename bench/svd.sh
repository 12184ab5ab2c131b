#!/usr/bin/env bash
# Truncated SVD (k = 20) of a float32 spectrum image: the Ronchi engine (decomposition.svd, randomized:
# 2 + 2q passes and the loadings pass, the data read from the page cache every pass) with a heap of half
# the data size, against numpy.linalg.svd(x, full_matrices=False) on the same matrix in memory, in the same
# run; the singular values compared. See bench/README.md.
#
#   bench/svd.sh [NY=256] [NX=256] [CHANNELS=4096]     # 1 GiB
#
# Environment: OUT_DIR (default $TMPDIR or /tmp), KEEP=1 keeps the data, QUICK=1 (tiny mode: 32 x 32 x 2048,
# 8 MiB, one run; see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if bench_quick; then set -- "${1:-32}" "${2:-32}" "${3:-2048}"; runs=1; else runs=2; fi
ny=${1:-256}
nx=${2:-256}
ch=${3:-4096}
k=20
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-svd
python=/usr/bin/python3
mkdir -p "$out"

classes=$out/classes
bench_compile "$classes" org.ronchi.processing.decomposition "$here/bench/java/SvdBench.java"

si=$out/si_${ny}x${nx}x${ch}.h5
[ -f "$si" ] || { echo "== generating $si"; "$python" "$here/bench/svd.py" gen "$si" "$ny" "$nx" "$ch"; }
size=$(stat -c %s "$si")
heap=$(( size / 2 >> 20 )); [ "$heap" -ge 64 ] || heap=64
echo "== spectrum image: $si ($((size >> 20)) MiB, $((ny * nx)) x $ch); Java heap -Xmx${heap}m; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$si" > /dev/null

ronchi=$("$JAVA_HOME/bin/java" -Xmx${heap}m -cp "$classes:$cp" SvdBench "$si" $k "$(nproc)" $runs 2>/dev/null | grep '^RESULT\|^VALUES')
echo "$ronchi" | grep '^RESULT'
numpy=$("$python" "$here/bench/svd.py" numpy "$si" $k)
echo "$numpy" | grep '^RESULT'

"$python" - "$ronchi" "$numpy" <<'PY'
import os, sys, re
def kv(s): return dict(re.findall(r'(\w+)=([-\d.]+)', s))
def values(s): return [float(v) for v in re.search(r'^VALUES (.*)$', s, re.M).group(1).split()]
r, n = kv(sys.argv[1].splitlines()[0]), kv(sys.argv[2].splitlines()[0])
sr, sn = values(sys.argv[1]), values(sys.argv[2])
target = (lambda t: "") if os.environ.get("QUICK") == "1" else (lambda t: "; target " + t)
rel = [abs(a - b) / b for a, b in zip(sr, sn)]
print(f"\nRonchi: {float(r['seconds']):.1f} s ({float(r['cpu']):.1f} s CPU, {r['passes']} passes), heap peak {r['heap_peak_mb']} MB of "
      f"{r['heap_max_mb']} MB; data {int(r['bytes']) >> 20} MiB{target('heap < half the data')}")
print(f"NumPy svd: {float(n['seconds']):.1f} s ({float(n['cpu']):.1f} s CPU)")
print(f"time Ronchi / NumPy: {float(r['seconds']) / float(n['seconds']):.3f}{target('<= 0.5')}")
print("relative error of the singular values: first 6 (the components) max %.1e, all %d max %.1e" % (max(rel[:6]), len(rel), max(rel)))
ok = max(rel[:6]) < 1e-4
print("the components' singular values agree with NumPy's:", ok)
if os.environ.get("QUICK") != "1":  # tiny data: the JVM's own heap outweighs it
    below = int(r['heap_peak_mb']) * 2 ** 20 < int(r['bytes']) / 2
    print("the heap stayed below half the data:", below)
    ok = ok and below
sys.exit(0 if ok else 1)
PY
[ -n "${KEEP:-}" ] || rm -f "$si"
