"""How the self-check hook writes an answer: the number as the checker and the answers page
show it, and the encoding of what only the checker may show (``data-secret``: the JSON's UTF-8
bytes XOR-ed with a key made from the page and question id, in base64, which
``docs/javascripts/widgets/selfcheck/logic.js`` decodes). Obfuscation, not secrecy.
"""

from __future__ import annotations

import base64
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from syllabus_code.selfcheck import Numeric  # noqa: E402


def secret_key(page_key: str, qid: str) -> bytes:
    return f"selfcheck:{page_key}/{qid}".encode()


def encode_secret(data: dict, page_key: str, qid: str) -> str:
    """JSON -> UTF-8 -> XOR with the question's key -> base64 (logic.js: decodeSecret)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    key = secret_key(page_key, qid)
    return base64.b64encode(
        bytes(b ^ key[i % len(key)] for i, b in enumerate(raw))
    ).decode("ascii")


def decode_secret(text: str, page_key: str, qid: str) -> dict:
    raw = base64.b64decode(text)
    key = secret_key(page_key, qid)
    return json.loads(
        bytes(b ^ key[i % len(key)] for i, b in enumerate(raw)).decode("utf-8")
    )


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
