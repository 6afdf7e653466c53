#!/usr/bin/env bash
# Runs every test of ClientSemantics, after installing what the tests need (Debian's squid, nginx and
# redis-server, which the test fixtures start on loopback ports of their own).
# Ends with one line of its own: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
have squid || need+=(squid)
[ -x /usr/lib/squid/basic_ncsa_auth ] || need+=(squid)
have htpasswd || need+=(apache2-utils)
have nginx || need+=(nginx)
have redis-server || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test servers: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || { echo "could not install ${need[*]}"; exit 1; }
fi
# Debian starts these services on install on some machines; the tests start their own on free ports.
for svc in squid nginx redis-server; do (service "$svc" stop >/dev/null 2>&1 || true); done

results=$(mktemp -d)
status=0
dotnet test ClientSemantics.slnx -c Release \
  --logger "trx;LogFilePrefix=results" --results-directory "$results" \
  --blame-hang-timeout 5m -- RunConfiguration.TestSessionTimeout=2400000 || status=$?

# The demo is part of the test: it exits non-zero when a scenario does not behave as documented.
if [ -f samples/ConsoleClient/ConsoleClient.csproj ] && grep -q -- "--plain" samples/ConsoleClient/*.cs 2>/dev/null; then
  if dotnet run -c Release --project samples/ConsoleClient -- --plain > "$results/demo.txt" 2>&1; then
    echo "demo: every scenario behaved as documented"
    demo_passed=1; demo_failed=0
  else
    cat "$results/demo.txt"; echo "demo: FAILED"
    demo_passed=0; demo_failed=1; status=1
  fi
else
  demo_passed=0; demo_failed=0
fi

/usr/bin/python3 - "$results" "$demo_passed" "$demo_failed" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed, failed, skipped = int(sys.argv[2]), int(sys.argv[3]), 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
if not files:
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
[ "$status" -eq 0 ] || exit 1
