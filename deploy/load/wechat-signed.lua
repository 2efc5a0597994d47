-- wrk script: POSTs WeChat text messages, each with its own MsgId so none is taken for a retry.
-- The query string (signature, timestamp, nonce) is signed once by wechat-load.sh: WeChat signs only
-- token + timestamp + nonce, not the body, in plaintext mode.
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

function request()
  counter = counter + 1
  local body = string.format(
    "<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[oLoadUser%04d]]></FromUserName>" ..
    "<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[起付线是多少]]></Content>" ..
    "<MsgId>%s%02d%09d</MsgId></xml>",
    counter % 1000, os.time(), run, id, counter)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "text/xml" }, body)
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
