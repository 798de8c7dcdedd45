"""Known schemes per category, and how a target's scheme matches a record's (docs/contract.md §4)."""

from __future__ import annotations

import re

from pqp_cli.core.text import fold, nearest

#: Schemes seen in Vietnamese programme documents; extend freely.
KNOWN_SCHEMES: dict[str, tuple[str, ...]] = {
    "management_system": (
        "ISO 9001",
        "ISO 14001",
        "ISO 22000",
        "FSSC 22000",
        "HACCP",
        "ISO 45001",
        "ISO 50001",
        "ISO/IEC 17025",
        "ISO 13485",
        "ISO/IEC 27001",
        "ISO 56002",
        "SA 8000",
        "GMP",
        "GACP",
        "VietGAP",
        "GlobalGAP",
        "GAP",
        "BRC",
        "IFS",
        "Halal",
        "USDA Organic",
        "Organic",
        "TCVN 11041",
        "Truy xuất nguồn gốc",
        "ISO 22005",
    ),
    "improvement_tool": (
        "5S",
        "Kaizen",
        "Lean",
        "Lean Six Sigma",
        "Six Sigma",
        "TPM",
        "KPI",
        "MFCA",
        "MBO",
        "PDCA",
        "7 QC tools",
        "7 công cụ thống kê",
        "QCC",
        "BSC",
        "TQM",
        "SMED",
        "JIT",
        "VSM",
        "Năng suất xanh",
        "Green productivity",
        "Poka-Yoke",
        "Kanban",
    ),
    "measurement_assurance": (
        "Chương trình đảm bảo đo lường",
        "Đảm bảo đo lường",
        "Measurement assurance",
        "ISO 10012",
        "ISO/IEC 17025",
    ),
    "technology": (
        "Chuyển đổi số",
        "Digital transformation",
        "ERP",
        "MES",
        "CRM",
        "IoT",
        "SCADA",
        "Công nghệ cao",
        "Blockchain",
        "AI",
        "Truy xuất nguồn gốc",
        "Traceability",
        "QR code",
        "Thương mại điện tử",
        "E-commerce",
    ),
    "product_standard": ("TCVN", "TCCS", "QCVN", "QCĐP", "ISO", "IEC", "Codex", "ASTM", "EN"),
}

_PREFIX_ONLY = {"product_standard"}


def scheme_key(text: str) -> str:
    """Case and spacing set aside: `iso  9001` → `iso9001`."""
    return re.sub(r"\s+", "", text).casefold()


def scheme_matches(wanted: str, actual: str) -> bool:
    """Equal once case and spacing are set aside, or `actual` adds a version after a colon."""
    w, a = scheme_key(wanted), scheme_key(actual)
    return a == w or (a.startswith(w + ":") and len(a) > len(w) + 1)


def is_known(category: str, scheme: str) -> bool:
    known = KNOWN_SCHEMES.get(category, ())
    if category in _PREFIX_ONLY:
        first = fold(scheme).replace("đ", "d").split(" ")[0].split(":")[0]
        return any(first == fold(k) for k in known)
    # A version after a colon, or a year/part after the number, still names the scheme.
    return any(scheme_matches(k, scheme) or fold(scheme).startswith(fold(k) + " ") for k in known)


def nearest_scheme(category: str, scheme: str) -> str | None:
    return nearest(scheme, KNOWN_SCHEMES.get(category, ()), cutoff=0.4)
