#!/usr/bin/env bash
# Installs Podman from Debian 12 packages and serves its Docker-compatible
# Engine API on unix:///run/smtrain/podman.sock, for smtrain's local mode and tests.
#
# Idempotent; run as root. Prints the line to eval:
#   eval "$(sudo samples/engine/podman.sh)"
# Progress goes to stderr, only the export line goes to stdout.
set -euo pipefail

SOCK_DIR=/run/smtrain
SOCK="$SOCK_DIR/podman.sock"
LOG=/var/log/smtrain-podman.log
PIDFILE="$SOCK_DIR/podman.pid"

log() { echo "podman.sh: $*" >&2; }
ping_ok() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }

if [ -S "$SOCK" ] && ping_ok; then
  echo "export DOCKER_HOST=unix://$SOCK"
  exit 0
fi

[ "$(id -u)" = 0 ] || { log "must run as root"; exit 1; }

# podman 4.3.1 and its helpers. netavark + aardvark-dns give user-defined networks
# with name resolution (the CNI backend would need the dnsname plugin instead);
# iptables is used by netavark; runc instead of crun (see containers.conf below);
# busybox-static is the only thing inside smtrain's test images.
PKGS=(podman runc conmon netavark aardvark-dns iptables uidmap slirp4netns
      fuse-overlayfs catatonit busybox-static curl ca-certificates)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p /etc/containers "$SOCK_DIR"
CONF=/etc/containers/containers.conf
# Podman asks runc for nofile=1048576 by default; above the host's hard limit
# (20000 in some sandboxes/VMs) runc fails with "error setting rlimit type 7".
cap() { local want=$1 hard=$2; [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ] && echo "$want" || echo "$hard"; }
NOFILE=$(cap 20000 "$(ulimit -Hn)")
NPROC=$(cap 32768 "$(ulimit -Hu)")
want='# written by smtrain samples/engine/podman.sh
[containers]
# podman'"'"'s default ulimits (nofile 1048576) can exceed the host'"'"'s hard limit
default_ulimits = ["nofile='"$NOFILE:$NOFILE"'", "nproc='"$NPROC:$NPROC"'"]

[engine]
# no systemd here: cgroupfs, and events to a file instead of the journal
cgroup_manager = "cgroupfs"
events_logger = "file"
# crun 1.8 fails on hybrid cgroup v1/v2 hosts ("cgroups in hybrid mode not supported")
runtime = "runc"

[network]
network_backend = "netavark"'
if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$want" ]; then
  [ -f "$CONF" ] && cp "$CONF" "$CONF.smtrain-bak"
  printf '%s\n' "$want" > "$CONF"
  log "wrote $CONF"
fi

# stale service from an earlier run?
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  log "killing unresponsive podman service $(cat "$PIDFILE")"
  kill "$(cat "$PIDFILE")" || true
  sleep 1
fi
rm -f "$SOCK"

log "starting podman system service (log: $LOG)"
nohup podman system service --time=0 "unix://$SOCK" >>"$LOG" 2>&1 </dev/null &
echo $! > "$PIDFILE"

for _ in $(seq 1 100); do
  if ping_ok; then
    echo "export DOCKER_HOST=unix://$SOCK"
    exit 0
  fi
  kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { log "service died, see $LOG:"; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.2
done
log "no answer on $SOCK after 20s, see $LOG"; tail -20 "$LOG" >&2
exit 1
