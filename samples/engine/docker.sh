#!/usr/bin/env bash
# Installs Debian 12's docker.io (Docker Engine 20.10) and runs a private
# dockerd on unix:///run/smtrain/docker.sock, for smtrain's local mode and tests.
# It keeps its own data-root, exec-root and containerd, so it can run next to
# Podman (samples/engine/podman.sh) or another Docker engine.
#
# Idempotent; run as root. Prints the line to eval:
#   eval "$(sudo samples/engine/docker.sh)"
# Progress goes to stderr, only the export line goes to stdout.
set -euo pipefail

SOCK_DIR=/run/smtrain
SOCK="$SOCK_DIR/docker.sock"
DATA=/var/lib/smtrain-docker
EXEC="$SOCK_DIR/docker-exec"
PIDFILE="$SOCK_DIR/docker.pid"
LOG=/var/log/smtrain-docker.log

log() { echo "docker.sh: $*" >&2; }
ping_ok() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }

if [ -S "$SOCK" ] && ping_ok; then
  echo "export DOCKER_HOST=unix://$SOCK"
  exit 0
fi

[ "$(id -u)" = 0 ] || { log "must run as root"; exit 1; }

# docker.io pulls containerd, runc, tini and iptables; busybox-static is the
# only thing inside smtrain's test images.
PKGS=(docker.io containerd runc tini iptables busybox-static curl ca-certificates)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d: the package's postinst must not try to start the system dockerd
  # (no systemd here; and we run our own below)
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  rm -f /usr/sbin/policy-rc.d; trap - EXIT
fi

mkdir -p "$SOCK_DIR" "$DATA" "$EXEC"

if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  log "killing unresponsive dockerd $(cat "$PIDFILE")"
  kill "$(cat "$PIDFILE")" || true
  for _ in $(seq 1 50); do kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break; sleep 0.2; done
fi
rm -f "$SOCK" "$PIDFILE"

# --iptables=false / --ip6tables=false: leave the host's firewall alone
# --bridge=none: no docker0; smtrain makes its own (internal) networks
# cgroupfs: there is no systemd to be the cgroup manager
# no --containerd: dockerd starts its own containerd under $EXEC, so a system
#   containerd (if any) is not touched
log "starting dockerd (log: $LOG)"
nohup dockerd \
  --host "unix://$SOCK" \
  --data-root "$DATA" \
  --exec-root "$EXEC" \
  --pidfile "$PIDFILE" \
  --iptables=false --ip6tables=false --bridge=none \
  --exec-opt native.cgroupdriver=cgroupfs \
  >>"$LOG" 2>&1 </dev/null &
dpid=$!

for _ in $(seq 1 150); do
  if ping_ok; then
    echo "export DOCKER_HOST=unix://$SOCK"
    exit 0
  fi
  kill -0 "$dpid" 2>/dev/null || { log "dockerd died, see $LOG:"; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.2
done
log "no answer on $SOCK after 30s, see $LOG"; tail -20 "$LOG" >&2
exit 1
