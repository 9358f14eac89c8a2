"""`make bench`: the portal production-like under wrk, page by page, against a minimal page.

What it does, in one command:

1. creates the PostgreSQL database ``portal_bench`` (``BENCH_DATABASE_URL``) if needed,
   migrates it and loads the demo with 5,000 generated organisations unless it has them;
2. starts Redis on a spare port (unless ``REDIS_URL`` is set) and gunicorn with 3 workers,
   DEBUG off, HTTPS off, BENCH on (``/bench/minimal``, the reference page);
3. signs the demo member in (a real login) to get a session cookie;
4. for three rounds, drives each page with wrk (16 connections) and the minimal page in
   the same round, and prints per page the medians of requests per second, p50 and p99, and
   the ratio to the minimal page, with the load average of the machine while measured;
5. reports the resident memory of each worker before and after at least 10,000 requests.

Absolute figures depend on the machine and on what else runs on it (2 shared cores here);
the ratio to the minimal page, served by the same processes in the same round, is what the
targets are written against. Settings by environment: BENCH_DATABASE_URL, BENCH_SCALE
(5000), BENCH_SECONDS (8 per wrk run), BENCH_CONNECTIONS (16), BENCH_ROUNDS (3), BENCH_PORT
(8199), BENCH_STRICT=1 (exit with status 1 when a target is missed).
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
)
SCALE = int(os.environ.get("BENCH_SCALE", "5000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PORT = int(os.environ.get("BENCH_PORT", "8199"))
WORKERS = 3
MEMBER_EMAIL = "member@voltaria-demo.example"
MEMBER_PASSWORD = "demo-portal-2026"
MEMORY_REQUESTS = 10_000

TARGETS = {"anonymous": 0.6, "member": 0.15}
P99_TARGET_MS = 250
MEMORY_GROWTH = 0.10

BASE = f"http://127.0.0.1:{PORT}"
WORK = ROOT / "build" / "bench"


def log(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def server_env(redis_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        HTTPS="false",
        BENCH="true",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=redis_url,
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_ROOT=str(WORK / "static"),
        WEB_CONCURRENCY=str(WORKERS),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(*args: str, env: dict) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(env: dict) -> None:
    """Create, migrate and fill the benchmark database unless it is ready."""
    import psycopg

    url = urllib.parse.urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            log(f"== creating the database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')
    dev = dict(env, DEBUG="true")  # load_demo and migrate are development commands
    manage("migrate", "--noinput", "-v0", env=dev)
    with psycopg.connect(DATABASE_URL) as connection:
        count = connection.execute("SELECT count(*) FROM members_organisation").fetchone()[0]
    if count < SCALE:
        log(f"== loading the demo with {SCALE} generated organisations (a few minutes)")
        manage("load_demo", "--scale", str(SCALE), env=dev)
    else:
        log(f"== reusing {name}: {count} organisations")
    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        connection.execute("ANALYZE")


def start_redis() -> tuple[str, subprocess.Popen | None]:
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"], None
    port = PORT + 1
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return f"redis://127.0.0.1:{port}/0", process


def start_gunicorn(env: dict) -> subprocess.Popen:
    WORK.mkdir(parents=True, exist_ok=True)
    output = open(WORK / "gunicorn.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "cluster_site.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            # Workers are not recycled during the run, so their memory can be compared.
            "--max-requests",
            "0",
            "--access-logfile",
            str(WORK / "access.log"),
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    for _attempt in range(120):
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped: see {WORK / 'gunicorn.log'}")
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz")


def member_cookie() -> str:
    """Sign the demo member in through the login form; return the Cookie header."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{BASE}/accounts/login/") as response:
        page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": MEMBER_EMAIL, "password": MEMBER_PASSWORD}
    ).encode()
    request = urllib.request.Request(
        f"{BASE}/accounts/login/", data=data, headers={"Referer": f"{BASE}/accounts/login/"}
    )
    with opener.open(request) as response:
        if "/accounts/login/" in response.url:
            raise SystemExit(f"could not sign {MEMBER_EMAIL} in")
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        raise SystemExit("no session cookie after signing in")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def pick_pages(env: dict) -> dict[str, str]:
    """A profile, an event and a training of the demo, by asking the database."""
    import psycopg

    with psycopg.connect(DATABASE_URL) as connection:
        event = connection.execute(
            "SELECT slug FROM events_event WHERE status = 'published' AND audience = 'public' "
            "AND start > now() ORDER BY start LIMIT 1"
        ).fetchone()[0]
        training = connection.execute(
            "SELECT slug FROM trainings_training WHERE status = 'published' ORDER BY id LIMIT 1"
        ).fetchone()[0]
        # What a member reads most: another member's profile (one with projects).
        other = connection.execute(
            "SELECT o.slug FROM members_organisation o JOIN projects_participation p "
            "ON p.organisation_id = o.id WHERE o.slug <> 'voltaria-demo' "
            "AND o.membership_status = 'active' AND o.is_public "
            "GROUP BY o.slug ORDER BY count(*) DESC, o.slug LIMIT 1"
        ).fetchone()[0]
    return {
        "home": "/",
        "directory": "/members/",
        "profile": "/members/voltaria-demo/",
        "event": f"/events/{event}/",
        "training": f"/trainings/{training}/",
        "other profile": f"/members/{other}/",
    }


def wrk(path: str, cookie: str | None = None, seconds: int = SECONDS) -> dict:
    command = [
        "wrk",
        f"-t{min(CONNECTIONS, 2)}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    time.sleep(1)  # let the workers finish the requests of the previous run
    load_before = os.getloadavg()[0]
    output = subprocess.run(
        [*command, BASE + path], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output) | {"load": max(load_before, os.getloadavg()[0])}


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def parse_wrk(output: str) -> dict:
    """Requests per second, p50 and p99 (ms), requests and errors of wrk --latency."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = (int(errors.group(1)) if errors else 0) + (
        sum(int(n) for n in socket.groups()) if socket else 0
    )
    return {"rps": rps, "p50": p50, "p99": p99, "requests": requests, "errors": failed}


def worker_rss(master: int) -> dict[int, int]:
    """Resident memory (KiB) of each worker of the gunicorn ``master``."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    memory = {}
    for pid in map(int, children):
        status = Path(f"/proc/{pid}/status").read_text()
        memory[pid] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    return memory


def main() -> int:
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool) and not (tool == "redis-server" and os.environ.get("REDIS_URL")):
            raise SystemExit(f"{tool} is missing (make bench installs it with apt-get)")
    redis_url, redis = start_redis()
    env = server_env(redis_url)
    prepare_database(env)
    log("== collectstatic")
    manage("collectstatic", "--noinput", "-v0", env=env)
    server = start_gunicorn(env)
    served = 0
    try:
        pages = pick_pages(env)
        cookie = member_cookie()
        runs = [("minimal", "/bench/minimal", None)]
        other_profile = pages.pop("other profile")
        runs += [(name, path, None) for name, path in pages.items()]
        runs += [
            ("member: minimal", "/bench/minimal", cookie),
            ("member: directory", "/members/", cookie),
            # The member's own organisation, as its admin, and another member's profile.
            ("member: profile", "/members/voltaria-demo/", cookie),
            ("member: other profile", other_profile, cookie),
        ]
        log("== warm-up")
        for _name, path, with_cookie in runs:
            for _request in range(WORKERS * 4):  # one by one: no backlog left behind
                headers = {"Cookie": with_cookie} if with_cookie else {}
                request = urllib.request.Request(BASE + path, headers=headers)
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                served += 1
        memory_before = worker_rss(server.pid)
        served_before = served
        results = {name: [] for name, _path, _cookie in runs}
        for number in range(1, ROUNDS + 1):
            log(f"== round {number}/{ROUNDS} ({SECONDS} s per page, {CONNECTIONS} connections)")
            for name, path, with_cookie in runs:
                result = wrk(path, with_cookie)
                served += result["requests"]
                results[name].append(result)
                log(
                    f"   {name:<20} {result['rps']:8.1f} req/s  p50 {result['p50']:7.1f} ms  "
                    f"p99 {result['p99']:7.1f} ms  load {result['load']:.1f}"
                    + (f"  {result['errors']} errors" if result["errors"] else "")
                )
        for _attempt in range(30):  # at least 10,000 requests in all, within reason
            if served - served_before >= MEMORY_REQUESTS:
                break
            served += wrk(pages["profile"], cookie, seconds=10)["requests"]
        memory_after = worker_rss(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if redis:
            redis.terminate()
            redis.wait(timeout=10)
    return report(runs, results, memory_before, memory_after, served - served_before)


def report(runs, results, memory_before, memory_after, requests) -> int:
    medians = {
        name: {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
        for name, rounds in results.items()
    }
    missed = []
    lines = [
        "",
        f"Pages under wrk, {CONNECTIONS} connections, gunicorn {WORKERS} workers, medians of "
        f"{ROUNDS} runs of {SECONDS} s (ratio: req/s of the page / req/s of the minimal page "
        "with the same cookies, same run):",
        f"  {'page':<20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'target':>7} "
        f"{'load':>5}",
    ]
    for name, _path, _cookie in runs:
        figures = medians[name]
        member = name.startswith("member")
        reference = medians["member: minimal" if member else "minimal"]["rps"]
        ratio = figures["rps"] / reference if reference else 0
        target = None if name.endswith("minimal") else TARGETS["member" if member else "anonymous"]
        flags = []
        if target is not None and ratio < target:
            flags.append("ratio")
        if figures["p99"] >= P99_TARGET_MS:
            flags.append("p99")
        if figures["errors"]:
            flags.append("errors")
        if flags:
            missed.append(f"{name}: {', '.join(flags)}")
        lines.append(
            f"  {name:<20} {figures['rps']:8.1f} {figures['p50']:8.1f} {figures['p99']:8.1f} "
            f"{ratio:6.2f} {'' if target is None else f'≥ {target}':>7} {figures['load']:5.1f}"
            + (f"  MISSED ({', '.join(flags)})" if flags else "")
        )
    lines.append(f"Worker memory (RSS) before and after {requests:,} requests:")
    for pid, before in sorted(memory_before.items()):
        after = memory_after.get(pid)
        if after is None:
            lines.append(f"  worker {pid}: {before / 1024:.1f} MiB, then gone (restarted)")
            missed.append(f"worker {pid} restarted")
            continue
        growth = (after - before) / before
        lines.append(
            f"  worker {pid}: {before / 1024:.1f} MiB -> {after / 1024:.1f} MiB ({growth:+.1%})"
            + ("  MISSED (> 10 %)" if growth > MEMORY_GROWTH else "")
        )
        if growth > MEMORY_GROWTH:
            missed.append(f"worker {pid} memory {growth:+.1%}")
    lines.append(f"Load average now: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    lines.append("Targets missed: " + ("; ".join(missed) if missed else "none"))
    log("\n".join(lines))
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "last.json").write_text(json.dumps({"medians": medians, "missed": missed}, indent=2))
    return 1 if missed and os.environ.get("BENCH_STRICT") == "1" else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
