"""The words of the Word report and the narrative it writes for each target, in Vietnamese (the
default) and English. Every figure comes from the report document's `status` rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.i18n import status_label
from pqp_cli.progress import round1
from pqp_cli.render.vnformat import figure, increase, number, percent, point_label, short_date

_WORDS: dict[str, tuple[str, str]] = {
    "nation": ("SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "number": ("No.", "Số:"),
    "kind": ("REPORT", "BÁO CÁO"),
    "subject": (
        "Results of {document} as of {date}",
        "Kết quả thực hiện {document} đến ngày {date}",
    ),
    "subject_year": ("Results of {document} in {year}", "Kết quả thực hiện {document} năm {year}"),
    "to": ("To:", "Kính gửi:"),
    "intro": (
        "{body} reports the results of {plan} ({period}) as of {date}, compiled from the "
        "records kept by the department, as follows:",
        "{body} báo cáo kết quả thực hiện {plan} ({period}) đến ngày {date}, tổng hợp từ hồ sơ "
        "theo dõi của cơ quan, như sau:",
    ),
    "s_targets": ("I. RESULTS BY TARGET", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    "s_years": ("II. RESULTS BY YEAR", "II. KẾT QUẢ THEO TỪNG NĂM"),
    "s_models": (
        "III. PILOT MODELS, EXPERTS AND CONSULTING UNITS",
        "III. MÔ HÌNH ĐIỂM, CHUYÊN GIA VÀ ĐƠN VỊ TƯ VẤN",
    ),
    "s_places": ("IV. RESULTS BY LOCALITY", "IV. KẾT QUẢ THEO ĐỊA BÀN"),
    "s_problems": ("V. LIMITS OF THE DATA", "V. TỒN TẠI VỀ SỐ LIỆU"),
    "t_targets": ("Table 1. Targets of the plan", "Bảng 1. Kết quả thực hiện các chỉ tiêu"),
    "t_years": (
        "Table 2. Results by year: in the year and cumulative",
        "Bảng 2. Kết quả theo năm: trong năm và lũy kế",
    ),
    "t_schemes": (
        "Table 3. Enterprises supported, by system or tool (cumulative, in force)",
        "Bảng 3. Doanh nghiệp được hỗ trợ theo hệ thống, công cụ (lũy kế, còn hiệu lực)",
    ),
    "t_pilots": ("Table 4. Pilot models", "Bảng 4. Mô hình điểm"),
    "t_experts": (
        "Table 5. Experts and units able to consult",
        "Bảng 5. Chuyên gia, đơn vị đủ năng lực tư vấn",
    ),
    "t_places": ("Table 6. Results by locality", "Bảng 6. Kết quả theo địa bàn"),
    "no": ("No.", "STT"),
    "code": ("Code", "Mã"),
    "target_title": ("Target", "Chỉ tiêu"),
    "result": ("Result", "Kết quả"),
    "goal": ("Plan target", "Kế hoạch"),
    "of_goal": ("% of target", "% so với kế hoạch"),
    "expected": ("Expected at {date}", "Kỳ vọng đến {date}"),
    "assessment": ("Assessment", "Đánh giá"),
    "in_year": ("In year", "Trong năm"),
    "cumulative": ("Cumulative", "Lũy kế"),
    "scheme": ("System or tool", "Hệ thống, công cụ"),
    "all_enterprises": ("Enterprises counted ({id})", "Số doanh nghiệp được tính ({id})"),
    "name": ("Name", "Tên"),
    "locality": ("Locality", "Địa bàn"),
    "records": ("Records", "Hồ sơ"),
    "lacks": ("Still lacks", "Còn thiếu"),
    "code_target": ("Target", "Chỉ tiêu"),
    "pp": (" (pp)", " (điểm %)"),
    "status_col": ("Status", "Tình trạng"),
    "counted": ("counted", "được tính"),
    "not_counted": ("not yet counted", "chưa được tính"),
    "no_locality": ("(not recorded)", "(không rõ)"),
    "years_note": (
        "In year: the increase within the year (for a percentage target, in percentage points); "
        "the first year counts from the period's start. Cumulative: the value at 31 December "
        "(or at the report date), as evaluated by the plan's rules.",
        "Trong năm: mức tăng trong năm (chỉ tiêu tỷ lệ tính bằng điểm phần trăm); năm đầu tính "
        "từ ngày bắt đầu kỳ kế hoạch. Lũy kế: giá trị tại ngày 31/12 (hoặc tại ngày báo cáo) "
        "theo quy tắc tính của kế hoạch.",
    ),
    "schemes_note": (
        "An enterprise holding two systems or tools is counted in both rows; the last row is "
        "target {id}.",
        "Một doanh nghiệp áp dụng hai hệ thống, công cụ được tính ở cả hai dòng; dòng cuối là "
        "chỉ tiêu {id}.",
    ),
    "places_note": (
        "Localities as recorded on each establishment (old districts before the 2025 merger, "
        "new communes after); targets on experts and units ({ids}) record no locality.",
        "Địa bàn theo tên ghi trên hồ sơ cơ sở (huyện cũ trước khi sắp xếp năm 2025, xã mới "
        "sau đó); các chỉ tiêu về chuyên gia, đơn vị ({ids}) không ghi địa bàn.",
    ),
    "places_none": (
        "Localities as recorded on each establishment (old districts before the 2025 merger, "
        "new communes after).",
        "Địa bàn theo tên ghi trên hồ sơ cơ sở (huyện cũ trước khi sắp xếp năm 2025, xã mới "
        "sau đó).",
    ),
    "recipients": ("Recipients:", "Nơi nhận:"),
    "as_above": ("- As above;", "- Như trên;"),
    "filed": ("- Filed: {archive}.", "- Lưu: {archive}."),
    "appendix": ("APPENDIX", "PHỤ LỤC"),
    "appendix_title": (
        "Who counts towards each target and who does not yet (as of {date})",
        "Danh sách được tính và chưa được tính theo từng chỉ tiêu (đến ngày {date})",
    ),
    "appendix_of": ("(Attached to report No. {number})", "(Kèm theo Báo cáo số {number})"),
    "nobody": ("Nobody yet.", "Chưa có."),
}

_UNITS: dict[str, tuple[str, str]] = {
    "trained_establishments": ("establishments", "cơ sở"),
    "supported_enterprises": ("enterprises", "doanh nghiệp"),
    "standards_coverage": ("producers", "đơn vị"),
    "pilot_models": ("models", "mô hình"),
    "experts": ("experts", "chuyên gia"),
    "public_units": ("units", "đơn vị"),
}
_DONE: dict[str, tuple[str, str]] = {
    "trained_establishments": ("{v} establishments have been trained", "Đã tập huấn cho {v} cơ sở"),
    "supported_enterprises": (
        "{v} enterprises have been supported to apply and maintain systems and tools",
        "Đã hỗ trợ {v} doanh nghiệp áp dụng và duy trì thành công hệ thống quản lý, công cụ "
        "cải tiến",
    ),
    "standards_coverage": (
        "{n} of {d} producers apply product standards ({v})",
        "Có {n}/{d} đơn vị sản xuất áp dụng tiêu chuẩn, quy chuẩn cho sản phẩm (tỷ lệ {v})",
    ),
    "pilot_models": ("{v} pilot models have been built", "Đã xây dựng {v} mô hình điểm"),
    "experts": (
        "{v} experts are able to consult enterprises",
        "Có {v} chuyên gia đủ năng lực tư vấn cho doanh nghiệp",
    ),
    "public_units": (
        "{v} public units are able to consult enterprises",
        "Có {v} đơn vị sự nghiệp công lập đủ năng lực tư vấn cho doanh nghiệp",
    ),
}


def w(key: str, lang: str, **params: Any) -> str:
    en, vi = _WORDS[key]
    return (vi if lang == "vi" else en).format(**params)


def unit(row: dict[str, Any], lang: str, value: Any = None) -> str:
    """The unit of a count target: `cơ sở`; in English singular for exactly one."""
    en, vi = _UNITS.get(row["metric"], ("", ""))
    if lang == "vi":
        return vi
    return en[:-1] if value == 1 and en.endswith("s") else en


def amount(row: dict[str, Any], value: Any, lang: str) -> str:
    """`444 cơ sở`, `86,6%`."""
    text = figure(value, row["kind"], lang)
    return text if row["kind"] == "percent" else f"{text} {unit(row, lang, value)}".strip()


def done_clause(row: dict[str, Any], lang: str) -> str:
    en, vi = _DONE[row["metric"]]
    if row["value"] == 1 and row["kind"] == "count":  # "1 expert is able", not "1 experts are"
        en = en.replace("{v} establishments have", "{v} establishment has")
        en = en.replace("{v} enterprises have", "{v} enterprise has")
        en = en.replace("models have", "model has").replace("experts are", "expert is")
        en = en.replace("units are", "unit is")
    return (vi if lang == "vi" else en).format(
        v=figure(row["value"], row["kind"], lang),
        n=number(row.get("numerator"), lang),
        d=number(row.get("denominator"), lang),
    )


def narrative(row: dict[str, Any], report: dict[str, Any]) -> str:
    """One paragraph on one target: what was done against the plan, the last year's increase,
    where the straight line stands, the assessment and (while the plan runs) the projection."""
    lang, doc = report["lang"], report["status"]
    at = short_date(doc["evaluated_at"], lang)
    ended = doc["as_of"] >= report["plan"]["end"]
    parts = [
        f"{done_clause(row, lang)}, "
        + (
            f"đạt {percent(row['progress_percent'], lang)} chỉ tiêu kế hoạch "
            f"({amount(row, row['target'], lang)})"
            if lang == "vi"
            else f"{percent(row['progress_percent'], lang)} of the plan's target "
            f"({amount(row, row['target'], lang)})"
        )
    ]
    parts += _year_clause(row, lang)
    parts.append(_assessment(row, lang, at, ended))
    parts += _projection(row, report, ended)
    return "; ".join(parts) + "."


def _year_clause(row: dict[str, Any], lang: str) -> list[str]:
    years = row.get("by_year") or {}
    if not years:
        return []
    key, entry = list(years.items())[-1]
    label, change = point_label(key, lang), entry["in_year"]
    size = "–" if change is None else _gap(row, abs(change), lang)
    if lang == "vi":
        span = f"năm {label}" if len(key) == 4 else f"từ đầu năm {key[:4]} đến ngày {label}"
        verb = "không tăng" if not change else f"tăng {size}" if change > 0 else f"giảm {size}"
        return [f"riêng {span} {verb}"]
    span = f"in {label}" if len(key) == 4 else f"from 1 January {key[:4]} to {label}"
    verb = "no increase" if not change else f"up {size}" if change > 0 else f"down {size}"
    return [f"{span}: {verb}"]


def _gap(row: dict[str, Any], x: float, lang: str) -> str:
    """A difference: `92 cơ sở`, or `13,4 điểm %` for a percentage target."""
    if row["kind"] == "percent":
        return increase(x, "percent", lang).lstrip("+")
    return amount(row, x, lang)


def _assessment(row: dict[str, Any], lang: str, at: str, ended: bool) -> str:
    label = status_label(row["status"], lang)
    gap = row["target"] - (row["value"] or 0)
    if lang == "vi":
        if ended:
            result = "hoàn thành" if row["status"] == "met" else "chưa hoàn thành"
            tail = "" if gap <= 0 else f", còn thiếu {_gap(row, round1(gap) or 0, lang)}"
            return f"kế hoạch đã kết thúc, chỉ tiêu {result}{tail} (đánh giá: {label})"
        expected = amount(row, row["expected"], lang)
        return f"mức kỳ vọng theo tiến độ đến ngày {at} là {expected} (đánh giá: {label})"
    if ended:
        result = "met" if row["status"] == "met" else "not met"
        tail = "" if gap <= 0 else f", short by {_gap(row, round1(gap) or 0, lang)}"
        return f"the plan has ended and the target was {result}{tail} (assessment: {label})"
    expected = amount(row, row["expected"], lang)
    return f"the straight line to the target stands at {expected} on {at} (assessment: {label})"


def _projection(row: dict[str, Any], report: dict[str, Any], ended: bool) -> list[str]:
    """While the plan runs and the target is not met: the straight line's end value and the
    day it would meet the target (after the period's end: said so; never: said so)."""
    if ended or row["status"] == "met" or row.get("projected_end_value") is None:
        return []
    lang, end = report["lang"], amount(row, row["projected_end_value"], report["lang"])
    met_on = row.get("projected_met_on")
    late = met_on is not None and met_on > report["plan"]["end"]
    if lang == "vi":
        text = f"theo tốc độ hiện nay, dự kiến cuối kỳ đạt {end}"
        if met_on is None:
            return [text + ", không đạt chỉ tiêu nếu giữ tốc độ này"]
        after = ", sau khi kết thúc kỳ kế hoạch" if late else ""
        return [text + f", đạt chỉ tiêu vào ngày {short_date(met_on, lang)}{after}"]
    text = f"at the present pace it would reach {end} by the period's end"
    if met_on is None:
        return [text + ", not meeting the target at this pace"]
    after = ", after the period's end" if late else ""
    return [text + f", meeting the target on {short_date(met_on, lang)}{after}"]


def problems_paragraph(report: dict[str, Any]) -> str:
    """The data's problems in one short paragraph."""
    lang, p = report["lang"], report["status"]["problems"]
    codes: dict[str, int] = {}
    for item in report["problem_list"]:
        codes[item["code"]] = codes.get(item["code"], 0) + 1
    common = ", ".join(f"{code} ({n})" for code, n in sorted(codes.items(), key=lambda c: -c[1]))
    if lang == "vi":
        if not report["problem_list"]:
            return "Dữ liệu không có lỗi hay cảnh báo nào; mọi hồ sơ đều được tính vào số liệu."
        text = (
            f"Dữ liệu có {number(p['errors'], lang)} lỗi và {number(p['warnings'], lang)} cảnh "
            f"báo; {number(p['records_left_out'], lang)} bản ghi và "
            f"{number(p['files_left_out'], lang)} tệp bị loại khỏi số liệu."
        )
        return text + f" Các loại vấn đề: {common}. Chi tiết: chạy lệnh `pqp validate`."
    if not report["problem_list"]:
        return "The data has no errors or warnings; every record counts in the figures."
    text = (
        f"The data has {number(p['errors'], lang)} error(s) and {number(p['warnings'], lang)} "
        f"warning(s); {number(p['records_left_out'], lang)} record(s) and "
        f"{number(p['files_left_out'], lang)} file(s) are left out of the figures."
    )
    return text + f" Kinds of problem: {common}. Details: run `pqp validate`."


def date_of(report: dict[str, Any]) -> dt.date:
    """The date the report is signed: the `meta` date, else today."""
    return report["meta"].date or dt.date.today()
