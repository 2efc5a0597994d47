#!/usr/bin/env python3
"""Probes a running PolicyAssistant the way an attacker and an operator would, and says what held.

    python3 deploy/probes.py BASE_URL WECHAT_TOKEN

Run it against a product you own, on loopback or your own staging host, with rate limits on (the default):
the login and chat probes use up the limits of the address they come from for a few minutes. Each probe prints
PASS or FAIL with what it saw; the exit code is the number of failures. Standard library only.
"""
import hashlib
import http.cookiejar
import json
import random
import re
import sys
import time
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:5080"
TOKEN = sys.argv[2] if len(sys.argv) > 2 else ""
RUN = f"{random.randint(0, 10**8):08d}"
failures = 0


def request(method, path, body=None, headers=None, opener=None):
    """(status, headers, text) of one request; HTTP errors are answers too."""
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=15) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def probe(name, passed, seen):
    global failures
    failures += 0 if passed else 1
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {seen}")


def signed_query(timestamp=None, nonce=None):
    timestamp = timestamp or str(int(time.time()))
    nonce = nonce or str(random.randint(1, 10**9))
    signature = hashlib.sha1("".join(sorted([TOKEN, timestamp, nonce])).encode()).hexdigest()
    return f"?signature={signature}&timestamp={timestamp}&nonce={nonce}"


def text_message(sender, text, msg_id):
    return (f"<xml><ToUserName><![CDATA[gh_probe]]></ToUserName><FromUserName><![CDATA[{sender}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId></xml>")


def reply_content(xml):
    found = re.search(r"<Content><!\[CDATA\[(.*?)\]\]></Content>", xml, re.S)
    return found.group(1) if found else ""


def wechat_probes():
    if not TOKEN:
        print("SKIP  WeChat probes: pass the account's token as the second argument")
        return
    sender_a, sender_b = f"oProbeA{RUN}", f"oProbeB{RUN}"
    msg_id = f"7{RUN}{random.randint(1000, 9999)}"

    status, _, _ = request("POST", "/wechat?signature=0&timestamp=1&nonce=2", text_message(sender_a, "押金", msg_id))
    probe("forged signature refused", status in (401, 403), f"HTTP {status}")

    query = signed_query()
    status, _, first = request("POST", "/wechat" + query, text_message(sender_a, "住院要交押金吗", msg_id))
    probe("signed message answered", status == 200 and reply_content(first) != "", f"HTTP {status}, {reply_content(first)[:30]}…")

    status, _, again = request("POST", "/wechat" + query, text_message(sender_a, "住院要交押金吗", msg_id))
    probe("WeChat's retry (same URL, same body) gets the same answer", status == 200 and reply_content(again) == reply_content(first), f"HTTP {status}")

    status, _, _ = request("POST", "/wechat" + query, text_message(sender_b, "解除绑定", f"8{RUN}"))
    probe("signed URL replayed with another body refused", status == 403, f"HTTP {status}")

    status, _, other = request("POST", "/wechat" + signed_query(), text_message(sender_b, "你好", msg_id))
    probe("MsgId reused by another sender never gets the first sender's answer",
          status == 200 and reply_content(other) != reply_content(first) and sender_b in other, f"HTTP {status}")

    status, _, _ = request("POST", "/wechat" + signed_query(), "<xml>" + "a" * (3 * 1024 * 1024) + "</xml>")
    probe("3 MB body refused", status in (400, 413), f"HTTP {status}")

    dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Content>&e;</Content></xml>'
    status, _, text = request("POST", "/wechat" + signed_query(), dtd)
    probe("XML with a DTD refused", status == 400 and "root:" not in text, f"HTTP {status}")


def chat(user, text):
    return request("POST", "/api/chat", json.dumps({"userId": user, "text": text}), {"Content-Type": "application/json"})


def chat_probes():
    status, _, text = chat(f"probe-lucene-{RUN}", 'title:押金 AND (兜底 OR "* ~2 \\')
    probe("Lucene syntax typed by a user answered, not a server error", status == 200 and "reply" in text, f"HTTP {status}")

    status, _, text = chat(f"probe-{RUN}\n", "押金")
    probe("user id with a trailing newline refused", status == 400, f"HTTP {status} {text[:60]}")

    status, _, text = request("POST", "/api/estimate", '{"totalBill": 79228162514264337593543950335}', {"Content-Type": "application/json"})
    probe("estimate amount at the decimal limit gets a 400 with a Chinese message",
          status == 400 and re.search(r"[\u4e00-\u9fff]", text) is not None, f"HTTP {status} {text[:60]}")

    statuses = [chat(f"probe-flood-{RUN}", f"押金{i}")[0] for i in range(30)]
    probe("one user's chat flood throttled with 429", 429 in statuses, f"{statuses.count(429)} of 30 got 429")


def page_probes():
    status, headers, _ = request("GET", "/Account/Login")
    csp = headers.get("Content-Security-Policy", "")
    script = re.search(r"script-src([^;]*)", csp)
    script_sources = script.group(1) if script else re.search(r"default-src([^;]*)", csp).group(1) if "default-src" in csp else ""
    probe("Content-Security-Policy without inline script", csp != "" and "unsafe-inline" not in script_sources, csp[:80])
    probe("X-Content-Type-Options nosniff", headers.get("X-Content-Type-Options", "").lower() == "nosniff", headers.get("X-Content-Type-Options"))
    probe("frame protection", "frame-ancestors" in csp or headers.get("X-Frame-Options") is not None, headers.get("X-Frame-Options") or "frame-ancestors")
    probe("Referrer-Policy", headers.get("Referrer-Policy") is not None, headers.get("Referrer-Policy"))

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    statuses = []
    for i in range(30):
        _, _, page = request("GET", "/Account/Login", opener=opener)
        token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
        form = f"Input.UserName=probe{RUN}{i}&Input.Password=wrong-{i}&__RequestVerificationToken={token.group(1) if token else ''}"
        status, _, _ = request("POST", "/Account/Login", form, {"Content-Type": "application/x-www-form-urlencoded"}, opener)
        statuses.append(status)
    probe("30 wrong logins for different names from one address throttled with 429", 429 in statuses, f"{statuses.count(429)} of 30 got 429")

    status, _, text = request("GET", "/readyz")
    probe("/readyz healthy", status == 200, f"HTTP {status} {text[:40]}")


if __name__ == "__main__":
    print(f"probing {BASE} (run {RUN})")
    wechat_probes()
    chat_probes()
    page_probes()
    print(f"{failures} failed")
    sys.exit(failures)
