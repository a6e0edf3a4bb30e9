#!/usr/bin/env bash
# Nightly PostgreSQL base backup for Anju (security.md #17; CJJ/T 196 17.0.x).
# WAL archiving (postgresql.conf): archive_mode = on
#   archive_command = 'test ! -f /var/lib/anju/wal/%f && cp %p /var/lib/anju/wal/%f'
# Restore = this base backup + the WAL files up to the chosen point in time
# (restore_command = 'cp /var/lib/anju/wal/%f %p', recovery_target_time = '...').
set -euo pipefail
target="${ANJU_BACKUP_DIR:-/var/lib/anju/backup}/$(date +%Y%m%dT%H%M%S)"
mkdir -p "$target"
pg_basebackup -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -D "$target" -Ft -z -Xs -c fast -P
# Keep 14 days of base backups.
find "$(dirname "$target")" -maxdepth 1 -type d -mtime +14 -exec rm -rf {} +
echo "备份完成：$target"
