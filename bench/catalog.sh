#!/usr/bin/env bash
# Files per second of `ronchi catalog DIR --recursive --jsonl OUT` against a HyperSpy 1.7.3 loop doing
# hs.load + original_metadata.as_dictionary() per file (Debian's python3-hyperspy), on the same folder
# in one run; prints both rates and the ratio. Issue target: >= 10x.
#
#   bench/catalog.sh [DIR=../shared/testdata/real] [THREADS=nproc]      (COPIES=K: see below)
#
# Both sides are timed as whole processes (Ronchi: JVM start, every loader, the records written;
# HyperSpy: Python start and `import hyperspy.api`) and as their loop alone (the catalogue's own time;
# the hs.load loop without the import), and by CPU time (user + system), which a shared machine disturbs
# less. The Ronchi side runs on a flat class path (bench/lib.sh) with the JVM flags `./ronchi catalog` uses
# and every FileLoader component found in the sources, so a new format bundle is benchmarked as it lands.
# QUICK=1: the tiff/ and ser_emi/ folders only, ratio without target. Fails when the catalogue fails or writes no record.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
data=${1:-${RONCHI_TESTDATA:-$here/../shared/testdata/real}}
threads=${2:-$(nproc)}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-catalog.$$
mkdir -p "$out"; trap 'rm -rf "$out"' EXIT
py=/usr/bin/python3
if bench_quick; then   # a small tree of the same kinds of files: links to two folders
  mkdir -p "$out/data"; ln -s "$data/tiff" "$data/ser_emi" "$out/data/"; data=$out/data
fi
# COPIES=K: the catalogue also reads a tree of K links to the folder (K times the files, as a large
# catalogue has them: the JVM's warm-up spread over many files), compared with HyperSpy's rate on one copy
copies=${COPIES:-1}
if [ "$copies" -gt 1 ]; then
  mkdir -p "$out/copies"; for i in $(seq "$copies"); do ln -s "$data" "$out/copies/$i"; done
fi
sources=($(grep -rl --include='*.java' -E '@Component\(service = FileLoader\.class' "$here"/bundles/*/src | sort))
loaders=($(printf '%s\n' "${sources[@]}" | sed -E 's#.*/src/##; s#\.java$##; s#/#.#g'))
bundles=($(printf '%s\n' "${sources[@]}" | sed -E "s#^$here/bundles/([^/]+)/.*#\1#" | sort -u))
bench_compile "$out/classes" org.ronchi.headless "${bundles[@]}" "$here/bench/java/CatalogBench.java" || exit 1
# wall and CPU (user + system, the process and its children) seconds of a command, on stderr as "time WALL CPU"
walltime() { local TIMEFORMAT='time %R %U %S'; { time "$@"; } 2>&1; }

echo "== ronchi catalog ($threads threads, ${#loaders[@]} loaders) on $data"
# the JVM flags `./ronchi catalog` uses (C1 only, serial collector: see the ronchi script)
ronchi=$( { walltime "$JAVA_HOME/bin/java" -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$out/classes:$cp" CatalogBench "$data" "$out/cat.jsonl" "$threads" "${loaders[@]}"; } 2>&1 )
rc=$?
echo "$ronchi" | grep -E '^catalog:' | sed 's/^/   /'
[ $rc = 0 ] || { echo "!! the catalogue failed:"; echo "$ronchi" | tail -5; exit 1; }
records=$(wc -l < "$out/cat.jsonl")
[ "$records" -gt 0 ] || { echo "!! no records written"; exit 1; }
r_wall=$(echo "$ronchi" | awk '/^time /{print $2}'); r_cpu=$(echo "$ronchi" | awk '/^time /{print $3 + $4}')
r_loop=$(echo "$ronchi" | awk '/^catalog_ms /{print $2 / 1000}')
printf '   %d records; %.2f s whole process (%.2f s CPU), %.2f s catalogue\n' "$records" "$r_wall" "$r_cpu" "$r_loop"

if [ "$copies" -gt 1 ]; then
  echo "== ronchi catalog on $copies copies of the folder"
  many=$( { walltime "$JAVA_HOME/bin/java" -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$out/classes:$cp" CatalogBench "$out/copies" "$out/many.jsonl" "$threads" "${loaders[@]}"; } 2>&1 ) || { echo "!! the catalogue failed"; exit 1; }
  m_records=$(wc -l < "$out/many.jsonl"); m_wall=$(echo "$many" | awk '/^time /{print $2}'); m_cpu=$(echo "$many" | awk '/^time /{print $3 + $4}')
  printf '   %d records; %.2f s whole process (%.2f s CPU)\n' "$m_records" "$m_wall" "$m_cpu"
fi
if ! $py -c 'import hyperspy.api' 2>/dev/null; then
  bench_quick && { echo "== HyperSpy is not installed: Ronchi's side only"; exit 0; }
  echo "needs Debian's python3-hyperspy"; exit 2
fi
echo "== HyperSpy 1.7.3: hs.load + original_metadata.as_dictionary() per file"
hs=$( { walltime $py "$here/bench/catalog.py" "$data"; } 2>&1 )
read -r h_files h_signals h_failed h_loop h_import < <(echo "$hs" | grep -E '^[0-9]+ [0-9]+ [0-9]+ ' | tail -1)
h_wall=$(echo "$hs" | awk '/^time /{print $2}'); h_cpu=$(echo "$hs" | awk '/^time /{print $3 + $4}')
[ -n "${h_files:-}" ] || { echo "!! the HyperSpy loop failed:"; echo "$hs" | tail -5; exit 1; }
printf '   %d files, %d signals, %d failed; %.2f s whole process (%.2f s CPU; import %.2f s), %.2f s loop\n' "$h_files" "$h_signals" "$h_failed" "$h_wall" "$h_cpu" "$h_import" "$h_loop"
[ "$h_files" = "$records" ] || echo "   (HyperSpy walked $h_files files, the catalogue has $records records)"

rate() { echo "$1 / $2" | bc -l; }
target=$(bench_quick || echo '   (target >= 10x)')
printf '== files/s, whole process: ronchi %.1f, hyperspy %.1f: %.1fx%s\n' "$(rate "$records" "$r_wall")" "$(rate "$h_files" "$h_wall")" \
  "$(echo "$h_wall / $r_wall" | bc -l)" "$target"
printf '== CPU seconds, whole process: ronchi %.2f, hyperspy %.2f: %.1fx\n' "$r_cpu" "$h_cpu" "$(echo "$h_cpu / $r_cpu" | bc -l)"
if [ "$copies" -gt 1 ]; then
  printf '== files/s, %d copies (whole process) against HyperSpy on one (whole process): ronchi %.1f, hyperspy %.1f: %.1fx; CPU per file %.1fx\n' \
    "$copies" "$(rate "$m_records" "$m_wall")" "$(rate "$h_files" "$h_wall")" "$(echo "($m_records / $m_wall) / ($h_files / $h_wall)" | bc -l)" \
    "$(echo "($h_cpu / $h_files) / ($m_cpu / $m_records)" | bc -l)"
fi
printf '== files/s, loop alone:    ronchi %.1f, hyperspy %.1f: %.1fx\n' "$(rate "$records" "$r_loop")" "$(rate "$h_files" "$h_loop")" \
  "$(echo "$h_loop / $r_loop" | bc -l)"
