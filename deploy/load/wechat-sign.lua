-- SHA-1 in LuaJIT's bit library, for wrk: WeChat's URL signature is SHA-1 of the sorted token, timestamp and
-- nonce, and the product accepts one signed URL for one message only, so each request is signed anew.
local bit = require("bit")
local band, bor, bxor, bnot, rol, rshift, tobit, tohex = bit.band, bit.bor, bit.bxor, bit.bnot, bit.rol, bit.rshift, bit.tobit, bit.tohex

local function sha1(message)
  local h0, h1, h2, h3, h4 = tobit(0x67452301), tobit(0xEFCDAB89), tobit(0x98BADCFE), tobit(0x10325476), tobit(0xC3D2E1F0)
  local bits = #message * 8
  message = message .. "\128" .. string.rep("\0", (55 - #message) % 64) .. "\0\0\0\0"
    .. string.char(band(rshift(bits, 24), 255), band(rshift(bits, 16), 255), band(rshift(bits, 8), 255), band(bits, 255))
  local w = {}
  for chunk = 1, #message, 64 do
    for i = 0, 15 do
      local a, b, c, d = message:byte(chunk + i * 4, chunk + i * 4 + 3)
      w[i] = bor(bit.lshift(a, 24), bit.lshift(b, 16), bit.lshift(c, 8), d)
    end
    for i = 16, 79 do
      w[i] = rol(bxor(w[i - 3], w[i - 8], w[i - 14], w[i - 16]), 1)
    end
    local a, b, c, d, e = h0, h1, h2, h3, h4
    for i = 0, 79 do
      local f, k
      if i < 20 then f, k = bor(band(b, c), band(bnot(b), d)), 0x5A827999
      elseif i < 40 then f, k = bxor(b, c, d), 0x6ED9EBA1
      elseif i < 60 then f, k = bor(band(b, c), band(b, d), band(c, d)), 0x8F1BBCDC
      else f, k = bxor(b, c, d), 0xCA62C1D6 end
      local temp = tobit(rol(a, 5) + f + e + k + w[i])
      e, d, c, b, a = d, c, rol(b, 30), a, temp
    end
    h0, h1, h2, h3, h4 = tobit(h0 + a), tobit(h1 + b), tobit(h2 + c), tobit(h3 + d), tobit(h4 + e)
  end
  return tohex(h0) .. tohex(h1) .. tohex(h2) .. tohex(h3) .. tohex(h4)
end

-- The query string WeChat would send with a message: signature, timestamp and a nonce of its own.
function signed_query(token, nonce)
  local timestamp = tostring(os.time())
  local parts = { token, timestamp, nonce }
  table.sort(parts)
  return "signature=" .. sha1(table.concat(parts)) .. "&timestamp=" .. timestamp .. "&nonce=" .. nonce
end
