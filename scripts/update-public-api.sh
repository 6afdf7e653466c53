#!/usr/bin/env bash
# Usage: scripts/update-public-api.sh [PROJECT_DIR] (default src/ClientSemantics; e.g. src/ClientSemantics.Redis).
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt,
# reading the exact API lines from the compiler's SARIF log. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
proj=${1:-src/ClientSemantics}
sarif=$(mktemp --suffix=.sarif)
dotnet build "$proj" -p:ErrorLog="$sarif%2Cversion=2.1" -p:TreatWarningsAsErrors=false >/dev/null 2>&1 || true
/usr/bin/python3 - "$sarif" "$proj/PublicAPI.Unshipped.txt" <<'PY'
import json, sys
sarif, target = sys.argv[1], sys.argv[2]
results = json.load(open(sarif))["runs"][0]["results"]
names = sorted({r["properties"]["customProperties"]["APIName"] for r in results if r["ruleId"] == "RS0016"})
lines = [l.rstrip("\n") for l in open(target)]
existing = set(lines)
added = [n for n in names if n not in existing]
body = sorted(set(l for l in lines[1:] if l.strip()) | set(added))
open(target, "w").write("\n".join([lines[0]] + body) + "\n")
print(f"added {len(added)} API lines")
PY
rm -f "$sarif"
