"""gunicorn settings for `make serve`, read from the environment like the Django settings."""

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
# The portal writes its own JSON request log line (core.observability); gunicorn's access
# log would say the same again. ACCESS_LOG=- turns it back on.
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
# Addresses of the reverse proxies allowed to set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Prometheus metrics (/metrics) with several worker processes: each writes its counters to
# files in PROMETHEUS_MULTIPROC_DIR and the scrape adds them up. The directory must exist
# before the workers import prometheus-client, and start empty (stale counts of a previous
# run would be added); a dead worker's live gauges are dropped.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="portal-prometheus-")
_metrics_dir = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])


def on_starting(server):
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid, str(_metrics_dir))
