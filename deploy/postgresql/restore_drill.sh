#!/usr/bin/env bash
# Restore drill (security.md #17; CJJ/T 196 17.0.4): base backup + WAL archive → point-in-time restore.
#
# On a scratch PostgreSQL cluster of its own (never the production one):
#   1. Anju schema and demo data; a base backup (pg_basebackup) while WAL is archived;
#   2. more business data after the backup (only the WAL has it), then a named restore point
#      and the data checksum at that point (`manage.py data_checksum`);
#   3. damage after the point (more data), then the primary is stopped for good;
#   4. restore: the base backup + WAL replayed up to the restore point, on a second cluster;
#   5. the restored checksum must equal the checksum at the point and differ from the damaged one.
# Prints the times of the backup and of the restore; exits non-zero if anything differs.
#
# Usage: deploy/postgresql/restore_drill.sh [households]   (default 2000; run from the repository)
set -euo pipefail

HOUSEHOLDS="${1:-2000}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${PYTHON:-$REPO/.venv/bin/python}"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PORT_PRIMARY="${DRILL_PORT_PRIMARY:-55432}"
PORT_RESTORED="${DRILL_PORT_RESTORED:-55433}"
WORK="$(mktemp -d /tmp/anju-restore-drill.XXXXXX)"
chmod 755 "$WORK"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
    for dir in primary restored; do
        [ -f "$WORK/$dir/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$WORK/$dir" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "[$(date +%H:%M:%S)] $*"; }
manage() { DATABASE_URL="postgres://postgres@127.0.0.1:$1/anju" "$PY" "$REPO/manage.py" "${@:2}"; }
psql_at() { as_postgres "$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d anju -Atqc "$2"; }

[ -x "$PGBIN/initdb" ] || { echo "找不到 PostgreSQL 程序（initdb），请设置 PGBIN。" >&2; exit 2; }
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi
as_postgres mkdir -p "$WORK/wal"

step "1. 初始化演练用主库（端口 $PORT_PRIMARY）并开启 WAL 归档"
as_postgres "$PGBIN/initdb" -D "$WORK/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat <<CONF | as_postgres tee -a "$WORK/primary/postgresql.conf" >/dev/null
port = $PORT_PRIMARY
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $WORK/wal/%f && cp %p $WORK/wal/%f'
CONF
as_postgres "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT_PRIMARY" -U postgres anju

manage "$PORT_PRIMARY" migrate --noinput >/dev/null
manage "$PORT_PRIMARY" load_regions >/dev/null
manage "$PORT_PRIMARY" load_dictionaries >/dev/null
manage "$PORT_PRIMARY" demo_data --households "$HOUSEHOLDS" --seed 1 >/dev/null

step "2. 基础备份（pg_basebackup）"
started=$(date +%s)
as_postgres "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT_PRIMARY" -U postgres -D "$WORK/base" -Ft -z -Xs -c fast >/dev/null
step "   基础备份用时 $(( $(date +%s) - started )) 秒，大小 $(du -sh "$WORK/base" | cut -f1)"

step "3. 备份后的业务数据（只在 WAL 中），建立恢复点并计算摘要"
manage "$PORT_PRIMARY" demo_data --households "$(( HOUSEHOLDS / 2 ))" --seed 2 >/dev/null
psql_at "$PORT_PRIMARY" "SELECT pg_create_restore_point('anju_drill')" >/dev/null
expected=$(manage "$PORT_PRIMARY" data_checksum | tail -1)
step "   恢复点摘要 $expected"

step "4. 恢复点之后的变更（模拟误操作），然后停止主库"
manage "$PORT_PRIMARY" demo_data --households 10 --seed 3 >/dev/null
damaged=$(manage "$PORT_PRIMARY" data_checksum | tail -1)
psql_at "$PORT_PRIMARY" "SELECT pg_switch_wal()" >/dev/null
sleep 2
as_postgres "$PGBIN/pg_ctl" -D "$WORK/primary" -m fast -w stop >/dev/null

step "5. 从基础备份恢复到恢复点（端口 $PORT_RESTORED）"
started=$(date +%s)
as_postgres mkdir -p "$WORK/restored"
as_postgres chmod 700 "$WORK/restored"
as_postgres tar -xzf "$WORK/base/base.tar.gz" -C "$WORK/restored"
as_postgres tar -xzf "$WORK/base/pg_wal.tar.gz" -C "$WORK/restored/pg_wal"
cat <<CONF | as_postgres tee -a "$WORK/restored/postgresql.conf" >/dev/null
port = $PORT_RESTORED
archive_mode = off
restore_command = 'cp $WORK/wal/%f %p'
recovery_target_name = 'anju_drill'
recovery_target_action = 'promote'
CONF
as_postgres touch "$WORK/restored/recovery.signal"
as_postgres "$PGBIN/pg_ctl" -D "$WORK/restored" -l "$WORK/restored.log" -w -t 600 start >/dev/null
for _ in $(seq 1 600); do
    [ "$(psql_at "$PORT_RESTORED" "SELECT pg_is_in_recovery()" 2>/dev/null)" = "f" ] && break
    sleep 1
done
actual=$(manage "$PORT_RESTORED" data_checksum | tail -1)
step "   恢复用时 $(( $(date +%s) - started )) 秒；恢复后摘要 $actual"

if [ "$actual" != "$expected" ]; then
    echo "恢复演练失败：恢复后的数据摘要与恢复点不一致。" >&2
    exit 1
fi
if [ "$actual" = "$damaged" ]; then
    echo "恢复演练无效：恢复点前后数据摘要相同，误操作没有产生变化。" >&2
    exit 1
fi
step "恢复演练通过：恢复到恢复点的数据与当时一致，恢复点之后的变更未被恢复。"
