#!/usr/bin/env bash
# The shell step of tollgate's GitHub Action (action.yml): runs the gate,
# writes the Markdown report to the step summary and sets the outputs. In
# pull-request mode it first scans the base branch for a baseline (so only
# new findings fail) and scans secrets on the PR's commits only.
#
# Inputs arrive as TG_ACTION_* variables (see action.yml; not TOLLGATE_*,
# which tollgate itself reads as flag defaults); GITHUB_* and
# RUNNER_TEMP come from the runner. Exit code: tollgate's (0 pass, 1 fail,
# 2 error), after the outputs are written.
set -uo pipefail

bin=tollgate
path="${TG_ACTION_PATH_INPUT:-.}"
sarif="${TG_ACTION_SARIF_FILE:-tollgate.sarif}"
tmp="${RUNNER_TEMP:-/tmp}/tollgate-action"
mkdir -p "$tmp"

args=(scan --report "sarif=$sarif" --report "markdown=$tmp/summary.md" --markdown-limit 1048576)
[ -n "${TG_ACTION_SCANNERS:-}" ] && args+=(--scanners "$TG_ACTION_SCANNERS")
[ -n "${TG_ACTION_FAIL_ON:-}" ] && args+=(--fail-on "$TG_ACTION_FAIL_ON")
baseline="${TG_ACTION_BASELINE:-}"

pr_mode="${TG_ACTION_PR_MODE:-auto}"
if [ "$pr_mode" = auto ]; then
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request|pull_request_target) pr_mode=true ;;
    *) pr_mode=false ;;
  esac
fi
if [ "$pr_mode" = true ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  base="origin/$GITHUB_BASE_REF"
  git -C "$path" rev-parse --verify --quiet "$base^{commit}" >/dev/null ||
    git -C "$path" fetch --no-tags --quiet origin "$GITHUB_BASE_REF:refs/remotes/$base" || {
      echo "::error::tollgate: cannot fetch the base branch $GITHUB_BASE_REF (check out with fetch-depth: 0)"
      echo "verdict=error" >>"${GITHUB_OUTPUT:-/dev/null}"
      exit 2
    }
  if [ -z "$baseline" ]; then
    # The base branch's own findings become the baseline: the PR fails
    # only on what it adds. Its verdict does not matter here.
    rm -rf "$tmp/base"
    git -C "$path" worktree add --detach --quiet "$tmp/base" "$base" || exit 2
    "$bin" scan -q --fail-on none ${TG_ACTION_SCANNERS:+--scanners "$TG_ACTION_SCANNERS"} \
      --report "json=$tmp/baseline.json" -f json -o "$tmp/base-report.json" "$tmp/base"
    code=$?
    git -C "$path" worktree remove --force "$tmp/base"
    if [ "$code" -ne 0 ]; then
      echo "::error::tollgate: the base-branch scan for the baseline failed (exit $code)"
      echo "verdict=error" >>"${GITHUB_OUTPUT:-/dev/null}"
      exit 2
    fi
    baseline="$tmp/baseline.json"
  fi
  # Secrets: only the lines the PR's commits add.
  args+=(--git-since "$(git -C "$path" merge-base "$base" HEAD)")
fi
[ -n "$baseline" ] && args+=(--baseline "$baseline")

# Extra arguments are split on spaces, as a user writes them in YAML.
# shellcheck disable=SC2206
[ -n "${TG_ACTION_ARGS:-}" ] && args+=($TG_ACTION_ARGS)

"$bin" "${args[@]}" "$path" 2> >(tee "$tmp/stderr" >&2)
code=$?
wait

case "$code" in
  0) verdict=passed ;;
  1) verdict=failed ;;
  *) verdict=error ;;
esac
findings=$(sed -n 's/^tollgate: \([0-9][0-9]*\) findings in .*/\1/p' "$tmp/stderr" | tail -n 1)
{
  echo "verdict=$verdict"
  echo "findings=${findings:-0}"
  echo "sarif-file=$sarif"
} >>"${GITHUB_OUTPUT:-/dev/null}"
if [ -f "$tmp/summary.md" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$tmp/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
exit "$code"
