#!/usr/bin/env bash
# A killed run resumes: start `ronchi run` on a datacube large enough to take several seconds, kill -9 it
# once its progress shows some partitions done, run again, and check the step reports RESUMED (not a
# fresh computation) and that the result equals an uninterrupted run's. Needs Debian's python3-h5py to
# make the input. Called by tests/product-smoke.sh.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
r="$here/ronchi"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 -c 'import h5py, numpy' 2>/dev/null || { echo "resume smoke: skipped (needs python3-h5py)"; exit 0; }
/usr/bin/python3 - "$tmp/cube.h5" <<'PY'
import sys, h5py, numpy as np
rng = np.random.default_rng(7)
with h5py.File(sys.argv[1], 'w') as f:
    d = f.create_dataset('data', shape=(96, 96, 128, 128), dtype='uint16', chunks=(1, 96, 128, 128))
    for i in range(96):
        d[i] = rng.poisson(5, size=(96, 128, 128)).astype('uint16')
PY
cat > "$tmp/w.json" <<EOF2
{"inputs": ["$tmp/cube.h5"], "dataset": "/data", "navigation_rank": 2,
 "steps": [{"name": "fft", "operation": "stem4d.fft", "parameters": {"output": "log", "window": "hann"}}],
 "output": {"directory": "$tmp/out"}}
EOF2
"$r" --version >/dev/null 2>&1   # (re)build the product first, so the timing below is the run's own
RONCHI_JAVA_OPTS="-XX:ActiveProcessorCount=1" "$r" run "$tmp/w.json" >"$tmp/first.out" 2>"$tmp/first.err" &
pid=$!
killed=no
for _ in $(seq 3000); do
  sleep 0.1
  if grep -qE ' ([1-6][0-9])%' "$tmp/first.err" 2>/dev/null; then
    pkill -9 -P $pid java 2>/dev/null; kill -9 $pid 2>/dev/null; killed=yes; break   # the JVM, then the launcher script
  fi
  kill -0 $pid 2>/dev/null || break
done
wait $pid 2>/dev/null
if [ "$killed" != yes ]; then
  echo "resume smoke: 0 passed, 1 failed (the run ended before it could be killed)"; cat "$tmp/first.err" | tail -3; exit 1
fi
"$r" run "$tmp/w.json" >"$tmp/second.out" 2>"$tmp/second.err"; rc=$?
pass=0; fail=0
if [ $rc = 0 ] && grep -qi resumed "$tmp/second.out"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: rerun after kill -9 did not resume (exit $rc)"; cat "$tmp/second.out" "$tmp/second.err" | tail -5; fi
"$r" run "$tmp/w.json" >"$tmp/third.out" 2>&1
if grep -qi reused "$tmp/third.out"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: third run did not reuse the result"; tail -3 "$tmp/third.out"; fi
sed "s#$tmp/out#$tmp/clean#" "$tmp/w.json" > "$tmp/clean.json"
"$r" run "$tmp/clean.json" >/dev/null 2>&1
if /usr/bin/python3 - "$tmp/out/cube_results.h5" "$tmp/clean/cube_results.h5" <<'PY'
import sys, h5py, numpy as np
a, b = (h5py.File(p, 'r') for p in sys.argv[1:3])
g = [k for k in a if 'fft' in k][0]
sys.exit(0 if np.array_equal(a[g + '/data/data'][()], b[g + '/data/data'][()]) else 1)
PY
then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: the resumed result differs from an uninterrupted run's"; fi
echo "resume smoke: $pass passed, $fail failed"
[ $fail = 0 ]
