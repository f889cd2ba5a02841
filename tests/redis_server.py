"""A redis-server of the test's own, on a free port, that a test can really stop:
the fault tests stop it (the process, not a mock) and check what still works."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time

import redis


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, port: int | None = None):
        self.chosen = port is None  # a port of our choosing may be taken before we bind it
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.dir = tempfile.mkdtemp(prefix="redis-test-")

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self) -> RedisServer:
        """Start the server and return once it answers PING (up to 10 s, the machine
        may be loaded); a chosen port that another process bound first is replaced."""
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed (apt-get install redis-server)"
        for attempt in range(3):
            self.process = subprocess.Popen(
                [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", self.dir],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            if self._answers_ping(deadline=time.monotonic() + 10):
                self.chosen = False  # a restart keeps the port the settings name
                return self
            self.stop()
            if not (self.chosen and attempt < 2):
                break
            self.port = free_port()
        raise RuntimeError(f"redis-server did not answer PING on port {self.port}")

    def _answers_ping(self, deadline: float) -> bool:
        """True once our process answers PING; False if it exited (its port taken) or
        the deadline passed."""
        assert self.process is not None
        while self.process.poll() is None:
            try:
                client = self.client()
                if client.ping():  # and it is ours, not another server on a taken port:
                    return client.info("server")["process_id"] == self.process.pid
            except (redis.ConnectionError, redis.TimeoutError):
                pass
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        """Stop the server process (SIGTERM) and wait until it is gone."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
