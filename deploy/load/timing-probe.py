#!/usr/bin/env python3
"""Probes what an outsider can learn from response times, against a running product (loopback only).

  deploy/load/timing-probe.py BASE_URL [ROUNDS]

1. Staff log-in: a user name that does not exist against the first administrator's name with a wrong password.
2. Binding over /api/chat: a name + ID number that matches a demo member against one that does not (the time of
   the message carrying the ID number; each round from fresh chat users).
Prints the median and the 10th/90th percentiles of each, in milliseconds. Start the product with its rate limits
off, or the probe itself is refused part-way (a refusal is what the limits are for):
  RateLimits__Enabled=false Households__LoadDemoData=true BackOffice__InitialAdminPassword=probe-admin-password ...
The administrator's name and password come from ADMIN_USER and ADMIN_PASSWORD: the probe signs in properly after
every third wrong password, so that the account's lock-out (five wrong in a row) does not end the measurement.
"""
import http.cookiejar, json, os, re, statistics, sys, time, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
host = urllib.parse.urlparse(base).hostname
if host not in ("localhost", "127.0.0.1", "::1"):
    sys.exit("loopback only")

root = os.path.dirname(os.path.abspath(__file__))
demo = json.load(open(os.path.join(root, "..", "..", "content", "demo", "demo-data.json"), encoding="utf-8"))
member = next(m for h in demo["households"] for m in h["members"] if m["relationToHead"] == "self" and m.get("phone"))


def timed(call):
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def summary(label, samples):
    samples = sorted(samples)
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]
    print(f"{label:<40} median {statistics.median(samples):7.1f} ms   p10 {pick(0.1):7.1f}   p90 {pick(0.9):7.1f}   (n={len(samples)})")


def login(user_name, password="wrong-password-1"):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(base + "/Account/Login").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"Input.UserName": user_name, "Input.Password": password, "__RequestVerificationToken": token}).encode()
    return lambda: opener.open(base + "/Account/Login", form).read()


def chat(user, text):
    request = urllib.request.Request(base + "/api/chat", json.dumps({"userId": user, "text": text}).encode(), {"Content-Type": "application/json"})
    return urllib.request.urlopen(request).read().decode()


def lookup(user, name):
    chat(user, "绑定")
    chat(user, name)
    return lambda: chat(user, member["idNumber"])


admin = os.environ.get("ADMIN_USER", "admin")
unknown, known = [], []
for round in range(rounds):
    unknown.append(timed(login(f"nobody-{round}")))
    known.append(timed(login(admin)))
    if round % 3 == 2:
        login(admin, os.environ["ADMIN_PASSWORD"])()
summary("login, unknown user name", unknown)
summary("login, known name, wrong password", known)

found, not_found = [], []
for round in range(rounds):
    found.append(timed(lookup(f"probe-right-{time.time_ns()}", member["name"])))
    not_found.append(timed(lookup(f"probe-wrong-{time.time_ns()}", "张三丰")))
summary("binding lookup, on the register", found)
summary("binding lookup, not on the register", not_found)
