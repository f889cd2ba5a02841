"""Archives are read through a bounded stream: a member is decompressed piece by
piece and reading stops past the limit whatever its zip headers claim, so a small
forged .apkg cannot inflate into gigabytes (bench/bench_forged_archives.py gives
the memory figures)."""

from __future__ import annotations

import io
import zipfile

import pytest

from quizzes.interop import ImportProblems, bank_import
from quizzes.interop import apkg as apkg_format
from quizzes.interop.bounded import TooLarge, zip_member_read
from tests.quizzes.interop.forged_zip import forged_zip

MB = 1024 * 1024


def test_a_member_larger_than_its_header_says_stops_at_the_limit():
    archive = zipfile.ZipFile(io.BytesIO(forged_zip("big", real_size=8 * MB, claimed_size=100)))

    with pytest.raises(TooLarge):
        zip_member_read(archive, "big", limit=2 * MB)


def test_a_member_within_the_limit_is_read_whole():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as writer:
        writer.writestr("small", b"abc" * 1000)

    archive = zipfile.ZipFile(buffer)

    assert zip_member_read(archive, "small", limit=3000) == b"abc" * 1000
    with pytest.raises(TooLarge):
        zip_member_read(archive, "small", limit=2999)


def test_other_compressions_are_refused_unread():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as writer:
        writer.writestr("collection.anki2", b"\0" * 1000)

    with pytest.raises(NotImplementedError):
        zip_member_read(zipfile.ZipFile(buffer), "collection.anki2", limit=MB)


@pytest.mark.django_db
def test_a_forged_apkg_is_refused_as_too_large_not_inflated(teacher, monkeypatch):
    """The collection's headers claim 100 bytes; it inflates past the cap."""
    monkeypatch.setattr(apkg_format, "MAX_COLLECTION_BYTES", 4 * MB)
    data = forged_zip("collection.anki2", real_size=12 * MB, claimed_size=100)
    assert len(data) < 100_000

    with pytest.raises(ImportProblems) as caught:
        bank_import(data=data, fmt="apkg", owner=teacher)

    assert [problem.message for problem in caught.value.problems] == [
        "The Anki collection is too large (over 50 MB)."
    ]


@pytest.mark.django_db
def test_a_bzip2_apkg_is_a_problem_not_a_crash(teacher):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as writer:
        writer.writestr("collection.anki2", b"\0" * 1000)

    with pytest.raises(ImportProblems) as caught:
        bank_import(data=buffer.getvalue(), fmt="apkg", owner=teacher)

    assert "cannot be read" in caught.value.problems[0].message


def test_a_member_that_does_not_match_its_crc_is_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as writer:
        writer.writestr("member", b"abc" * 1000)
    data = bytearray(buffer.getvalue())
    central = data.rindex(b"PK\x01\x02")
    data[central + 16] ^= 0xFF  # the CRC-32 the central directory states

    with pytest.raises(zipfile.BadZipFile):
        zip_member_read(zipfile.ZipFile(io.BytesIO(bytes(data))), "member", limit=MB)
