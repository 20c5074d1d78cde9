#!/usr/bin/env bash
# bench-secrets.sh: time tollgate's secrets scanner against gitleaks on the
# same large real-source tree, in the same run: wall time, MB/s and peak RSS.
#
#   scripts/bench-secrets.sh [TREE]
#
# TREE defaults to /tmp/tollgate-bench-tree, built on first use as a
# hard-linked copy (cp -al, no extra disk) of Go module cache directories
# totalling >= 500 MB (override with BENCH_SOURCES="dir dir ...").
# Needs: go, gitleaks on PATH (go install github.com/zricethezav/gitleaks/v8@latest),
# GNU time at /usr/bin/time. Set SKIP_GITLEAKS=1 to time only tollgate, USE_CLI=1 to
# time `tollgate scan --scanners secrets` instead of the scripts/secretscan driver,
# RUNS=N to measure each tool N times, interleaved (on a loaded machine the fastest
# wall time of N is the fairer figure; each line notes the load average).
set -euo pipefail

cd "$(dirname "$0")/.."
TREE=${1:-/tmp/tollgate-bench-tree}
MOD=$(go env GOMODCACHE)
SOURCES=${BENCH_SOURCES:-"$MOD/google.golang.org/api@v0.287.1 $MOD/github.com/open-policy-agent"}
OUT=${BENCH_OUT:-/tmp/tollgate-bench}
mkdir -p "$OUT"

if [ ! -d "$TREE" ]; then
  echo "building $TREE from: $SOURCES" >&2
  mkdir -p "$TREE"
  for s in $SOURCES; do
    cp -al "$s" "$TREE/$(basename "$s")" 2>/dev/null || cp -r "$s" "$TREE/$(basename "$s")"
  done
  chmod -R u+w "$TREE"
fi
SIZE=$(du -sb "$TREE" | cut -f1)
FILES=$(find "$TREE" -type f | wc -l)
echo "tree: $TREE  $((SIZE / 1000000)) MB  $FILES files" >&2

# Warm the page cache so that both tools read from memory.
find "$TREE" -type f -print0 | xargs -0 cat > /dev/null

if [ "${USE_CLI:-}" = 1 ] && go build -o "$OUT/tollgate" ./cmd/tollgate; then
  OURS=("$OUT/tollgate" scan --scanners secrets -f json --fail-on none "$TREE")
else
  go build -o "$OUT/secretscan" ./scripts/secretscan
  OURS=("$OUT/secretscan" -no-default-excludes "$TREE")
fi

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.time" || true
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$OUT/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$OUT/$name.time" | awk '{print $NF}')
  local secs cpu
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  # CPU seconds (user+sys) too: on a shared, loaded machine they compare
  # the tools' work better than wall time does.
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$OUT/$name.time")
  printf '%-10s wall %8.2fs  %8.1f MB/s  cpu %8.2fs  %8.1f MB/cpu-s  peak RSS %6d MB  load %s\n' "$name" "$secs" \
    "$(echo "$SIZE $secs" | awk '{ printf "%.1f", $1/1e6/$2 }')" "$cpu" \
    "$(echo "$SIZE $cpu" | awk '{ printf "%.1f", $1/1e6/$2 }')" "$((rss / 1024))" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
  echo "$secs" >> "$OUT/$name.secs"
  echo "$cpu" >> "$OUT/$name.cpu"
}

: > "$OUT/summary.txt"
rm -f "$OUT"/*.secs "$OUT"/*.cpu
echo "# $(date -u +%FT%TZ) tree=$TREE size=$((SIZE / 1000000))MB files=$FILES nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
GL=$(command -v gitleaks || echo "$(go env GOPATH)/bin/gitleaks")
for _ in $(seq "${RUNS:-1}"); do
  measure tollgate "${OURS[@]}"
  if [ "${SKIP_GITLEAKS:-}" != 1 ]; then
    measure gitleaks "$GL" dir "$TREE" --no-banner --exit-code 0 -f json -r "$OUT/gitleaks.json"
  fi
done
if [ "${SKIP_GITLEAKS:-}" != 1 ]; then
  # Fastest wall of the runs, and least CPU, per tool.
  min() { sort -g "$1" | head -1; }
  awk -v gw="$(min "$OUT/gitleaks.secs")" -v tw="$(min "$OUT/tollgate.secs")" \
    -v gc="$(min "$OUT/gitleaks.cpu")" -v tc="$(min "$OUT/tollgate.cpu")" \
    'BEGIN { printf "speedup: %.1fx gitleaks by wall clock (fastest of runs), %.1fx by CPU seconds\n", gw/tw, gc/tc }' | tee -a "$OUT/summary.txt"
fi
echo "findings: tollgate $(grep -c '"rule_id"' "$OUT/tollgate.out" || true), gitleaks $(grep -c '"RuleID"' "$OUT/gitleaks.json" 2>/dev/null || echo n/a)" | tee -a "$OUT/summary.txt"
