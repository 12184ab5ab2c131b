#!/usr/bin/env bash
# Whole-process wall time of `ronchi info FILE` against HyperSpy 1.7.3's `hs.load(FILE)` (Debian's
# python3-hyperspy), file by file, in one run; prints each ratio and the geometric mean.
# Issue target: Ronchi <= 0.3x HyperSpy. Usage: bench/open_info.sh [REPEATS]   (default 3, best of)
# QUICK=1: tiny mode, 6 of the files, one run each (see bench/README.md); without HyperSpy only Ronchi's side.
# Fails when `ronchi info` fails on a file (HyperSpy failing is expected for some).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
data=${RONCHI_TESTDATA:-$here/../shared/testdata/real}
reps=${1:-$(bench_quick && echo 1 || echo 3)}
py=/usr/bin/python3
hyperspy=1
if ! $py -c 'import hyperspy.api' 2>/dev/null; then
  bench_quick || { echo "needs Debian's python3-hyperspy (apt-get install python3-hyperspy)"; exit 2; }
  echo "== HyperSpy is not installed: Ronchi's times only"; hyperspy=0
fi
files=(
  "dm/rsciio/2D/test_STEM_image.dm3" "dm/rsciio/3D/EELS_SI.dm4" "dm/openNCEM/dmTest_3D_int16_64,65,66.dm4"
  "ser_emi/rsciio_old/16x16-spectrum_image-5x5x1024.emi" "ser_emi/rsciio_old/64x64_TEM_images_acquire.emi"
  "mrc/openNCEM/temp.mrc" "mrc/rsciio_DE/HAADFscan.mrc" "tiff/fei_sem/test_tiff_FEI_SEM.tif" "tiff/zeiss_sem/test_tiff_Zeiss_SEM_1k.tif"
  "emd_ncem/prismatic/Si100_4D.emd" "velox_emd/hyperspy_history/example_fei_emd_si.emd"
)
# tiny mode: one file of each reader kind (DM, TIA, MRC, TIFF, HDF5 flavours); HyperSpy takes 3-10 s a file
bench_quick && files=("${files[0]}" "${files[3]}" "${files[5]}" "${files[7]}" "${files[9]}" "${files[10]}")
best() { # best wall time of a command, in seconds
  local b=999 t0 t1 d
  for _ in $(seq "$reps"); do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; local rc=$?; t1=$(date +%s.%N)
    [ $rc = 0 ] || { echo fail; return; }
    d=$(echo "$t1 - $t0" | bc -l); b=$(echo "if ($d < $b) $d else $b" | bc -l)
  done
  printf '%.3f' "$b"
}
"$here/ronchi" --help >/dev/null 2>&1   # build the product and warm the start-up cache first
printf '%-58s %9s %9s %7s\n' file ronchi hyperspy ratio
logsum=0; n=0; status=0
for f in "${files[@]}"; do
  p="$data/$f"
  r=$(best "$here/ronchi" info "$p")
  if [ "$r" = fail ]; then
    echo "!! ronchi info failed on $f: $("$here/ronchi" info "$p" 2>&1 | tail -1)"; status=1; continue
  fi
  h=-
  [ $hyperspy = 0 ] || h=$(best $py -c "import sys, hyperspy.api as hs; hs.load(sys.argv[1])" "$p")
  if [ "$h" = fail ] || [ "$h" = - ]; then   # HyperSpy 1.7.3 cannot open e.g. Direct Electron MRC files
    printf '%-58s %8.3fs %9s %7s\n' "$f" "$r" "$h" "-"; continue
  fi
  ratio=$(echo "$r / $h" | bc -l)
  printf '%-58s %8.3fs %8.3fs %6.2fx\n' "$f" "$r" "$h" "$ratio"
  logsum=$(echo "$logsum + l($ratio)" | bc -l); n=$((n+1))
done
target=$(bench_quick || echo ' (target <= 0.30x)')
[ $n -gt 0 ] && printf 'geometric mean ratio (ronchi / hyperspy) over %d files: %.2fx%s\n' $n "$(echo "e($logsum / $n)" | bc -l)" "$target"
exit $status
