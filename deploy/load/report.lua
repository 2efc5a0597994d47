-- Shared by the wrk scripts: numbers the threads, counts non-200 answers, prints percentiles.
-- Each script defines request(); load-test.sh sets LOAD_DIR so this file is found from any directory.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  run = os.getenv("WECHAT_LOAD_RUN") or "0"
  counter = 0
  failures = 0
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  io.write(string.format("non-200 responses: %d\n", failed))
  io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
