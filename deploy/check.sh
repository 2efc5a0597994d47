#!/usr/bin/env bash
# What CI can check of deploy/ without Docker (called by .ci/run):
#  1. the Dockerfile's build stage: it runs deploy/publish.sh, so this runs it too;
#  2. the files the runtime stage copies and the settings it passes exist and are read by the product;
#  3. `nginx -t` on deploy/nginx.conf with the single-server upstream and a throw-away certificate;
#  4. `systemd-analyze verify` on the unit, where systemd is installed;
#  5. that docker-compose.yml parses and agrees with the files and networks it names (where PyYAML is).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "deploy/check.sh: $*" >&2; exit 1; }

# 1. The build stage.
grep -qx 'RUN deploy/publish.sh /app' deploy/Dockerfile || fail "the Dockerfile's build stage no longer runs deploy/publish.sh /app"
deploy/publish.sh "$work/app"
grep -qx 'ENTRYPOINT \["dotnet", "PolicyAssistant.Web.dll"\]' deploy/Dockerfile || fail "the Dockerfile's entry point is not the published PolicyAssistant.Web.dll"
grep -q '^USER app$' deploy/Dockerfile || fail "the runtime stage must run as the unprivileged user app"

# 2. What the runtime stage copies, and that its settings are the product's own keys.
grep -qx 'COPY content /opt/policyassistant/content' deploy/Dockerfile || fail "the content folder is not copied"
test -d content/knowledge || fail "content/knowledge is missing"
for key in Storage__ContentFolder Storage__DataFolder Urls; do
  grep -q "$key=" deploy/Dockerfile || fail "the Dockerfile does not set $key"
done
grep -q 'readyz' deploy/Dockerfile || fail "the image's health check must ask /readyz"

# 3. nginx -t, with the config laid out as under /etc/nginx.
if command -v nginx >/dev/null 2>&1; then
  mkdir -p "$work/nginx/policyassistant/tls" "$work/nginx/logs"
  cp deploy/nginx.conf "$work/nginx/policyassistant.conf"
  cp deploy/nginx/upstream.conf "$work/nginx/policyassistant/upstream.conf"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -keyout "$work/nginx/policyassistant/tls/privkey.pem" -out "$work/nginx/policyassistant/tls/fullchain.pem" 2>/dev/null
  cat > "$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log stderr;
events {}
http {
    access_log off;
    include policyassistant.conf;
}
CONF
  # The access log's absolute path is opened by the test; point it into the scratch folder.
  sed -i "s|/var/log/nginx/|$work/nginx/logs/|" "$work/nginx/policyassistant.conf"
  nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" || fail "nginx -t refused deploy/nginx.conf"
elif [ "${CI:-}" = true ]; then
  fail "nginx is not installed (.ci/run installs it)"
else
  echo "deploy/check.sh: nginx not installed, its config was not checked" >&2
fi

# 4. The systemd unit.
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify --man=no deploy/policyassistant.service || fail "systemd-analyze verify refused the unit"
fi

# 5. The compose file.
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - <<'PY' || fail "docker-compose.yml disagrees with the deployment files"
import os, sys, yaml
compose = yaml.safe_load(open("deploy/docker-compose.yml"))
services = compose["services"]
problems = []
if {"app1", "app2", "db", "nginx"} - set(services):
    problems.append("services must include app1, app2, db and nginx")
subnet = compose["networks"]["back"]["ipam"]["config"][0]["subnet"]
for name in ("app1", "app2"):
    app = services[name]
    if not os.path.isfile(os.path.join("deploy", app["build"]["context"], app["build"]["dockerfile"])):
        problems.append(f"{name}: its Dockerfile is missing")
    env = app["environment"]
    if env.get("Storage__Provider") != "PostgreSql" or env.get("ForwardedHeaders__KnownNetworks__0") != subnet:
        problems.append(f"{name}: must run on PostgreSql and trust X-Forwarded-* from {subnet} only")
for volume in services["nginx"]["volumes"]:
    source = volume.split(":")[0]
    if source != "./tls" and not os.path.exists(os.path.join("deploy", source)):
        problems.append(f"nginx mounts {source}, which is missing")
if subnet not in open("deploy/nginx.conf").read():
    problems.append(f"nginx.conf must let the compose network {subnet} reach /readyz")
print("\n".join(problems), file=sys.stderr)
sys.exit(1 if problems else 0)
PY
fi

echo "deploy/check.sh: publish, nginx -t, the unit and the compose file passed"
