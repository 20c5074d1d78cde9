#!/usr/bin/env bash
# secrets-noise.sh: the real-code noise check of the secrets scanner
# (docs/secrets-noise.md). Scans real source trees from the Go module cache
# with `tollgate scan --scanners secrets` and prints, per tree, the number
# of findings and their split by rule; with -v also every finding (rule,
# path:line, redacted snippet) for review.
#
#   scripts/secrets-noise.sh [-v] [TREE ...]
#
# TREEs default to the seven module versions listed below (download a
# missing one with `go mod download MODULE@VERSION`). A missing tree is
# reported and skipped. The JSON reports stay in $NOISE_OUT
# (default /tmp/tollgate-secrets-noise) for diffing two runs.
set -euo pipefail

cd "$(dirname "$0")/.."
VERBOSE=0
if [ "${1:-}" = "-v" ]; then VERBOSE=1; shift; fi
MOD=$(go env GOMODCACHE)
OUT=${NOISE_OUT:-/tmp/tollgate-secrets-noise}
mkdir -p "$OUT"

TREES=("$@")
if [ ${#TREES[@]} -eq 0 ]; then
  TREES=(
    "$MOD/github.com/open-policy-agent/opa@v1.20.0"
    "$MOD/k8s.io/client-go@v0.37.2"
    "$MOD/github.com/aws/aws-sdk-go-v2/service/s3@v1.116.0"
    "$MOD/google.golang.org/api@v0.316.0"
    "$MOD/golang.org/x/crypto@v0.57.0"
    "$MOD/golang.org/x/oauth2@v0.36.0"
    "$MOD/github.com/hashicorp/hcl/v2@v2.25.0"
  )
fi

nice -n 10 go build -o "$OUT/tollgate" ./cmd/tollgate

total=0
for t in "${TREES[@]}"; do
  name=$(basename "$t")
  if [ ! -d "$t" ]; then
    printf '%-34s missing (go mod download %s)\n' "$name" "${t#"$MOD"/}"
    continue
  fi
  nice -n 10 "$OUT/tollgate" scan --scanners secrets -f json --fail-on none "$t" \
    >"$OUT/$name.json" 2>"$OUT/$name.log" || {
    echo "$name: scan failed, see $OUT/$name.log" >&2
    exit 2
  }
  n=$(python3 - "$OUT/$name.json" "$VERBOSE" <<'EOF'
import collections, json, sys
d = json.load(open(sys.argv[1]))
fs = d.get("findings") or []
by = collections.Counter(f["rule_id"] for f in fs)
print(len(fs), " ".join(f"{k}={v}" for k, v in sorted(by.items())))
if sys.argv[2] == "1":
    for f in sorted(fs, key=lambda f: (f["rule_id"], f["location"]["path"], f["location"]["start_line"])):
        loc = f["location"]
        print(f"    {f['rule_id']}  {loc['path']}:{loc['start_line']}  {f.get('snippet', '')[:140]}")
EOF
)
  printf '%-34s %s\n' "$name" "$n"
  total=$((total + ${n%% *}))
done
printf '%-34s %d\n' "total" "$total"
