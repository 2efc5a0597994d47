#!/usr/bin/env bash
# Load run of the real product on this machine (loopback only).
#
#   deploy/load/load-test.sh [chat|wechat|all] [BASE_URL]
#   deploy/load/load-test.sh drain
#
# Without BASE_URL the script builds the product in Release and starts it on 127.0.0.1:5180 with a fresh
# SQLite data folder (or PostgreSQL when LOAD_POSTGRES holds a connection string), the WeChat token
# "loadtoken" and the bare fixed-reply endpoints on (Diagnostics:BareEndpoints). For each endpoint, in the
# same run: wrk at saturation with 50 and 200 connections against the real endpoint and its bare twin, and
# a constant offered load (LoadRunner, open loop) against the bare twin (the floor of the measurement on
# this machine) and the real endpoint: 500/s for /api/chat, 1,000/s for /wechat in plaintext and in safe
# mode (the account runs in compatible mode, which takes both). WeChat's constant-rate runs come before its
# saturation runs.
# drain: /wechat (plaintext) at each constant rate of WECHAT_RATES, once alone and once while a campaign drains in
# the same product: one village of DRAIN_RECIPIENTS members with a phone only and one approved message to all of them,
# put into the outbox by the product's own send worker and paused; it is resumed for each drain run and paused after
# it, and the rows the sender handed to the SMS outbox (gateway Outbox) in that time are reported against the
# configured DRAIN_SMS_RATE. Needs the product this script starts (no BASE_URL) and, with LOAD_POSTGRES, an empty database.
# Environment: DURATION seconds per run (default 15, at most 120), CHAT_RATE, WECHAT_RATE; for drain WECHAT_RATES
# (default "300 500 1000"), DRAIN_SMS_RATE (default 50, the product's own), DRAIN_RECIPIENTS (default: enough for all runs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export LOAD_DIR="$here"
root="$(cd "$here/../.." && pwd)"
suite="${1:-all}"
base="${2:-}"
duration="${DURATION:-15}"; (( duration > 120 )) && duration=120
token=loadtoken
appid=wxload0000000000
# A made-up EncodingAESKey (43 characters) for the safe-mode run; a BASE_URL product must use the same.
aes_key="${WECHAT_AES_KEY:-LoadTestEncodingAesKey0123456789abcdefghijk}"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[[ "$suite" == drain && -n "$base" ]] && { echo "drain seeds the database of the product this script starts: no BASE_URL" >&2; exit 2; }
drain_sms_rate="${DRAIN_SMS_RATE:-50}"
if [[ -n "$base" ]]; then
  case "$(sed -E 's#^[a-z]+://(\[[^]]*\]|[^:/]+).*#\1#' <<<"$base")" in
    localhost|127.*|\[::1\]) ;;
    *) echo "refusing to load a host that is not loopback" >&2; exit 2 ;;
  esac
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && ! kill -0 "$server_pid" 2>/dev/null; then
    echo "the product stopped during the run; its log ends with:"; tail -40 "$work/product.log"
  fi
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$here/LoadRunner/LoadRunner.csproj" -c Release -o "$work/runner" -v quiet -nologo >/dev/null
runner=(dotnet "$work/runner/LoadRunner.dll")

if [[ -z "$base" ]]; then
  base="http://127.0.0.1:5180"
  dotnet build "$root/src/PolicyAssistant.Web/PolicyAssistant.Web.csproj" -c Release -o "$work/product" -v quiet -nologo >/dev/null
  # The database and personal-data key as the product reads them; drain's seeder reads the same variables.
  database=(Storage__Provider=Sqlite "ConnectionStrings__Default=Data Source=$work/data/policyassistant.db")
  [[ -n "${LOAD_POSTGRES:-}" ]] && database=(Storage__Provider=PostgreSql "ConnectionStrings__Default=$LOAD_POSTGRES")
  database+=("Households__PersonalDataKey=$(head -c 32 /dev/urandom | base64)")
  (cd "$work/product" && exec env ASPNETCORE_ENVIRONMENT=Production Urls="$base" "${database[@]}" \
    Storage__DataFolder="$work/data" Storage__ContentFolder="$root/content" \
    Sms__Provider=Outbox Campaigns__SmsRatePerSecond="$drain_sms_rate" \
    WeChat__Token="$token" WeChat__AppId="$appid" WeChat__EncodingAesKey="$aes_key" WeChat__Mode=Compatible \
    Diagnostics__BareEndpoints=true RateLimits__Enabled=false \
    Logging__LogLevel__Default=Warning dotnet PolicyAssistant.Web.dll > "$work/product.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.5; done
  curl -sf -o /dev/null "$base/healthz" || { echo "the product did not start:"; cat "$work/product.log"; exit 1; }
fi

# Warm-up, not reported: the first seconds of load are spent in the JIT (tier-0 code, then tier-1 with
# dynamic PGO), which says nothing about a server that runs for days.
echo "warming up for ${WARMUP:-20}s"
wrk -t2 -c100 -d"${WARMUP:-20}s" -s "$here/chat.lua" "$base/api/chat" > /dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_ticks() { [[ -n "$server_pid" ]] && awk '{ print $14 + $15 }' "/proc/$server_pid/stat" || echo 0; }
saturate() { # title url script connections
  echo "== $1, $4 connections, ${duration}s"
  local before out requests
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$4" -d"${duration}s" --timeout 10s -s "$here/$3" "$2")
  grep -E "Requests/sec|non-200|latency ms|Socket errors" <<<"$out"
  # CPU the product spent per request: a figure that holds when other processes share the machine.
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  [[ -n "$server_pid" && "$requests" -gt 0 ]] && awk -v t=$(( $(cpu_ticks) - before )) -v r="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "product CPU per request: %.3f ms\n", t / hz * 1000 / r }'
  return 0
}

if [[ "$suite" == chat || "$suite" == all ]]; then
  curl -sf -o /dev/null -X POST "$base/api/chat" -H 'content-type: application/json' -d '{"userId":"warm","text":"押金"}'
  for c in 50 200; do
    saturate "POST /api/chat" "$base/api/chat" chat.lua "$c"
    saturate "bare twin POST /bare/chat" "$base/bare/chat" chat.lua "$c"
  done
  echo "== bare twin POST /bare/chat at a constant ${CHAT_RATE:-500}/s, ${duration}s"
  "${runner[@]}" rate --kind chat --url "$base/bare/chat" --rate "${CHAT_RATE:-500}" --seconds "$duration" || true
  echo "== POST /api/chat at a constant ${CHAT_RATE:-500}/s, ${duration}s"
  "${runner[@]}" rate --kind chat --url "$base/api/chat" --rate "${CHAT_RATE:-500}" --seconds "$duration" || true
fi

if [[ "$suite" == wechat || "$suite" == all ]]; then
  # wechat-signed.lua signs each request with its own nonce: the product accepts a signed URL once.
  export WECHAT_TOKEN="$token"
  export WECHAT_LOAD_RUN=$(( $(date +%s) % 100000 ))
  # The WeChat path's own warm-up, then the constant-rate runs before the saturation runs: a server just
  # driven past its capacity is still catching up (queued transcripts, a grown heap) for a while after.
  # Each constant-rate run warms up for 6 s: stepping from light load to 1,000/s leaves a backlog of up to a
  # second or two for 3-7 s (see the per-second line; its cause is not known yet), which a 3 s warm-up let
  # spill into the measured window.
  WECHAT_LOAD_RUN=$(( WECHAT_LOAD_RUN + 1 )) wrk -t2 -c50 -d10s -s "$here/wechat-signed.lua" "$base/wechat" > /dev/null
  sleep 5
  wechat_rate=(--rate "${WECHAT_RATE:-1000}" --seconds "$duration" --warmup 6)
  echo "== bare twin POST /bare/wechat at a constant ${WECHAT_RATE:-1000}/s, ${duration}s"
  "${runner[@]}" rate --kind wechat --url "$base/bare/wechat" --token "$token" "${wechat_rate[@]}" || true
  echo "== POST /wechat (plaintext) at a constant ${WECHAT_RATE:-1000}/s, ${duration}s"
  "${runner[@]}" rate --kind wechat --url "$base/wechat" --token "$token" "${wechat_rate[@]}" || true
  echo "== POST /wechat (safe mode) at a constant ${WECHAT_RATE:-1000}/s, ${duration}s"
  "${runner[@]}" rate --kind wechat-safe --url "$base/wechat" --token "$token" --aes-key "$aes_key" --appid "$appid" \
    "${wechat_rate[@]}" || true
  # The product keeps recent search results, and the runs above repeat a few questions: this run and the last
  # saturation run make every question new, to show what the search itself costs.
  echo "== POST /wechat (plaintext, every question new) at a constant ${WECHAT_RATE:-1000}/s, ${duration}s"
  "${runner[@]}" rate --kind wechat --url "$base/wechat" --token "$token" --questions unseen "${wechat_rate[@]}" || true
  for c in 50 200; do
    WECHAT_LOAD_RUN=$(( WECHAT_LOAD_RUN + c )) saturate "POST /wechat (plaintext)" "$base/wechat" wechat-signed.lua "$c"
    saturate "bare twin POST /bare/wechat" "$base/bare/wechat" wechat-signed.lua "$c"
  done
  WECHAT_LOAD_RUN=$(( WECHAT_LOAD_RUN + 7 )) QUESTIONS=unseen \
    saturate "POST /wechat (plaintext, every question new)" "$base/wechat" wechat-signed.lua 50
fi

if [[ "$suite" == drain ]]; then
  dotnet build "$root/tests/PolicyAssistant.Benchmarks/PolicyAssistant.Benchmarks.csproj" -c Release -o "$work/bench" -v quiet -nologo >/dev/null
  drain() { env "${database[@]}" dotnet "$work/bench/PolicyAssistant.Benchmarks.dll" --campaign-drain "$@"; }
  export WECHAT_TOKEN="$token"
  export WECHAT_LOAD_RUN=$(( $(date +%s) % 100000 ))
  WECHAT_LOAD_RUN=$(( WECHAT_LOAD_RUN + 1 )) wrk -t2 -c50 -d10s -s "$here/wechat-signed.lua" "$base/wechat" > /dev/null
  read -r -a rates <<<"${WECHAT_RATES:-300 500 1000}"
  # Every drain run (one per rate and one alone) takes its warm-up, its measured seconds and a few for resuming and pausing.
  recipients="${DRAIN_RECIPIENTS:-$(( drain_sms_rate * (${#rates[@]} + 1) * (duration + 15) + 1000 ))}"
  echo "seeding $recipients members with a phone only and one approved campaign message to them"
  drain seed "$recipients" > /dev/null
  sleep 5
  product_cpu() { # ticks-before started-ms: the product's CPU over the run, warm-up included, in cores
    awk -v t=$(( $(cpu_ticks) - $1 )) -v ms=$(( $(date +%s%3N) - $2 )) -v hz="$(getconf CLK_TCK)" \
      -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN { printf "product CPU over the run, warm-up included: %.2f cores; load average now %s\n", t / hz / (ms / 1000), load }'
  }
  campaign_rate() { # before after: the rows handed over between two counts of the drain tool
    read -r rows_before texts_before ms_before <<<"$1"; read -r rows_after texts_after ms_after <<<"$2"
    awk -v r=$(( rows_after - rows_before )) -v t=$(( texts_after - texts_before )) -v ms=$(( ms_after - ms_before )) -v c="$drain_sms_rate" \
      'BEGIN { printf "campaign: %d rows handed to the SMS outbox in %.1f s from its first claim after the resume to the pause: %.1f/s of %d/s configured; the SMS gateway took %d texts (%.1f/s)\n", r, ms / 1000, r / (ms / 1000), c, t, t / (ms / 1000) }'
    (( rows_after >= recipients )) && echo "warning: the campaign ran out of recipients; raise DRAIN_RECIPIENTS"
    return 0
  }
  pause() { # resumed: pauses the campaign, reports its rate and waits until the SMS gateway has caught up
    local paused; paused=$(drain pause)
    campaign_rate "$1" "$(head -1 <<<"$paused")"; tail -n +2 <<<"$paused"
  }
  echo "== the campaign draining alone for ${duration}s"
  resumed=$(drain resume); sleep "$duration"; pause "$resumed"
  sleep 3
  for rate in "${rates[@]}"; do
    wechat_rate=(--kind wechat --url "$base/wechat" --token "$token" --rate "$rate" --seconds "$duration" --warmup 6)
    echo "== POST /wechat (plaintext) at a constant ${rate}/s, ${duration}s, no campaign draining"
    started=$(date +%s%3N); before=$(cpu_ticks)
    "${runner[@]}" rate "${wechat_rate[@]}" || true
    product_cpu "$before" "$started"
    echo "== POST /wechat (plaintext) at a constant ${rate}/s, ${duration}s, while a campaign drains (SMS, configured ${drain_sms_rate}/s)"
    resumed=$(drain resume)
    started=$(date +%s%3N); before=$(cpu_ticks)
    "${runner[@]}" rate "${wechat_rate[@]}" || true
    product_cpu "$before" "$started"
    pause "$resumed"
    sleep 3
  done
  # The sender logs a failed step and waits out its poll interval: a shortfall against the configured rate shows here.
  echo "product log: $(grep -c '^fail:' "$work/product.log" || true) errors, $(grep -c '^warn:' "$work/product.log" || true) warnings"
  grep -A2 '^fail:' "$work/product.log" | head -12 || true
fi
