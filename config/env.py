"""Read settings from the environment (12-factor); every setting has one name here."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv() -> None:
    """Load a local .env file, if present, without overriding the real environment."""
    path = BASE_DIR / ".env"
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


_load_dotenv()


def env_str(name: str, default: str = "") -> str:
    """A string setting; an empty value means the default."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    """A boolean setting: 1/true/yes/on are true."""
    value = os.environ.get(name)
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """An integer setting."""
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated list setting."""
    return [item.strip() for item in (os.environ.get(name) or default).split(",") if item.strip()]
