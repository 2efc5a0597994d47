-- wrk script: POSTs WeChat text messages, each with its own MsgId so none is taken for a retry.
-- The query string (signature, timestamp, nonce) is signed once by load-test.sh: WeChat signs only
-- token + timestamp + nonce, not the body, in plaintext mode.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

function request()
  counter = counter + 1
  local body = string.format(
    "<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[oLoadUser%04d]]></FromUserName>" ..
    "<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[起付线是多少]]></Content>" ..
    "<MsgId>%s%02d%09d</MsgId></xml>",
    counter % 1000, os.time(), run, id, counter)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "text/xml" }, body)
end
