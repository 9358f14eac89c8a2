"""Observing the portal in production: request ids carried into logs and tasks, JSON log
lines, Prometheus metrics, and the liveness and readiness probes."""
