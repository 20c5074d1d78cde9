#!/usr/bin/env bash
# bench.sh: time each tollgate scanner alone and all three together, and
# gitleaks, osv-scanner and trivy (each when installed) on the same
# generated tree in the same run. Prints wall time, CPU time, MB/s, peak
# RSS and the ratios to gitleaks as a Markdown table (docs/performance.md).
#
#   scripts/bench.sh [TREE]
#
# TREE defaults to /tmp/tollgate-bench-1g, generated on first use by
# scripts/benchgen (SEED=1, SIZE=1100MB: the same bytes on every machine
# with the same OSV database). Never point it inside the repository.
#
# Environment:
#   OSV_DB     OSV database in osv-scanner's layout (default ../shared/osv-db,
#              or ../../shared/osv-db from a worktree)
#   OUT        where outputs and the table go (default /tmp/tollgate-bench-out)
#   RUNS       runs per tool, the fastest is kept (default 1)
#   NICE       nice level for every measured command (default 10)
#   GITLEAKS, OSV_SCANNER, TRIVY   binaries (default: PATH, then $(go env GOPATH)/bin)
#   SKIP       space-separated labels to skip, e.g. "trivy osv-scanner"
#   PARALLEL   1 = run all measurements at once (on a busy shared machine,
#              where only CPU time and peak RSS are comparable anyway)
#   TABLE_ONLY 1 = measure nothing, print the table from $OUT/rows.tsv
# Needs GNU time at /usr/bin/time (peak RSS). CPU time (user+sys) is the
# fairer number on a shared machine; wall time is what a CI job waits.
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=${1:-/tmp/tollgate-bench-1g}
if [ -z "${OSV_DB:-}" ]; then
	for d in ../shared/osv-db ../../shared/osv-db; do [ -d "$d" ] && OSV_DB=$d && break; done
fi
OSV_DB=$(cd "${OSV_DB:?set OSV_DB to an OSV database directory}" && pwd)
OUT=${OUT:-/tmp/tollgate-bench-out}
RUNS=${RUNS:-1}
NICE=${NICE:-10}
SEED=${SEED:-1}
SIZE=${SIZE:-1100MB}
SKIP=" ${SKIP:-} "
mkdir -p "$OUT"
GOBIN=$(go env GOPATH)/bin

case "$(cd "$(dirname "$TREE")" && pwd)/" in
"$(pwd)"/*) echo "bench.sh: $TREE is inside the repository; use a path under /tmp" >&2; exit 2 ;;
esac

go build -o "$OUT/" ./cmd/tollgate ./cmd/tollgate-render # charts render in the companion
if [ ! -d "$TREE" ]; then
	go build -o "$OUT/benchgen" ./scripts/benchgen
	nice -n "$NICE" "$OUT/benchgen" -seed "$SEED" -size "$SIZE" -osv-db "$OSV_DB" "$TREE" >&2
fi
BYTES=$(find "$TREE" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
FILES=$(find "$TREE" -type f | wc -l)
MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.0f", b / 1e6}')

tool() { # name -> path or empty
	local var=$1 name=$2
	local v=${!var:-}
	if [ -n "$v" ]; then echo "$v"; return; fi
	command -v "$name" 2>/dev/null || { [ -x "$GOBIN/$name" ] && echo "$GOBIN/$name"; } || true
}
GITLEAKS=$(tool GITLEAKS gitleaks)
OSV_SCANNER=$(tool OSV_SCANNER osv-scanner)
TRIVY=$(tool TRIVY trivy)

modversion() { # binary -> module version from its build info
	go version -m "$1" 2>/dev/null | awk '$1 == "mod" {print $3; exit}'
}

if [ "${TABLE_ONLY:-}" != 1 ]; then
	# Warm the page cache so every tool reads from memory.
	find "$TREE" -type f -print0 | xargs -0 cat > /dev/null
	echo "$(date -u '+%Y-%m-%d %H:%M UTC')|$(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/started"
fi

ROWS="$OUT/rows.tsv"
PIDS=()
[ "${TABLE_ONLY:-}" = 1 ] || : > "$ROWS"
measure() { # label, command...
	case "$SKIP" in *" $1 "*) return ;; esac
	if [ "${PARALLEL:-}" = 1 ]; then
		measure1 "$@" &
		PIDS+=($!)
	else
		measure1 "$@"
	fi
}
measure1() { # label, command... ; keeps the fastest of RUNS
	local label=$1; shift
	local best="" i
	for ((i = 1; i <= RUNS; i++)); do
		local rc=0
		nice -n "$NICE" /usr/bin/time -v "$@" > "$OUT/$label.out" 2> "$OUT/$label.time" || rc=$?
		local wall cpu rss
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s}' "$OUT/$label.time")
		cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$OUT/$label.time")
		rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$OUT/$label.time")
		echo "$label run $i: exit $rc, wall ${wall}s, cpu ${cpu}s, peak RSS ${rss} MiB" >&2
		if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then
			best="$wall $cpu $rss $rc"
		fi
	done
	echo "$label $best" >> "$ROWS"
}

if [ "${TABLE_ONLY:-}" = 1 ]; then SKIP=" tollgate-deps tollgate-secrets tollgate-iac tollgate-all gitleaks osv-scanner trivy "; fi
TG=("$OUT/tollgate" scan --offline --osv-db "$OSV_DB" --fail-on none --timeout 0 -q -f json)
for s in deps secrets iac; do
	measure "tollgate-$s" "${TG[@]}" -o "$OUT/tollgate-$s.json" --scanners "$s" "$TREE"
done
measure "tollgate-all" "${TG[@]}" -o "$OUT/tollgate-all.json" "$TREE"
if [ -n "$GITLEAKS" ]; then
	measure gitleaks "$GITLEAKS" dir "$TREE" --no-banner --exit-code 0 -r "$OUT/gitleaks.json"
fi
if [ -n "$OSV_SCANNER" ]; then
	# --offline: local DB only, no transitive resolution over the network;
	# --no-call-analysis=go: like tollgate by default (osv-scanner runs
	# govulncheck on every go.mod otherwise).
	# Exit 1 means vulnerabilities were found.
	measure osv-scanner sh -c '"$0" scan source -r --offline --no-call-analysis=go --local-db-path "$1" --format json "$2" > "$3"; test $? -le 1' \
		"$OSV_SCANNER" "$OSV_DB" "$TREE" "$OUT/osv-scanner.json"
fi
if [ -n "$TRIVY" ]; then
	# Secrets and misconfigurations (no vulnerability DB download); trivy
	# stops at its default 5-minute timeout on this tree.
	measure trivy "$TRIVY" fs --timeout 2h --scanners secret,misconfig --skip-db-update --skip-check-update --offline-scan \
		--format json -o "$OUT/trivy.json" "$TREE"
fi
for p in "${PIDS[@]}"; do wait "$p" || true; done

count() { # label -> findings in its output
	local f="$OUT/$1.json"
	[ -s "$f" ] || { echo "-"; return; }
	case "$1" in
	tollgate-*) jq '.findings | length' "$f" 2>/dev/null || echo "-" ;;
	gitleaks) jq 'length' "$f" 2>/dev/null || echo "-" ;;
	osv-scanner) jq '[.results[]?.packages[]?.vulnerabilities[]?] | length' "$f" 2>/dev/null || echo "-" ;;
	trivy) jq '[.Results[]? | ((.Secrets // []) + (.Misconfigurations // []))[]] | length' "$f" 2>/dev/null || echo "-" ;;
	esac
}

GL_WALL=$(awk '$1 == "gitleaks" {print $2}' "$ROWS")
GL_CPU=$(awk '$1 == "gitleaks" {print $3}' "$ROWS")
{
	echo "Tree: $TREE, $MB MB, $FILES files (benchgen -seed $SEED -size $SIZE)."
	echo "Date: $(cut -d'|' -f1 "$OUT/started"); $(nproc) CPUs; load average at the start: $(cut -d'|' -f2 "$OUT/started"), when the table was written: $(cut -d' ' -f1-3 /proc/loadavg)${PARALLEL:+; all tools ran at once (PARALLEL=1)}."
	echo "Versions: tollgate $(git rev-parse --short HEAD) (this repo), $(go version | cut -d' ' -f3)"\
"${GITLEAKS:+, gitleaks $(modversion "$GITLEAKS")}${OSV_SCANNER:+, osv-scanner $(modversion "$OSV_SCANNER")}${TRIVY:+, trivy $(modversion "$TRIVY")}."
	echo
	echo "| tool | wall s | CPU s | MB/s (wall) | MB/s (CPU) | peak RSS MiB | findings | wall / gitleaks | CPU / gitleaks | exit |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for l in tollgate-deps tollgate-secrets tollgate-iac tollgate-all gitleaks osv-scanner trivy; do grep "^$l " "$ROWS" || true; done |
	while read -r label wall cpu rss rc; do
		awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v mb="$MB" -v gw="${GL_WALL:-}" -v gc="${GL_CPU:-}" -v n="$(count "$label")" -v rc="$rc" 'BEGIN {
			rw = (gw == "" ? "-" : sprintf("%.2f", w / gw)); rcpu = (gc == "" ? "-" : sprintf("%.2f", c / gc))
			printf "| %s | %.1f | %.1f | %.1f | %.1f | %d | %s | %s | %s | %s |\n", l, w, c, mb / w, mb / c, r, n, rw, rcpu, rc
		}'
	done
} | tee "$OUT/table.md"
