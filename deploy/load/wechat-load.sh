#!/usr/bin/env bash
# Load test of the WeChat endpoint.
#
#   deploy/load/wechat-load.sh [BASE_URL]
#
# BASE_URL is the product (its POST /wechat is loaded); without it, or with "local", the script starts the
# stand-in host (deploy/load/WeChatLoad: MapWeChat, echo bot, SQLite) and loads that. Either way it also
# loads a bare endpoint answering a fixed passive reply (the stand-in host's POST /bare), as the floor.
# Runs: saturation with wrk at 50 and 200 connections, then 1,000 msg/s at a constant rate (WeChatLoad rate).
#
# Environment: WECHAT_TOKEN (the product's WeChat:Token, default loadtoken), DURATION (seconds per run,
# default 15, at most 120), RATE (default 1000), WECHAT_LOAD_POSTGRES (a connection string: the stand-in
# host then uses PostgreSQL instead of a SQLite file). Only loopback targets unless WECHAT_LOAD_ALLOW_REMOTE=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="${1:-local}"
token="${WECHAT_TOKEN:-loadtoken}"
duration="${DURATION:-15}"; (( duration > 120 )) && duration=120
rate="${RATE:-1000}"
local_url="http://127.0.0.1:${WECHAT_LOAD_PORT:-5080}"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
host_of() { sed -E 's#^[a-z]+://(\[[^]]*\]|[^:/]+).*#\1#' <<<"$1"; }
if [[ "$base" != local && "${WECHAT_LOAD_ALLOW_REMOTE:-0}" != 1 ]]; then
  case "$(host_of "$base")" in
    localhost|127.*|\[::1\]) ;;
    *) echo "refusing to load $(host_of "$base"): not loopback (set WECHAT_LOAD_ALLOW_REMOTE=1 for your own staging host)" >&2; exit 2 ;;
  esac
fi

tool_dir="$(mktemp -d)"
dotnet build "$here/WeChatLoad/WeChatLoad.csproj" -c Release -o "$tool_dir" -v quiet -nologo >/dev/null
tool=("dotnet" "$tool_dir/WeChatLoad.dll")

host_pid=""
cleanup() { [[ -n "$host_pid" ]] && kill "$host_pid" 2>/dev/null; rm -rf "$tool_dir"; }
trap cleanup EXIT
host_args=(host --urls "$local_url" --token "$token")
[[ -n "${WECHAT_LOAD_POSTGRES:-}" ]] && host_args+=(--postgres "$WECHAT_LOAD_POSTGRES")
"${tool[@]}" "${host_args[@]}" &
host_pid=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "$local_url/bare" -X POST && break; sleep 0.5; done
[[ "$base" == local ]] && base="$local_url"

timestamp=$(date +%s); nonce=$RANDOM$RANDOM
signature=$(printf '%s\n' "$token" "$timestamp" "$nonce" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
query="signature=$signature&timestamp=$timestamp&nonce=$nonce"
export WECHAT_LOAD_RUN=$(( timestamp % 100000 ))

saturate() { # name url connections
  echo "== $1, $3 connections, ${duration}s"
  WECHAT_LOAD_RUN=$(( WECHAT_LOAD_RUN + 1 )) wrk -t2 -c"$3" -d"${duration}s" --timeout 10s -s "$here/wechat-signed.lua" "$2" \
    | grep -E "Requests/sec|non-200|latency ms|Socket errors"
  export WECHAT_LOAD_RUN=$(( WECHAT_LOAD_RUN + 1 ))
}

saturate "POST /wechat" "$base/wechat?$query" 50
saturate "POST /wechat" "$base/wechat?$query" 200
saturate "bare fixed reply" "$local_url/bare?$query" 50
saturate "bare fixed reply" "$local_url/bare?$query" 200
echo "== POST /wechat at a constant $rate msg/s, ${duration}s"
"${tool[@]}" rate --url "$base/wechat" --token "$token" --rate "$rate" --seconds "$duration" || true
