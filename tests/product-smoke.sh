#!/usr/bin/env bash
# Runs the built product through the real ./ronchi launcher, as a user would: catches what in-process
# tests cannot (packaging, DS start-up in the product, exit codes through the Equinox launcher).
# Called by `./ronchi test` after the Maven build. Prints "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${RONCHI_TESTDATA:-$here/../shared/testdata/real}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() { # name, expected exit, command...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/run.out" 2>"$tmp/run.err"; local got=$?
  # keep the last command's output for the next check to inspect (unless this one was an inspection)
  case "$name" in *:*) mv "$tmp/run.out" "$tmp/out"; mv "$tmp/run.err" "$tmp/err";; esac
  if [ "$got" = "$want" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $name: exit $got, wanted $want"; sed 's/^/  | /' "$tmp/run.err" 2>/dev/null || sed 's/^/  | /' "$tmp/err" | head -5; fi
}
r="$here/ronchi"
export XDG_CACHE_HOME="$tmp/cache"   # the start-up cache from scratch, as on a fresh machine
check "run: demo" 0 bash -c "cd '$tmp' && '$r' demo"
check "demo wrote its sample" 0 test -s "$tmp/ronchi-demo/sample_4dstem.emd"
check "demo wrote previews" 0 test -s "$tmp/ronchi-demo/bf.png"
check "run: rerun the demo's results" 0 "$r" rerun "$tmp/ronchi-demo/sample_4dstem_results.h5" --out "$tmp/rerun"
check "rerun: all 8 datasets identical" 0 grep -q "^identical: 8 of 8 datasets identical" "$tmp/out"
check "rerun kept the re-created file" 0 test -s "$tmp/rerun/sample_4dstem_results.h5"
check "run: ops" 0 "$r" ops
check "ops lists the virtual detector" 0 grep -q "stem4d.virtual-bf-adf" "$tmp/out"
check "ops lists the analysis operations" 0 bash -c "for o in stem4d.probe stem4d.bragg-disks stem4d.origin stem4d.ellipse stem4d.lattice stem4d.strain decomposition.svd decomposition.nmf decomposition.ica; do grep -q \"^\$o \" '$tmp/out' || exit 1; done"
check "run: demo strain --json" 0 bash -c "cd '$tmp' && '$r' demo strain --json"
check "demo strain meets its targets" 0 /usr/bin/python3 -c "import json, sys; d = json.load(open('$tmp/out')); sys.exit(0 if d['bragg_position_rms_px'] <= 0.1 and d['strain_rms_error'] <= 1e-3 else 1)"
check "run: info --json" 0 "$r" info "$data/usid/pyUSID/simulated_STEM_Image.h5" --json
check "info json names the dataset" 0 grep -q '"/Measurement_000/Channel_000/Raw_Data"' "$tmp/out"
check "run: export" 0 "$r" export "$data/py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5" /datacube_root/datacube/data --npy "$tmp/dc.npy" --slice "1,:,2:4"
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  check "export matches (3, 2, 5) float32" 0 /usr/bin/python3 -c "import numpy as n, sys; a = n.load('$tmp/dc.npy'); sys.exit(0 if a.shape == (3, 2, 5) and a.dtype == n.float32 else 1)"
fi
check "run: missing file, exit 1" 1 "$r" info "$tmp/none.h5"
check "one line naming the file" 0 bash -c "[ \$(wc -l < '$tmp/err') = 1 ] && grep -q '$tmp/none.h5' '$tmp/err'"
check "run: bad usage, exit 2" 2 "$r" export
check "run: --help" 0 "$r" --help
check "start-up cache: unsigned framework copy" 0 bash -c "ls '$tmp'/cache/ronchi/*/framework.jar"
check "start-up cache: class archive of the quick flavour" 0 bash -c "ls '$tmp'/cache/ronchi/*/quick.* | grep -qE 'quick\.(aot|jsa)$'"
for a in "$tmp"/cache/ronchi/*/quick.*; do head -c 4096 "$a" > "$a.cut" && mv "$a.cut" "$a"; done
check "run: info with a damaged class archive" 0 "$r" info "$data/dm/rsciio/2D/test_STEM_image.dm3"
check "damaged archive: same answer, nothing on stderr" 0 bash -c "grep -q 'signal:0' '$tmp/out' && [ ! -s '$tmp/err' ]"
echo "product smoke: $pass passed, $fail failed"
"$here/tests/resume-smoke.sh" || fail=$((fail+1))
[ "$fail" = 0 ]
