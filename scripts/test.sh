#!/usr/bin/env bash
# The whole test run, as CI does it: install what a fresh machine lacks, publish the extension NativeAOT
# (any trim or AOT warning fails it), build the layer, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-prerequisites.sh
bash scripts/build-layer.sh
dotnet test FisExtension.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee artifacts/test-output.txt
