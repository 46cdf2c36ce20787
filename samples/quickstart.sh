#!/usr/bin/env bash
# smtrain's quick start: a real training job (logistic regression in a FROM-scratch busybox image) on the
# local runner. Builds the project, starts a container engine when none answers (Podman, through
# samples/engine/podman.sh, which needs root or sudo), and runs dev.smtrain.samples.quickstart.Quickstart.
# Output (data, model.tar.gz, metrics chart) goes to target/quickstart, or to the directory given.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK_DIR="${1:-target/quickstart}"

answers() { # unix socket path
  [ -S "$1" ] || return 1
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 3 --unix-socket "$1" http://engine/_ping >/dev/null 2>&1
  fi
}

if [ -z "${DOCKER_HOST:-}" ]; then
  found=""
  for s in /run/smtrain/podman.sock /run/smtrain/docker.sock /var/run/docker.sock /run/podman/podman.sock; do
    if answers "$s"; then found="unix://$s"; break; fi
  done
  if [ -n "$found" ]; then
    export DOCKER_HOST="$found"
  else
    echo "quickstart.sh: no container engine answers; setting up Podman with samples/engine/podman.sh" >&2
    if [ "$(id -u)" = 0 ]; then
      eval "$(samples/engine/podman.sh)"
    else
      eval "$(sudo samples/engine/podman.sh)"
    fi
  fi
fi
echo "quickstart.sh: container engine at $DOCKER_HOST" >&2

if [ ! -f samples/target/smtrain.jar ] || [ -n "$(find library/src samples/src -newer samples/target/smtrain.jar -type f -print -quit)" ]; then
  echo "quickstart.sh: building samples/target/smtrain.jar" >&2
  OFFLINE=()
  if mvn -B -q -o -pl samples -am validate >/dev/null 2>&1; then OFFLINE=(-o); fi
  mvn -B -ntp -q "${OFFLINE[@]}" -pl samples -am package -DskipTests -Dmaven.javadoc.skip=true
fi
# Hibernate Validator logs its version at INFO through JBoss Logging: route it to SLF4J, show warnings only.
exec java -Dorg.jboss.logging.provider=slf4j -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp samples/target/smtrain.jar dev.smtrain.samples.quickstart.Quickstart "$WORK_DIR"
