"""The workflow definitions of 配后管理 (loaded by `manage.py load_processes <files>`)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
REVIEW_PROCESS = "tenancy_annual_review"
EXIT_PROCESS = "tenancy_exit"
PROCESS_FILES = (DATA_DIR / f"{REVIEW_PROCESS}.json", DATA_DIR / f"{EXIT_PROCESS}.json")
