# Sourced by every bench/*.sh: finds the JDK, puts the libraries on a class path and compiles what a
# benchmark needs with plain javac (no Maven, no OSGi). Which Ronchi bundles that is comes from the
# manifests (Require-Bundle, Fragment-Host, Import-Package of org.ronchi packages), so a bundle that
# gains or loses a dependency does not break the benchmarks: name what the benchmark itself uses.
#
#   . "$(dirname "$0")/lib.sh"
#   bench_compile "$out/classes" org.ronchi.processing.stem4d bench/java/VirtualDetectorBench.java
#   "$JAVA_HOME/bin/java" -cp "$out/classes:$cp" VirtualDetectorBench ...
#
# Arguments of bench_compile are bundle names (bundles/NAME or tests/NAME) or .java files; a file in a
# test fragment brings in the fragment's host and requirements, and the fragment's other classes as
# far as the file uses them (javac -sourcepath). Sets JAVA_HOME, cp (the libraries) and here (the
# repository). QUICK=1 asks a benchmark for its tiny mode (see bench/README.md); bench_quick tells.
# With BENCH_CLASSES set (bench/quick.sh does), the benchmarks of one run share one compiled folder.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$c" ] && [ -x "$c/bin/javac" ] && "$c/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA_HOME=$c; break
  fi
done
export JAVA_HOME

bench_quick() { [ "${QUICK:-0}" = 1 ]; }

# The libraries of the target platform the bundles use, from the local Maven repository (which the
# Tycho build fills): the newest version there of each.
m2=${MAVEN_REPO:-$HOME/.m2/repository}
bench_jar() { { find "$m2/$1" -name "$2-*.jar" ! -name '*sources*' 2>/dev/null || true; } | sort -V | tail -1; }
cp=
for gav in org/eclipse/january:org.eclipse.january org/apache/commons:commons-math3 javax/measure:unit-api \
    org/slf4j:slf4j-api io/jhdf:jhdf org/apache/commons:commons-lang3 at/yawk/lz4:lz4-java com/ning:compress-lzf \
    com/google/code/gson:gson info/picocli:picocli org/osgi/org.osgi.service.component.annotations:org.osgi.service.component.annotations \
    org/osgi/org.osgi.service.prefs:org.osgi.service.prefs org/osgi/org.osgi.util.tracker:org.osgi.util.tracker \
    org/eclipse/swtchart/org.eclipse.swtchart:org.eclipse.swtchart org/junit/jupiter/junit-jupiter-api:junit-jupiter-api \
    org/opentest4j:opentest4j; do
  cp=$cp:$(bench_jar "${gav%%:*}" "${gav##*:}")
done
for a in org.eclipse.osgi org.eclipse.equinox.app org.eclipse.equinox.common org.eclipse.equinox.registry \
    org.eclipse.equinox.preferences org.eclipse.core.runtime org.eclipse.core.jobs org.eclipse.core.commands \
    org.eclipse.core.expressions org.eclipse.swt org.eclipse.swt.gtk.linux.x86_64 org.eclipse.jface \
    org.eclipse.ui.workbench org.eclipse.e4.ui.workbench3; do
  cp=$cp:$(bench_jar "org/eclipse/platform/$a" "$a")
done
cp=${cp#:}

# The folder of a Ronchi bundle or test bundle, or nothing for a library.
bench_dir() {
  local d
  for d in "$here/bundles/$1" "$here/tests/$1"; do
    [ -f "$d/META-INF/MANIFEST.MF" ] && { echo "$d"; return; }
  done
}

# The names a manifest header lists, one per line, attributes and directives dropped.
bench_header() {
  tr -d '\r' < "$1" | awk -v h="$2:" '
    /^[^ ]/ { if (on) print cur; on = index($0, h) == 1; cur = on ? substr($0, length(h) + 1) : ""; next }
    /^ / && on { cur = cur substr($0, 2) }
    END { if (on) print cur }' | sed 's/"[^"]*"//g' | tr ',' '\n' | sed 's/;.*//; s/^ *//; s/ *$//' | grep -v '^$' || true
}

# The Ronchi bundle holding a package (for Import-Package), or nothing.
bench_package_owner() {
  local d
  for d in "$here"/bundles/*/src "$here"/tests/*/src; do
    [ -d "$d/${1//.//}" ] && { basename "$(dirname "$d")"; return; }
  done
}

# The Ronchi bundles the named ones need, themselves included, one per line.
bench_closure() {
  local todo=("$@") seen=" " b d p
  while [ ${#todo[@]} -gt 0 ]; do
    b=${todo[0]}; todo=("${todo[@]:1}")
    case "$seen" in *" $b "*) continue ;; esac
    d=$(bench_dir "$b"); [ -n "$d" ] || continue
    seen="$seen$b "
    todo+=($(bench_header "$d/META-INF/MANIFEST.MF" Require-Bundle) $(bench_header "$d/META-INF/MANIFEST.MF" Fragment-Host))
    for p in $(bench_header "$d/META-INF/MANIFEST.MF" Import-Package | grep '^org\.ronchi\.' || true); do
      todo+=($(bench_package_owner "$p"))
    done
  done
  echo $seen | tr ' ' '\n'
}

# bench_compile CLASSES (BUNDLE | FILE.java)...
bench_compile() {
  local classes=$1; shift
  local names=() files=() a b d home
  for a in "$@"; do
    case "$a" in
      *.java)
        a=$(cd "$(dirname "$a")" && pwd)/$(basename "$a"); files+=("$a")
        home=${a#"$here"/}; home=${home#*/}; home=${home%%/*}   # bundles/NAME/... or tests/NAME/...
        [ -n "$(bench_dir "$home")" ] && names+=("$home") ;;
      *) names+=("$a") ;;
    esac
  done
  # BENCH_CLASSES (set by bench/quick.sh): one folder shared by the benchmarks of a run, each bundle
  # compiled into it once; the benchmark's own folder is then a link to it
  local out=$classes compiled=
  if [ -n "${BENCH_CLASSES:-}" ]; then
    out=$BENCH_CLASSES; mkdir -p "$out"; compiled=$(cat "$out/.bundles" 2>/dev/null || true)
  fi
  local srcs=() sourcepath= done=()
  for b in $(bench_closure "${names[@]}"); do
    d=$(bench_dir "$b")
    [ -d "$d/src" ] || continue
    if [ -n "$(bench_header "$d/META-INF/MANIFEST.MF" Fragment-Host)" ]; then
      sourcepath=$sourcepath:$d/src   # a test fragment: only the classes the named files use
    elif ! grep -qx "$b" <<< "$compiled"; then
      srcs+=("$d/src"); done+=("$b")
    fi
  done
  local opts=(-nowarn -encoding UTF-8 --release 21 -d "$out" -cp "$out:$cp")
  [ -z "$sourcepath" ] || opts+=(-sourcepath "${sourcepath#:}")
  [ ${#srcs[@]} -eq 0 ] || files+=($(find "${srcs[@]}" -name '*.java'))
  if [ -z "${BENCH_CLASSES:-}" ]; then
    rm -rf "$classes"; mkdir -p "$classes"
  elif [ "$classes" != "$out" ]; then
    rm -rf "$classes"; ln -s "$out" "$classes"
  fi
  "$JAVA_HOME/bin/javac" "${opts[@]}" "${files[@]}" > "$classes.log" 2>&1 || { cat "$classes.log"; return 1; }
  [ -z "${BENCH_CLASSES:-}" ] || [ ${#done[@]} -eq 0 ] || printf '%s\n' "${done[@]}" >> "$out/.bundles"
  for d in "${srcs[@]}"; do   # resources read from the class path: vendor mappings, test resources
    [ -d "$d/../mappings" ] && mkdir -p "$out/mappings" && cp -r "$d/../mappings/." "$out/mappings/"
  done
  for d in ${sourcepath//:/ }; do
    [ -d "$d/../resources" ] && cp -r "$d/../resources/." "$out/"
  done
  return 0
}
