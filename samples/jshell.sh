#!/usr/bin/env bash
# Opens JShell with smtrain, its dependencies and the samples on the class path, the public API imported
# and a few helpers defined (samples/src/main/jshell/smtrain.jsh; type help()).
#
#   samples/jshell.sh                 an interactive session
#   samples/jshell.sh notebook.jsh    run a script (end it with /exit to leave)
#
# The class path is resolved with Maven (offline when ~/.m2 already has everything) and cached in
# samples/target/jshell.classpath; it is rebuilt when a source or POM is newer. SMTRAIN_JSHELL_CLASSPATH,
# when set, is used as is instead. Extra JShell options can follow, e.g. -R-Xmx2g.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP_FILE="$ROOT/samples/target/jshell.classpath"
STARTUP="$ROOT/samples/src/main/jshell/smtrain.jsh"

if [ -n "${SMTRAIN_JSHELL_CLASSPATH:-}" ]; then
  CP="$SMTRAIN_JSHELL_CLASSPATH"
else
  if [ ! -s "$CP_FILE" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/library/pom.xml" "$ROOT/samples/pom.xml" \
      "$ROOT/library/src/main" "$ROOT/samples/src/main" -newer "$CP_FILE" -type f -print -quit)" ]; then
    echo "jshell.sh: building smtrain and resolving its class path with Maven..." >&2
    OFFLINE=()
    if mvn -B -q -o -f "$ROOT/pom.xml" -pl samples -am validate >/dev/null 2>&1; then OFFLINE=(-o); fi
    # package, so that the reactor resolves library to its jar; the samples module writes the file last
    mvn -B -ntp -q "${OFFLINE[@]}" -f "$ROOT/pom.xml" -pl samples -am package dependency:build-classpath \
      -DskipTests -Dmaven.javadoc.skip=true -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE" >&2
  fi
  CP="$ROOT/samples/target/classes:$(cat "$CP_FILE")"
fi

JSHELL="jshell"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jshell" ]; then JSHELL="$JAVA_HOME/bin/jshell"; fi
# Hibernate Validator logs its version at INFO through JBoss Logging: route it to SLF4J, show warnings only.
exec "$JSHELL" --class-path "$CP" --startup DEFAULT --startup "$STARTUP" \
  -R-Dorg.jboss.logging.provider=slf4j -R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
