-- wrk script: POSTs chat questions as JSON, spread over 1,000 web users and ten real questions.
local questions = { "住院要交押金吗", "慢病证明在哪办", "起付线是多少", "家庭医生管啥", "大病保险怎么报",
  "兜底是啥意思", "俺娘住院能报多少", "一站式结算是什么", "转诊要办什么手续", "白内障手术免费吗" }
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  counter = 0
  failures = 0
end

function request()
  counter = counter + 1
  local body = string.format('{"userId":"load-%d-%04d","text":"%s"}', id, counter % 1000, questions[counter % #questions + 1])
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, body)
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
