"""Reading a locality text into parts: separators, type words, tone marks (docs/data.md,
"How a locality text is read"). Nothing here knows the register."""

from __future__ import annotations

import functools
import re
import unicodedata

from pqp_cli.core.text import fold

DISTRICT_TYPES = ("huyen", "thixa", "thanhpho", "quan")
COMMUNE_TYPES = ("xa", "phuong", "thitran", "dackhu")
#: The register's type names → type codes.
TYPE_CODES = {
    "Huyện": "huyen",
    "Thị xã": "thixa",
    "Thành phố": "thanhpho",
    "Quận": "quan",
    "Xã": "xa",
    "Phường": "phuong",
    "Thị trấn": "thitran",
    "Đặc khu": "dackhu",
}
# type words as written (folded tokens) → type code; "tinh" marks the province
_TYPE_WORDS: list[tuple[tuple[str, ...], str]] = [
    (("thi", "xa"), "thixa"),
    (("thi", "tran"), "thitran"),
    (("thanh", "pho"), "thanhpho"),
    (("dac", "khu"), "dackhu"),
    (("t", "p"), "thanhpho"),
    (("t", "x"), "thixa"),
    (("t", "t"), "thitran"),
    (("huyen",), "huyen"),
    (("h",), "huyen"),
    (("tx",), "thixa"),
    (("tp",), "thanhpho"),
    (("quan",), "quan"),
    (("q",), "quan"),
    (("tt",), "thitran"),
    (("xa",), "xa"),
    (("x",), "xa"),
    (("phuong",), "phuong"),
    (("p",), "phuong"),
    (("tinh",), "tinh"),
]
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _code in _TYPE_WORDS:
    _BY_FIRST.setdefault(_words[0], []).append((_words, _code))
#: A part that is only a type word ("Yên Viên (Thị trấn)") gives the type of the one before.
TYPE_ONLY = {"".join(w): code for w, code in _TYPE_WORDS if len(w[0]) > 1 and code != "tinh"}
_TOKENS = re.compile(r"[a-z0-9]+")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
#: Where a text is cut into parts: commas, semicolons, slashes, brackets; then a spaced dash.
_SEPARATORS = re.compile(r"[,;/()\[\]]")
_DASHES = re.compile(r"[,;/()\[\]]|\s[-–—]+\s|\s[-–—]+(?=\w)|(?<=\w)[-–—]+\s")
#: Parts that are notes, not places: "(cũ)", "(mới)", ", Việt Nam".
NOTES = {"cu": "old", "moi": "new", "vietnam": None, "vn": None}
#: First words of a part that is below the register (village, street, industrial zone).
_BELOW = {
    "thon", "xom", "ban", "lang", "khu", "kcn", "ccn", "kdc", "cum", "to", "ap", "so",
    "duong", "pho", "khom", "kp", "tdp", "khupho", "lo", "ngo", "ngach", "hem", "kiet",
}  # fmt: skip
#: District type words a text without separators may be cut before ("xã X huyện Y"); not a
#: bare "quan" ("Quán Lào", "Thanh Quân"), and with diacritics only the type word itself.
_CUT_WORDS = ("huyện", "huyen", "tp", "tx", "quận", "tỉnh", "tinh")
_CUT_PAIRS = ("thị xã", "thi xa", "thành phố", "thanh pho")
#: The tone marks (combining): their place in a syllable differs between the old and new
#: spelling rules ("Hoà"/"Hòa", "Qúy"/"Quý"), so the exact key moves them to the word's end.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def name_key(text: str) -> str:
    """Letters and digits only, case and diacritics set aside: "Thọ  Xuân" → "thoxuan"."""
    return "".join(_TOKENS.findall(fold(text)))


def exact_key(text: str) -> str:
    """Like name_key but keeping diacritics (a tie-break between names that fold alike); the
    tone mark of each word is put after it, wherever it was written ("Hoà" = "Hòa")."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())
    return "".join(_word(w)[1] for w in words)


@functools.lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, str]:
    """A casefolded word's name key and exact key (words repeat: memoised)."""
    nfd = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in nfd if c in _TONES)
    exact = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES)) + tones
    return name_key(word), exact


#: A part of a locality: type code or None, name key, the name's exact key, and the key of
#: the whole part (type words included).
Part = tuple[str | None, str, str, str]


@functools.lru_cache(maxsize=1 << 16)
def parse_part(part: str) -> Part:
    """One part of a locality text, its type words recognised (memoised: parts repeat)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", part).casefold())
    keys = [_word(w) for w in words]
    tokens = [k for k, _ in keys]
    for type_words, code in _BY_FIRST.get(tokens[0], ()) if tokens else ():
        n = len(type_words)
        if len(tokens) > n and tuple(tokens[:n]) == type_words:
            exact = "".join(e for _, e in keys[n:])
            return code, "".join(tokens[n:]), exact, "".join(tokens)
    return None, "".join(tokens), "".join(e for _, e in keys), "".join(tokens)


def split_text(text: str, dashes: bool = False) -> list[str]:
    """The parts of a locality text, cut at its separators (empty parts dropped); at a
    spaced dash too with `dashes`."""
    return [p for p in (_DASHES if dashes else _SEPARATORS).split(text) if p.strip()]


def accented(text: str) -> bool:
    """Whether a text is written with diacritics (then they tell names apart)."""
    return any(not c.isascii() for c in text)


def below_register(part: str) -> bool:
    """Whether a part names something below a commune ("Thôn 3", "KCN Lễ Môn")."""
    first = _FIRST_WORD.search(part)
    return first is not None and _word(first.group().casefold())[0] in _BELOW


def cut_at_type_words(text: str) -> list[str]:
    """A text without separators cut before each district or province type word that is not
    its first word: "xã Hoằng Quý huyện Hoằng Hóa" → ["xã Hoằng Quý", "huyện Hoằng Hóa"]."""
    words = text.split()
    keys = [_word(w.casefold())[1] if w.isalpha() else w for w in words]
    single, pairs = _cut_keys()
    cuts = [0]
    for i in range(1, len(words) - 1):
        pair = keys[i] + keys[i + 1] if i + 2 < len(words) else ""
        if (keys[i] in single or pair in pairs) and i - cuts[-1] > 1:
            cuts.append(i)
    cuts.append(len(words))
    return [" ".join(words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]


@functools.lru_cache(maxsize=1)
def _cut_keys() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(map(exact_key, _CUT_WORDS)), frozenset(map(exact_key, _CUT_PAIRS))


def ordered(parts: list[Part]) -> list[Part]:
    """ "Huyện Y, Xã X" read as "Xã X, huyện Y": a commune named after its district first."""
    if parts and parts[0][0] in DISTRICT_TYPES:
        for i, part in enumerate(parts[1:], 1):
            if part[0] in COMMUNE_TYPES:
                return [part, *parts[:i], *parts[i + 1 :]]
    return parts
