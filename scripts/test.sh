#!/usr/bin/env bash
# The whole test run, as CI does it: install what a fresh machine lacks, publish the extension NativeAOT
# (any trim or AOT warning fails it), build the layer, then run every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-prerequisites.sh
bash scripts/build-layer.sh
mkdir -p artifacts
status=0
dotnet test FisExtension.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee artifacts/test-output.txt || status=$?

# --- Fuzzing (its own step): the fault object parser and the location parser, 1,000,000 generated cases each,
# no exception may escape. The ordinary run above uses a small count; FIS_FUZZ_CASES raises it here.
fuzz_status=0
FIS_FUZZ_CASES=1000000 dotnet test tests/FisExtension.Tests -c Release --no-build --filter "Category=Fuzz" \
  --logger "console;verbosity=detailed" > artifacts/fuzz-output.txt 2>&1 || fuzz_status=$?
grep -E "^\s*fuzz .*cases in|Failed |Error Message" artifacts/fuzz-output.txt || true
echo "fuzz: exit $fuzz_status (full output: artifacts/fuzz-output.txt)"
if [ "$fuzz_status" -ne 0 ] && [ "$status" -eq 0 ]; then status=$fuzz_status; fi
# --- end of fuzzing

# One closing line over every test project, in the plain form CI reads.
count() { { grep -E "^\s+$1:\s+[0-9]+" artifacts/test-output.txt || true; } | awk '{s += $2} END {print s + 0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
