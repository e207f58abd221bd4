#!/usr/bin/env bash
# Publishes fis-extension NativeAOT and writes the Lambda layer zip:
#   artifacts/layer/fis-extension-<arch>.zip = extensions/fis-extension + aws-fis/bootstrap
# Any trim or AOT warning fails the build. ARCH=x86_64 (default) or arm64.
set -euo pipefail
cd "$(dirname "$0")/.."

arch="${ARCH:-x86_64}"
case "$arch" in
  x86_64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "ARCH must be x86_64 or arm64, not '$arch'" >&2; exit 2 ;;
esac

mkdir -p artifacts
log="artifacts/publish-$rid.log"
if ! dotnet publish src/FisExtension/FisExtension.csproj -c Release -r "$rid" -p:TreatWarningsAsErrors=true >"$log" 2>&1; then
  cat "$log" >&2
  echo "publish failed (log: $log)" >&2
  exit 1
fi
if grep -E "warning (IL|CS|NU|AOT)[0-9]+" "$log" >&2; then
  echo "publish printed warnings: the extension must publish free of trim and AOT warnings" >&2
  exit 1
fi

publish="artifacts/publish/FisExtension/release_$rid"
stage="artifacts/layer/$arch"  # the unpacked layer: what Lambda puts in /opt
rm -rf "$stage"
mkdir -p "$stage/extensions" "$stage/aws-fis"
cp "$publish/fis-extension" "$stage/extensions/fis-extension"
cp layer/aws-fis/bootstrap "$stage/aws-fis/bootstrap"
chmod 755 "$stage/extensions/fis-extension" "$stage/aws-fis/bootstrap"

zip_path="$PWD/artifacts/layer/fis-extension-$arch.zip"
rm -f "$zip_path"
(cd "$stage" && zip -q -X -r "$zip_path" extensions aws-fis)
echo "layer: $zip_path ($(stat -c %s "$zip_path") bytes; extension $(stat -c %s "$stage/extensions/fis-extension") bytes)"
