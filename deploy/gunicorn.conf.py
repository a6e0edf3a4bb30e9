"""Gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("ANJU_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("ANJU_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("ANJU_WEB_THREADS", 2))
timeout = 60
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("ANJU_FORWARDED_ALLOW_IPS", "127.0.0.1")
