#!/usr/bin/env bash
# The release build: the Dockerfile's build stage runs exactly this, and deploy/check.sh runs it in CI,
# so what CI checks is what the image holds.
set -euo pipefail
out=${1:?usage: deploy/publish.sh OUTPUT_FOLDER}
cd "$(dirname "$0")/.."
dotnet publish src/PolicyAssistant.Web -c Release -o "$out" -p:UseAppHost=false -nologo -v quiet
test -f "$out/PolicyAssistant.Web.dll"
