"""Peak memory of reading a forged .apkg: a ~1 MB zip whose collection inflates to
about 1 GB while its headers claim 100 bytes. Prints the peak resident memory of
a fresh process reading it the old way (`ZipFile.read`, which decompresses whole
before cutting to the stated size) and through quizzes.interop (bounded reading).

.venv/bin/python bench/bench_forged_archives.py [INFLATED_MB]   (default 1024)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import resource, sys, time, zipfile, io
sys.path.insert(0, {root!r})
data = open({path!r}, "rb").read()
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
if {how!r} == "zipfile.read":
    archive = zipfile.ZipFile(io.BytesIO(data))
    try:
        archive.read("collection.anki2")
        outcome = "read"
    except zipfile.BadZipFile as error:
        outcome = f"refused after inflating: {{error}}"
else:
    import os
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django
    django.setup()
    from quizzes.interop import apkg
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    parsed = apkg.load(data)
    outcome = "; ".join(p.message for p in parsed.problems) or "read"
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{{peak / 1024:.0f}}\\t{{baseline / 1024:.0f}}\\t{{seconds:.2f}}\\t{{outcome}}")
"""


def main(inflated_mb: int) -> None:
    from tests.quizzes.interop.forged_zip import forged_zip

    started = time.perf_counter()
    data = forged_zip("collection.anki2", real_size=inflated_mb * 1024 * 1024, claimed_size=100)
    print(
        f"forged .apkg: {len(data):,} bytes on disk, {inflated_mb:,} MB inflated, "
        f"headers claim 100 bytes (built in {time.perf_counter() - started:.1f} s)"
    )
    with tempfile.NamedTemporaryFile(suffix=".apkg") as file:
        file.write(data)
        file.flush()
        for how, label in (
            ("zipfile.read", "before (ZipFile.read)"),
            ("bounded", "after (quizzes.interop.apkg.load)"),
        ):
            code = CHILD.format(root=str(ROOT), path=file.name, how=how)
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout.strip()
            peak, baseline, seconds, outcome = out.split("\t", 3)
            print(
                f"{label:36} peak RSS {int(peak):>6,} MB (process before reading "
                f"{int(baseline):,} MB), {float(seconds):.2f} s: {outcome}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1024)
