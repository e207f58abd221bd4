#!/usr/bin/env bash
# The main job: a local Lambda (fis-emulator) running a sample Node.js function through the official runtime
# interface client, with the FIS extension attached as a layer and faults injected from a local configuration
# folder. The faults are written up front with staggered windows, so one run shows, invocation by invocation:
#   steady state -> start delay -> invocation error (handler not run) -> synthetic HTTP 503 -> recovery.
# Options (environment): PHASE_SECONDS (default 6), INTERVAL_SECONDS between invocations (default 0.5),
# KEEP=1 keeps the work folder (configuration, logs) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
phase=${PHASE_SECONDS:-6}
interval=${INTERVAL_SECONDS:-0.5}

echo "== Preparing (first run: installs, NativeAOT publish and builds take a few minutes)"
bash scripts/install-prerequisites.sh
bash scripts/build-layer.sh >/dev/null
dotnet build src/FisExtension.Emulator -c Release -v q -nologo >/dev/null
emulator="$root/artifacts/bin/FisExtension.Emulator/release/fis-emulator"
layer="$root/artifacts/layer/x86_64"

work=$(mktemp -d /tmp/fis-local-run.XXXXXX)
config="$work/fis-config"
function_name=orders-api
mkdir -p "$config/$function_name"
marker="$work/handler-runs"
: > "$marker"
emulator_log="$work/emulator.log"

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
runtime_port=$(free_port 9001)
invoke_port=$(free_port 8080)
proxy_port=$(free_port 9100)

# --- The fault configuration: one schema-v1 object per action, as FIS (or fisctl) writes them.
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
now=$(date +%s)
t0=$((now + 3))   # the first invocations come a moment after init
write_fault() { # name action-id start end parameters-json
  cat > "$config/$function_name/EXPlocal1-$1.json" <<JSON
{"schemaVersion":1,"experimentId":"EXPlocal1","actionName":"$1","actionId":"$2","startTime":"$(iso "$3")","endTime":"$(iso "$4")","parameters":$5}
JSON
}
write_fault slow aws:lambda:invocation-add-delay $((t0 + phase)) $((t0 + 2 * phase)) '{"invocationPercentage":"100","startupDelayMilliseconds":"800"}'
write_fault fail aws:lambda:invocation-error $((t0 + 2 * phase)) $((t0 + 3 * phase)) '{"invocationPercentage":"100","preventExecution":"true"}'
write_fault unavailable aws:lambda:invocation-http-integration-response $((t0 + 3 * phase)) $((t0 + 4 * phase)) \
  '{"invocationPercentage":"100","preventExecution":"true","statusCode":"503","contentTypeHeader":"application/json"}'
echo "== Fault configuration in $config/$function_name/"
for f in "$config/$function_name"/*.json; do echo "   $(basename "$f"): $(cat "$f")"; done

# --- The local Lambda: the emulator, the layer as /opt, the wrapper, the sample function.
"$emulator" --name "$function_name" --handler index.handler --timeout 3 \
  --task-root tests/functions/orders-api --opt "$layer" \
  --runtime-api-port "$runtime_port" --invoke-port "$invoke_port" \
  --env AWS_LAMBDA_EXEC_WRAPPER="$layer/aws-fis/bootstrap" \
  --env AWS_FIS_CONFIGURATION_LOCATION="$config/" \
  --env AWS_FIS_PROXY_LISTENER_PORT="$proxy_port" \
  --env AWS_FIS_HOT_POLL_INTERVAL_SECONDS=1 \
  --env AWS_FIS_POLL_MAX_WAIT_MILLISECONDS=500 \
  --env AWS_FIS_EXTENSION_METRICS=all \
  --env HANDLER_MARKER_FILE="$marker" \
  -- "$root/tests/functions/node_modules/.bin/aws-lambda-ric" > "$emulator_log" 2>&1 &
emulator_pid=$!
cleanup() {
  kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$invoke_port/health" >/dev/null 2>&1 && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$emulator_log"; echo "the emulator stopped" >&2; exit 1; }
  sleep 0.1
done
echo "== Local Lambda ready: invoke endpoint http://127.0.0.1:$invoke_port/2015-03-31/functions/function/invocations"

# --- Invoke through every phase and show what each caller saw.
phase_of() {
  local t=$1
  if   [ "$t" -lt $((t0 + phase)) ]; then echo "steady state"
  elif [ "$t" -lt $((t0 + 2 * phase)) ]; then echo "delay 800 ms"
  elif [ "$t" -lt $((t0 + 3 * phase)) ]; then echo "error, no run"
  elif [ "$t" -lt $((t0 + 4 * phase)) ]; then echo "HTTP 503"
  else echo "recovery"; fi
}
while [ "$(date +%s)" -lt "$t0" ]; do sleep 0.1; done
printf '\n%-7s %-14s %-9s %-10s %-12s %s\n' "t (s)" "window" "ms" "handler" "X-Amz-F-E" "response"
end=$((t0 + 5 * phase))
while [ "$(date +%s)" -lt "$end" ]; do
  runs_before=$(wc -l < "$marker")
  start=$(date +%s%N)
  headers=$(mktemp)
  body=$(curl -s -D "$headers" -d @tests/functions/orders-api/api-gateway-event.json \
    "http://127.0.0.1:$invoke_port/2015-03-31/functions/function/invocations" 2>/dev/null || echo '(no answer)')
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  function_error=$(grep -i '^X-Amz-Function-Error:' "$headers" | tr -d '\r' | cut -d' ' -f2 || true)
  rm -f "$headers"
  ran=$([ "$(wc -l < "$marker")" -gt "$runs_before" ] && echo ran || echo "not run")
  printf '%-7s %-14s %-9s %-10s %-12s %s\n' "$(( $(date +%s) - t0 ))" "$(phase_of "$(date +%s)")" "$ms" "$ran" \
    "${function_error:--}" "$(echo "$body" | tr -d '\n' | cut -c1-90)"
  sleep "$interval"
done

echo
echo "== What the extension said (from the function's log stream)"
grep -E "AWS FIS EXTENSION - (extension enabled|found active|adding|injecting|returning|modifying|no active)" "$emulator_log" \
  | sed 's/^/   /' | awk '!seen[$0]++' | head -40
echo
echo "== Metrics (CloudWatch Embedded Metric Format lines, counted by FaultId)"
grep -o '"FaultId":"[^"]*","Invocation":"[^"]*","FaultInjected":1' "$emulator_log" | cut -d'"' -f4 | sort | uniq -c | sed 's/^/   FaultInjected /'
echo
echo "== The last REPORT lines"
grep '^REPORT' "$emulator_log" | tail -3 | sed 's/^/   /'
