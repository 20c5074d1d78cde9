#!/usr/bin/env bash
# (SKIP_LIBRARY_BENCH=1 runs only the CLI comparison at the end.)
# Benchmark the dependency scanner offline: 5,000 npm + 5,000 PyPI packages
# (package-lock.json + requirements.txt) against an OSV database in
# osv-scanner's layout, timed by `bench-deps time` (rusage to the
# millisecond); osv-scanner v2.5.0 on
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
	# bench-deps time: wall, user, sys (to the millisecond) and peak RSS,
	# as /usr/bin/time -f '%e %U %S %M' but without its 10 ms truncation.
	"$WORK/bench-deps" time "$@" > "$WORK/out" 2> "$WORK/time" || { cat "$WORK/out" "$WORK/time"; return 1; }
	# CPU time (user+sys) is the fairer number on a shared machine.
	tail -1 "$WORK/time" | awk -v label="$label" -v out="$(tail -1 "$WORK/out" | cut -c1-100)" \
		'{ printf "%-24s wall %7.3fs cpu %6.3fs  peak RSS %4d MiB  %s\n", label, $1, $2 + $3, $4 / 1024, out }'
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
# (default 2), on the corpus also without its Go call analysis, between
# tollgate's runs.
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

# sample LABEL COMMAND...: run once, append "cpu wall rss" to $WORK/samples/LABEL.
mkdir -p "$WORK/samples"
sample() {
	local label=$1; shift
	"$WORK/bench-deps" time "$@" > "$WORK/out" 2> "$WORK/time" || { cat "$WORK/out" "$WORK/time"; return 1; }
	tail -1 "$WORK/time" | awk '{print $2 + $3, $1, $4}' >> "$WORK/samples/$label"
}
# summary LABEL: fastest and median CPU, fastest wall, peak RSS of its samples.
summary() {
	sort -n "$WORK/samples/$1" | awk -v label="$1" '
		{ cpu[NR] = $1; if (NR == 1 || $2 < wall) wall = $2; if ($3 > rss) rss = $3 }
		END { printf "%-28s cpu min %6.3fs median %6.3fs  wall min %7.3fs  peak RSS %4d MiB  (%d runs)\n", label, cpu[1], cpu[int((NR + 1) / 2)], wall, rss / 1024, NR }'
}
median() { sort -n "$WORK/samples/$1" | awk '{ c[NR] = $1 } END { print c[int((NR + 1) / 2)] }'; }
repeat() { # label, n, command...
	local label=$1 n=$2; shift 2
	for _ in $(seq "$n"); do sample "$label" "$@"; done
	summary "$label"
}
repeat "floor: tollgate version" "$RUNS" "$WORK/tollgate" version
export XDG_CACHE_HOME="$WORK/cache-empty"
repeat "floor: scan empty dir" "$RUNS" "$WORK/tollgate" scan -q --scanners deps --offline --osv-db "$DB" --fail-on none -f json -o "$WORK/tg.json" "$WORK/empty"
# The warm tollgate runs and the osv-scanner runs are interleaved (round
# i runs each tool once while it has runs left), so that a change in the
# machine's load falls on both; the ratio is osv-scanner's median CPU over
# tollgate's.
for tree in corpus tree; do
	export XDG_CACHE_HOME="$WORK/cache-$tree"
	tg="'$WORK/tollgate' scan -q --scanners deps --offline --osv-db '$DB' --fail-on none --allow-scanner-errors -f json -o '$WORK/tg.json' '$WORK/$tree' && echo ok"
	osv="'$OSV' scan source --offline --local-db-path '$DB' --format json -r '$WORK/$tree' > '$WORK/osv.json' 2>/dev/null; test \$? -le 1 && echo ok"
	osvnc="'$OSV' scan source --offline --no-call-analysis=go --local-db-path '$DB' --format json -r '$WORK/$tree' > '$WORK/osv.json' 2>/dev/null; test \$? -le 1 && echo ok"
	measure "$tree tollgate cold" sh -c "$tg"
	for i in $(seq "$(( RUNS > OSV_RUNS ? RUNS : OSV_RUNS ))"); do
		if [ "$i" -le "$RUNS" ]; then sample "$tree tollgate warm" sh -c "$tg"; fi
		if [ -n "$OSV" ] && [ "$i" -le "$OSV_RUNS" ]; then
			sample "$tree osv-scanner" sh -c "$osv"
			if [ "$tree" = corpus ]; then sample "$tree osv-scanner no-call" sh -c "$osvnc"; fi
		fi
	done
	summary "$tree tollgate warm"
	if [ -n "$OSV" ]; then
		summary "$tree osv-scanner"
		if [ "$tree" = corpus ]; then summary "$tree osv-scanner no-call"; fi
		awk -v t="$tree" -v a="$(median "$tree osv-scanner")" -v b="$(median "$tree tollgate warm")" \
			'BEGIN { printf "%-28s %.1fx less CPU than osv-scanner (median)\n", t " ratio", a / b }'
	fi
done
