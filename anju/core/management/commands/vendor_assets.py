"""Copy the listed front-end files from node_modules into anju/static/vendor (git-ignored)."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# (package, file inside the package, target below static/vendor/<package>/)
MANIFEST: tuple[tuple[str, str], ...] = (
    ("bootstrap", "dist/css/bootstrap.min.css"),
    ("bootstrap", "dist/css/bootstrap.min.css.map"),
    ("bootstrap", "dist/js/bootstrap.bundle.min.js"),
    ("bootstrap", "dist/js/bootstrap.bundle.min.js.map"),
    ("bootstrap", "LICENSE"),
    ("bootstrap-icons", "font/bootstrap-icons.min.css"),
    ("bootstrap-icons", "font/fonts/bootstrap-icons.woff2"),
    ("bootstrap-icons", "font/fonts/bootstrap-icons.woff"),
    ("bootstrap-icons", "LICENSE"),
    ("echarts", "dist/echarts.min.js"),
    ("echarts", "LICENSE"),
    ("leaflet", "dist/leaflet.js"),
    ("leaflet", "dist/leaflet.css"),
    ("leaflet", "dist/images/marker-icon.png"),
    ("leaflet", "dist/images/marker-icon-2x.png"),
    ("leaflet", "dist/images/marker-shadow.png"),
    ("leaflet", "dist/images/layers.png"),
    ("leaflet", "LICENSE"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js"),
    ("leaflet.markercluster", "dist/MarkerCluster.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css"),
    ("leaflet.markercluster", "MIT-LICENCE.txt"),
)


class Command(BaseCommand):
    """manage.py vendor_assets."""

    help = "从 node_modules 复制前端资源到 anju/static/vendor（不提交到仓库）。"

    def handle(self, *args, **options):
        source = Path(settings.ANJU_NODE_MODULES)
        target = Path(settings.BASE_DIR) / "anju" / "static" / "vendor"
        copied = 0
        for package, relative in MANIFEST:
            src = source / package / relative
            if not src.exists():
                raise CommandError(f"缺少前端资源 {package}/{relative}：请先运行 npm ci。")
            # Keep the path below dist/ (or the package root) so relative URLs in CSS still work.
            inner = relative.removeprefix("dist/")
            dst = target / package / inner
            dst.parent.mkdir(parents=True, exist_ok=True)
            if not dst.exists() or dst.stat().st_mtime < src.stat().st_mtime or dst.stat().st_size != src.stat().st_size:
                shutil.copy2(src, dst)
                copied += 1
        self.stdout.write(f"前端资源就绪（更新 {copied} 个文件）。")
