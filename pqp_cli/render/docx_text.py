"""The words of the Word report and the narrative it writes for each target, in Vietnamese (the
default) and English. Every figure comes from the report document's `status` rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.core.i18n import status_label
from pqp_cli.core.messages import PHRASES, phrase
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
    "nation": PHRASES["docx_nation"],
    "motto": PHRASES["docx_motto"],
    "number": PHRASES["docx_number"],
    "kind": PHRASES["docx_kind"],
    # no-break spaces: the date never stands alone on the subject's second line
    "subject": PHRASES["docx_subject"],
    "subject_year": PHRASES["docx_subject_year"],
    "to": PHRASES["docx_to"],
    "intro": PHRASES["docx_intro"],
    "s_targets": PHRASES["docx_s_targets"],
    "s_years": PHRASES["docx_s_years"],
    "s_models": PHRASES["docx_s_models"],
    "s_pilots": PHRASES["docx_s_pilots"],
    "s_people": PHRASES["docx_s_people"],
    "table_n": PHRASES["docx_table_n"],
    "e_years": PHRASES["docx_e_years"],
    "e_pilots": PHRASES["docx_e_pilots"],
    "e_experts": PHRASES["docx_e_experts"],
    "e_places": PHRASES["docx_e_places"],
    "e_schemes": PHRASES["docx_e_schemes"],
    "s_places": PHRASES["docx_s_places"],
    "s_problems": PHRASES["docx_s_problems"],
    "t_targets": PHRASES["docx_t_targets"],
    "t_years": PHRASES["docx_t_years"],
    "t_schemes": PHRASES["docx_t_schemes"],
    "t_pilots": PHRASES["docx_t_pilots"],
    "t_experts": PHRASES["docx_t_experts"],
    "t_places": PHRASES["docx_t_places"],
    "no": ("No.", "STT"),
    "code": PHRASES["docx_code"],
    "target_title": PHRASES["docx_target_title"],
    "result": PHRASES["docx_result"],
    "goal": PHRASES["docx_goal"],
    "of_goal": PHRASES["docx_of_goal"],
    "expected": PHRASES["docx_expected"],
    "assessment": PHRASES["docx_assessment"],
    "in_year": PHRASES["docx_in_year"],
    "cumulative": PHRASES["docx_cumulative"],
    "scheme": PHRASES["docx_scheme"],
    "all_enterprises": PHRASES["docx_all_enterprises"],
    "name": PHRASES["docx_name"],
    "locality": PHRASES["docx_locality"],
    "records": PHRASES["docx_records"],
    "lacks": PHRASES["docx_lacks"],
    "code_target": PHRASES["docx_code_target"],
    "pp": PHRASES["docx_pp"],
    "status_col": PHRASES["docx_status_col"],
    "counted": PHRASES["docx_counted"],
    "not_counted": PHRASES["docx_not_counted"],
    "no_locality": PHRASES["docx_no_locality"],
    "years_note": PHRASES["docx_years_note"],
    "schemes_note": PHRASES["docx_schemes_note"],
    "places_note": PHRASES["docx_places_note"],
    "places_none": PHRASES["docx_places_none"],
    "recipients": PHRASES["docx_recipients"],
    "as_above": PHRASES["docx_as_above"],
    "filed": PHRASES["docx_filed"],
    "appendix": PHRASES["docx_appendix"],
    "appendix_title": PHRASES["docx_appendix_title"],
    "appendix_of": PHRASES["docx_appendix_of"],
    "nobody": PHRASES["docx_nobody"],
}

_UNITS: dict[str, tuple[str, str]] = {
    "trained_establishments": PHRASES["docx_unit_trained_establishments"],
    "supported_enterprises": PHRASES["docx_unit_supported_enterprises"],
    "standards_coverage": PHRASES["docx_unit_standards_coverage"],
    "pilot_models": PHRASES["docx_unit_pilot_models"],
    "experts": PHRASES["docx_unit_experts"],
    "public_units": PHRASES["docx_unit_public_units"],
}
_DONE: dict[str, tuple[str, str]] = {
    "trained_establishments": PHRASES["docx_done_trained_establishments"],
    "supported_enterprises": PHRASES["docx_done_supported_enterprises"],
    "standards_coverage": PHRASES["docx_done_standards_coverage"],
    "pilot_models": PHRASES["docx_done_pilot_models"],
    "experts": PHRASES["docx_done_experts"],
    "public_units": PHRASES["docx_done_public_units"],
}


_NONE_ELIGIBLE = PHRASES["docx_none_eligible"]


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
    return PHRASES["docx_about"].text(lang) + amount(row, round(value), lang)


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
        parts[0] += phrase("docx_of_plan", share=share, goal=goal).text(lang)
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
        after = PHRASES["docx_after_end"].text(lang) if late else ""
        return [text + f", đạt chỉ tiêu vào ngày {short_date(met_on, lang)}{after}"]
    text = f"at the present pace it would reach {end} by the period's end"
    if met_on is None:
        return [text + ", not meeting the target at this pace"]
    after = ", after the period's end" if late else ""
    return [text + f", meeting the target on {short_date(met_on, lang)}{after}"]


#: A title per problem code (pqp_cli.core.problems.CODES), for the document's short paragraph.
_KINDS: dict[str, tuple[str, str]] = {
    "yaml-syntax": PHRASES["docx_problem_yaml_syntax"],
    "encoding": PHRASES["docx_problem_encoding"],
    "unsupported-yaml": PHRASES["docx_problem_unsupported_yaml"],
    "not-a-list": PHRASES["docx_problem_not_a_list"],
    "duplicate-key": PHRASES["docx_problem_duplicate_key"],
    "missing-field": PHRASES["docx_problem_missing_field"],
    "unknown-field": PHRASES["docx_problem_unknown_field"],
    "invalid-value": PHRASES["docx_problem_invalid_value"],
    "duplicate-id": PHRASES["docx_problem_duplicate_id"],
    "unknown-reference": PHRASES["docx_problem_unknown_reference"],
    "duplicate-tax-code": PHRASES["docx_problem_duplicate_tax_code"],
    "date-order": PHRASES["docx_problem_date_order"],
    "tax-code-checksum": PHRASES["docx_problem_tax_code_checksum"],
    "duplicate-participant": PHRASES["docx_problem_duplicate_participant"],
    "unknown-scheme": PHRASES["docx_problem_unknown_scheme"],
    "outside-period": PHRASES["docx_problem_outside_period"],
    "future-date": PHRASES["docx_problem_future_date"],
    "possible-duplicate": PHRASES["docx_problem_possible_duplicate"],
    "unknown-file": PHRASES["docx_problem_unknown_file"],
    "unknown-locality": PHRASES["docx_problem_unknown_locality"],
    "placeholder-target": PHRASES["docx_problem_placeholder_target"],
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
