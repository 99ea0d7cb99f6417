#!/usr/bin/env bash
# Ingest benchmarks (P5, P5s) against a throwaway PostgreSQL cluster with default settings (fsync on),
# started on a free 127.0.0.1 port and removed on exit (TOOLCHAIN.md recipe; needs root for runuser).
#
#   bash Tests/InventoryRules.Benchmarks/run-benchmarks.sh ingest  [--sizes 100000,1000000] [...]
#   bash Tests/InventoryRules.Benchmarks/run-benchmarks.sh profile [--batches 200]
#   bash Tests/InventoryRules.Benchmarks/run-benchmarks.sh bdn     [--filter '*']
#   bash Tests/InventoryRules.Benchmarks/run-benchmarks.sh fsync   (pg_test_fsync on the cluster's disk)
#
# Extra arguments go to the harness (see `help`). The harness is built in Release first.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COMMAND=${1:-ingest}
shift || true

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $PGBIN/initdb ]] || { echo "PostgreSQL server binaries missing: apt-get install -y postgresql" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
D=$(mktemp -d /tmp/irbench-pg.XXXXXX)
chown postgres:postgres "$D"
mkdir "$D/sock"
chown postgres:postgres "$D/sock"

cleanup() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$D"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

runuser -u postgres -- "$PGBIN/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 30 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$D/sock" start >/dev/null
CS="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PORT, data in $D/data (default settings, fsync on)"

if [[ $COMMAND == fsync ]]; then
  runuser -u postgres -- "$PGBIN/pg_test_fsync" -s 2 -f "$D/data/fsync.probe"
  exit 0
fi

dotnet build -c Release "$HERE/InventoryRules.Benchmarks.csproj" -nologo -v q
dotnet "$HERE/bin/Release/net10.0/InventoryRules.Benchmarks.dll" "$COMMAND" --pg "$CS" "$@"
