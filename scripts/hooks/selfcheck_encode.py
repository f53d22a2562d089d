"""How the self-check hook writes an answer: the number as the checker and the answers page
show it, and the encoding of what only the checker may show (``data-secret``, which
``docs/javascripts/widgets/selfcheck/logic.js`` decodes). Obfuscation, not secrecy.

The secret is its JSON in ASCII (other characters as ``\\uXXXX`` escapes) with every printable
character moved the same number of places along ``!`` .. ``~``, a shift made from the page and
question id: unreadable at a glance, and compressed by the server's gzip as well as the JSON
itself, because a substitution that does not depend on the position keeps every repeat of
the text a repeat. The earlier encoding (UTF-8 bytes XOR-ed with a repeating key, in base64)
was incompressible: the secrets were 42 % of the linear algebra page's gzipped HTML
(23 of 56 KB) and 63 % of the attention page's (44 of 69 KB); with this one the pages are
37 and 33 KB.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from syllabus_code.selfcheck import Numeric  # noqa: E402

# The printable ASCII characters, "!" to "~", which the encoding moves round.
FIRST, COUNT = 0x21, 94


def secret_key(page_key: str, qid: str) -> bytes:
    return f"selfcheck:{page_key}/{qid}".encode()


def secret_shift(page_key: str, qid: str) -> int:
    """How many places the question's secret is moved: 1 to COUNT - 1, never 0."""
    key = secret_key(page_key, qid)
    return 1 + sum((i + 1) * b for i, b in enumerate(key)) % (COUNT - 1)


def _rotate(text: str, shift: int) -> str:
    return "".join(
        chr(FIRST + (ord(c) - FIRST + shift) % COUNT)
        if FIRST <= ord(c) < FIRST + COUNT
        else c
        for c in text
    )


def encode_secret(data: dict, page_key: str, qid: str) -> str:
    """JSON in ASCII -> printable characters moved by the question's shift
    (logic.js: decodeSecret). HTML-escape it to put it in an attribute."""
    raw = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return _rotate(raw, secret_shift(page_key, qid))


def decode_secret(text: str, page_key: str, qid: str) -> dict:
    return json.loads(_rotate(text, -secret_shift(page_key, qid)))


def decimals_for(tolerance: float) -> int | None:
    """How many decimals show an answer accepted within ``tolerance`` (None: as it is)."""
    if tolerance <= 0:
        return None
    return max(0, min(12, math.ceil(-math.log10(2 * tolerance) - 1e-9)))  # 0.005: 2


def format_number(x: float, tolerance: float = 0.0) -> str:
    """The answer as the answers page and the checker show it (minus sign as U+2212)."""
    d = decimals_for(tolerance)
    if d is None:
        text = (
            str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))
        )
    else:
        text = f"{x:.{d}f}"
        if text.lstrip("-").strip("0.") == "":
            text = text.lstrip("-")  # no "-0.000"
    return text.replace("-", "\u2212")


def tolerance_text(q: Numeric) -> str:
    return (
        "exactly" if q.tolerance == 0 else f"within \u00b1{format_number(q.tolerance)}"
    )
