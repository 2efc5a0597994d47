-- wrk script: POSTs WeChat text messages, each with its own MsgId so none is taken for a retry.
-- The query string (signature, timestamp, nonce) is signed once by load-test.sh: WeChat signs only
-- token + timestamp + nonce, not the body, in plaintext mode.
-- With QUESTIONS=unseen each question's text is new (the counter in trailing ?s and !s, which the search
-- drops), so no message reuses a search result the product kept.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

local unseen = os.getenv("QUESTIONS") == "unseen"

local function marks(n)
  local text = ""
  repeat
    text = text .. (n % 2 == 1 and "!" or "?")
    n = math.floor(n / 2)
  until n == 0
  return text
end

function request()
  counter = counter + 1
  local question = "起付线是多少" .. (unseen and (marks(id) .. "|" .. marks(counter)) or "")
  local body = string.format(
    "<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[oLoadUser%04d]]></FromUserName>" ..
    "<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[%s]]></Content>" ..
    "<MsgId>%s%02d%09d</MsgId></xml>",
    counter % 1000, os.time(), question, run, id, counter)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "text/xml" }, body)
end
