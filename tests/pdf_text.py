"""The text of a PDF that Chromium printed (Skia's PDF writer), with no PDF library.

pypdf and poppler are not in the course's environment, and the PDFs this must read are all
written by one program, in one regular form: objects ``N 0 obj ... endobj`` with direct
``/Length``s (or indirect ones, read up to ``endstream``), page contents compressed with ``/FlateDecode``, text in Type0 fonts with
``/Identity-H`` encoding (two bytes a glyph) and a ``/ToUnicode`` map, shown with ``Tj`` and
``TJ``. ``pdf_pages(data)`` returns each page's text, glyphs of one text object (``BT`` …
``ET``) joined as drawn and text objects separated by a newline. It is not a general PDF
reader (no object streams, encryption or simple fonts): it raises ``ValueError`` on a PDF it
cannot read rather than return less text. tests/test_site_print.py checks it on a PDF it
prints from known HTML before it reads the course's.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\b")
_REF = rb"(\d+) 0 R"
# the keyword after a stream's dictionary (">>"), not the word inside a title ("upstream")
_NEXT = re.compile(rb"(?<=>>)\s*stream(?=\r?\n)|endobj")


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (dictionary text, decoded stream or None)."""
    objects, pos = {}, 0
    while (m := _OBJ.search(data, pos)) is not None:
        start = m.end()
        nxt = _NEXT.search(data, start)  # whichever comes first
        if nxt is None:
            raise ValueError("unterminated object")
        if nxt.group(0) != b"endobj":
            s = nxt.start()
            head = data[start:s]
            length = re.search(rb"/Length (\d+)(?!\d| 0 R)", head)
            begin = nxt.end()
            begin += 2 if data[begin : begin + 2] == b"\r\n" else 1
            if length is not None:
                raw = data[begin : begin + int(length.group(1))]
            else:  # an indirect /Length (Skia writes some): the stream runs to "endstream"
                stop = data.find(b"endstream", begin)
                if stop < 0:
                    raise ValueError(
                        f"object {m.group(1).decode()}: stream without an end"
                    )
                raw = data[begin:stop].removesuffix(b"\n").removesuffix(b"\r")
            stream = (
                zlib.decompressobj().decompress(raw) if b"/FlateDecode" in head else raw
            )
            end = data.find(b"endobj", begin + len(raw))
            objects[int(m.group(1))] = (head, stream)
            pos = end + 6
        else:
            objects[int(m.group(1))] = (data[start : nxt.start()], None)
            pos = nxt.end()
    if b"/ObjStm" in data or b"/Encrypt" in data:
        raise ValueError("object streams or encryption: not a PDF this reader handles")
    return objects


def _hex(code: bytes) -> int:
    return int(code, 16)


def _cmap(text: bytes) -> dict[int, str]:
    """A ToUnicode CMap: glyph code -> text."""
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[_hex(src)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = bytes.fromhex(dst.decode()).decode("utf-16-be")
            for k in range(_hex(hi) - _hex(lo) + 1):
                out[_hex(lo) + k] = first[:-1] + chr(ord(first[-1]) + k)
        if re.search(rb">\s*\[", block):
            raise ValueError("bfrange with an array of targets: not handled")
    return out


def _page_order(objects, root_pages: int) -> list[int]:
    head, _ = objects[root_pages]
    if re.search(rb"/Type /Page\b(?!s)", head):
        return [root_pages]
    kids = re.search(rb"/Kids \[([^\]]*)\]", head)
    return [
        p
        for kid in re.findall(_REF, kids.group(1))
        for p in _page_order(objects, int(kid))
    ]


# One token a match, told apart by the group that matched (``lastindex``): a hex string, a
# name, a number, an operator, a literal string; "[" and "]" match no group and are skipped.
_TOKEN = re.compile(
    rb"<([0-9A-Fa-f]*)>|[\[\]]|/([^\s/<>\[\]()]+)|(-?[\d.]+)|([A-Za-z*'\"]+)"
    rb"|(\((?:\\.|[^\\)])*\))"
)
_HEX, _NAME, _NUMBER, _OP, _LITERAL = 1, 2, 3, 4, 5


def _page_text(content: bytes, fonts: dict[bytes, dict[int, str]]) -> str:
    # The course PDF holds millions of tokens, mostly path coordinates: each is looked at once,
    # and kept (as it was written) only until the next operator.
    lines, run, font, stack = [], [], None, []
    for m in _TOKEN.finditer(content):
        kind = m.lastindex
        if kind is None:  # "[" or "]"
            continue
        if kind == _OP:
            op = m.group(_OP)
            if op == b"Tf":
                font = fonts.get(next(v for k, v in reversed(stack) if k == _NAME))
            elif op == b"Tj" or op == b"TJ":
                if font is None:
                    raise ValueError("text shown in a font without a /ToUnicode map")
                for k, value in stack:
                    if k == _HEX:
                        codes = bytes.fromhex(value.decode())
                        run += [
                            font.get(codes[i] << 8 | codes[i + 1], "\ufffd")
                            for i in range(0, len(codes), 2)
                        ]
                    elif k == _NUMBER and op == b"TJ" and float(value) < -200:
                        run.append(" ")  # a wide gap inside a TJ array is a space
            elif op == b"ET":
                lines.append("".join(run))
                run = []
            stack.clear()
        elif kind == _LITERAL:
            raise ValueError("a literal string in a text operator: not handled")
        else:
            stack.append((kind, m.group(kind)))
    return "\n".join(lines)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF written by Chromium, in page order."""
    if not data.startswith(b"%PDF-"):
        raise ValueError("not a PDF")
    objects = _objects(data)
    catalog = next(n for n, (h, _) in objects.items() if b"/Type /Catalog" in h)
    pages_root = int(re.search(rb"/Pages " + _REF, objects[catalog][0]).group(1))
    cmaps: dict[int, dict[int, str]] = {}
    texts = []
    for page in _page_order(objects, pages_root):
        head, _ = objects[page]
        fonts = {}
        font_dict = re.search(rb"/Font <<(.*?)>>", head, re.S)
        for name, ref in re.findall(
            rb"/(\S+) " + _REF, font_dict.group(1) if font_dict else b""
        ):
            font_head = objects[int(ref)][0]
            to_unicode = re.search(rb"/ToUnicode " + _REF, font_head)
            if to_unicode:
                key = int(to_unicode.group(1))
                if key not in cmaps:
                    cmaps[key] = _cmap(objects[key][1])
                fonts[name] = cmaps[key]
        contents = re.search(rb"/Contents (?:" + _REF + rb"|\[([^\]]*)\])", head)
        refs = (
            [contents.group(1)]
            if contents.group(1)
            else re.findall(_REF, contents.group(2))
        )
        texts.append("\n".join(_page_text(objects[int(r)][1], fonts) for r in refs))
    return texts
