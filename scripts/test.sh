#!/usr/bin/env bash
# The whole test run, as CI does it: install what a fresh machine lacks, publish the extension NativeAOT for x86_64
# and arm64 (any trim or AOT warning fails it), build the layers, check that every shipped binary loads on Amazon
# Linux 2, run every test project, then run the arm64 extension under qemu-user.
set -euo pipefail
cd "$(dirname "$0")/.."

phase_started=$(date +%s)
timings=()
timed() { timings+=("$1 $(( $(date +%s) - phase_started )) s"); phase_started=$(date +%s); }

bash scripts/install-prerequisites.sh
timed prerequisites
bash scripts/build-layer.sh
timed "publish and layers"
bash scripts/check-glibc.sh
mkdir -p artifacts
status=0
dotnet test FisExtension.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee artifacts/test-output.txt || status=$?
timed "test projects"
bash scripts/check-arm64.sh || status=1
timed "arm64 under qemu"
echo "ci timings: ${timings[*]}"

# --- Fuzzing (its own step): the fault object parser and the location parser, 1,000,000 generated cases each,
# no exception may escape. The ordinary run above uses a small count; FIS_FUZZ_CASES raises it here.
fuzz_status=0
FIS_FUZZ_CASES=1000000 dotnet test tests/FisExtension.Tests -c Release --no-build --filter "Category=Fuzz" \
  --logger "console;verbosity=detailed" > artifacts/fuzz-output.txt 2>&1 || fuzz_status=$?
grep -E "^\s*fuzz .*cases in|Failed |Error Message" artifacts/fuzz-output.txt || true
echo "fuzz: exit $fuzz_status (full output: artifacts/fuzz-output.txt)"
if [ "$fuzz_status" -ne 0 ] && [ "$status" -eq 0 ]; then status=$fuzz_status; fi
# --- end of fuzzing

# The failures again at the very end, so that the tail of the log (all CI keeps) names them.
if grep -qE "^\s+Failed [A-Za-z]" artifacts/test-output.txt; then
  echo "failed tests (full output: artifacts/test-output.txt):"
  # Each failure's name, message and the first stack frame that names a file and line, so that a bare
  # "Assert.True() Failure" still says which assertion it was.
  awk '/^  Failed [A-Za-z]/ { on = 1; frame = 0; print; next }
       on && /^  (Passed|Failed|Skipped) / { on = 0 }
       on && /^  Stack Trace:/ { frame = 1; next }
       on && frame && /:line [0-9]+/ { print; on = 0; next }
       on && !frame { print }' artifacts/test-output.txt | cut -c1-400 | head -120
fi

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
