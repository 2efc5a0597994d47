-- wrk script: POSTs chat questions as JSON, spread over 1,000 web users and ten real questions.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

local questions = { "住院要交押金吗", "慢病证明在哪办", "起付线是多少", "家庭医生管啥", "大病保险怎么报",
  "兜底是啥意思", "俺娘住院能报多少", "一站式结算是什么", "转诊要办什么手续", "白内障手术免费吗" }

function request()
  counter = counter + 1
  local body = string.format('{"userId":"load-%d-%04d","text":"%s"}', id, counter % 1000, questions[counter % #questions + 1])
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, body)
end
