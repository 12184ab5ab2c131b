#!/usr/bin/env bash
# Virtual BF + ADF on a Merlin .mib (uint16 frames, each after its 384-byte header) from the page cache:
# the Ronchi engine on the Merlin loader's lazy frames (2 threads and 1 thread), against NumPy
# (np.memmap with a header+frame record dtype, then tensordot with the same masks) in the same run.
# See bench/README.md.
#
#   bench/mib.sh [SCAN=128] [DET=256]       # 128x128 scan of 256x256 uint16 frames = 2 GiB + headers
#
# Environment: OUT_DIR (default $TMPDIR or /tmp), KEEP=1 keeps the file, HEAP (default 4g),
# QUICK=1 (tiny mode: 16x16 scan of 64x64 frames, 2 runs each; see bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
if bench_quick; then set -- "${1:-16}" "${2:-64}"; runs=2; else runs=12; fi
scan=${1:-128}
det=${2:-256}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-mib
python=/usr/bin/python3
mkdir -p "$out"

classes=$out/classes
bench_compile "$classes" org.ronchi.processing.stem4d org.ronchi.io.merlin "$here/bench/java/VirtualDetectorBench.java"

mib=$out/scan_${scan}x${det}.mib
[ -f "$mib" ] || { echo "== generating $mib"; (cd "$here/bench" && "$python" mib.py gen "$mib" "$scan" "$det"); }
size=$(stat -c %s "$mib")
echo "== acquisition: $mib ($((size >> 20)) MiB); warming the page cache"
cat "$mib" > /dev/null
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

both=$("$JAVA_HOME/bin/java" -Xmx${HEAP:-4g} -cp "$classes:$cp" VirtualDetectorBench "$mib" loader=org.ronchi.io.merlin.internal.MerlinLoader 2,1 "$runs" 2>/dev/null | grep "^RESULT")
r2=$(echo "$both" | grep 'threads=2 '); echo "$r2"
r1=$(echo "$both" | grep 'threads=1 '); echo "$r1"
np=$(cd "$here/bench" && "$python" mib.py numpy "$mib" "$scan" | grep '^RESULT'); echo "$np"

"$python" - "$r2" "$r1" "$np" <<'PY'
import os, sys, re
def kv(s): return dict(re.findall(r'(\w+)=([-\d.]+)', s))
r2, r1, np_ = (kv(s) for s in sys.argv[1:])
g = lambda d: float(d['gbps'])
cpu = lambda d: float(d['bytes']) / float(d['cpu']) / 1e9
# the targets are for the full size; the tiny mode's runs last milliseconds and only show that it works
target = (lambda t: "") if os.environ.get("QUICK") == "1" else (lambda t: "; target " + t)
print(f"\n2 threads: {g(r2):.2f} GB/s wall ({cpu(r2):.2f} GB/s per CPU-second){target('>= 8 GB/s')}")
print(f"vs NumPy (memmap records + tensordot, {g(np_):.2f} GB/s wall, {cpu(np_):.2f} GB/s per CPU-second): "
      f"{g(r2) / g(np_):.2f}x wall, {cpu(r2) / cpu(np_):.2f}x CPU{target('>= 5x')}")
print(f"1 thread: {g(r1):.2f} GB/s; 2 threads / 1 thread: {g(r2) / g(r1):.2f}x wall")
ok = abs(float(r2['bf_sum']) - float(np_['bf_sum'])) <= 1e-9 * float(np_['bf_sum']) + 1 and abs(float(r2['adf_sum']) - float(np_['adf_sum'])) <= 1e-6 * float(np_['adf_sum']) + 1
print("BF/ADF sums equal NumPy's:", ok)
sys.exit(0 if ok else 1)
PY
[ -n "${KEEP:-}" ] || rm -f "$mib" "${mib%.mib}.hdr"
