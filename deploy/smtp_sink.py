"""A tiny SMTP server that keeps every message it receives as a file, for `make cluster`.

    python deploy/smtp_sink.py --port 2525 --dir /tmp/mail

Each message is written to DIR as <time>-<number>.eml, exactly as received, once the client
ends its DATA: so the cluster's journey test counts the emails the worker really sent over
SMTP. It speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for
Django's SMTP backend without TLS or authentication. Never expose it: it accepts anything.
"""

import argparse
import itertools
import os
import socketserver
import time
from pathlib import Path

_numbers = itertools.count(1)


class Session(socketserver.StreamRequestHandler):
    timeout = 60

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        try:
            self.converse()
        except (ConnectionError, TimeoutError):
            pass  # a client that went away (or a mere port probe): nothing to keep

    def converse(self) -> None:
        self.reply("220 portal-smtp-sink ESMTP")
        recipients: list[str] = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-portal-smtp-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif verb == "HELO":
                self.reply("250 portal-smtp-sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.partition(":")[2].strip())
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.store(self.read_data())
                self.reply("250 OK: queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")

    def read_data(self) -> bytes:
        lines = []
        while True:
            line = self.rfile.readline()
            if not line or line in (b".\r\n", b".\n"):
                break
            if line.startswith(b".."):
                line = line[1:]  # dot-stuffing
            lines.append(line)
        return b"".join(lines)

    def store(self, message: bytes) -> None:
        directory = self.server.directory
        name = f"{time.time():.6f}-{next(_numbers):05d}.eml"
        partial = directory / f".{name}.part"
        partial.write_bytes(message)
        os.replace(partial, directory / name)  # readers never see half a message


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", type=Path, required=True)
    options = parser.parse_args()
    options.dir.mkdir(parents=True, exist_ok=True)
    with Server((options.host, options.port), Session) as server:
        server.directory = options.dir
        server.serve_forever()


if __name__ == "__main__":
    main()
