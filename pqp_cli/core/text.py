"""Vietnamese text helpers: NFC, white space, folding diacritics, legal-form words, dates."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable

_SPACE_RUN = re.compile(r"\s+")
#: C0 controls but tab and line feed, DEL, C1 controls, lone surrogates and the noncharacters
#: U+FFFE and U+FFFF (YAML escapes make them; no XML, so no Word or Excel report, holds them).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """`text` with each control character written as an escape (`\\x00`), for messages."""
    return CONTROL.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode(), text
    )


_NEEDS_SPACING = re.compile(r"\s\s|[^\S ]|^\s|\s$")


def clean(text: str) -> str:
    """NFC-normalise and collapse inner runs of white space (the form every stored text has)."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _single_spaced(text) or _NEEDS_SPACING.search(text) is None:
        return text  # the common case: nothing to collapse
    return _SPACE_RUN.sub(" ", text).strip()


def _single_spaced(text: str) -> bool:
    """True when `text` has no white space but single inner spaces, cheaper than asking
    `_NEEDS_SPACING` (False: ask it). Every white space character but the space is
    unprintable (a control or a separator), so printable text holds none of them."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = "".join(
            c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c)
        )
        if base != chr(code):
            table[code] = base
    table.update({c: None for c in range(0x300, 0x370)})  # stray combining marks (NFD input)
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()


_FOLDED_WORDS: dict[str, str] = {}
_FOLDED_WORDS_MAX = 200_000  # words kept (Vietnamese has a few thousand syllables)


def _fold_word(word: str) -> str:
    found = _FOLDED_WORDS.get(word)
    if found is None:
        found = word.translate(_FOLD)
        if len(_FOLDED_WORDS) < _FOLDED_WORDS_MAX:
            _FOLDED_WORDS[word] = found
    return found


def fold(text: str) -> str:
    """Lower-case, diacritics removed (đ → d), spacing collapsed: for diacritics-blind matching.

    `_FOLD` maps only non-ASCII characters, one by one, so ASCII text is left as it is and
    other text is folded word by word, each word once (a name's words recur: four times
    cheaper than translating every name whole)."""
    folded = text.lower()
    if not folded.isascii():
        known = _FOLDED_WORDS.get
        folded = " ".join([known(word) or _fold_word(word) for word in folded.split(" ")])
    if _single_spaced(folded) or _NEEDS_SPACING.search(folded) is None:
        return folded
    return _SPACE_RUN.sub(" ", folded).strip()


def key(text: str) -> str:
    """Case-, spacing- and Unicode-form-insensitive key that keeps diacritics (Lan ≠ Lân)."""
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def header_key(text: str) -> str:
    """A column header reduced to letters and digits, diacritics folded: `Mã số thuế` → `masothue`."""
    return re.sub(r"[^0-9a-z]", "", fold(text))


# Legal-form words, longest first so that "cong ty co phan" wins over "cong ty".
_LEGAL_FORMS = sorted(
    [
        "công ty trách nhiệm hữu hạn một thành viên",
        "công ty trách nhiệm hữu hạn",
        "công ty tnhh mtv",
        "công ty tnhh",
        "công ty cổ phần",
        "công ty cp",
        "công ty",
        "cty tnhh mtv",
        "cty tnhh",
        "cty cổ phần",
        "cty cp",
        "cty",
        "ctcp",
        "tnhh mtv",
        "tnhh",
        "doanh nghiệp tư nhân",
        "dntn",
        "hợp tác xã",
        "htx",
        "hộ kinh doanh",
        "hkd",
        "cơ sở",
        "cs",
    ],
    key=len,
    reverse=True,
)
_LEGAL_FORMS_FOLDED = sorted({fold(w) for w in _LEGAL_FORMS}, key=len, reverse=True)
_PUNCT = re.compile(r"[.,;:()\"'`“”‘’\-–/&]+")


def _forms_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<= )(?:{alternatives})(?= )")


_FORMS = _forms_pattern(key(w) for w in _LEGAL_FORMS)
_FORMS_FOLDED = _forms_pattern(_LEGAL_FORMS_FOLDED)


def _strip_forms(text: str, forms: re.Pattern[str]) -> str:
    padded = f" {_PUNCT.sub(' ', text)} "
    return " ".join(forms.sub(" ", padded).split())


def name_key(name: str) -> str:
    """An establishment name with case, spacing, Unicode form and legal-form words set aside."""
    return _strip_forms(key(name), _FORMS)


def name_key_folded(name: str) -> str:
    """`name_key` with diacritics set aside too (a weaker match: Lan and Lân collide)."""
    return _strip_forms(fold(name), _FORMS_FOLDED)


def legal_form_type(name: str) -> str | None:
    """The establishment type its name's legal form implies, or None."""
    folded = f" {_PUNCT.sub(' ', fold(name))} "
    if any(f" {w} " in folded for w in ("cong ty", "cty", "ctcp", "dntn", "doanh nghiep tu nhan")):
        return "enterprise"
    if any(f" {w} " in folded for w in ("htx", "hop tac xa")):
        return "cooperative"
    if any(f" {w} " in folded for w in ("ho kinh doanh", "hkd")):
        return "household"
    return None


# A name's legal form, for telling establishments apart: (label, family); "Công ty CP" =
# "Công ty Cổ phần" = "CTCP". A bare "Công ty" agrees with any company form.
_FORM_LABELS = [
    ("Công ty CP", "company", ("cong ty co phan", "cong ty cp", "cty co phan", "cty cp", "ctcp")),
    ("Công ty TNHH", "company", ("cong ty trach nhiem huu han", "cong ty tnhh", "cty tnhh")),
    ("Công ty", "company", ("cong ty", "cty")),
    ("DNTN", "dntn", ("doanh nghiep tu nhan", "dntn")),
    ("HTX", "htx", ("hop tac xa", "htx")),
    ("Hộ kinh doanh", "hkd", ("ho kinh doanh", "hkd")),
]


def legal_form(name: str) -> tuple[str, str] | None:
    """The legal form a name opens with or contains first, as (label, family), or None."""
    folded = f" {' '.join(_PUNCT.sub(' ', fold(name)).split())} "
    best: tuple[int, int, str, str] | None = None
    for label, family, words in _FORM_LABELS:
        for w in words:
            at = folded.find(f" {w} ")
            if at >= 0 and (best is None or (at, -len(w)) < best[:2]):
                best = (at, -len(w), label, family)
    return (best[2], best[3]) if best else None


_OPENING_FORMS = tuple(w for _, _, words in _FORM_LABELS for w in words) + ("doanh nghiep",)


def opens_with_legal_form(name: str) -> bool:
    """Whether a name starts with a legal form (HTX, Công ty, HKD, Doanh nghiệp…)."""
    folded = f"{' '.join(_PUNCT.sub(' ', fold(name)).split())} "
    return any(folded.startswith(f"{w} ") for w in _OPENING_FORMS)


def forms_agree(a: str, b: str) -> bool:
    """Whether two names may be one establishment as far as their legal forms go."""
    fa, fb = legal_form(a), legal_form(b)
    if fa is None or fb is None or fa == fb:
        return True
    return fa[1] == fb[1] == "company" and "Công ty" in (fa[0], fb[0])


def nearest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to `word` (difflib ratio, diacritics-blind), or None."""
    pool = list(candidates)
    if not pool:
        return None
    folded = {fold(c): c for c in pool}
    found = closest(fold(word), folded, cutoff)
    return folded[found] if found is not None else None


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """What `difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)` finds, or None.

    The same ratios, computed the same way, but a candidate whose upper bound (by length, then
    by letters shared: difflib's own `real_quick_ratio` and `quick_ratio`) cannot beat the best
    found so far is never matched in full: a suggestion among 45,000 ids costs a third as
    much. Ties go as in difflib, to the larger candidate."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    by_length: dict[int, list[str]] = {}
    for candidate in candidates:
        by_length.setdefault(len(candidate), []).append(candidate)
    size = len(word)
    bounds = sorted(((_length_bound(n, size), n) for n in by_length), reverse=True)
    score, best = -1.0, None
    for bound, length in bounds:
        if bound < cutoff or bound < score:
            break
        for candidate in by_length[length]:
            matcher.set_seq1(candidate)
            quick = matcher.quick_ratio()
            if quick < cutoff or quick < score or (quick == score and candidate < str(best)):
                continue
            ratio = matcher.ratio()
            if ratio >= cutoff and (ratio, candidate) > (score, best or ""):
                score, best = ratio, candidate
    return best


def _length_bound(length: int, size: int) -> float:
    """difflib's `real_quick_ratio` for two texts of these lengths."""
    total = length + size
    return 2.0 * min(length, size) / total if total else 1.0


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """A date from `yyyy-mm-dd`, or day-first `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`.

    Returns None when the text is no date of those forms or names an impossible day.
    """
    text = text.strip()
    if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():
        try:  # ASCII yyyy-mm-dd, the common case, 4× cheaper (a `suppress` block costs as much)
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # the patterns below decide
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _DAY_FIRST.match(text)
        if not m:
            return None
        d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, tab or
    CR gets a leading `'` (OWASP's advice against CSV injection). Numbers pass unchanged."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell
