"""Maps (Leaflet): the optional tile layer and the offline district boundaries.

ANJU_MAP_TILE_URL is a Leaflet tile template such as ``https://tiles.example.cn/{z}/{x}/{y}.png``
served inside the government network; empty (the default) shows no tiles, only the district
boundaries and markers on a plain background, so the map works without any outside service.
The tile server's origin is added to the CSP img-src (config.integrations.security).
"""

from urllib.parse import urlsplit

from config.env import BASE_DIR, env_bool, env_str

ANJU_MAP_TILE_URL = env_str("ANJU_MAP_TILE_URL", "")
ANJU_MAP_TILE_ATTRIBUTION = env_str("ANJU_MAP_TILE_ATTRIBUTION", "")


def _origin(url: str) -> str:
    """The scheme://host[:port] of a tile template, or "" for none or a relative one."""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return ""


ANJU_MAP_TILE_ORIGIN = _origin(ANJU_MAP_TILE_URL)

# District boundaries extracted by `manage.py load_boundaries` (one GeoJSON file per city).
ANJU_BOUNDARIES_DIR = env_str("ANJU_BOUNDARIES_DIR", str(BASE_DIR / "var" / "boundaries"))

# The bundled outlines have no 审图号 (map approval number), so the public portal shows them only
# when a city supplies approved outlines and turns this on (decision 14); staff maps always may.
ANJU_PUBLIC_MAP_BOUNDARIES = env_bool("ANJU_PUBLIC_MAP_BOUNDARIES", False)

# Where the map opens before it has data to fit: "latitude,longitude" (default 亳州市).
ANJU_MAP_CENTRE = env_str("ANJU_MAP_CENTRE", "33.87,115.78")
