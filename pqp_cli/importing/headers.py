"""The columns import reads for each kind (docs/contract.md §6), their header aliases, and `--mapping FILE`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pqp_cli.core.text import fold, header_key, nearest


@dataclass(frozen=True)
class Column:
    """A column import understands: the key rows use, how its cells read, and its headers."""

    key: str
    type: str  # text, id, ids, date, bool, int, stars, tax_code, enum:<group>, list:<group>, list
    en: str  # the English header the template writes
    vi: tuple[str, ...]  # Vietnamese headers; the first is the one the template writes
    help_en: str
    help_vi: str
    required: bool = False


def _c(
    key: str, type_: str, en: str, vi: str, help_en: str, help_vi: str, req: bool = False
) -> Column:
    return Column(key, type_, en, tuple(vi.split(" | ")), help_en, help_vi, req)


_ID_EN, _ID_VI = "Optional: derived from the row when empty", "Không bắt buộc: để trống sẽ tự sinh"
_DATE_EN, _DATE_VI = "Date, day first: 03/04/2023 is 3 April", "Ngày, ngày trước: 03/04/2023 là 3/4"
_YES_EN, _YES_VI = "Có (yes) or Không (no)", "Có hoặc Không"
_OCOP = "OCOP (one product a row; rows of one establishment add up)"
_OCOP_VI = "OCOP (mỗi dòng một sản phẩm; các dòng của cùng cơ sở được cộng lại)"


def _establishment(key: str, what_en: str, what_vi: str) -> list[Column]:
    """The columns naming the establishment of a training or certification row."""
    return [
        _c(
            key,
            "ids",
            f"{what_en} id",
            "Mã cơ sở",
            "Id of an establishment in the data",
            "Mã cơ sở đã có trong dữ liệu",
        ),
        _c(
            f"{key}_tax_code",
            "tax_code",
            f"{what_en} tax code",
            "Mã số thuế | MST | Mã số doanh nghiệp | Mã số DN",
            "10 digits; finds the establishment when there is no id",
            "10 chữ số; dùng để tìm cơ sở khi không có mã",
        ),
        _c(
            f"{key}_name",
            "names",
            f"{what_en} name",
            "Tên cơ sở | Tên doanh nghiệp | Đơn vị | Tên đơn vị | Tên cơ sở/Tên doanh nghiệp"
            " | Tên cơ sở sản xuất kinh doanh | Tên DN | Tên HTX | Tên doanh nghiệp/HTX",
            f"Name of the {what_en.lower()}; finds it when there is no id or tax code",
            f"Tên {what_vi}; dùng để tìm khi không có mã, mã số thuế",
        ),
        _c(
            f"{key}_locality",
            "text",
            f"{what_en} locality",
            "Huyện | Địa bàn | Địa phương | Xã/phường",
            "District or commune (for --create-missing)",
            "Huyện hoặc xã (dùng với --create-missing)",
        ),
        _c(
            f"{key}_type",
            "enum:type",
            f"{what_en} type",
            "Loại hình",
            "Doanh nghiệp, Hợp tác xã, Hộ kinh doanh or Khác (for --create-missing)",
            "Doanh nghiệp, Hợp tác xã, Hộ kinh doanh hoặc Khác (dùng với --create-missing)",
        ),
    ]


COLUMNS: dict[str, list[Column]] = {
    "enterprises": [
        _c("id", "id", "Id", "Mã cơ sở", _ID_EN, _ID_VI),
        _c(
            "name",
            "text",
            "Name",
            "Tên doanh nghiệp | Tên cơ sở | Tên đơn vị | Tên cơ sở sản xuất kinh doanh | Tên DN"
            " | Tên HTX | Tên doanh nghiệp/HTX",
            "Name of the establishment",
            "Tên cơ sở sản xuất, kinh doanh",
            True,
        ),
        _c(
            "type",
            "enum:type",
            "Type",
            "Loại hình",
            "Doanh nghiệp, Hợp tác xã, Hộ kinh doanh or Khác",
            "Doanh nghiệp, Hợp tác xã, Hộ kinh doanh hoặc Khác",
            True,
        ),
        _c(
            "tax_code",
            "tax_code",
            "Tax code",
            "Mã số thuế | MST | Mã số doanh nghiệp | Mã số DN",
            "10 digits, or 10 digits-3 digits for a branch",
            "10 chữ số, hoặc 10 chữ số-3 chữ số",
        ),
        _c(
            "locality",
            "text",
            "Locality",
            "Huyện | Địa bàn | Địa phương | Huyện/thị xã/thành phố | Huyện, thị xã, thành phố"
            " | Quận/huyện | Huyện/thị xã",
            "District (to 2025-06-30), or any place the register knows",
            "Huyện (đến 30/06/2025), hoặc nơi bất kỳ có trong danh mục đơn vị hành chính",
        ),
        _c(
            "commune",
            "text",
            "Commune or ward",
            "Xã/phường | Xã, phường | Xã | Phường | Xã/phường/thị trấn | Xã, phường, thị trấn"
            " | Phường/xã",
            "Commune or ward (from 2025-07-01), or an old commune with the District column",
            "Xã, phường (từ 01/07/2025), hoặc xã cũ cùng cột Huyện",
        ),
        _c("address", "text", "Address", "Địa chỉ", "Address", "Địa chỉ"),
        _c("sector", "text", "Sector", "Ngành nghề | Lĩnh vực", "Sector", "Ngành nghề, lĩnh vực"),
        _c(
            "key_product",
            "bool",
            "Key product",
            "Sản phẩm chủ lực",
            "Produces a provincial key product: " + _YES_EN,
            "Có sản phẩm chủ lực: " + _YES_VI,
        ),
        _c(
            "pilot_model",
            "bool",
            "Pilot model",
            "Mô hình điểm",
            "A pilot model of the plan: " + _YES_EN,
            "Là mô hình điểm: " + _YES_VI,
        ),
        _c(
            "ocop_name",
            "text",
            "OCOP product",
            "Sản phẩm OCOP | Tên sản phẩm OCOP | Tên sản phẩm",
            _OCOP,
            _OCOP_VI,
        ),
        _c(
            "ocop_stars",
            "stars",
            "OCOP stars",
            "Số sao | Hạng sao | Số sao/Hạng sao",
            "3, 4 or 5",
            "3, 4 hoặc 5",
        ),
        _c("ocop_certified_on", "date", "OCOP certified on", "Ngày công nhận", _DATE_EN, _DATE_VI),
        _c(
            "ocop_expires_on",
            "date",
            "OCOP expires on",
            "Ngày hết hạn",
            "Empty: 36 months after certification",
            "Để trống: 36 tháng sau ngày công nhận",
        ),
    ],
    "trainings": [
        _c(
            "id",
            "id",
            "Id",
            "Mã lớp",
            "Same id on every row of one training; " + _ID_EN[0].lower() + _ID_EN[1:],
            "Cùng mã trên mọi dòng của một lớp; " + _ID_VI[0].lower() + _ID_VI[1:],
        ),
        _c(
            "title",
            "text",
            "Title",
            "Tên lớp | Tên lớp tập huấn | Lớp tập huấn",
            "Title of the training",
            "Tên lớp tập huấn",
            True,
        ),
        _c("date", "date", "Date", "Ngày tập huấn | Ngày | Từ ngày", _DATE_EN, _DATE_VI, True),
        _c("end_date", "date", "End date", "Đến ngày", _DATE_EN, _DATE_VI),
        _c(
            "topics",
            "list:topics",
            "Topics",
            "Nội dung | Nội dung tập huấn | Chủ đề",
            "Hệ thống quản lý, Công cụ cải tiến, Tiêu chuẩn, Đo lường, Công nghệ; several with ;",
            "Hệ thống quản lý, Công cụ cải tiến, Tiêu chuẩn, Đo lường, Công nghệ; nhiều mục cách nhau bởi dấu ;",
            True,
        ),
        _c("organizer", "text", "Organizer", "Đơn vị tổ chức", "Organizer", "Đơn vị tổ chức"),
        _c("locality", "text", "Venue", "Địa điểm", "Where it took place", "Nơi tổ chức"),
        _c(
            "trainees",
            "int",
            "Trainees",
            "Số học viên",
            "Number of people trained",
            "Số người được tập huấn",
        ),
        *_establishment("participant", "Participant", "cơ sở tham gia"),
    ],
    "certifications": [
        _c("id", "id", "Id", "Mã hồ sơ", _ID_EN, _ID_VI),
        *_establishment("enterprise", "Enterprise", "doanh nghiệp"),
        _c(
            "category",
            "enum:category",
            "Category",
            "Loại | Nhóm | Loại hỗ trợ",
            "Hệ thống quản lý, Công cụ cải tiến, Tiêu chuẩn sản phẩm, Đảm bảo đo lường, Công nghệ",
            "Hệ thống quản lý, Công cụ cải tiến, Tiêu chuẩn sản phẩm, Đảm bảo đo lường, Công nghệ",
            True,
        ),
        _c(
            "scheme",
            "text",
            "Scheme",
            "Hệ thống/Tiêu chuẩn | Hệ thống | Tiêu chuẩn | Công cụ",
            "e.g. ISO 9001, HACCP, VietGAP, 5S, TCVN 7046:2019",
            "vd. ISO 9001, HACCP, VietGAP, 5S",
            True,
        ),
        _c(
            "supported",
            "bool",
            "Supported",
            "Được hỗ trợ",
            "Support came from the plan (empty: Có)",
            "Được kế hoạch hỗ trợ (để trống: Có)",
        ),
        _c(
            "product",
            "text",
            "Product",
            "Sản phẩm",
            "Product a standard applies to",
            "Sản phẩm áp dụng tiêu chuẩn",
        ),
        _c("started_on", "date", "Started on", "Ngày bắt đầu", _DATE_EN, _DATE_VI),
        _c(
            "achieved_on",
            "date",
            "Achieved on",
            "Ngày cấp | Ngày chứng nhận | Ngày đạt",
            "Empty: still in progress",
            "Để trống: đang thực hiện",
        ),
        _c("expires_on", "date", "Expires on", "Ngày hết hạn | Hiệu lực đến", _DATE_EN, _DATE_VI),
        _c("withdrawn_on", "date", "Withdrawn on", "Ngày thu hồi", _DATE_EN, _DATE_VI),
        _c(
            "certifier",
            "text",
            "Certifier",
            "Tổ chức chứng nhận",
            "Certification body",
            "Tổ chức chứng nhận",
        ),
    ],
    "experts": [
        _c("id", "id", "Id", "Mã chuyên gia", _ID_EN, _ID_VI),
        _c(
            "name",
            "text",
            "Name",
            "Họ và tên | Họ tên | Tên chuyên gia | Họ và tên chuyên gia",
            "Full name",
            "Họ và tên",
            True,
        ),
        _c(
            "qualified_on",
            "date",
            "Qualified on",
            "Ngày công nhận | Ngày cấp chứng chỉ | Ngày cấp",
            _DATE_EN,
            _DATE_VI,
            True,
        ),
        _c("revoked_on", "date", "Revoked on", "Ngày thu hồi", _DATE_EN, _DATE_VI),
        _c(
            "unit",
            "unit",
            "Unit",
            "Đơn vị | Đơn vị công tác | Cơ quan công tác | Tên đơn vị",
            "Id or name of a unit in the data",
            "Mã hoặc tên đơn vị đã có trong dữ liệu",
        ),
        _c(
            "fields",
            "list",
            "Fields",
            "Lĩnh vực | Chuyên ngành | Lĩnh vực tư vấn | Lĩnh vực chuyên môn",
            "Several separated by ;",
            "Nhiều lĩnh vực cách nhau bởi ;",
        ),
    ],
    "units": [
        _c("id", "id", "Id", "Mã đơn vị", _ID_EN, _ID_VI),
        _c(
            "name",
            "text",
            "Name",
            "Tên đơn vị | Tên đơn vị tư vấn | Đơn vị",
            "Name of the unit",
            "Tên đơn vị",
            True,
        ),
        _c(
            "public",
            "bool",
            "Public",
            "Công lập",
            "A public unit: " + _YES_EN,
            "Đơn vị công lập: " + _YES_VI,
        ),
        _c(
            "qualified_on",
            "date",
            "Qualified on",
            "Ngày công nhận | Ngày cấp",
            _DATE_EN,
            _DATE_VI,
            True,
        ),
        _c("revoked_on", "date", "Revoked on", "Ngày thu hồi", _DATE_EN, _DATE_VI),
    ],
}

#: Headers of row-number columns: known, never reported as ignored.
ROW_NUMBER_HEADERS = frozenset(header_key(h) for h in ("STT", "TT", "Số TT", "Số thứ tự", "No"))
#: Field names of the records that a column key stands in for, so that they match too.
_FIELD_ALIASES = {
    "participant": ("participants",),
    "ocop_name": ("ocop_products", "ocop_product"),
    "fields": ("field",),
}
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def columns(kind: str) -> dict[str, Column]:
    return {c.key: c for c in COLUMNS[kind]}


def aliases(kind: str) -> dict[str, str]:
    """Header key → column key: every Vietnamese header, the English header and the field name."""
    table: dict[str, str] = {}
    for col in COLUMNS[kind]:
        for name in (col.key, col.en, *_FIELD_ALIASES.get(col.key, ()), *col.vi):
            table.setdefault(header_key(name), col.key)
    return table


#: Words district headers add around a known one: "Tên cơ sở tham gia", "Mã số thuế (nếu có)".
_FILLER = re.compile(r"\b(?:tham gia|cua|neu co|bat buoc)\b")


def loose_key(text: str) -> str:
    """A header with bracketed notes, `*` and filler words ("tham gia", "của") set aside."""
    folded = fold(_PAREN.sub(" ", text).replace("*", " "))
    return header_key(_FILLER.sub(" ", folded))


def match_header(text: str, table: dict[str, str]) -> str | None:
    """The column key a header names: whole, then without notes, `*` and filler words."""
    found = table.get(header_key(text))
    if found is None:
        found = table.get(loose_key(text))
    if found is None and (bare := _NUMBERED.sub("", text)) != text:  # `1. Tên doanh nghiệp`
        found = table.get(header_key(bare)) or table.get(loose_key(bare))
    return found


_NUMBERED = re.compile(r"^\s*\(?(?:\d{1,2}|[IVXivx]{1,4}|[a-zđ])[.)]\s*")


def nearest_header(text: str, kind: str, keys: tuple[str, ...] = ()) -> str | None:
    """The known header (Vietnamese as the template writes it, or English) nearest to `text`,
    among the columns `keys` when given."""
    known = [h for c in COLUMNS[kind] if not keys or c.key in keys for h in (*c.vi, c.en)]
    return nearest(text, known, cutoff=0.5)


IGNORE = ""  # a `--mapping` target meaning "ignore this column"
