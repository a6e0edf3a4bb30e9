#!/usr/bin/env bash
# Installs the Debian packages Anju needs when they are missing:
#   run:  fonts-noto-cjk (Chinese PDFs), pango (WeasyPrint)
#   test: chromium (browser tests), poppler-utils (PDF checks)
# Usage: scripts/system-deps.sh run|test
set -euo pipefail
want=(fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0)
if [ "${1:-run}" = "test" ]; then
  want+=(chromium poppler-utils)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "安装系统依赖：${missing[*]}"
if [ "$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "缺少系统软件包 ${missing[*]}，且无 root 权限：请以管理员身份运行 apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
