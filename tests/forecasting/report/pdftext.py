"""Just enough PDF reading to check what a reportlab PDF shows, without a PDF library.

pypdf is not a dependency of the project, so the tests read reportlab's own output: objects are
plain (no object streams), page contents are Flate (and possibly ASCII85) encoded, text is drawn with
``Tj``/``TJ`` in TrueType subsets whose ``/ToUnicode`` CMaps give the characters back, and the
outline titles are UTF-16 strings.
"""

from __future__ import annotations

import base64
import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb">>\s*stream\r?\n")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(pdf)}


def stream(obj: bytes) -> bytes:
    """The decoded stream of an object (ASCII85 and Flate, in the order the filters list them)."""
    match = _STREAM.search(obj)
    length = re.search(rb"/Length (\d+)", obj)
    if match is None or length is None:
        return b""
    data = obj[match.end() : match.end() + int(length.group(1))]  # binary data: slice, never search
    head = obj[: match.start()]
    if b"/ASCII85Decode" in head:
        data = base64.a85decode(data.strip().removesuffix(b"~>"))
    if b"/FlateDecode" in head:
        data = zlib.decompress(data)
    return data


def literal(raw: bytes) -> bytes:
    """The bytes of a PDF literal string body (escapes resolved)."""
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i : i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def _strings(text: bytes) -> list[bytes]:
    """Literal strings in `text`, balanced parentheses and escapes respected."""
    found, i = [], 0
    while (start := text.find(b"(", i)) != -1:
        depth, j = 1, start + 1
        while depth and j < len(text):
            if text[j : j + 1] == b"\\":
                j += 2
                continue
            depth += {b"(": 1, b")": -1}.get(text[j : j + 1], 0)
            j += 1
        found.append(literal(text[start + 1 : j - 1]))
        i = j
    return found


def _cmap(data: bytes) -> dict[int, str]:
    table = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(start, 16)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(first + k)
    return table


def fonts(pdf: bytes) -> dict[bytes, dict[int, str]]:
    """Font resource name (e.g. b"F2+0") -> its ToUnicode table."""
    objs = objects(pdf)
    out = {}
    for obj in objs.values():
        name = re.search(rb"/Name /(\S+)", obj)
        ref = re.search(rb"/ToUnicode (\d+) 0 R", obj)
        if name and ref:
            out[name.group(1)] = _cmap(stream(objs[int(ref.group(1))]))
    return out


def page_texts(pdf: bytes) -> list[str]:
    """The text drawn on each page, in drawing order; one line per text-showing operation."""
    objs = objects(pdf)
    tables = fonts(pdf)
    pages = []
    for obj in objs.values():
        if not re.search(rb"/Type /Page\b", obj):
            continue
        content = stream(objs[int(re.search(rb"/Contents (\d+) 0 R", obj).group(1))])
        lines, table = [], {}
        for op in re.finditer(rb"/(\S+) [\d.]+ Tf|(\((?:\\.|[^\\])*?\)\s*Tj|\[(?:\\.|[^\\])*?\]\s*TJ)", content, re.S):
            if op.group(1):
                table = tables.get(op.group(1), {})
            else:
                codes = b"".join(_strings(op.group(2)))
                lines.append("".join(table.get(c, "?") for c in codes))
        pages.append("\n".join(lines))
    return pages


def text(pdf: bytes) -> str:
    """All the text of the document with runs of white space made single spaces."""
    return " ".join(" ".join(page_texts(pdf)).split())


def outline(pdf: bytes) -> list[str]:
    """The titles of the outline (bookmarks), in document order."""
    titles = []
    for obj in objects(pdf).values():
        match = re.search(rb"/Title \(((?:\\.|[^\\)])*)\)", obj, re.S)
        if match and b"/Parent" in obj:
            raw = literal(match.group(1))
            titles.append(raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1"))
    return titles


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))
