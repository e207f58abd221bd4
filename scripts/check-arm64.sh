#!/usr/bin/env bash
# CI check of the arm64 layer on this x86_64 machine: the arm64 extension runs under qemu-user (qemu-aarch64-static
# with the arm64 glibc of libc6-arm64-cross) as the extension of a function in the local Lambda (fis-emulator), with
# the bash runtime behind the layer's wrapper. Two environments: without a configuration location one invocation
# passes through untouched (the handler ran, the event came back); with an invocation-error fault in a local
# folder, one invocation gets FisInjectedError and the handler does not run.
# Needs scripts/build-layer.sh (artifacts/layer/arm64) and scripts/install-prerequisites.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

launcher="$root/artifacts/layer/arm64/extensions/fis-extension"
binary="$root/artifacts/layer/arm64/aws-fis/fis-extension"
sysroot=/usr/aarch64-linux-gnu
command -v qemu-aarch64-static >/dev/null || { echo "check-arm64: qemu-aarch64-static is missing: run scripts/install-prerequisites.sh" >&2; exit 1; }
for file in "$launcher" "$binary"; do
  [ -x "$file" ] || { echo "check-arm64: $file is missing: run scripts/build-layer.sh" >&2; exit 1; }
  [ "$(od -An -tu2 -j18 -N2 "$file" | tr -d " ")" = 183 ] || { echo "check-arm64: $file is not an arm64 executable" >&2; exit 1; }
done

dotnet build src/FisExtension.Emulator -c Release -v q -nologo >/dev/null
emulator="$root/artifacts/bin/FisExtension.Emulator/release/fis-emulator"

work=$(mktemp -d /tmp/fis-arm64-check.XXXXXX)
emulator_pid=
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The layer as /opt, both binaries run under qemu: Lambda starts every file in extensions/, here the arm64 launcher
# under emulation; it binds the port, registers as fis-extension (its own file name) and execs the file beside the
# layer's extensions folder, aws-fis/fis-extension. This machine has no binfmt_misc entry that would run an arm64
# file under qemu by itself, so the launcher runs from a copy of the layer whose aws-fis/fis-extension is a script
# that execs the arm64 extension under qemu; the listening socket and the handoff variables pass through both execs.
layer="$work/layer"
mkdir -p "$layer/extensions" "$layer/aws-fis"
cp "$launcher" "$layer/extensions/fis-extension"
printf '#!/bin/sh\nexec qemu-aarch64-static -L "%s" "%s"\n' "$sysroot" "$binary" > "$layer/aws-fis/fis-extension"
opt="$work/opt"
mkdir -p "$opt/extensions" "$opt/aws-fis"
cp layer/aws-fis/bootstrap "$opt/aws-fis/bootstrap"
# As in the layer: the wrapper finds the extension still starting under qemu (about 4 s) by this file.
ln -s "$binary" "$opt/aws-fis/fis-extension"
printf '#!/bin/sh\nexec qemu-aarch64-static -L "%s" "%s"\n' "$sysroot" "$layer/extensions/fis-extension" > "$opt/extensions/fis-extension"
chmod 755 "$opt/extensions/fis-extension" "$opt/aws-fis/bootstrap" "$layer/aws-fis/fis-extension"

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Starts the emulator with the arm64 layer, invokes once with $2 as the event, and leaves the answer's headers and
# body in $work/$1.headers and $work/$1.body and the log stream in $work/$1.log. $3...: extra --env settings.
invoke_once() {
  local name=$1 event=$2
  shift 2
  local env_args=()
  for setting in "$@"; do env_args+=(--env "$setting"); done
  local runtime_port invoke_port
  runtime_port=$(free_port 9301)
  invoke_port=$(free_port 8380)
  # --isolation none: this checks the arm64 binary, so the layer stays a folder given by its real path, as before the
  # emulator had namespaces. Under qemu-user inside an environment's namespaces Kestrel's start fails with ENOENT
  # (the x86_64 binary starts there; tests cover that).
  "$emulator" --name arm64-check --isolation none --task-root tests/functions/shell-runtime --opt "$opt" \
    --runtime-api-port "$runtime_port" --invoke-port "$invoke_port" --init-timeout 60 --timeout 30 \
    --env AWS_LAMBDA_EXEC_WRAPPER="$opt/aws-fis/bootstrap" \
    --env AWS_FIS_PROXY_LISTENER_PORT="$(free_port 9400)" \
    "${env_args[@]}" \
    -- "$root/tests/functions/shell-runtime/bootstrap" > "$work/$name.log" 2>&1 &
  emulator_pid=$!
  local ready=0
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$invoke_port/health" >/dev/null 2>&1; then ready=1; break; fi
    kill -0 "$emulator_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ "$ready" != 1 ]; then
    cat "$work/$name.log" >&2
    echo "check-arm64: the function with the arm64 extension did not initialise" >&2
    exit 1
  fi
  curl -s -D "$work/$name.headers" -o "$work/$name.body" -d "$event" \
    "http://127.0.0.1:$invoke_port/2015-03-31/functions/function/invocations"
  kill "$emulator_pid" && wait "$emulator_pid" 2>/dev/null || true
  emulator_pid=
}

fail() {
  echo "check-arm64: $1" >&2
  echo "--- log stream of $2" >&2
  cat "$work/$2.log" >&2
  exit 1
}

started=$(date +%s)

# 1. Passthrough: the handler runs and its answer comes back unchanged.
marker="$work/passthrough-runs"
: > "$marker"
event="{\"action\":\"echo\",\"markerFile\":\"$marker\",\"n\":1}"
invoke_once passthrough "$event"
grep -q "\[extension:fis-extension\] AWS FIS EXTENSION - extension enabled" "$work/passthrough.log" || fail "the arm64 extension did not start" passthrough
grep -q "\[extension:fis-extension\] AWS FIS EXTENSION - proxy listening" "$work/passthrough.log" || fail "the arm64 extension's proxy did not listen" passthrough
grep -q "\[extension:fis-extension\] AWS FIS EXTENSION - registered as fis-extension" "$work/passthrough.log" || fail "the arm64 extension did not register" passthrough
! grep -q "no fault is injected; deploy the whole layer" "$work/passthrough.log" || fail "the arm64 launcher did not start the extension" passthrough
[ "$(cat "$work/passthrough.body")" = "$event" ] || fail "passthrough answered '$(cat "$work/passthrough.body")', not the event" passthrough
[ "$(wc -l < "$marker")" -eq 1 ] || fail "the handler did not run once" passthrough
! grep -qi '^X-Amz-Function-Error' "$work/passthrough.headers" || fail "passthrough answered with a function error" passthrough

# 2. One fault from a local folder: an invocation error that prevents execution.
config="$work/config"
mkdir -p "$config/arm64-check"
now=$(date +%s)
cat > "$config/arm64-check/EXParm64-fail.json" <<JSON
{"schemaVersion":1,"experimentId":"EXParm64","actionName":"fail","actionId":"aws:lambda:invocation-error","startTime":"$(date -u -d "@$((now - 60))" +%Y-%m-%dT%H:%M:%SZ)","endTime":"$(date -u -d "@$((now + 600))" +%Y-%m-%dT%H:%M:%SZ)","parameters":{"preventExecution":"true","invocationPercentage":"100"}}
JSON
marker="$work/fault-runs"
: > "$marker"
invoke_once fault "{\"action\":\"echo\",\"markerFile\":\"$marker\",\"n\":2}" \
  AWS_FIS_CONFIGURATION_LOCATION="$config/" AWS_FIS_POLL_MAX_WAIT_MILLISECONDS=20000
grep -qi '^X-Amz-Function-Error: Unhandled' "$work/fault.headers" || fail "the fault did not fail the invocation" fault
grep -q '"errorType":"FisInjectedError"' "$work/fault.body" || fail "the error is not FisInjectedError: $(cat "$work/fault.body")" fault
[ "$(wc -l < "$marker")" -eq 0 ] || fail "the handler ran although the fault prevents execution" fault

echo "check-arm64: arm64 extension under qemu: passthrough ok, invocation-error fault ok ($(( $(date +%s) - started )) s)"
