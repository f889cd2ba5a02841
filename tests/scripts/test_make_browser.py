"""`make test` sets up its own browser: on a machine without Chromium it installs it
(apt-get, as .ci/run does), and it fails, never skips, when it still cannot.

apt-get and sudo are stand-ins on PATH here, so the test installs nothing."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _make_browser(tmp_path: Path, apt_get_body: str) -> subprocess.CompletedProcess:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _tool(bin_dir, "apt-get", apt_get_body)
    _tool(bin_dir, "sudo", '[ "$1" = -n ] && shift; exec "$@"\n')
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    env.pop("E2E_CHROMIUM", None)
    return subprocess.run(
        ["make", "-s", "browser", f"CHROMIUM={tmp_path / 'chromium'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_make_test_installs_a_missing_browser(tmp_path):
    chromium = tmp_path / "chromium"
    calls = tmp_path / "apt-calls"
    result = _make_browser(
        tmp_path,
        f'echo "$DEBIAN_FRONTEND $*" >> {calls}\n'
        f'case "$*" in *install*chromium*) printf "#!/bin/sh\\n" > {chromium}; '
        f"chmod +x {chromium};; esac\n",
    )

    assert result.returncode == 0, result.stderr
    assert calls.read_text().splitlines() == [
        "noninteractive update -qq",
        "noninteractive install -y -qq chromium",
    ]
    assert os.access(chromium, os.X_OK)


def test_make_test_fails_when_the_browser_cannot_be_installed(tmp_path):
    result = _make_browser(tmp_path, "exit 100\n")

    assert result.returncode != 0
    assert "Chromium is still missing" in result.stderr


def test_an_installed_browser_is_left_alone(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    calls = tmp_path / "apt-calls"

    result = _make_browser(tmp_path, f'echo "$*" >> {calls}\n')

    assert result.returncode == 0
    assert not calls.exists()


def test_the_test_target_sets_up_the_browser_before_the_suite():
    makefile = (ROOT / "Makefile").read_text()

    assert re.search(r"^test: .*\bbrowser\b", makefile, flags=re.M)
