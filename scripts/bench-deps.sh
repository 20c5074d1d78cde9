#!/usr/bin/env bash
# Benchmark the dependency scanner offline: 5,000 npm + 5,000 PyPI packages
# (package-lock.json + requirements.txt) against an OSV database in
# osv-scanner's layout, timed with /usr/bin/time -v; osv-scanner v2.5.0 on
# the same input and DB when it is installed (OSV_SCANNER=path to override).
#
# Usage: scripts/bench-deps.sh [DB_DIR]   (default: ../shared/osv-db)
set -euo pipefail
cd "$(dirname "$0")/.."
DB="$(cd "${1:-../shared/osv-db}" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

go build -o "$WORK/bench-deps" ./scripts/bench-deps
"$WORK/bench-deps" gen "$WORK/tree" "$DB"
echo "input: $(wc -l < "$WORK/tree/requirements.txt") PyPI requirements, $(grep -c '"node_modules/' "$WORK/tree/package-lock.json") npm packages"

measure() { # label, command...
	local label=$1; shift
	/usr/bin/time -v "$@" > "$WORK/out" 2> "$WORK/time" || { cat "$WORK/out" "$WORK/time"; return 1; }
	local wall rss cpu
	wall=$(grep 'Elapsed (wall clock)' "$WORK/time" | awk '{print $NF}')
	rss=$(grep 'Maximum resident set size' "$WORK/time" | awk '{print $NF}')
	# CPU time (user+sys) is the fairer number on a shared machine.
	cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$WORK/time")
	printf '%-14s wall %-8s cpu %6ss  peak RSS %4d MiB  %s\n' "$label" "$wall" "$cpu" $((rss / 1024)) "$(tail -1 "$WORK/out" | cut -c1-100)"
}

# Warm the page cache once so both tools read the zips from memory.
cat "$DB"/osv-scalibr/npm/all.zip "$DB"/osv-scalibr/PyPI/all.zip > /dev/null
for i in 1 2 3; do measure "tollgate#$i" "$WORK/bench-deps" scan "$WORK/tree" "$DB"; done

OSV=${OSV_SCANNER:-$(command -v osv-scanner || true)}
if [ -n "$OSV" ]; then
	for i in 1 2 3; do
		# --offline = --offline-vulnerabilities plus no transitive resolution
		# (with --offline-vulnerabilities alone, requirements.txt and pom.xml
		# resolution still go to the network). Exit code 1 = vulns found.
		measure "osv-scanner#$i" sh -c "'$OSV' scan source --offline --local-db-path '$DB' --format json '$WORK/tree' > '$WORK/osv.json' 2>/dev/null; test \$? -le 1 && echo ok"
	done
else
	echo "osv-scanner not found; install with: go install github.com/google/osv-scanner/v2/cmd/osv-scanner@v2.5.0"
fi
