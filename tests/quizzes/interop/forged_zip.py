"""Zip archives whose headers lie about a member's size (for tests and bench/)."""

from __future__ import annotations

import io
import struct
import zipfile


def forged_zip(name: str, *, real_size: int, claimed_size: int, fill: bytes = b"\0") -> bytes:
    """A zip holding `name`, `real_size` bytes deflated, whose local and central
    headers both claim `claimed_size` bytes."""
    buffer = io.BytesIO()
    chunk = fill * (1024 * 1024 // len(fill))
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(name, "w", force_zip64=False) as member,
    ):
        left = real_size
        while left > 0:
            member.write(chunk[:left])
            left -= len(chunk)
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, claimed_size)  # uncompressed size
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, claimed_size)
    return bytes(data)
