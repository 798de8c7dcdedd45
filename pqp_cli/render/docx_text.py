"""The words of the Word report and the narrative it writes for each target, in Vietnamese (the
default) and English. Every figure comes from the report document's `status` rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.core.i18n import status_label
from pqp_cli.figures.documents import ReportDoc, StatusRow
from pqp_cli.figures.progress import round1
from pqp_cli.render.vnformat import (
    figure,
    increase,
    number,
    percent,
    point_label,
    short_date,
    target_figure,
)

_WORDS: dict[str, tuple[str, str]] = {
    "nation": ("SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "number": ("No.", "Số:"),
    "kind": ("REPORT", "BÁO CÁO"),
    # no-break spaces: the date never stands alone on the subject's second line
    "subject": (
        "Results of {document} as\u00a0of\u00a0{date}",
        "Kết quả thực hiện {document} đến\u00a0ngày\u00a0{date}",
    ),
    "subject_year": (
        "Results of {document} in\u00a0{year}",
        "Kết quả thực hiện {document} năm\u00a0{year}",
    ),
    "to": ("To:", "Kính gửi:"),
    "intro": (
        "{body} reports the results of {plan} ({period}) as of {date}, compiled from the "
        "records kept by the department, as follows:",
        "{body} báo cáo kết quả thực hiện {plan} ({period}) đến ngày {date}, tổng hợp từ hồ sơ "
        "theo dõi của cơ quan, như sau:",
    ),
    "s_targets": ("RESULTS BY TARGET", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    "s_years": ("RESULTS BY YEAR", "KẾT QUẢ THEO TỪNG NĂM"),
    "s_models": (
        "PILOT MODELS, EXPERTS AND CONSULTING UNITS",
        "MÔ HÌNH ĐIỂM, CHUYÊN GIA VÀ ĐƠN VỊ TƯ VẤN",
    ),
    "s_pilots": ("PILOT MODELS", "MÔ HÌNH ĐIỂM"),
    "s_people": ("EXPERTS AND CONSULTING UNITS", "CHUYÊN GIA VÀ ĐƠN VỊ TƯ VẤN"),
    "table_n": ("Table {n}. {title}", "Bảng {n}. {title}"),
    "e_years": ("No figures by year yet.", "Chưa có số liệu theo năm."),
    "e_pilots": ("No pilot model yet.", "Chưa có mô hình điểm nào."),
    "e_experts": ("No expert or unit yet.", "Chưa có chuyên gia, đơn vị nào."),
    "e_places": (
        "No establishment with a locality yet.",
        "Chưa có cơ sở nào được ghi nhận theo địa bàn.",
    ),
    "e_schemes": ("No enterprise supported yet.", "Chưa có doanh nghiệp nào được hỗ trợ."),
    "s_places": ("RESULTS BY LOCALITY", "KẾT QUẢ THEO ĐỊA BÀN"),
    "s_problems": ("LIMITS OF THE DATA", "TỒN TẠI VỀ SỐ LIỆU"),
    "t_targets": ("Targets of the plan", "Kết quả thực hiện các chỉ tiêu"),
    "t_years": (
        "Results by year: in the year and cumulative",
        "Kết quả theo năm: trong năm và lũy kế",
    ),
    "t_schemes": (
        "Enterprises supported, by system or tool (cumulative, in force)",
        "Doanh nghiệp được hỗ trợ theo hệ thống, công cụ (lũy kế, còn hiệu lực)",
    ),
    "t_pilots": ("Pilot models", "Mô hình điểm"),
    "t_experts": (
        "Experts and units able to consult",
        "Chuyên gia, đơn vị đủ năng lực tư vấn",
    ),
    "t_places": ("Results by locality", "Kết quả theo địa bàn"),
    "no": ("No.", "STT"),
    "code": ("Code", "Mã"),
    "target_title": ("Target", "Chỉ tiêu"),
    "result": ("Result", "Kết quả"),
    "goal": ("Plan target", "Kế hoạch"),
    "of_goal": ("% of target", "% so với kế hoạch"),
    "expected": ("Expected at {date}", "Mức cần đạt theo tiến độ đến {date}"),
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
    "pp": (" (pp)", " (điểm phần trăm)"),
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
    "appendix_of": (
        "(Attached to report No. {number} of {date})",
        "(Kèm theo Báo cáo số {number} ngày {date} của {body})",
    ),
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


_NONE_ELIGIBLE = (
    "no producer is eligible yet, so no share can be given against the plan's target ({t})",
    "Chưa có đơn vị sản xuất nào thuộc diện đánh giá nên chưa tính được tỷ lệ so với chỉ tiêu "
    "kế hoạch ({t})",
)


def w(key: str, lang: str, **params: Any) -> str:
    en, vi = _WORDS[key]
    return (vi if lang == "vi" else en).format(**params)


def unit(row: StatusRow, lang: str, value: Any = None) -> str:
    """The unit of a count target: `cơ sở`; in English singular for exactly one."""
    en, vi = _UNITS.get(row.metric, ("", ""))
    if lang == "vi":
        return vi
    return en[:-1] if value == 1 and en.endswith("s") else en


def amount(row: StatusRow, value: Any, lang: str, *, target: bool = False) -> str:
    """`444 cơ sở`, `86,6%`; a plan's target `100%` without decimals."""
    text = (target_figure if target else figure)(value, row.kind, lang)
    return text if row.kind == "percent" else f"{text} {unit(row, lang, value)}".strip()


def about(row: StatusRow, value: Any, lang: str) -> str:
    """An expected level in running text: a count rounded (`khoảng 240 cơ sở`; the table keeps
    the JSON's `239,9`), a percentage as it is."""
    if row.kind != "count" or value is None or float(value).is_integer():
        return amount(row, value, lang)
    return ("khoảng " if lang == "vi" else "about ") + amount(row, round(value), lang)


def done_clause(row: StatusRow, lang: str) -> str:
    en, vi = _DONE[row.metric]
    if row.kind == "percent" and row.value is None:  # nobody eligible yet
        en, vi = _NONE_ELIGIBLE
    if row.value == 1 and row.kind == "count":  # "1 expert is able", not "1 experts are"
        en = en.replace("{v} establishments have", "{v} establishment has")
        en = en.replace("{v} enterprises have", "{v} enterprise has")
        en = en.replace("models have", "model has").replace("experts are", "expert is")
        en = en.replace("units are", "unit is")
    return (vi if lang == "vi" else en).format(
        v=figure(row.value, row.kind, lang),
        n=number(row.numerator if row.kind == "percent" else None, lang),
        d=number(row.denominator if row.kind == "percent" else None, lang),
        t=amount(row, row.target, lang, target=True),
    )


def narrative(row: StatusRow, report: ReportDoc) -> str:
    """One paragraph on one target: what was done against the plan, the last year's increase,
    where the straight line stands, the assessment and (while the plan runs) the projection.
    Its words never contradict the status: before the start it says the plan has not started;
    on the last day a target not reached is `chưa đạt` with the status's own word; after the
    end, `Không đạt`."""
    lang, doc, plan = report.lang, report.status, report.plan
    if doc.as_of < plan.start:
        return _not_started(row, report)
    parts = [done_clause(row, lang)]
    if row.progress_percent is not None:
        share, goal = (
            percent(row.progress_percent, lang),
            amount(row, row.target, lang, target=True),
        )
        parts[0] += (
            f", đạt {share} chỉ tiêu kế hoạch ({goal})"
            if lang == "vi"
            else f", {share} of the plan's target ({goal})"
        )
    parts += _year_clause(row, report)
    parts.append(_assessment(row, report))
    parts += _projection(row, report, doc.as_of >= plan.end)
    return "; ".join(parts) + "."


def _not_started(row: StatusRow, report: ReportDoc) -> str:
    lang, start = report.lang, short_date(report.plan.start, report.lang)
    label = status_label(row.status, lang)
    goal = amount(row, row.target, lang, target=True)
    if lang == "vi":
        return (
            f"Kỳ kế hoạch chưa bắt đầu (bắt đầu từ ngày {start}), chưa đánh giá kết quả so với "
            f"chỉ tiêu kế hoạch ({goal}) (đánh giá: {label})."
        )
    return (
        f"The plan has not started yet (it starts on {start}); target {goal} (assessment: {label})."
    )


def _year_clause(row: StatusRow, report: ReportDoc) -> list[str]:
    lang, years = report.lang, row.by_year or {}
    if not years:
        return []
    key, entry = list(years.items())[-1]
    label, change = point_label(key, lang), entry.in_year
    size = "–" if change is None else _gap(row, abs(change), lang)
    start = report.plan.start
    partial = key[:4] == start[:4] and start[5:] != "01-01"  # a first year begun in its course
    end = label if len(key) != 4 else short_date(f"{key}-12-31", lang)
    if lang == "vi":
        span = f"năm {label}" if len(key) == 4 else f"từ đầu năm {key[:4]} đến ngày {label}"
        span = f"từ {short_date(start, lang)} đến {end}" if partial else f"riêng {span}"
        verb = "không tăng" if not change else f"tăng {size}" if change > 0 else f"giảm {size}"
        return [f"{span} {verb}"]
    span = f"in {label}" if len(key) == 4 else f"from 1 January {key[:4]} to {label}"
    span = f"from {short_date(start, lang)} to {end}" if partial else span
    verb = "no increase" if not change else f"up {size}" if change > 0 else f"down {size}"
    return [f"{span}: {verb}"]


def _gap(row: StatusRow, x: float, lang: str) -> str:
    """A difference: `92 cơ sở`, or `13,4 điểm phần trăm` for a percentage target."""
    if row.kind == "percent":
        return increase(x, "percent", lang).lstrip("+")
    return amount(row, x, lang)


def _assessment(row: StatusRow, report: ReportDoc) -> str:
    lang, as_of, end = report.lang, report.status.as_of, report.plan.end
    label, met = status_label(row.status, lang), row.status == "met"
    gap = row.target - (row.value or 0)
    short = "" if gap <= 0 else _gap(row, round1(gap) or 0, lang)
    at, last = short_date(report.status.evaluated_at, lang), short_date(end, lang)
    if lang == "vi":
        if as_of > end:
            result = "hoàn thành chỉ tiêu" if met else f"không đạt chỉ tiêu, còn thiếu {short}"
            return f"kế hoạch đã kết thúc ({last}), {result} (đánh giá: {label})"
        if as_of == end:
            result = "đã đạt chỉ tiêu" if met else f"chưa đạt chỉ tiêu, còn thiếu {short}"
            return f"đến hết kỳ kế hoạch ({last}) {result} (đánh giá: {label})"
        expected = about(row, row.expected, lang)
        return f"mức cần đạt theo tiến độ đến ngày {at} là {expected} (đánh giá: {label})"
    if as_of >= end:
        when = "the plan has ended" if as_of > end else f"at the end of the plan ({last})"
        result = "the target was met" if met else f"the target is not reached, short by {short}"
        return f"{when}: {result} (assessment: {label})"
    expected = about(row, row.expected, lang)
    return f"the straight line to the target stands at {expected} on {at} (assessment: {label})"


def _projection(row: StatusRow, report: ReportDoc, ended: bool) -> list[str]:
    """While the plan runs and the target is not met: the straight line's end value and the
    day it would meet the target (after the period's end: said so; never: said so)."""
    projected = row.projection
    if ended or row.status == "met" or projected is None or projected.projected_end_value is None:
        return []
    lang, end = report.lang, about(row, projected.projected_end_value, report.lang)
    met_on = projected.projected_met_on
    late = met_on is not None and met_on > report.plan.end
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


#: A title per problem code (pqp_cli.core.problems.CODES), for the document's short paragraph.
_KINDS: dict[str, tuple[str, str]] = {
    "yaml-syntax": ("file syntax", "lỗi cú pháp tệp"),
    "encoding": ("file encoding", "lỗi mã hóa ký tự của tệp"),
    "unsupported-yaml": ("unsupported file content", "nội dung tệp không được hỗ trợ"),
    "not-a-list": ("file not a list", "tệp không phải danh sách"),
    "duplicate-key": ("repeated field", "trường bị lặp"),
    "missing-field": ("missing field", "thiếu thông tin bắt buộc"),
    "unknown-field": ("unknown field", "trường không xác định"),
    "invalid-value": ("invalid value", "giá trị không hợp lệ"),
    "duplicate-id": ("repeated code", "trùng mã hồ sơ"),
    "unknown-reference": ("reference to an unknown record", "tham chiếu đến hồ sơ không có"),
    "duplicate-tax-code": ("repeated tax code", "trùng mã số thuế"),
    "date-order": ("dates out of order", "ngày tháng không hợp lý"),
    "tax-code-checksum": ("tax code check digit", "mã số thuế sai số kiểm tra"),
    "duplicate-participant": ("participant listed twice", "người tham dự bị ghi hai lần"),
    "unknown-scheme": ("unknown system or tool", "hệ thống, công cụ không xác định"),
    "outside-period": ("dates outside the plan period", "ngày ngoài kỳ kế hoạch"),
    "future-date": ("dates in the future", "ngày trong tương lai"),
    "possible-duplicate": ("possible duplicates", "hồ sơ có thể bị trùng"),
    "unknown-file": ("unknown file", "tệp không xác định"),
    "unknown-locality": ("unknown locality", "địa bàn không xác định"),
}


def problem_kind(code: str, lang: str) -> str:
    en, vi = _KINDS.get(code, (code, code))
    return vi if lang == "vi" else en


def problems_paragraph(report: ReportDoc) -> str:
    """The data's problems in one short paragraph, each kind by its title and count."""
    lang, p = report.lang, report.status.problems
    codes: dict[str, int] = {}
    for item in report.problem_list:
        codes[item.code] = codes.get(item.code, 0) + 1
    ranked = sorted(codes.items(), key=lambda c: -c[1])
    common = "; ".join(f"{problem_kind(code, lang)} ({n})" for code, n in ranked)
    if lang == "vi":
        if not report.problem_list:
            return "Dữ liệu không có lỗi hay cảnh báo nào; mọi hồ sơ đều được tính vào số liệu."
        text = (
            f"Dữ liệu có {number(p.errors, lang)} lỗi và {number(p.warnings, lang)} cảnh "
            f"báo; {number(p.records_left_out, lang)} bản ghi và "
            f"{number(p.files_left_out, lang)} tệp bị loại khỏi số liệu."
        )
        return text + f" Các loại vấn đề: {common}."
    if not report.problem_list:
        return "The data has no errors or warnings; every record counts in the figures."
    text = (
        f"The data has {number(p.errors, lang)} error(s) and {number(p.warnings, lang)} "
        f"warning(s); {number(p.records_left_out, lang)} record(s) and "
        f"{number(p.files_left_out, lang)} file(s) are left out of the figures."
    )
    return text + f" Kinds of problem: {common}."


def date_of(report: ReportDoc) -> dt.date:
    """The date the report is signed: the `meta` date, else today."""
    return report.meta.date or dt.date.today()
