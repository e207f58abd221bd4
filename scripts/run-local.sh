#!/usr/bin/env bash
# The main job: the talk's demo end to end on one machine. A local serverless stack (fis-emulator --stack): the
# orders API, four Lambda functions behind an HTTP API, three of them tagged FISExperimentReady=Yes, each with the
# FIS extension attached as a layer. fisctl then runs the talk's two experiment templates against the tagged
# functions, with load through the front door before, during and after each (steady state, experiment, recovery):
#   1. every invocation starts 2 s late;  2. half of the invocations fail without running the handler.
# It ends with what callers saw, per function, and where the reports (Markdown, HTML, JSON, PNG chart) are.
# Options (environment): RATE requests/s (default 5), REPORTS folder (default artifacts/local-run/<time>),
# KEEP=1 keeps the stack's work folder (fault configuration, order table) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stack_dir=tests/functions/orders-stack
rate=${RATE:-5}
reports=${REPORTS:-artifacts/local-run/$(date -u +%Y%m%dT%H%M%SZ)}
started_at=$(date +%s)

# The stack gives each execution environment its own network and mount namespaces, so that the layer is at /opt and
# stack.json can say AWS_LAMBDA_EXEC_WRAPPER=/opt/aws-fis/bootstrap as a real function does: as root, or as any user
# where the machine allows unprivileged user namespaces (fis-emulator --isolation namespaces says which, exit 2).
# Installing missing packages (step 1) needs root; a machine that has them all runs as any user.

step() { printf '\n== [%s s] %s\n' "$(( $(date +%s) - started_at ))" "$*"; }

step "1/7 Installing what this machine lacks (a fresh machine: apt and npm packages, a few minutes)"
bash scripts/install-prerequisites.sh

step "2/7 Building the extension layer (NativeAOT, x86_64), fis-emulator and fisctl"
ARCH=x86_64 bash scripts/build-layer.sh
dotnet build src/FisExtension.Emulator -c Release -v q -nologo -clp:ErrorsOnly
dotnet build src/FisExtension.Experiments -c Release -v q -nologo -clp:ErrorsOnly
emulator="$root/artifacts/bin/FisExtension.Emulator/release/fis-emulator"
fisctl="$root/artifacts/bin/FisExtension.Experiments/release/fisctl"

# The stack's functions keep their order table and read their fault configuration under /tmp/fis-orders
# (stack.json): start from empty ones, so every run shows the same thing.
work=/tmp/fis-orders
rm -rf "$work"
mkdir -p "$work/fis-configuration" "$work/table" "$reports"
stack_log="$reports/stack.log"
export FISCTL_STATE_DIR="$work/fisctl-state"

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
lambda_port=$(free_port 8080)
http_port=$(free_port 3000)
lambda_api="http://127.0.0.1:$lambda_port"
front_door="http://127.0.0.1:$http_port"

step "3/7 Starting the orders stack: $stack_dir/stack.json"
"$emulator" --stack "$stack_dir/stack.json" --invoke-port "$lambda_port" --http-port "$http_port" --isolation namespaces \
  >"$stack_log" 2>&1 &
emulator_pid=$!
cleanup() {
  kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -sf "$lambda_api/2015-03-31/functions/" >/dev/null 2>&1 && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    code=0; wait "$emulator_pid" || code=$?
    cat "$stack_log" >&2
    echo "fis-emulator stopped (exit $code)" >&2
    [ "$code" = 2 ] && exit 2 || exit 1
  fi
  sleep 0.1
done
sed -n '1,/^\[/p' "$stack_log" | grep -v '^\[' | sed 's/^/   /'
echo "   functions and their tags, as fisctl finds them through Lambda's API:"
curl -s "$lambda_api/2015-03-31/functions/" | node -e '
  const { Functions } = JSON.parse(require("fs").readFileSync(0, "utf8"));
  for (const f of Functions) console.log(`     ${f.FunctionName.padEnd(14)} ${f.FunctionArn}`);'
for name in orders-create orders-get orders-list orders-delete; do
  printf '     %-14s tags %s\n' "$name" "$(curl -s "$lambda_api/2017-03-31/tags/arn:aws:lambda:us-east-1:123456789012:function:$name")"
done

step "4/7 Creating orders through the front door, and one call per route (each environment's cold start)"
call() { # method path [body]: prints status, time and body as a caller sees them
  local out
  out=$(curl -s -X "$1" -o /dev/stdout -w '\n%{http_code} %{time_total}' ${3:+-d "$3"} "$front_door$2")
  printf '   %-6s %-44s -> %s in %ss  %s\n' "$1" "$2" "$(tail -1 <<<"$out" | cut -d' ' -f1)" \
    "$(tail -1 <<<"$out" | cut -d' ' -f2)" "$(head -1 <<<"$out" | cut -c1-70)"
}
order_id() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).id)'; }
for item in coffee tea cake; do call POST /orders "{\"item\":\"$item\",\"quantity\":2}"; done
kept=$(curl -s -X POST -d '{"item":"espresso"}' "$front_door/orders" | order_id)
gone=$(curl -s -X POST -d '{"item":"scone"}' "$front_door/orders" | order_id)
call GET /orders
call GET "/orders/$kept"
call DELETE "/orders/$gone"
call GET "/orders/$gone"

# One experiment: fisctl reads the template, finds the tagged functions through the Lambda API, drives load
# through the front door (the list route: a tagged function; one order's route: the untagged orders-get) and
# writes the report. Its exit code 3 (a hypothesis did not hold) is a result to show, not a failure of the demo.
experiment() { # name template hypotheses...
  local name=$1 template=$2
  shift 2
  local hypotheses=()
  for h in "$@"; do hypotheses+=(--hypothesis "$h"); done
  local code=0
  "$fisctl" run "$stack_dir/experiments/$template" --endpoint "$lambda_api" \
    --url "$front_door/orders" --url "$front_door/orders/$kept" --rate "$rate" \
    --report "$reports/$name/" "${hypotheses[@]}" || code=$?
  case $code in
    0 | 3) ;;
    *) echo "fisctl run exited $code" >&2; exit "$code" ;;
  esac
}

step "5/7 Experiment 1 of 2: a 2 s start delay on every invocation of the tagged functions (fisctl run)"
experiment start-delay start-delay.json "experiment.p99 < 3000ms" "recovery.p99 < 1000ms"

step "6/7 Experiment 2 of 2: invocation errors, half of the invocations, handler not run (fisctl run)"
experiment invocation-errors invocation-errors.json "experiment.errorRate < 50%" "recovery.errorRate < 1%"

step "7/7 What callers saw"
for name in start-delay invocation-errors; do
  echo
  echo "   $name ($reports/$name/report.md):"
  # The per-window rows of the report's table, one per window and route: window, route, requests, errors,
  # p50/p99 and outcomes.
  grep -E '^\| (steady|experiment|recovery) ' "$reports/$name/report.md" | awk -F'|' -v base="$front_door" '{
      route = $5; gsub(/ /, "", route); sub(base, "", route)
      if (route == "all") route = "(all routes)"
      else if (route == "/orders") route = "GET /orders       orders-list, tagged"
      else route = "GET /orders/{id}  orders-get, not tagged"
      printf "     %-11s %-40s %4d requests %4d errors  p50 %8s ms  p99 %8s ms  %s\n", $2, route, $6, $7, $9, $11, $12
    }' | sed 's/  *$//'
  grep -E '^- `' "$reports/$name/report.md" | sed 's/^- /     hypothesis /'
  grep -E '^\| [a-z-]+ \| 20' "$reports/$name/report.md" | grep -v -E '^\| (steady|experiment|recovery) ' | awk -F'|' '{
      for (i = 2; i <= 8; i++) gsub(/^ +| +$/, "", $i)
      printf "     action %s: %s requests affected, pickup lag %s ms, release lag %s ms\n", $2, $6, $7, $8 }'
done
echo
echo "   execution environments opened (each with its own FIS extension and its own polls):"
grep -o '^\[orders-[a-z]*#[0-9]*\]' "$stack_log" | sort -u | sed 's/#.*//; s/\[//' | sort | uniq -c \
  | awk '{ printf "     %-14s %d\n", $2, $1 }'
echo "   faults injected, from the extensions' FaultInjected metrics:"
grep -o '"FaultId":"[^"]*","Invocation":"[^"]*","FaultInjected":1' "$stack_log" | cut -d'"' -f8 | sort | uniq -c \
  | awk '{ printf "     %-14s %d\n", $2, $1 }'
echo
echo "Reports: $reports/{start-delay,invocation-errors}/ (report.md, report.html, report.json, timeline.png);"
echo "the stack's log: $stack_log. Done in $(( $(date +%s) - started_at )) s."
