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
# (CLEAN=1 deletes it afterwards).
# Before each mode the file is evicted from the page cache (posix_fadvise DONTNEED), so reads are cold.
# Modes: frames (read + render, 100 steps), view (the same through a real Data Tree, Slicing and Image
# panel on a display, 100 steps; uses $DISPLAY or xvfb-run), drag (200 slider steps 2 ms apart: how
# many reads, and when the last image shows), plane (the scan-plane image at one detector pixel: every
# step touches every chunk of this frame-chunked file, 3 steps).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
modes=${1:-"frames view drag plane"}
out=${OUT_DIR:-${TMPDIR:-/tmp}/ronchi-bench-ui}
mkdir -p "$out"
file=$out/cube4g.h5
py=/usr/bin/python3
[ -x "$py" ] || py=python3

for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$c" ] && [ -x "$c/bin/javac" ] && "$c/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME=$c; break; fi
done

if [ ! -s "$file" ]; then
  echo "== writing $file (4 GiB, h5py)"
  "$py" - "$file" <<'PY'
import sys, time, numpy as np, h5py
ny, nx, qy, qx = 256, 128, 256, 256
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

m2=${MAVEN_REPO:-$HOME/.m2/repository}
jar() { find "$m2/$1" -name "$2-*.jar" ! -name '*sources*' 2>/dev/null | sort -V | tail -1; }
cp=$(jar org/eclipse/january org.eclipse.january):$(jar org/apache/commons commons-math3):$(jar javax/measure unit-api):$(jar org/slf4j slf4j-api)
cp=$cp:$(jar org/apache/commons commons-lang3):$(jar at/yawk/lz4 lz4-java):$(jar com/ning compress-lzf):$(jar com/google/code/gson gson)
cp=$cp:$(jar org/osgi/org.osgi.service.component.annotations org.osgi.service.component.annotations):$(jar io/jhdf jhdf)
for a in org.eclipse.swt org.eclipse.swt.gtk.linux.x86_64 org.eclipse.jface org.eclipse.core.runtime org.eclipse.core.jobs org.eclipse.core.commands \
         org.eclipse.equinox.common org.eclipse.equinox.registry org.eclipse.equinox.preferences org.eclipse.osgi org.eclipse.ui.workbench \
         org.eclipse.equinox.app org.eclipse.core.expressions org.eclipse.e4.ui.workbench3; do
  cp=$cp:$(jar org/eclipse/platform/$a $a)
done
cp=$cp:$(jar org/eclipse/swtchart/org.eclipse.swtchart org.eclipse.swtchart):$(jar org/junit/jupiter/junit-jupiter-api junit-jupiter-api):$(jar org/opentest4j opentest4j)
cp=$cp:$(jar org/osgi/org.osgi.service.prefs org.osgi.service.prefs):$(jar org/osgi/org.osgi.util.tracker org.osgi.util.tracker 2>/dev/null || true)

classes=$out/classes
rm -rf "$classes"; mkdir -p "$classes"
t=$here/tests/org.ronchi.ui.tests/src/org/ronchi/ui/tests
"$JAVA_HOME/bin/javac" -nowarn -encoding UTF-8 --release 21 -d "$classes" -cp "$cp" \
  $(find "$here/bundles/org.ronchi.core/src" "$here/bundles/org.ronchi.hdf5/src" "$here/bundles/org.ronchi.io.usid/src" "$here/bundles/org.ronchi.ui/src" -name '*.java') \
  "$t/SliceBench.java" "$t/Fixture.java" "$t/Browser.java" 2> "$out/javac.log" || { cat "$out/javac.log"; exit 1; }

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
    frames) run frames 100 ;;
    plane) run plane 3 ;;
    view|drag)
      if [ -n "${DISPLAY:-}" ]; then run $m 100
      elif command -v xvfb-run >/dev/null; then
        export -f run; export JAVA_HOME classes cp file
        xvfb-run -a -s "-screen 0 1400x900x24" bash -c "run $m 100"
      else echo "   skipped: no display and no xvfb-run"; fi ;;
    *) echo "unknown mode $m"; exit 2 ;;
  esac
done
[ "${CLEAN:-0}" = 1 ] && rm -f "$file"
exit 0
