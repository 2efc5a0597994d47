-- wrk script: POSTs WeChat text messages, each with its own MsgId so none is taken for a retry, and each
-- signed with its own nonce (WECHAT_TOKEN from load-test.sh), as WeChat sends them: the product accepts a
-- signed URL for one message only.
-- With QUESTIONS=unseen each question's text is new (the counter in trailing ?s and !s, which the search
-- drops), so no message reuses a search result the product kept.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
dofile(os.getenv("LOAD_DIR") .. "/wechat-sign.lua")

local token = os.getenv("WECHAT_TOKEN")

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
  local nonce = string.format("%s%02d%09d", run, id, counter)
  return wrk.format("POST", wrk.path .. "?" .. signed_query(token, nonce), { ["Content-Type"] = "text/xml" }, body)
end
