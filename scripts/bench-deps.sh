#!/usr/bin/env bash
# (SKIP_LIBRARY_BENCH=1 runs only the CLI comparison at the end.)
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
	printf '%-24s wall %-8s cpu %6ss  peak RSS %4d MiB  %s\n' "$label" "$wall" "$cpu" $((rss / 1024)) "$(tail -1 "$WORK/out" | cut -c1-100)"
}

# Warm the page cache once so both tools read the zips from memory.
cat "$DB"/osv-scalibr/npm/all.zip "$DB"/osv-scalibr/PyPI/all.zip > /dev/null
if [ -z "${SKIP_LIBRARY_BENCH:-}" ]; then
	for i in 1 2 3; do measure "tollgate#$i" "$WORK/bench-deps" scan "$WORK/tree" "$DB"; done
fi

OSV=${OSV_SCANNER:-$(command -v osv-scanner || true)}
if [ -n "$OSV" ] && [ -z "${SKIP_LIBRARY_BENCH:-}" ]; then
	for i in 1 2 3; do
		# --offline = --offline-vulnerabilities plus no transitive resolution
		# (with --offline-vulnerabilities alone, requirements.txt and pom.xml
		# resolution still go to the network). Exit code 1 = vulns found.
		measure "osv-scanner#$i" sh -c "'$OSV' scan source --offline --local-db-path '$DB' --format json '$WORK/tree' > '$WORK/osv.json' 2>/dev/null; test \$? -le 1 && echo ok"
	done
elif [ -z "$OSV" ]; then
	echo "osv-scanner not found; install with: go install github.com/google/osv-scanner/v2/cmd/osv-scanner@v2.5.0"
fi

# --- Indexed database, CLI, side by side with osv-scanner ------------------
# Two inputs: the lockfile corpus of testdata/deps in the 9 ecosystems of
# the shared DB (small lockfiles: start-up and per-advisory work dominate)
# and the generated 10,000-package tree above. tollgate runs the CLI as a
# user would (`scan --scanners deps --offline`, policy and JSON report
# included); "cold" builds the advisory index and records on first use (a
# DB that `db update` did not write), "warm" reads them. XDG_CACHE_HOME
# isolates the cache. RUNS=N (default 5) repeats each warm measurement and
# prints the fastest and median CPU (user+sys) and the fastest wall time,
# the fair numbers on a shared machine; osv-scanner runs OSV_RUNS times
# (default 2), on the corpus also without its Go call analysis.
# The floor is `tollgate version` and a scan of an empty directory.
RUNS=${RUNS:-5}
OSV_RUNS=${OSV_RUNS:-2}
go build -o "$WORK/tollgate" ./cmd/tollgate
mkdir -p "$WORK/corpus" "$WORK/empty"
cp -r testdata/deps/. "$WORK/corpus/"
# Keep the 9 ecosystems the shared DB has: osv-scanner stops matching
# altogether when one ecosystem's DB is missing (tollgate warns and goes on).
(cd "$WORK/corpus" && rm -rf malformed conan renv cabal stack pub)
echo "corpus: $(find "$WORK/corpus" -type f | wc -l) files from testdata/deps (npm, PyPI, Go, crates.io, RubyGems, Packagist, Maven, NuGet, Hex)"

repeat() { # label, n, command...: fastest and median CPU, fastest wall, peak RSS
	local label=$1 n=$2; shift 2
	for _ in $(seq "$n"); do
		/usr/bin/time -f '%e %U %S %M' "$@" > "$WORK/out" 2> "$WORK/time" || { cat "$WORK/out" "$WORK/time"; return 1; }
		tail -1 "$WORK/time"
	done | awk '{print $2 + $3, $1, $4}' | sort -n | awk -v label="$label" '
		{ cpu[NR] = $1; if (NR == 1 || $2 < wall) wall = $2; if ($3 > rss) rss = $3 }
		END { printf "%-28s cpu min %5.2fs median %5.2fs  wall min %6.2fs  peak RSS %4d MiB  (%d runs)\n", label, cpu[1], cpu[int((NR + 1) / 2)], wall, rss / 1024, NR }'
}
repeat "floor: tollgate version" "$RUNS" "$WORK/tollgate" version
export XDG_CACHE_HOME="$WORK/cache-empty"
repeat "floor: scan empty dir" "$RUNS" "$WORK/tollgate" scan -q --scanners deps --offline --osv-db "$DB" --fail-on none -f json -o "$WORK/tg.json" "$WORK/empty"
for tree in corpus tree; do
	export XDG_CACHE_HOME="$WORK/cache-$tree"
	tg="'$WORK/tollgate' scan -q --scanners deps --offline --osv-db '$DB' --fail-on none --allow-scanner-errors -f json -o '$WORK/tg.json' '$WORK/$tree' && echo ok"
	measure "$tree tollgate cold" sh -c "$tg"
	repeat "$tree tollgate warm" "$RUNS" sh -c "$tg"
	if [ -n "$OSV" ]; then
		repeat "$tree osv-scanner" "$OSV_RUNS" sh -c "'$OSV' scan source --offline --local-db-path '$DB' --format json -r '$WORK/$tree' > '$WORK/osv.json' 2>/dev/null; test \$? -le 1 && echo ok"
		if [ "$tree" = corpus ]; then
			repeat "$tree osv-scanner no-call" "$OSV_RUNS" sh -c "'$OSV' scan source --offline --no-call-analysis=go --local-db-path '$DB' --format json -r '$WORK/$tree' > '$WORK/osv.json' 2>/dev/null; test \$? -le 1 && echo ok"
		fi
	fi
done
