#!/usr/bin/env bash
# Smoke test of a Docker-API engine with curl only:
#   samples/engine/verify.sh /run/smtrain/podman.sock
# _ping, /version, build a FROM-scratch busybox image through /build, run a
# container to completion, and let two containers on an internal network
# resolve each other by name. Containers use Tty so /logs is raw text. Removes everything it made.
set -euo pipefail
SOCK=${1:-${DOCKER_HOST#unix://}}
API=http://d/v1.41
TAG=smtrain-verify-busybox:latest
NET=smtrain-verify-$$
LABELS='{"dev.smtrain.managed":"true","dev.smtrain.job":"verify","dev.smtrain.session":"verify-'$$'"}'
c() { curl -sS --fail-with-body --unix-socket "$SOCK" "$@"; }
step() { echo "== $*" >&2; }
ctx=$(mktemp -d)
cleanup() {
  for n in one algo-1 algo-2; do c -X DELETE "$API/containers/smtrain-verify-$n-$$?force=true" >/dev/null 2>&1 || true; done
  c -X DELETE "$API/networks/$NET" >/dev/null 2>&1 || true
  c -X DELETE "$API/images/$TAG?force=true" >/dev/null 2>&1 || true
  rm -rf "$ctx"
}
trap cleanup EXIT

step "ping: $(c http://d/_ping)"
step "version: $(c http://d/version | tr -d '\n' | head -c 300)"

BB=$(command -v busybox || echo /bin/busybox)
file -L "$BB" 2>/dev/null | grep -q static || [ -x /bin/busybox ] || { echo "need busybox-static" >&2; exit 1; }
mkdir -p "$ctx/bin" "$ctx/tmp"
cp /bin/busybox "$ctx/bin/busybox"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$ctx/bin/$a"; done
printf 'FROM scratch\nCOPY bin/ /bin/\nCOPY tmp/ /tmp/\nCMD ["/bin/sh"]\n' > "$ctx/Dockerfile"
step "build $TAG"
tar -C "$ctx" -c . | c -X POST -H 'Content-Type: application/x-tar' --data-binary @- \
  "$API/build?t=$TAG&rm=1&forcerm=1&networkmode=none" | tail -3 >&2

run() { # name json -> id
  local id; id=$(c -X POST -H 'Content-Type: application/json' -d "$2" "$API/containers/create?name=$1" | sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
  c -X POST "$API/containers/$id/start" >/dev/null
  echo "$id"
}
step "run one-shot container"
id=$(run smtrain-verify-one-$$ '{"Image":"'$TAG'","Tty":true,"Cmd":["sh","-c","echo hello from $(hostname); exit 3"],"Hostname":"one","Labels":'"$LABELS"',"HostConfig":{"NetworkMode":"none"}}')
step "wait: $(c -X POST "$API/containers/$id/wait")"
step "logs:"; c "$API/containers/$id/logs?stdout=1&stderr=1" >&2; echo >&2

step "internal network $NET"
c -X POST -H 'Content-Type: application/json' -d '{"Name":"'$NET'","Internal":true,"CheckDuplicate":true,"Labels":'"$LABELS"'}' "$API/networks/create" >&2; echo >&2
mk() { # name -> container on $NET with hostname = alias = name
  run "smtrain-verify-$1-$$" '{"Image":"'$TAG'","Tty":true,"Hostname":"'$1'","Cmd":["sh","-c","'"$2"'"],"Labels":'"$LABELS"',
   "HostConfig":{"NetworkMode":"'$NET'"},"NetworkingConfig":{"EndpointsConfig":{"'$NET'":{"Aliases":["'$1'"]}}}}'
}
a=$(mk algo-1 'echo up; nc -l -p 7777 > /tmp/got; cat /tmp/got')
b=$(mk algo-2 'for i in 1 2 3 4 5 6 7 8 9 10; do nslookup algo-1 && break; sleep 0.5; done; echo hi-from-2 | nc algo-1 7777')
step "wait algo-2: $(c -X POST "$API/containers/$b/wait")"
step "wait algo-1: $(c -X POST "$API/containers/$a/wait")"
step "algo-2 logs:"; c "$API/containers/$b/logs?stdout=1&stderr=1" >&2
step "algo-1 logs:"; out=$(c "$API/containers/$a/logs?stdout=1&stderr=1"); echo "$out" >&2
echo "$out" | grep -q hi-from-2 && echo "verify: OK ($SOCK)" || { echo "verify: FAILED ($SOCK)"; exit 1; }
