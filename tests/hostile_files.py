"""Hostile PDF and Word files, written by the tests themselves: small on disk, huge or slow to
read."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

MiB = 1 << 20


def deflate(content: bytes | None, *, repeat: bytes = b"", times: int = 0, level: int = 9) -> bytes:
    """zlib data of ``content``, or of ``repeat`` ``times`` times without building it."""
    if content is not None:
        return zlib.compress(content, level)
    packer = zlib.compressobj(level)
    parts = [packer.compress(repeat) for _ in range(times)]
    return b"".join(parts) + packer.flush()


def one_page_pdf(stream: bytes) -> bytes:
    """A PDF of one page whose content stream is ``stream``, already Flate-compressed."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def huge_stream_pdf(path: Path, mib: int = 200) -> Path:
    """A PDF of a few hundred KB whose one content stream decodes to ``mib`` MiB of numbers
    (operands without an operator: minutes of pdfminer's parser)."""
    path.write_bytes(one_page_pdf(deflate(None, repeat=b"0 " * (MiB // 2), times=mib)))
    return path


def slow_page_pdf(path: Path, operations: int = 20_000) -> Path:
    """A PDF of one small page that takes pdfminer minutes: thousands of words drawn on top
    of each other, which its layout analysis compares with each other."""
    ops = b"BT /F1 12 Tf 72 712 Td (Hello world) Tj ET\n" * operations
    path.write_bytes(one_page_pdf(deflate(ops)))
    return path


def slow_operators_pdf(path: Path, mib: int = 16) -> Path:
    """A PDF of one page of operators that draw nothing: minutes of pdfminer's interpreter."""
    path.write_bytes(one_page_pdf(deflate(None, repeat=b"1 0 0 1 0 0 cm\n" * 4096, times=mib * 17)))
    return path


def no_catalogue_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\ntrailer << /Size 2 >>\n%%EOF\n")
    return path


def zip_bomb_docx(good: Path, path: Path, mib: int = 600) -> Path:
    """``good`` (a .docx) with its document.xml padded by ``mib`` MiB of spaces before the end:
    about 4.5 MB on disk per GiB unpacked (compressed fast, not small)."""
    with zipfile.ZipFile(good) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    xml = members.pop("word/document.xml")
    end = xml.rindex(b"</w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for name, data in members.items():
            target.writestr(name, data)
        with target.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(xml[:end])
            block = b" " * MiB
            for _ in range(mib):
                member.write(block)
            member.write(xml[end:])
    return path
