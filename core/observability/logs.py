"""Log lines as JSON objects, one per line, with the request id of whatever wrote them."""

import json
import logging
from datetime import UTC, datetime

from core.observability import context

# Attributes of a LogRecord that the JSON line carries when a caller set them (``extra=``).
EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "view", "task", "task_id")


class RequestContextFilter(logging.Filter):
    """Stamp each record with the current request id (``-`` outside requests and tasks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            # Django logs the 4xx and 5xx after the middleware (with the request attached).
            request = getattr(record, "request", None)
            record.request_id = context.current() or getattr(request, "request_id", None) or "-"
        return True


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", "request_id", ...}``: what log collectors
    (Loki, ELK, journald with a JSON parser) read without a pattern."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or context.current() or None,
        }
        for field in EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                line[field] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
