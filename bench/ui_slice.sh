#!/usr/bin/env bash
# Slice latency of the desktop's Image view on a 4 GiB chunked HDF5 file: the time of one slider step,
# from the new slice to the image drawn, through the code the view runs (SliceSpec -> lazy read through
# the HDF5 loader's ArraySource -> contrast and colour indices -> SWT ImageData), per step, with the
# median and 95th percentile. Target: p95 <= 50 ms per step.
#
#   bench/ui_slice.sh [MODES="frames view drag plane"]
#
# The file, a 4D-STEM cube (256, 128, 256, 256) uint16 (4 GiB, 2^31 elements) chunked by frame
# (1, 1, 256, 256), is written once with h5py to $OUT_DIR (default /tmp/ronchi-bench-ui) and kept
# (CLEAN=1 deletes it afterwards). QUICK=1 (tiny mode, see bench/README.md): a (16, 16, 256, 256) cube
# (32 MiB), 10 steps per mode.
# Before each mode the file is evicted from the page cache (posix_fadvise DONTNEED), so reads are cold.
# Modes: frames (read + render, 100 steps), view (the same through a real Data Tree, Slicing and Image
# panel on a display, 100 steps), drag (200 slider steps 2 ms apart: how many reads, and when the last
# image shows), plane (the scan-plane image at one detector pixel: every step touches every chunk of
# this frame-chunked file, 3 steps). Without $DISPLAY the script runs itself again under xvfb-run.
set -euo pipefail
modes=${1:-"frames view drag plane"}
if [ -z "${DISPLAY:-}" ] && [[ " $modes " =~ " "(view|drag)" " ]]; then
  if command -v xvfb-run >/dev/null; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$modes"
  fi
  echo "== view and drag skipped: no display and no xvfb-run"
  modes=$(echo " $modes " | sed 's/ view / /g; s/ drag / /g')
fi
. "$(dirname "$0")/lib.sh"
out=${OUT_DIR:-${TMPDIR:-/tmp}/ronchi-bench-ui}
mkdir -p "$out"
if bench_quick; then shape="16 16"; steps=10; plane_steps=1; else shape="256 128"; steps=100; plane_steps=3; fi
file=$out/cube_${shape/ /x}.h5
[ "$shape" != "256 128" ] || file=$out/cube4g.h5   # the name full-size files kept by earlier runs have
py=/usr/bin/python3
[ -x "$py" ] || py=python3

if [ ! -s "$file" ]; then
  echo "== writing $file ($shape x 256 x 256 uint16, h5py)"
  "$py" - "$file" $shape <<'PY'
import sys, time, numpy as np, h5py
ny, nx, qy, qx = int(sys.argv[2]), int(sys.argv[3]), 256, 256
t0 = time.time()
yy, xx = np.mgrid[0:qy, 0:qx]
r2 = (yy - qy / 2) ** 2 + (xx - qx / 2) ** 2
with h5py.File(sys.argv[1] + ".part", "w") as f:
    d = f.create_dataset("/data", shape=(ny, nx, qy, qx), dtype="uint16", chunks=(1, 1, qy, qx))
    for y in range(ny):
        # a bright-field disk that moves across the scan, on a background that varies per frame
        cy = qy / 2 + 8 * np.sin(2 * np.pi * y / ny)
        row = np.empty((nx, qy, qx), np.uint16)
        for x in range(nx):
            cx = qx / 2 + 8 * np.cos(2 * np.pi * x / nx)
            disk = ((yy - cy) ** 2 + (xx - cx) ** 2) < 30 ** 2
            row[x] = (100 + (x + y) % 50 + 3000 * disk + (r2 % 97)).astype(np.uint16)
        d[y] = row
import os
os.replace(sys.argv[1] + ".part", sys.argv[1])
print("   written in %.0f s" % (time.time() - t0))
PY
fi

classes=$out/classes
bench_compile "$classes" "$here/tests/org.ronchi.ui.tests/src/org/ronchi/ui/tests/SliceBench.java"

evict() { "$py" -c "import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)" "$file"; }
run() {
  "$JAVA_HOME/bin/java" -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=error --enable-native-access=ALL-UNNAMED -cp "$classes:$cp" \
    org.ronchi.ui.tests.SliceBench "$file" /data "$@" 2>&1 | grep -vE '^(SLF4J|WARNING)|SessionManager'
}
echo "== $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB RAM, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
for m in $modes; do
  evict
  echo "== $m (page cache of the file dropped)"
  case $m in
    frames|view) run $m $steps ;;
    drag) run drag ;;
    plane) run plane $plane_steps ;;
    *) echo "unknown mode $m"; exit 2 ;;
  esac
done
[ "${CLEAN:-0}" = 1 ] && rm -f "$file"
exit 0
