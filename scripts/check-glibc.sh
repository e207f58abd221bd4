#!/usr/bin/env bash
# Every shipped binary must load on Amazon Linux 2, whose glibc is 2.26: no dynamic symbol may need a newer
# GLIBC_x.y version. Reads each layer's launcher and extension with objdump -T; fails naming the binary and its highest version.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=2.26

binaries=(artifacts/layer/*/extensions/fis-extension artifacts/layer/*/aws-fis/fis-extension)
[ -e "${binaries[0]}" ] || { echo "check-glibc: no layer built: run scripts/build-layer.sh" >&2; exit 1; }
status=0
for binary in "${binaries[@]}"; do
  highest=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
  if [ -z "$highest" ]; then
    echo "check-glibc: $binary: objdump -T found no GLIBC version" >&2
    status=1
  elif [ "$(printf '%s\n%s\n' "$highest" "$limit" | sort -V | tail -n 1)" != "$limit" ]; then
    echo "check-glibc: $binary needs GLIBC_$highest, above Amazon Linux 2's $limit" >&2
    status=1
  else
    echo "check-glibc: $binary needs at most GLIBC_$highest (limit $limit)"
  fi
done
exit "$status"
