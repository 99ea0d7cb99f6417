#!/usr/bin/env bash
# Test command for InventoryRules: `bash scripts/test.sh` from the repository root.
#
# What it does:
#   1. Installs what it needs from Debian if missing (PostgreSQL; Chromium for the web tool's
#      end-to-end tests; python3 for the summary). Node.js >= 20.19 with npm must be on the PATH:
#      the Api build runs `npm ci` and the Vite build of RuleAuthoring/ (Debian 12's nodejs is too old).
#      Needs root (or sudo) only when something has to be installed.
#   2. Builds InventoryRules.sln once (Release); a build failure stops here.
#   3. Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port (fsync off, for speed) and
#      exports INVENTORYRULES_TEST_POSTGRES; the tests create their own databases in it. The
#      cluster and its directory are removed on exit, also on failure, Ctrl-C or SIGTERM (and a
#      cluster left behind by a killed run is removed by the next run).
#   4. Runs `dotnet test --no-build` with TRX results under TestResults/run-<timestamp>/
#      (git-ignored), then the web tool's unit tests (Vitest, JUnit XML in the same folder).
#   5. Sums all TRX and JUnit files, lists failed tests, and prints as the very last line:
#        N passed, N failed, N skipped
#      Exit status is non-zero if the build failed, a test failed, `dotnet test` failed, or no
#      test ran at all.
#
# Environment:
#   TEST_FILTER   optional; passed to `dotnet test --filter`, e.g.
#                   TEST_FILTER='FullyQualifiedName~Engine' bash scripts/test.sh
#                   TEST_FILTER='TestCategory!=Slow' bash scripts/test.sh
#                 A filter that matches no test counts as a failure (nothing ran).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
SOLUTION=InventoryRules.sln

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*"; }

PASSED=0 FAILED=0 SKIPPED=0
# Cleans up, prints the summary line (always the last line of output) and exits with $1.
finish() {
  cleanup
  printf '%s passed, %s failed, %s skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
  exit "$1"
}

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "error: need root (or sudo) to run: $*" >&2; return 1
  fi
}

# Runs a long command (dotnet) as a waited-for child, so that INT/TERM reach our trap at once
# (bash defers traps while a foreground command runs) and are forwarded to it.
CHILD=""
run() {
  local rc=0
  "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

on_signal() {
  trap '' INT TERM
  if [[ -n $CHILD ]]; then
    # dotnet ends its build nodes, vstest.console and testhosts itself on SIGTERM.
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  echo "Interrupted." >&2
  exit "$1"
}

# ---------------------------------------------------------------------------------------------
# Debian packages. To need another package later, add one line to ensure_packages.
# ---------------------------------------------------------------------------------------------
ensure_packages() {
  local pkgs=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || pkgs+=(postgresql)
  command -v python3 >/dev/null 2>&1 || pkgs+=(python3)
  # The web tool's end-to-end tests drive Debian's Chromium (TOOLCHAIN.md); they fail without it.
  [[ -x /usr/bin/chromium ]] || pkgs+=(chromium)
  ((${#pkgs[@]})) || return 0

  local aptlog
  aptlog=$(mktemp)
  log "Installing ${pkgs[*]}: apt-get update..."
  if ! as_root apt-get update >"$aptlog" 2>&1; then
    cat "$aptlog" >&2; rm -f "$aptlog"; echo "error: apt-get update failed" >&2; return 1
  fi
  log "Installing ${pkgs[*]}: apt-get install..."
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}" \
      >"$aptlog" 2>&1; then
    cat "$aptlog" >&2; rm -f "$aptlog"; echo "error: apt-get install ${pkgs[*]} failed" >&2; return 1
  fi
  rm -f "$aptlog"
  log "Installed ${pkgs[*]}."
}

# ---------------------------------------------------------------------------------------------
# Throwaway PostgreSQL cluster
# ---------------------------------------------------------------------------------------------
PG_BIN="" PG_DIR="" PG_PORT=""
PG_TMP=${TMPDIR:-/tmp}

# Runs a PostgreSQL program as the postgres user when we are root (the server refuses to run as
# root), else as ourselves; from $1 (the repo may not be readable by postgres).
as_pg_in() {
  local dir=$1; shift
  if [[ $EUID -eq 0 ]]; then (cd "$dir" && runuser -u postgres -- "$@")
  else (cd "$dir" && "$@")
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Stops and deletes clusters of earlier runs that were killed before they could clean up.
reap_stale_clusters() {
  local d owner
  for d in "$PG_TMP"/inventoryrules-pg.*; do
    [[ -d $d && -f $d/owner.pid ]] || continue
    owner=$(<"$d/owner.pid")
    [[ $owner =~ ^[0-9]+$ ]] && ! kill -0 "$owner" 2>/dev/null || continue
    if [[ -f $d/data/postmaster.pid ]]; then
      as_pg_in "$d" "$PG_BIN/pg_ctl" -D "$d/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$d" 2>/dev/null && log "Removed stale throwaway cluster $d" || true
  done
}

start_postgres() {
  local initdb major
  initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  [[ -x $initdb ]] || { echo "error: no PostgreSQL initdb under /usr/lib/postgresql" >&2; return 1; }
  PG_BIN=$(dirname "$initdb")
  major=$(basename "$(dirname "$PG_BIN")")
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "error: no 'postgres' system user" >&2; return 1
  fi

  reap_stale_clusters

  local t0=${EPOCHREALTIME//[.,]/}
  PG_DIR=$(mktemp -d "$PG_TMP/inventoryrules-pg.XXXXXX")
  echo "$$" >"$PG_DIR/owner.pid"
  [[ $EUID -ne 0 ]] || chown postgres:postgres "$PG_DIR"
  as_pg_in "$PG_DIR" mkdir "$PG_DIR/sock"

  if ! as_pg_in "$PG_DIR" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 \
      --no-locale >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2; echo "error: initdb failed" >&2; return 1
  fi

  # The OS picks the port; another process could take it before the server binds: retry.
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(free_port)
    if as_pg_in "$PG_DIR" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >"$PG_DIR/pg_ctl.log" 2>&1; then
      break
    fi
    if ((attempt == 5)); then
      cat "$PG_DIR/pg_ctl.log" "$PG_DIR/server.log" >&2 2>/dev/null || true
      echo "error: PostgreSQL did not start" >&2; return 1
    fi
    as_pg_in "$PG_DIR" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  done
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30 \
    || { cat "$PG_DIR/server.log" >&2; echo "error: PostgreSQL not ready" >&2; return 1; }

  local ms=$(( (${EPOCHREALTIME//[.,]/} - t0) / 1000 ))
  log "PostgreSQL $major ready on 127.0.0.1:$PG_PORT in ${ms} ms (cluster in $PG_DIR)"
}

stop_postgres() {
  [[ -n $PG_DIR && -d $PG_DIR ]] || return 0
  if [[ -f $PG_DIR/data/postmaster.pid ]]; then
    as_pg_in "$PG_DIR" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg_in "$PG_DIR" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1 \
      || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}

cleanup() { stop_postgres || true; }
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# ---------------------------------------------------------------------------------------------
# TRX summary: prints the failed tests, then "passed failed skipped executed trx_files" as the
# last line of its output.
# ---------------------------------------------------------------------------------------------
summarize_trx() {
  python3 - "$1" <<'PY'
import os, sys
import xml.etree.ElementTree as ET

T = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILED = ("failed", "error", "timeout", "aborted")
passed = failed = skipped = executed = 0
failures = []
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith(".trx") or f.endswith(".junit.xml"))
for path in files:
    if path.endswith(".junit.xml"):
        # Vitest's JUnit report: a testcase with <failure>/<error> failed, with <skipped> was skipped.
        try:
            cases = list(ET.parse(path).getroot().iter("testcase"))
        except ET.ParseError as e:
            print(f"error: cannot parse {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        for case in cases:
            name = f"{case.get('classname', '')} > {case.get('name', '')}"
            bad = case.find("failure") if case.find("failure") is not None else case.find("error")
            if bad is not None:
                failed += 1
                executed += 1
                failures.append((name, (bad.get("message") or "").strip()))
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
                executed += 1
        continue
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"error: cannot parse {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    c = root.find(f"{T}ResultSummary/{T}Counters")
    if c is None:
        print(f"error: no Counters in {path}", file=sys.stderr)
        failed += 1
        continue
    n = lambda k: int(c.get(k, "0"))
    f = sum(n(k) for k in FAILED)
    passed += n("passed")
    failed += f
    # The TRX logger leaves notExecuted at 0 for ignored NUnit tests: count the rest as skipped
    # (ignored, inconclusive, not runnable, ...).
    skipped += max(n("total") - n("passed") - f, 0)
    executed += n("executed")

    names = {}
    for ut in root.iter(f"{T}UnitTest"):
        tm = ut.find(f"{T}TestMethod")
        cls = tm.get("className", "") if tm is not None else ""
        names[ut.get("id")] = f"{cls}.{ut.get('name')}" if cls else ut.get("name")
    for r in root.iter(f"{T}UnitTestResult"):
        if r.get("outcome", "").lower() in FAILED:
            msg = r.find(f"{T}Output/{T}ErrorInfo/{T}Message")
            text = (msg.text or "").strip() if msg is not None else ""
            first = text.splitlines()[0] if text else ""
            failures.append((names.get(r.get("testId")) or r.get("testName"), first))

if failures:
    print(f"Failed tests ({len(failures)}):")
    for name, first in failures:
        print(f"  FAILED {name}" + (f"  -- {first[:200]}" if first else ""))
print(passed, failed, skipped, executed, len(files))
PY
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
[[ -f $SOLUTION ]] || { echo "error: $SOLUTION not found in $ROOT" >&2; finish 1; }
command -v dotnet >/dev/null 2>&1 || { echo "error: dotnet not found on PATH" >&2; finish 1; }
command -v npm >/dev/null 2>&1 || { echo "error: npm not found on PATH: the web tool (RuleAuthoring/) is built with Node.js >= 20.19 and npm" >&2; finish 1; }

ensure_packages || finish 1

log "dotnet build $SOLUTION -c Release"
build_rc=0
run dotnet build "$SOLUTION" -c Release -nologo || build_rc=$?
if ((build_rc != 0)); then
  echo "BUILD FAILED (exit $build_rc): no tests were run." >&2
  finish "$build_rc"
fi

start_postgres || finish 1
export INVENTORYRULES_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"

RESULTS="$ROOT/TestResults/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$RESULTS"
test_args=(test "$SOLUTION" -c Release --no-build --logger trx --results-directory "$RESULTS")
if [[ -n ${TEST_FILTER:-} ]]; then
  test_args+=(--filter "$TEST_FILTER")
  log "TEST_FILTER: $TEST_FILTER"
fi
log "dotnet ${test_args[*]}"
test_rc=0
run dotnet "${test_args[@]}" || test_rc=$?

if [[ -z ${TEST_FILTER:-} ]]; then
  log "npx vitest run (RuleAuthoring/)"
  vitest_rc=0
  (cd "$ROOT/RuleAuthoring" && run npx vitest run --reporter=default --reporter=junit \
    --outputFile.junit="$RESULTS/rule-authoring.junit.xml") || vitest_rc=$?
  ((vitest_rc == 0)) || { echo "vitest exited with code $vitest_rc" >&2; test_rc=$vitest_rc; }
fi

summary=$(summarize_trx "$RESULTS") || { echo "error: could not read the TRX results" >&2; finish 1; }
# All lines but the last one list the failed tests.
if [[ $summary == *$'\n'* ]]; then printf '%s\n' "${summary%$'\n'*}"; fi
read -r PASSED FAILED SKIPPED executed trx_files <<<"${summary##*$'\n'}"

status=0
if ((trx_files == 0)); then
  echo "error: no TRX result file was produced in $RESULTS" >&2; status=1
elif ((executed == 0)); then
  echo "error: no test was executed" >&2; status=1
fi
((FAILED == 0)) || status=1
if ((test_rc != 0)); then
  echo "a test run exited with code $test_rc" >&2; status=1
fi
echo "TRX results: $RESULTS"
finish "$status"
