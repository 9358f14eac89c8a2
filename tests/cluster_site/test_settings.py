"""The settings module refuses unsafe production configurations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with exactly ``env`` set."""
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "PYTHONPATH"}}
    code = (
        "import json, cluster_site.settings as s;"
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT',"
        "'SECURE_HSTS_SECONDS', 'X_FRAME_OPTIONS', 'SECURE_REFERRER_POLICY', 'LANGUAGE_CODE',"
        "'TIME_ZONE')}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = load_settings(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_checkout_without_configuration_runs_in_development_mode():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert '"DEBUG": true' in result.stdout
    assert '"SECURE_SSL_REDIRECT": false' in result.stdout


def test_production_turns_on_https_hardening():
    result = load_settings(DEBUG="false", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    for expected in (
        '"SESSION_COOKIE_SECURE": true',
        '"CSRF_COOKIE_SECURE": true',
        '"SECURE_SSL_REDIRECT": true',
        '"SECURE_HSTS_SECONDS": 31536000',
        '"X_FRAME_OPTIONS": "DENY"',
        '"SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin"',
        '"LANGUAGE_CODE": "fr"',
        '"TIME_ZONE": "Europe/Paris"',
    ):
        assert expected in result.stdout


def test_https_false_turns_the_three_off_together():
    result = load_settings(DEBUG="false", SECRET_KEY="x" * 50, HTTPS="false")
    assert result.returncode == 0, result.stderr
    assert '"SESSION_COOKIE_SECURE": false' in result.stdout
    assert '"SECURE_SSL_REDIRECT": false' in result.stdout
    assert '"SECURE_HSTS_SECONDS": 0' in result.stdout


@pytest.mark.parametrize("value", ["yes", "1", "on", "True!"])
def test_booleans_accept_only_true_or_false(value):
    result = load_settings(DEBUG=value, SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG must be 'true' or 'false'" in result.stderr


def test_deploy_checks_pass_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DEBUG": "false",
            "SECRET_KEY": "k" * 20 + "production-like-secret-key-for-the-check" + "z" * 10,
            "ALLOWED_HOSTS": "portal.example.org",
            "EMAIL_HOST": "smtp.example.org",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
