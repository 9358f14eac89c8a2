"""The portal as several processes on this machine: `make cluster` and its journey test.

    .venv/bin/python deploy/cluster.py start [--port 8080] [--database portal_cluster]
    .venv/bin/python deploy/cluster.py stop

``start`` runs in the foreground and starts, in this order:

1. Redis (a private ``redis-server`` on a free port; REDIS_URL set in the environment is
   used instead);
2. an S3-compatible server (``moto_server``) with two buckets (``manage.py create_buckets``),
   public media and private files;
3. an SMTP sink (deploy/smtp_sink.py) that keeps every email it receives as a file;
4. the PostgreSQL database (``portal_cluster`` by default), dropped and created again, then
   ``migrate``, ``load_demo`` (its images go to the bucket) and ``collectstatic``;
5. two gunicorn app servers on two free ports (``APP_SERVER_NAME`` app-1 and app-2, answered
   in the ``X-App-Server`` header), in production mode (DEBUG off, plain http);
6. one worker (``manage.py db_worker``: the tasks, emails included, of TASKS_BACKEND=database);
7. nginx in front (deploy/nginx.conf, filled in), as a foreground process with its own
   prefix, pid and logs under the state folder: the system's nginx is left alone. Debian's
   nginx package is installed with apt-get when it is missing.

It then prints the address and writes ``cluster.json`` in the state folder (addresses, pids,
the mail folder...), which ``stop`` and the tests read. Ctrl-C (or SIGTERM, or ``stop``)
stops everything, nginx first and Redis last. Logs are in ``<state>/logs``.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STATE_FILE = "cluster.json"
PUBLIC_BUCKET = "portal-media"
PRIVATE_BUCKET = "portal-private"
S3_REGION = "eu-west-3"  # any region but us-east-1 needs a location constraint
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
NGINX_PLACEHOLDERS = (
    "LISTEN",
    "APP_SERVER_1",
    "APP_SERVER_2",
    "STATIC_ROOT",
    "MEDIA_BUCKET_URL",
    "ACCESS_LOG",
    "TEMP_DIR",
)


def default_state_dir(port: int) -> Path:
    return Path(os.environ.get("TMPDIR", "/tmp")) / f"portal-cluster-{port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def log(message: str) -> None:
    sys.stdout.write(f"[cluster] {message}\n")
    sys.stdout.flush()


class ClusterError(RuntimeError):
    pass


class Cluster:
    """The processes of one cluster, started in order and stopped in the reverse order."""

    def __init__(self, *, state_dir: Path, port: int, database: str, demo: bool = True):
        self.state_dir = state_dir
        self.port = port or free_port()
        self.database = database
        self.demo = demo
        self.url = f"http://127.0.0.1:{self.port}"
        self.logs = state_dir / "logs"
        self.mail_dir = state_dir / "mail"
        self.processes: dict[str, subprocess.Popen] = {}
        self.info: dict = {
            "url": self.url,
            "supervisor": os.getpid(),
            "state_dir": str(state_dir),
            "mail_dir": str(self.mail_dir),
            "logs": str(self.logs),
            "processes": {},
            "ready": False,
        }

    # --- Running processes ----------------------------------------------------------------

    def spawn(self, name: str, command: list, *, env=None, port: int | None = None):
        """Start ``command`` in its own session (Ctrl-C reaches only this supervisor, which
        then stops everything in order), its output in logs/<name>.log."""
        output = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - kept for the child
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        output.close()
        self.processes[name] = process
        self.info["processes"][name] = {
            "pid": process.pid,
            "port": port,
            "log": str(self.logs / f"{name}.log"),
        }
        self.save()
        return process

    def wait_for(self, name: str, check, timeout: float = 60) -> None:
        """Wait until ``check()`` is true, failing early if the process ``name`` died."""
        deadline = time.monotonic() + timeout
        process = self.processes[name]
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ClusterError(
                    f"{name} stopped (exit {process.returncode}):\n{self.tail(name)}"
                )
            try:
                if check():
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise ClusterError(f"{name} is not ready after {timeout:.0f} s:\n{self.tail(name)}")

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.logs / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def run(self, name: str, command: list, *, env) -> None:
        """Run a one-off command to its end (migrate...), its output in logs/<name>.log."""
        with open(self.logs / f"{name}.log", "ab") as output:
            done = subprocess.run(
                [str(part) for part in command],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if done.returncode:
            raise ClusterError(f"{' '.join(map(str, command))} failed:\n{self.tail(name)}")

    def save(self) -> None:
        path = self.state_dir / STATE_FILE
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(self.info, indent=2))
        os.replace(partial, path)

    # --- The pieces ----------------------------------------------------------------------

    def start_redis(self) -> str:
        if os.environ.get("REDIS_URL"):
            log(f"Redis: {os.environ['REDIS_URL']} (REDIS_URL)")
            return os.environ["REDIS_URL"]
        binary = shutil.which("redis-server") or apt_install("redis-server", "redis-server")
        port = free_port()
        data = self.state_dir / "redis"
        data.mkdir(exist_ok=True)
        command = [binary, "--bind", "127.0.0.1", "--port", port, "--save", "", "--appendonly"]
        self.spawn("redis", [*command, "no", "--dir", data], port=port)
        self.wait_for("redis", lambda: port_open(port))
        log(f"Redis: 127.0.0.1:{port}")
        return f"redis://127.0.0.1:{port}/0"

    def start_s3(self) -> dict:
        port = free_port()
        self.spawn("s3", [BIN / "moto_server", "-H", "127.0.0.1", "-p", port], port=port)
        self.wait_for("s3", lambda: port_open(port))
        endpoint = f"http://127.0.0.1:{port}"
        log(f"S3 server: {endpoint}")
        return {
            "S3_BUCKET": PUBLIC_BUCKET,
            "S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": S3_REGION,
            "S3_ACCESS_KEY_ID": "cluster-key",
            "S3_SECRET_ACCESS_KEY": "cluster-secret",
            # Public media are read through nginx, which proxies /media/ to the bucket.
            "S3_PUBLIC_URL": f"{self.url}/media",
        }

    def start_smtp(self) -> int:
        port = free_port()
        command = [sys.executable, ROOT / "deploy" / "smtp_sink.py", "--port", port]
        self.spawn("smtp", [*command, "--dir", self.mail_dir], port=port)
        self.wait_for("smtp", lambda: port_open(port))
        log(f"SMTP sink: 127.0.0.1:{port}, messages kept in {self.mail_dir}")
        return port

    def database_url(self) -> str:
        base = os.environ.get("CLUSTER_DATABASE_URL") or os.environ.get("DATABASE_URL")
        parts = urlsplit(base or DEFAULT_DATABASE_URL)
        if not parts.scheme.startswith("postgres"):
            parts = urlsplit(DEFAULT_DATABASE_URL)
        return urlunsplit(parts._replace(path=f"/{self.database}"))

    def create_database(self, url: str) -> None:
        import psycopg

        maintenance = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        with psycopg.connect(maintenance, autocommit=True) as connection:
            name = self.database.replace('"', "")
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        log(f"PostgreSQL: database {self.database} created")

    def start_app_server(self, name: str, env: dict) -> str:
        port = free_port()
        env = env | {"APP_SERVER_NAME": name}
        command = [BIN / "gunicorn", "cluster_site.wsgi", "--config", ROOT / "gunicorn.conf.py"]
        self.spawn(name, [*command, "--bind", f"127.0.0.1:{port}"], env=env, port=port)
        self.wait_for(name, lambda: http_status(f"http://127.0.0.1:{port}/healthz") == 200)
        log(f"{name}: gunicorn on 127.0.0.1:{port}")
        return f"127.0.0.1:{port}"

    def start_nginx(self, app_servers: list[str], static_root: Path, media_url: str) -> None:
        binary = find_nginx() or apt_install("nginx", "nginx")
        prefix = self.state_dir / "nginx"
        (prefix / "temp").mkdir(parents=True, exist_ok=True)
        values = {
            "LISTEN": f"127.0.0.1:{self.port}",
            "APP_SERVER_1": app_servers[0],
            "APP_SERVER_2": app_servers[1],
            "STATIC_ROOT": str(static_root),
            "MEDIA_BUCKET_URL": media_url,
            "ACCESS_LOG": str(self.logs / "nginx-access.log"),
            "TEMP_DIR": str(prefix / "temp"),
        }
        config = prefix / "nginx.conf"
        config.write_text(render_nginx_config(values))
        command = [
            binary,
            "-p",
            f"{prefix}/",
            "-c",
            config,
            "-e",
            self.logs / "nginx-error.log",
            "-g",
            f"daemon off; pid {prefix / 'nginx.pid'};",
        ]
        self.run("nginx-check", [*command, "-t"], env=None)
        self.spawn("nginx", command, port=self.port)
        self.wait_for("nginx", lambda: http_status(f"{self.url}/healthz") == 200)
        log(f"nginx: {self.url} (config {config})")

    # --- The whole -----------------------------------------------------------------------

    def start(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        # nginx's workers (nobody, when started as root) read the static files in here.
        self.state_dir.chmod(0o755)
        self.logs.mkdir(exist_ok=True)
        self.mail_dir.mkdir(exist_ok=True)
        self.save()
        redis_url = self.start_redis()
        s3 = self.start_s3()
        smtp_port = self.start_smtp()
        database_url = self.database_url()
        static_root = self.state_dir / "static"
        env = django_environment(
            site_url=self.url,
            database_url=database_url,
            redis_url=redis_url,
            smtp_port=smtp_port,
            static_root=static_root,
            state_dir=self.state_dir,
            s3=s3,
        )
        self.info |= {"database_url": database_url, "redis_url": redis_url, "s3": s3}
        self.create_database(database_url)
        manage = [sys.executable, ROOT / "manage.py"]
        self.run("create_buckets", [*manage, "create_buckets"], env=env)
        log(f"Buckets {PUBLIC_BUCKET} (public) and {PRIVATE_BUCKET} (private) created")
        self.run("migrate", [*manage, "migrate", "--noinput", "-v0"], env=env)
        if self.demo:
            self.run("load_demo", [*manage, "load_demo"], env=env)
        self.run("collectstatic", [*manage, "collectstatic", "--noinput", "-v0"], env=env)
        log("Database migrated, demo content loaded, static files collected")
        app_servers = [self.start_app_server(name, env) for name in ("app-1", "app-2")]
        # What `make worker` runs: every queue.
        worker = [*manage, "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.5"]
        self.spawn("worker", worker, env=env)
        self.start_nginx(app_servers, static_root, f"{s3['S3_ENDPOINT_URL']}/{PUBLIC_BUCKET}/")
        self.info["ready"] = True
        self.save()

    def stop(self) -> None:
        """Stop the processes in the reverse order of their start (nginx first)."""
        for name, process in reversed(list(self.processes.items())):
            stop_process(process.pid, process=process)
            log(f"{name} stopped")
        self.info["ready"] = False
        self.save()

    def supervise(self) -> None:
        """Wait for Ctrl-C or SIGTERM; tell when a process stops on its own (the others go
        on: nginx passes the requests of a stopped app server to the other one)."""
        reported = set()
        while True:
            for name, process in self.processes.items():
                if process.poll() is not None and name not in reported:
                    reported.add(name)
                    log(f"{name} stopped (exit {process.returncode})")
            time.sleep(0.5)


def django_environment(
    *, site_url, database_url, redis_url, smtp_port, static_root, state_dir, s3
) -> dict:
    """The environment of every Django process of the cluster: production settings on
    plain http behind one proxy, shared Redis, buckets, database-backed tasks, SMTP sink."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "S3_", "EMAIL_"))
    }
    secret_file = state_dir / "secret_key"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(50))
        secret_file.chmod(0o600)
    host = urlsplit(site_url).hostname
    env |= {
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": secret_file.read_text(),
        "ALLOWED_HOSTS": f"{host},localhost",
        "SITE_URL": site_url,
        "TRUSTED_PROXY_COUNT": "1",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "TASKS_BACKEND": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "false",
        "EMAIL_USE_SSL": "false",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(state_dir / "media"),
        "PRIVATE_MEDIA_ROOT": str(state_dir / "media-private"),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        **s3,
    }
    return env


def render_nginx_config(values: dict) -> str:
    """deploy/nginx.conf with its ${NAME} placeholders filled in (nginx's own $variables,
    written without braces, are left as they are)."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for name in NGINX_PLACEHOLDERS:
        text = text.replace("${" + name + "}", values[name])
    code = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    if any("${" in line for line in code):
        raise ClusterError("deploy/nginx.conf has a placeholder cluster.py does not know")
    return text


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
    )


def apt_install(package: str, binary: str) -> str:
    """Install a Debian package (as root, or through sudo) and return the binary's path."""
    log(f"{binary} is missing: installing the Debian package {package}")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", package], check=True, env=env)
    found = shutil.which(binary) or (f"/usr/sbin/{binary}" if binary == "nginx" else None)
    if not found:
        raise ClusterError(f"{binary} is still missing after installing {package}")
    return found


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local address
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return 0


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_process(pid: int, *, process=None, timeout: float = 15) -> None:
    """SIGTERM (a graceful stop for gunicorn, nginx, the worker, Redis), SIGKILL if it
    lingers."""
    if process is not None and process.poll() is not None:
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None:
            if process.poll() is not None:
                return
        elif not process_alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if process is not None:
        process.wait(5)


def command_start(options) -> int:
    state_dir = options.state_dir or default_state_dir(options.port)
    previous = state_dir / STATE_FILE
    if previous.exists():
        supervisor = json.loads(previous.read_text()).get("supervisor")
        if supervisor and supervisor != os.getpid() and process_alive(supervisor):
            log(f"A cluster already runs from {state_dir} (pid {supervisor}): stop it first.")
            return 1
    cluster = Cluster(
        state_dir=state_dir, port=options.port, database=options.database, demo=options.demo
    )

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        cluster.start()
        sys.stdout.write(
            f"\n  The cluster runs at {cluster.url}/  (nginx in front of app-1 and app-2)\n"
            f"  Demo logins: password demo-portal-2026, member@voltaria-demo.example\n"
            f"  Emails sent by the worker: {cluster.mail_dir}\n"
            f"  Logs: {cluster.logs}\n"
            f"  Stop: Ctrl-C here, or `make cluster-stop`\n\n"
        )
        sys.stdout.flush()
        cluster.supervise()
    except KeyboardInterrupt:
        log("stopping")
    except ClusterError as error:
        log(f"could not start: {error}")
        cluster.stop()
        return 1
    cluster.stop()
    return 0


def command_stop(options) -> int:
    state_dir = options.state_dir or default_state_dir(options.port)
    path = state_dir / STATE_FILE
    if not path.exists():
        log(f"No cluster state in {state_dir}.")
        return 1
    info = json.loads(path.read_text())
    supervisor = info.get("supervisor")
    if supervisor and process_alive(supervisor):
        stop_process(supervisor, timeout=60)
    # Whatever a killed supervisor left behind.
    for process in reversed(list(info.get("processes", {}).values())):
        if process_alive(process["pid"]):
            stop_process(process["pid"])
    log("stopped")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="The portal as a cluster on this machine.")
    parser.add_argument("command", choices=["start", "stop"])
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("CLUSTER_PORT", 8080)), help="nginx's port"
    )
    parser.add_argument("--database", default=os.environ.get("CLUSTER_DATABASE", "portal_cluster"))
    parser.add_argument("--state-dir", type=Path, help="default: $TMPDIR/portal-cluster-<port>")
    parser.add_argument("--no-demo", dest="demo", action="store_false")
    options = parser.parse_args(argv)
    return command_start(options) if options.command == "start" else command_stop(options)


if __name__ == "__main__":
    sys.exit(main())
