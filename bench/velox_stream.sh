#!/usr/bin/env bash
# Decoding speed of Velox EDS spectrum streams (MB of stream data per second): a synthetic stream of
# SIZE_MB with the structure of a real one (128 x 128 scan, 4096 channels), decoded from memory and from
# a synthetic Velox EMD file written to OUT_DIR (deleted afterwards unless KEEP=1). Target: >= 200 MB/s.
#
#   bench/velox_stream.sh [SIZE_MB=500] [MODE=both|memory|file]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-500}
mode=${2:-both}
out=${OUT_DIR:-${TMPDIR:-/tmp}}/ronchi-bench-velox
mkdir -p "$out"

for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$c" ] && [ -x "$c/bin/javac" ] && "$c/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME=$c; break; fi
done
m2=${MAVEN_REPO:-$HOME/.m2/repository}
jar() { find "$m2/$1" -name "$2-*.jar" ! -name '*sources*' 2>/dev/null | sort -V | tail -1; }
cp=$(jar org/eclipse/january org.eclipse.january):$(jar org/apache/commons commons-math3):$(jar javax/measure unit-api):$(jar org/slf4j slf4j-api)
cp=$cp:$(jar io/jhdf jhdf):$(jar org/apache/commons commons-lang3):$(jar at/yawk/lz4 lz4-java):$(jar com/ning compress-lzf)
cp=$cp:$(jar com/google/code/gson gson):$(jar org/osgi/org.osgi.service.component.annotations org.osgi.service.component.annotations)

# compile what the benchmark needs: core, hdf5 (reader and writer), the Velox reader, the bench classes
classes=$out/classes
rm -rf "$classes"; mkdir -p "$classes"
t=$here/tests/org.ronchi.io.velox.tests/src/org/ronchi/io/velox/tests
"$JAVA_HOME/bin/javac" -nowarn -encoding UTF-8 --release 21 -d "$classes" -cp "$cp" \
  $(find "$here/bundles/org.ronchi.core/src" "$here/bundles/org.ronchi.hdf5/src" "$here/bundles/org.ronchi.io.velox/src" -name '*.java') \
  "$t/StreamBench.java" "$t/VeloxWriter.java" 2> "$out/javac.log" || { cat "$out/javac.log"; exit 1; }
cp -r "$here/bundles/org.ronchi.io.velox/mappings" "$classes/"

echo "== Velox spectrum stream decoding, ${size} MB, mode $mode, -Xmx2g"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$classes:$cp" org.ronchi.io.velox.tests.StreamBench "$size" "$mode" "$out" 2>&1 | grep -v '^SLF4J'
