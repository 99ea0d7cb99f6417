#!/usr/bin/env bash
# End-to-end benchmarks P3 (source + reserve) and P4 (availability) beside pgbench, BENCHMARKS.md:
# `bash scripts/load.sh` from anywhere, as root (PostgreSQL runs as the postgres user).
#
# What it does:
#   1. Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port: Debian defaults (fsync on) but
#      max_connections=300. It is removed on exit, also on failure, Ctrl-C or SIGTERM (KEEP=1 keeps it),
#      and a cluster left behind by a killed run is removed by the next run.
#   2. The references: pgbench -i -s 10, then -N and -S at $CLIENTS clients for $DURATION s each
#      (tps without connection time, latency average).
#   3. Builds the service and the load tool (Release), runs a copy of the service on the cluster with
#      the samples seeded (about 250,000 events: a few minutes; progress from the service log).
#   4. Runs the load tool (Tests/InventoryRules.LoadTest): availability, then source, $CLIENTS clients,
#      $DURATION s each after a $WARMUP s warm-up.
#   5. Prints one Markdown table (P3 and P4 against pgbench, oversold positions, machine, date, commit)
#      and saves it as Tests/InventoryRules.LoadTest/results/<date>-<commit>.md.
#
# Environment:
#   DURATION       seconds per measured run, pgbench and load tool alike (default 60)
#   CLIENTS        concurrent clients, pgbench and load tool alike (default 32)
#   WARMUP         load tool warm-up seconds, not counted (default 5)
#   KEEP=1         keep the cluster after the run (prints where it is and how to remove it)
#   ONLY_PGBENCH=1 stop after pgbench (checks the reference half; nothing is saved)
#   SEED_TIMEOUT   seconds to wait for the seeded service to answer /health (default 900)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

DURATION=${DURATION:-60}
CLIENTS=${CLIENTS:-32}
WARMUP=${WARMUP:-5}
KEEP=${KEEP:-}
ONLY_PGBENCH=${ONLY_PGBENCH:-}
SEED_TIMEOUT=${SEED_TIMEOUT:-900}
for v in DURATION CLIENTS WARMUP SEED_TIMEOUT; do
  [[ ${!v} =~ ^[0-9]+$ && ${!v} -ge 0 ]] || { echo "error: $v must be a whole number, not '${!v}'" >&2; exit 2; }
done
((DURATION >= 1 && CLIENTS >= 1)) || { echo "error: DURATION and CLIENTS must be at least 1" >&2; exit 2; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { echo "error: $*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "run as root: the PostgreSQL server is started as the postgres user with runuser"
id postgres >/dev/null 2>&1 || die "no 'postgres' system user (apt-get install -y postgresql)"
PG_BIN=/usr/lib/postgresql/15/bin
[[ -x $PG_BIN/initdb ]] || PG_BIN=$(dirname "$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
[[ -x $PG_BIN/initdb ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)"
PGBENCH=/usr/bin/pgbench
[[ -x $PGBENCH ]] || PGBENCH=$PG_BIN/pgbench
for tool in python3 curl dotnet; do command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH"; done

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# ---------------------------------------------------------------------------------------------
# Child processes and signals. Long commands run as waited-for children so that INT/TERM reach
# our trap at once (bash defers traps while a foreground command runs) and are passed on.
# ---------------------------------------------------------------------------------------------
CHILD="" SERVICE_PID="" DIR="" PG_PORT=""

run() {
  local rc=0
  "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

stop_service() {
  [[ -n $SERVICE_PID ]] || return 0
  if kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

as_pg() { (cd "$DIR" && runuser -u postgres -- "$@"); }

stop_postgres() {
  [[ -n $DIR && -d $DIR ]] || return 0
  if [[ -n $KEEP ]]; then
    touch "$DIR/keep"
    log "KEEP: cluster left running on 127.0.0.1:$PG_PORT (data $DIR/data). Remove it with:"
    log "  runuser -u postgres -- $PG_BIN/pg_ctl -D $DIR/data -m fast stop; rm -rf $DIR"
    return 0
  fi
  if [[ -f $DIR/data/postmaster.pid ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  DIR=""
}

cleanup() {
  stop_service || true
  stop_postgres || true
}

on_signal() {
  trap '' INT TERM
  if [[ -n $CHILD ]]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  echo "Interrupted." >&2
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# ---------------------------------------------------------------------------------------------
# 1. Throwaway cluster (TOOLCHAIN.md recipe)
# ---------------------------------------------------------------------------------------------
# Stops and deletes clusters of earlier runs that were killed before they could clean up.
reap_stale() {
  local d owner
  for d in /tmp/inventoryrules-load.*; do
    [[ -d $d && -f $d/owner.pid && ! -e $d/keep ]] || continue
    owner=$(<"$d/owner.pid")
    [[ $owner =~ ^[0-9]+$ ]] && ! kill -0 "$owner" 2>/dev/null || continue
    if [[ -f $d/data/postmaster.pid ]]; then
      (cd "$d" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$d/data" -m immediate -w -t 10 stop) >/dev/null 2>&1 || true
    fi
    rm -rf "$d" && log "Removed stale throwaway cluster $d" || true
  done
}

start_postgres() {
  reap_stale
  DIR=$(mktemp -d /tmp/inventoryrules-load.XXXXXX)
  echo "$$" >"$DIR/owner.pid"
  chown postgres:postgres "$DIR"
  as_pg mkdir "$DIR/sock"
  mkdir "$DIR/run" # root's: logs, JSON results, copies of the binaries
  as_pg "$PG_BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$DIR/run/initdb.log" 2>&1 \
    || { cat "$DIR/run/initdb.log" >&2; die "initdb failed"; }
  # The OS picks the port; another process could take it before the server binds: retry.
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(free_port)
    # Benchmark settings: the defaults (fsync on), only more connections for pools plus pgbench.
    if as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR/sock -c max_connections=300" \
        start >"$DIR/run/pg_ctl.log" 2>&1; then
      break
    fi
    ((attempt < 5)) || { cat "$DIR/run/pg_ctl.log" "$DIR/server.log" >&2 2>/dev/null || true; die "PostgreSQL did not start"; }
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  done
  PG_VERSION=$("$PG_BIN/postgres" --version | awk '{print $3}')
  log "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (fsync on, max_connections 300; cluster in $DIR)"
}

psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "$1"; }

# ---------------------------------------------------------------------------------------------
# 2. pgbench
# ---------------------------------------------------------------------------------------------
# Runs pgbench with progress every 5 s on stderr; the final report goes to $1 and its figures to
# TPS / LATENCY.
pgbench_run() {
  local out=$1; shift
  run "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@" -P 5 pgbench >"$out" || { cat "$out" >&2; die "pgbench $* failed"; }
  TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$out")
  LATENCY=$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$out")
  [[ -n $TPS && -n $LATENCY ]] || { cat "$out" >&2; die "could not read tps and latency from pgbench $*"; }
}

run_pgbench() {
  psql_admin "CREATE DATABASE pgbench"
  log "pgbench -i -s 10"
  run "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q pgbench >"$DIR/run/pgbench-init.log" 2>&1 \
    || { cat "$DIR/run/pgbench-init.log" >&2; die "pgbench -i failed"; }
  log "pgbench -N -c $CLIENTS -j 2 -T $DURATION (simple update: the P3 reference)"
  pgbench_run "$DIR/run/pgbench-N.txt" -N -c "$CLIENTS" -j 2 -T "$DURATION"
  PGB_N_TPS=$TPS PGB_N_LAT=$LATENCY
  log "pgbench -N: $PGB_N_TPS tps, latency average $PGB_N_LAT ms"
  log "pgbench -S -c $CLIENTS -j 2 -T $DURATION (select only: the P4 reference)"
  pgbench_run "$DIR/run/pgbench-S.txt" -S -c "$CLIENTS" -j 2 -T "$DURATION"
  PGB_S_TPS=$TPS PGB_S_LAT=$LATENCY
  log "pgbench -S: $PGB_S_TPS tps, latency average $PGB_S_LAT ms"
  # Its tables would only compete with the service's for shared buffers.
  psql_admin "DROP DATABASE pgbench"
}

# ---------------------------------------------------------------------------------------------
# 3. The service, seeded
# ---------------------------------------------------------------------------------------------
build() {
  log "dotnet build (Release): service and load tool"
  run dotnet build "$ROOT/Api/InventoryRules.Api.csproj" -c Release -nologo -v q >"$DIR/run/build-api.log" 2>&1 \
    || { grep -E 'error|warning' "$DIR/run/build-api.log" | sort -u >&2 || cat "$DIR/run/build-api.log" >&2; die "the service does not build"; }
  run dotnet build "$ROOT/Tests/InventoryRules.LoadTest/InventoryRules.LoadTest.csproj" -c Release -nologo -v q >"$DIR/run/build-load.log" 2>&1 \
    || { grep -E 'error|warning' "$DIR/run/build-load.log" | sort -u >&2 || cat "$DIR/run/build-load.log" >&2; die "the load tool does not build"; }
  # Run copies: a rebuild in the working tree during the run must not change what is measured.
  cp -r "$ROOT/Api/bin/Release/net10.0" "$DIR/run/api"
  cp -r "$ROOT/Tests/InventoryRules.LoadTest/bin/Release/net10.0" "$DIR/run/loadtest"
}

start_service() {
  psql_admin "CREATE DATABASE inventoryrules"
  API_PORT=$(free_port)
  API_URL="http://127.0.0.1:$API_PORT"
  local log_file=$DIR/run/service.log
  log "Starting the service on $API_URL (PostgreSQL, samples seeded; log $log_file)"
  # From its own folder, so that its appsettings.json (log levels) applies.
  (
    cd "$DIR/run/api"
    exec env Storage__Provider=postgres \
      "Storage__ConnectionString=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=inventoryrules;Maximum Pool Size=200" \
      Samples__Seed=true Auth__DevelopmentKeys=true \
      dotnet InventoryRules.Api.dll --urls "$API_URL"
  ) >"$log_file" 2>&1 &
  SERVICE_PID=$!

  # Ready means /health answers 200; the port opens only after seeding. Show the seeding lines meanwhile.
  local shown=0 lines start=$SECONDS
  while true; do
    if curl -sf -o /dev/null --max-time 2 "$API_URL/health"; then break; fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      tail -n 40 "$log_file" >&2
      SERVICE_PID=""
      die "the service exited before it was ready"
    fi
    lines=$(wc -l <"$log_file")
    if ((lines > shown)); then
      sed -n "$((shown + 1)),${lines}p" "$log_file" | grep -E '(Seeding|Seeded) samples|^fail:|^crit:|Unhandled exception' | sed 's/^ */    /' >&2 || true
      shown=$lines
    fi
    ((SECONDS - start < SEED_TIMEOUT)) || { tail -n 20 "$log_file" >&2; die "the service was not ready within $SEED_TIMEOUT s"; }
    sleep 2
  done
  grep -E 'Seeded samples' "$log_file" | sed 's/^ */    /' >&2 || true
  log "Service ready after $((SECONDS - start)) s"
}

# ---------------------------------------------------------------------------------------------
# 4. The load tool
# ---------------------------------------------------------------------------------------------
# Exit 1 from the tool means oversold positions: still a result to report.
load() {
  local mode=$1 rc=0
  log "Load tool: $mode, $CLIENTS clients, ${WARMUP} s warm-up + $DURATION s"
  run dotnet "$DIR/run/loadtest/InventoryRules.LoadTest.dll" "$mode" --url "$API_URL" --clients "$CLIENTS" \
    --duration "$DURATION" --warmup "$WARMUP" --json "$DIR/run/$mode.json" >"$DIR/run/$mode.md" || rc=$?
  cat "$DIR/run/$mode.md"
  echo
  ((rc == 0 || rc == 1)) || die "the load tool failed in $mode mode (exit $rc)"
  [[ -f $DIR/run/$mode.json ]] || die "the load tool wrote no results for $mode"
}

# ---------------------------------------------------------------------------------------------
# 5. The table
# ---------------------------------------------------------------------------------------------
machine() {
  local mem
  mem=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  printf '%s cores, %s; %s; PostgreSQL %s (fsync on, max_connections 300); .NET %s' "$(nproc)" "$mem" \
    "$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-Linux}")" "$PG_VERSION" "$(dotnet --version)"
}

commit() {
  local c
  c=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ $c != unknown && -n $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]]; then c="$c+dirty"; fi
  echo "$c"
}

# Reads the two JSON results and the pgbench figures; prints the table.
table() {
  MACHINE=$(machine) COMMIT=$(commit) WHEN=$(date '+%Y-%m-%d %H:%M %Z') \
  PGB_N_TPS=$PGB_N_TPS PGB_N_LAT=$PGB_N_LAT PGB_S_TPS=$PGB_S_TPS PGB_S_LAT=$PGB_S_LAT \
  CLIENTS=$CLIENTS DURATION=$DURATION WARMUP=$WARMUP ONLY_PGBENCH=$ONLY_PGBENCH \
  python3 - "$DIR/run/source.json" "$DIR/run/availability.json" <<'PY'
import json, os, sys
e = os.environ
n_tps, n_lat, s_tps, s_lat = (float(e[k]) for k in ("PGB_N_TPS", "PGB_N_LAT", "PGB_S_TPS", "PGB_S_LAT"))
rows = []
def row(k, v): rows.append((k, v))
def verdict(ok): return "met" if ok else "**not met**"

if e.get("ONLY_PGBENCH"):
    row("pgbench -N (P3 reference)", f"{n_tps:,.1f} tps, latency average {n_lat:.2f} ms")
    row("pgbench -S (P4 reference)", f"{s_tps:,.1f} tps, latency average {s_lat:.2f} ms")
else:
    src, av = (json.load(open(p)) for p in sys.argv[1:3])
    def bad(r):
        parts = [f"{k}: {v:,}" for k, v in r["statuses"].items() if not 200 <= int(k) < 300]
        parts += [f"{k}: {v:,}" for k, v in r["errors"].items()]
        return ", ".join(parts) or "none"
    def target(r, ref_tps, ref_name, min_ratio, max_p99, extra_ok=True):
        lat = r.get("latencyMs")
        if not lat:
            return (f"n/a: no 2xx answer ({bad(r)})", f"{ref_name} {ref_tps:,.1f} tps", "n/a")
        ratio = r["okPerSecond"] / ref_tps
        ok = ratio >= min_ratio and lat["p99Ms"] <= max_p99 and extra_ok and r["ok"] == r["requests"]
        return (f"{r['okPerSecond']:,.1f} req/s (2xx), p50 {lat['p50Ms']:.2f} ms, p99 {lat['p99Ms']:.2f} ms",
                f"{ref_name} {ref_tps:,.1f} tps",
                f"{ratio:.2f}: {verdict(ok)}")
    o = src.get("oversell") or {}
    if o.get("error"): oversold, oversold_ok = f"unknown: {o['error']}", False
    else: oversold, oversold_ok = f"{o.get('oversold', 0):,} of {o.get('positions', 0):,} positions (before the run: {o.get('oversoldBefore', 0):,})", o.get("oversold", 0) == 0
    m, ref, ratio = target(src, n_tps, "pgbench -N", 0.5, 20.0, oversold_ok)
    row("P3 source + reserve", m); row("P3 reference", f"{ref}, latency average {n_lat:.2f} ms")
    row("P3 ratio (target ≥ 0.50, p99 ≤ 20 ms, no oversell, no non-2xx)", ratio)
    m, ref, ratio = target(av, s_tps, "pgbench -S", 1.0, 5.0)
    row("P4 availability", m); row("P4 reference", f"{ref}, latency average {s_lat:.2f} ms")
    row("P4 ratio (target ≥ 1.00, p99 ≤ 5 ms, no non-2xx)", ratio)
    row("oversold positions (committed > onHand)", oversold)
    s = src.get("source") or {}
    if s.get("unitsRequested"):
        row("source: units requested / allocated", f"{s['unitsRequested']:,} / {s['unitsAllocated']:,} ({100 * s['unitsAllocated'] / s['unitsRequested']:.1f} %)")
    row("non-2xx or no answer", f"source: {bad(src)}; availability: {bad(av)}")
row("clients / duration", f"{e['CLIENTS']} / {e['DURATION']} s" + ("" if e.get("ONLY_PGBENCH") else f" (after {e['WARMUP']} s warm-up)"))
row("machine", e["MACHINE"])
row("date / commit", f"{e['WHEN']} / {e['COMMIT']}")
row("command", f"DURATION={e['DURATION']} CLIENTS={e['CLIENTS']} bash scripts/load.sh")
print("| item | value |\n| --- | --- |")
for k, v in rows: print(f"| {k} | {v.replace('|', '/')} |")
PY
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
start_postgres
run_pgbench

if [[ -n $ONLY_PGBENCH ]]; then
  echo
  echo "## pgbench references (ONLY_PGBENCH: the service was not run)"
  echo
  table
  exit 0
fi

build
start_service
echo
load availability
load source
stop_service

RESULTS_DIR=$ROOT/Tests/InventoryRules.LoadTest/results
mkdir -p "$RESULTS_DIR"
RESULT_FILE=$RESULTS_DIR/$(date +%Y-%m-%d)-$(commit).md
{
  echo "## P3 / P4 end to end against pgbench, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  table
} >"$DIR/run/table.md"
cat "$DIR/run/table.md"
{
  cat "$DIR/run/table.md"
  echo
  echo "<details><summary>load tool output</summary>"
  echo
  cat "$DIR/run/availability.md"
  echo
  cat "$DIR/run/source.md"
  echo
  echo "</details>"
} >"$RESULT_FILE"
log "Saved to ${RESULT_FILE#"$ROOT"/}"
