"""Reading compressed input without trusting what it says about its size.

A zip member's header states its size, but the header is the attacker's: a 1 MB
.apkg whose headers claim a small collection inflated to 2 GB in memory, because
`ZipFile.read` decompresses whole blocks before cutting to the stated size. Here a
member is read in small pieces and reading stops as soon as more than `limit`
bytes came out, whatever the headers say; only stored and deflated members are
read (the compressions whose decompression Python bounds per piece).
"""

from __future__ import annotations

import copy
import zipfile
import zlib

PIECE = 1024 * 1024  # decompressed bytes per read: the most ever held beyond the limit
READABLE_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class TooLarge(ValueError):
    """More than `limit` bytes came out (the reading stopped there)."""


def zip_member_read(archive: zipfile.ZipFile, name: str, *, limit: int) -> bytes:
    """The member's bytes, at most `limit` of them; TooLarge past that (also when
    the header says so), NotImplementedError for another compression."""
    info = archive.getinfo(name)
    if info.compress_type not in READABLE_COMPRESSIONS:
        raise NotImplementedError(f"compression method {info.compress_type} is not supported")
    if info.file_size > limit:
        raise TooLarge(name)
    # zipfile stops at the size the header states and checks the CRC there: let it
    # run one byte past the limit instead, so what counts is what comes out, and
    # check the CRC here once the member ended within the limit.
    unbounded = copy.copy(info)
    unbounded.file_size = limit + 1
    unbounded.CRC = None  # type: ignore[assignment]  # zipfile: "no CRC to check"
    out = bytearray()
    with archive.open(unbounded) as member:
        while piece := member.read(PIECE):
            out += piece
            if len(out) > limit:
                raise TooLarge(name)
    if zlib.crc32(out) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {name!r}")
    return bytes(out)
