#!/usr/bin/env bash
# Fetch mongo-java-server (in-memory backend) from Maven Central and compile
# the tiny Launcher.java beside this script. Fallback test database only: the
# first choice is FerretDB (tools/ferretdb/build.sh).
#
# Usage: tools/mongo-java-server/build.sh
#   Prints the Java classpath to use on stdout (last line); progress to stderr.
#   Idempotent: exits at once when the jars and Launcher.class are cached.
#   Run: java -cp "$(tools/mongo-java-server/build.sh)" Launcher 127.0.0.1 PORT
#   (test/helpers/db/javaServer.ts does this for the integration tests.)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION="$(sed -n 's:.*<mongo-java-server.version>\(.*\)</mongo-java-server.version>.*:\1:p' "$HERE/pom.xml")"
# TEST_DB_CACHE_DIR: where built tools are cached (default: the gitignored .cache/).
CACHE="${TEST_DB_CACHE_DIR:-$ROOT/.cache}/mongo-java-server/$VERSION"
CLASSPATH_OUT="$CACHE/classes:$CACHE/lib/*"

log() { echo "mongo-java-server/build.sh: $*" >&2; }

# Rebuild when Launcher.java or pom.xml changed since the cache was made.
if [[ -f "$CACHE/classes/Launcher.class" && -f "$CACHE/lib/.complete" \
      && ! "$HERE/Launcher.java" -nt "$CACHE/classes/Launcher.class" \
      && ! "$HERE/pom.xml" -nt "$CACHE/lib/.complete" ]]; then
  echo "$CLASSPATH_OUT"
  exit 0
fi

for tool in java javac mvn; do
  if ! command -v "$tool" >/dev/null; then
    log "'$tool' not found: the fallback test database needs a JDK >= 17 (for javac) and Maven (Debian: apt-get install -y openjdk-17-jdk-headless maven)."
    exit 2
  fi
done

log "fetching mongo-java-server $VERSION into $CACHE"
rm -rf "$CACHE/lib" "$CACHE/classes"
mkdir -p "$CACHE/lib" "$CACHE/classes"
# Maven's output goes to a log that is shown only if it fails.
if ! mvn --batch-mode -f "$HERE/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$CACHE/lib" >"$CACHE/mvn.log" 2>&1; then
  tail -n 40 "$CACHE/mvn.log" >&2
  log "mvn dependency:copy-dependencies failed (full log: $CACHE/mvn.log)"
  exit 1
fi
touch "$CACHE/lib/.complete"
javac -d "$CACHE/classes" -cp "$CACHE/lib/*" "$HERE/Launcher.java" >&2
log "ready"
echo "$CLASSPATH_OUT"
