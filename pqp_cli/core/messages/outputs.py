"""Texts of particular outputs in English and Vietnamese, by key: the Word report, `pqp diff`,
the locality tables, the record files and schemas `pqp init` and `pqp schema` write, the
template's notes, the words a possible duplicate is named by. Their modules look them up here
(`PHRASES[key]`, a `Texts` that unpacks as `(en, vi)`).
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Texts

TEXTS: dict[str, Texts] = {
    # --- render/diff.py ---
    "diff_working_tree": Texts("the working tree", "thư mục làm việc"),
    "diff_title": Texts(
        "Changes from {old} to {new}, as of {as_of}",
        "Thay đổi từ {old} đến {new}, tính đến {as_of}",
    ),
    "diff_before": Texts("Before", "Trước"),
    "diff_change": Texts("Change", "Thay đổi"),
    "diff_entered": Texts("Entered the count", "Mới được tính"),
    "diff_left": Texts("Left the count", "Không còn được tính"),
    "diff_now_lacking": Texts("Now among those not counted", "Mới vào danh sách chưa được tính"),
    "diff_more": Texts("… and {n} more", "… và {n} mục nữa"),
    "diff_no_change": Texts("No figure changed.", "Không có số liệu nào thay đổi."),
    "diff_absent": Texts("(not in this revision)", "(không có ở phiên bản này)"),
    # --- render/places.py ---
    "places_by_district": Texts(
        "By old district (to 2025-06-30; 2025 units counted under the district they came from)",
        "Theo huyện cũ (đến 30/06/2025; đơn vị mới tính vào huyện cũ của nó)",
    ),
    "places_by_commune": Texts(
        "By commune or ward (from 2025-07-01; old communes counted under the unit they joined)",
        "Theo xã, phường (từ 01/07/2025; xã cũ tính vào đơn vị mới mà nó nhập vào)",
    ),
    "places_head_district": Texts("District", "Huyện"),
    "places_head_commune": Texts("Commune or ward", "Xã, phường"),
    "places_column_district": Texts("Old district (to 2025-06-30)", "Huyện (cũ)"),
    "places_column_commune": Texts(
        "Commune or ward (from 2025-07-01)", "Xã, phường (từ 01/07/2025)"
    ),
    "places_column_locality": Texts("Locality", "Địa bàn"),
    # --- render/docx_text.py ---
    "docx_none_eligible": Texts(
        "no producer is eligible yet, so no share can be given against the plan's target ({t})",
        "Chưa có đơn vị sản xuất nào thuộc diện đánh giá nên chưa tính được tỷ lệ so với chỉ tiêu kế hoạch ({t})",
    ),
    "docx_nation": Texts("SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "docx_motto": Texts("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "docx_number": Texts("No.", "Số:"),
    "docx_kind": Texts("REPORT", "BÁO CÁO"),
    "docx_subject": Texts(
        "Results of {document} as\xa0of\xa0{date}",
        "Kết quả thực hiện {document} đến\xa0ngày\xa0{date}",
    ),
    "docx_subject_year": Texts(
        "Results of {document} in\xa0{year}", "Kết quả thực hiện {document} năm\xa0{year}"
    ),
    "docx_to": Texts("To:", "Kính gửi:"),
    "docx_intro": Texts(
        "{body} reports the results of {plan} ({period}) as of {date}, compiled from the records kept by the department, as follows:",
        "{body} báo cáo kết quả thực hiện {plan} ({period}) đến ngày {date}, tổng hợp từ hồ sơ theo dõi của cơ quan, như sau:",
    ),
    "docx_s_targets": Texts("RESULTS BY TARGET", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    "docx_s_years": Texts("RESULTS BY YEAR", "KẾT QUẢ THEO TỪNG NĂM"),
    "docx_s_models": Texts(
        "PILOT MODELS, EXPERTS AND CONSULTING UNITS", "MÔ HÌNH ĐIỂM, CHUYÊN GIA VÀ ĐƠN VỊ TƯ VẤN"
    ),
    "docx_s_pilots": Texts("PILOT MODELS", "MÔ HÌNH ĐIỂM"),
    "docx_s_people": Texts("EXPERTS AND CONSULTING UNITS", "CHUYÊN GIA VÀ ĐƠN VỊ TƯ VẤN"),
    "docx_table_n": Texts("Table {n}. {title}", "Bảng {n}. {title}"),
    "docx_e_years": Texts("No figures by year yet.", "Chưa có số liệu theo năm."),
    "docx_e_pilots": Texts("No pilot model yet.", "Chưa có mô hình điểm nào."),
    "docx_e_experts": Texts("No expert or unit yet.", "Chưa có chuyên gia, đơn vị nào."),
    "docx_e_places": Texts(
        "No establishment with a locality yet.", "Chưa có cơ sở nào được ghi nhận theo địa bàn."
    ),
    "docx_e_schemes": Texts(
        "No enterprise supported yet.", "Chưa có doanh nghiệp nào được hỗ trợ."
    ),
    "docx_s_places": Texts("RESULTS BY LOCALITY", "KẾT QUẢ THEO ĐỊA BÀN"),
    "docx_s_problems": Texts("LIMITS OF THE DATA", "TỒN TẠI VỀ SỐ LIỆU"),
    "docx_t_targets": Texts("Targets of the plan", "Kết quả thực hiện các chỉ tiêu"),
    "docx_t_years": Texts(
        "Results by year: in the year and cumulative", "Kết quả theo năm: trong năm và lũy kế"
    ),
    "docx_t_schemes": Texts(
        "Enterprises supported, by system or tool (cumulative, in force)",
        "Doanh nghiệp được hỗ trợ theo hệ thống, công cụ (lũy kế, còn hiệu lực)",
    ),
    "docx_t_pilots": Texts("Pilot models", "Mô hình điểm"),
    "docx_t_experts": Texts(
        "Experts and units able to consult", "Chuyên gia, đơn vị đủ năng lực tư vấn"
    ),
    "docx_t_places": Texts("Results by locality", "Kết quả theo địa bàn"),
    "docx_code": Texts("Code", "Mã"),
    "docx_target_title": Texts("Target", "Chỉ tiêu"),
    "docx_result": Texts("Result", "Kết quả"),
    "docx_goal": Texts("Plan target", "Kế hoạch"),
    "docx_of_goal": Texts("% of target", "% so với kế hoạch"),
    "docx_expected": Texts("Expected at {date}", "Mức cần đạt theo tiến độ đến {date}"),
    "docx_assessment": Texts("Assessment", "Đánh giá"),
    "docx_in_year": Texts("In year", "Trong năm"),
    "docx_cumulative": Texts("Cumulative", "Lũy kế"),
    "docx_scheme": Texts("System or tool", "Hệ thống, công cụ"),
    "docx_all_enterprises": Texts("Enterprises counted ({id})", "Số doanh nghiệp được tính ({id})"),
    "docx_name": Texts("Name", "Tên"),
    "docx_locality": Texts("Locality", "Địa bàn"),
    "docx_records": Texts("Records", "Hồ sơ"),
    "docx_lacks": Texts("Still lacks", "Còn thiếu"),
    "docx_code_target": Texts("Target", "Chỉ tiêu"),
    "docx_pp": Texts(" (pp)", " (điểm phần trăm)"),
    "docx_status_col": Texts("Status", "Tình trạng"),
    "docx_counted": Texts("counted", "được tính"),
    "docx_not_counted": Texts("not yet counted", "chưa được tính"),
    "docx_no_locality": Texts("(not recorded)", "(không rõ)"),
    "docx_years_note": Texts(
        "In year: the increase within the year (for a percentage target, in percentage points); the first year counts from the period's start. Cumulative: the value at 31 December (or at the report date), as evaluated by the plan's rules.",
        "Trong năm: mức tăng trong năm (chỉ tiêu tỷ lệ tính bằng điểm phần trăm); năm đầu tính từ ngày bắt đầu kỳ kế hoạch. Lũy kế: giá trị tại ngày 31/12 (hoặc tại ngày báo cáo) theo quy tắc tính của kế hoạch.",
    ),
    "docx_schemes_note": Texts(
        "An enterprise holding two systems or tools is counted in both rows; the last row is target {id}.",
        "Một doanh nghiệp áp dụng hai hệ thống, công cụ được tính ở cả hai dòng; dòng cuối là chỉ tiêu {id}.",
    ),
    "docx_places_note": Texts(
        "Localities as recorded on each establishment (old districts before the 2025 merger, new communes after); targets on experts and units ({ids}) record no locality.",
        "Địa bàn theo tên ghi trên hồ sơ cơ sở (huyện cũ trước khi sắp xếp năm 2025, xã mới sau đó); các chỉ tiêu về chuyên gia, đơn vị ({ids}) không ghi địa bàn.",
    ),
    "docx_places_none": Texts(
        "Localities as recorded on each establishment (old districts before the 2025 merger, new communes after).",
        "Địa bàn theo tên ghi trên hồ sơ cơ sở (huyện cũ trước khi sắp xếp năm 2025, xã mới sau đó).",
    ),
    "docx_recipients": Texts("Recipients:", "Nơi nhận:"),
    "docx_as_above": Texts("- As above;", "- Như trên;"),
    "docx_filed": Texts("- Filed: {archive}.", "- Lưu: {archive}."),
    "docx_appendix": Texts("APPENDIX", "PHỤ LỤC"),
    "docx_appendix_title": Texts(
        "Who counts towards each target and who does not yet (as of {date})",
        "Danh sách được tính và chưa được tính theo từng chỉ tiêu (đến ngày {date})",
    ),
    "docx_appendix_of": Texts(
        "(Attached to report No. {number} of {date})",
        "(Kèm theo Báo cáo số {number} ngày {date} của {body})",
    ),
    "docx_nobody": Texts("Nobody yet.", "Chưa có."),
    "docx_unit_trained_establishments": Texts("establishments", "cơ sở"),
    "docx_unit_supported_enterprises": Texts("enterprises", "doanh nghiệp"),
    "docx_unit_standards_coverage": Texts("producers", "đơn vị"),
    "docx_unit_pilot_models": Texts("models", "mô hình"),
    "docx_unit_experts": Texts("experts", "chuyên gia"),
    "docx_unit_public_units": Texts("units", "đơn vị"),
    "docx_done_trained_establishments": Texts(
        "{v} establishments have been trained", "Đã tập huấn cho {v} cơ sở"
    ),
    "docx_done_supported_enterprises": Texts(
        "{v} enterprises have been supported to apply and maintain systems and tools",
        "Đã hỗ trợ {v} doanh nghiệp áp dụng và duy trì thành công hệ thống quản lý, công cụ cải tiến",
    ),
    "docx_done_standards_coverage": Texts(
        "{n} of {d} producers apply product standards ({v})",
        "Có {n}/{d} đơn vị sản xuất áp dụng tiêu chuẩn, quy chuẩn cho sản phẩm (tỷ lệ {v})",
    ),
    "docx_done_pilot_models": Texts(
        "{v} pilot models have been built", "Đã xây dựng {v} mô hình điểm"
    ),
    "docx_done_experts": Texts(
        "{v} experts are able to consult enterprises",
        "Có {v} chuyên gia đủ năng lực tư vấn cho doanh nghiệp",
    ),
    "docx_done_public_units": Texts(
        "{v} public units are able to consult enterprises",
        "Có {v} đơn vị sự nghiệp công lập đủ năng lực tư vấn cho doanh nghiệp",
    ),
    "docx_problem_yaml_syntax": Texts("file syntax", "lỗi cú pháp tệp"),
    "docx_problem_encoding": Texts("file encoding", "lỗi mã hóa ký tự của tệp"),
    "docx_problem_unsupported_yaml": Texts(
        "unsupported file content", "nội dung tệp không được hỗ trợ"
    ),
    "docx_problem_not_a_list": Texts("file not a list", "tệp không phải danh sách"),
    "docx_problem_duplicate_key": Texts("repeated field", "trường bị lặp"),
    "docx_problem_missing_field": Texts("missing field", "thiếu thông tin bắt buộc"),
    "docx_problem_unknown_field": Texts("unknown field", "trường không xác định"),
    "docx_problem_invalid_value": Texts("invalid value", "giá trị không hợp lệ"),
    "docx_problem_duplicate_id": Texts("repeated code", "trùng mã hồ sơ"),
    "docx_problem_unknown_reference": Texts(
        "reference to an unknown record", "tham chiếu đến hồ sơ không có"
    ),
    "docx_problem_duplicate_tax_code": Texts("repeated tax code", "trùng mã số thuế"),
    "docx_problem_date_order": Texts("dates out of order", "ngày tháng không hợp lý"),
    "docx_problem_tax_code_checksum": Texts("tax code check digit", "mã số thuế sai số kiểm tra"),
    "docx_problem_duplicate_participant": Texts(
        "participant listed twice", "người tham dự bị ghi hai lần"
    ),
    "docx_problem_unknown_scheme": Texts(
        "unknown system or tool", "hệ thống, công cụ không xác định"
    ),
    "docx_problem_outside_period": Texts("dates outside the plan period", "ngày ngoài kỳ kế hoạch"),
    "docx_problem_future_date": Texts("dates in the future", "ngày trong tương lai"),
    "docx_problem_possible_duplicate": Texts("possible duplicates", "hồ sơ có thể bị trùng"),
    "docx_problem_unknown_file": Texts("unknown file", "tệp không xác định"),
    "docx_problem_unknown_locality": Texts("unknown locality", "địa bàn không xác định"),
    "docx_problem_placeholder_target": Texts(
        "targets still holding a placeholder", "chỉ tiêu còn giữ số điền sẵn"
    ),
    # --- checks/cross.py ---
    "same_experts": Texts("name and qualification date", "họ tên và ngày công nhận"),
    "same_units": Texts("name and qualification date", "tên và ngày công nhận"),
    "same_trainings": Texts("title and date", "tên lớp và ngày"),
    "same_certifications": Texts(
        "enterprise, scheme and dates", "cơ sở, hệ thống/tiêu chuẩn và các ngày"
    ),
    # --- read/plan_messages.py ---
    "plan_allowed_target": Texts(
        "a number greater than 0 and at most 1000000000",
        "một số lớn hơn 0 và không quá 1.000.000.000",
    ),
    "plan_allowed_target_percent": Texts(
        "a number above 0 and at most 100", "một số lớn hơn 0 và không quá 100"
    ),
    "plan_allowed_at_risk_ratio": Texts(
        "a number above 0 and at most 1", "một số lớn hơn 0 và không quá 1"
    ),
    # --- scaffold/initfiles.py ---
    "init_title_enterprises": Texts(
        "Production and business establishments", "Cơ sở sản xuất, kinh doanh"
    ),
    "init_title_trainings": Texts("Training courses", "Lớp tập huấn"),
    "init_title_certifications": Texts(
        "Support to apply a system, tool or standard", "Hỗ trợ áp dụng, chứng nhận"
    ),
    "init_title_experts": Texts("Consulting experts", "Chuyên gia tư vấn"),
    "init_title_units": Texts("Consulting units", "Đơn vị tư vấn"),
    # --- scaffold/schema.py ---
    "schema_title_enterprises": Texts(
        "production/business establishments", "cơ sở sản xuất, kinh doanh"
    ),
    "schema_title_trainings": Texts("training courses", "lớp tập huấn"),
    "schema_title_certifications": Texts(
        "support to apply a scheme / certifications", "hỗ trợ áp dụng, chứng nhận"
    ),
    "schema_title_experts": Texts("consulting experts", "chuyên gia tư vấn"),
    "schema_title_units": Texts("consulting units", "đơn vị tư vấn"),
    # --- importing/template.py ---
    "template_note_trainings": Texts(
        "One row per participant; rows with the same id (or title and date) are one training.",
        "Mỗi cơ sở tham gia một dòng; các dòng cùng mã lớp (hoặc cùng tên lớp và ngày) là một lớp.",
    ),
    "template_note_enterprises": Texts(
        "One OCOP product per row; rows of one establishment add up.",
        "Mỗi sản phẩm OCOP một dòng; các dòng của cùng một cơ sở được cộng lại.",
    ),
    # --- core/models.py ---
    "allowed_id": Texts(
        "letters, digits, '.', '_' and '-', starting with a letter or digit",
        "chữ cái, chữ số, '.', '_' và '-', bắt đầu bằng chữ cái hoặc chữ số",
    ),
    "allowed_tax_code": Texts(
        "10 digits, or 10 digits, '-' and 3 digits (e.g. 2801234567 or 2801234567-001)",
        "10 chữ số, hoặc 10 chữ số, '-' và 3 chữ số (vd. 2801234567 hoặc 2801234567-001)",
    ),
    "allowed_date": Texts("a date such as 2023-04-03 or 03/04/2023", "một ngày, vd. 03/04/2023"),
    "allowed_stars": Texts("a whole number from 3 to 5", "số nguyên từ 3 đến 5"),
    "allowed_trainees": Texts("a whole number, 0 or more", "số nguyên không âm"),
    "allowed_text": Texts("non-empty text", "văn bản không rỗng"),
    "allowed_list": Texts("a list (one '- item' a line)", "một danh sách (mỗi dòng '- mục')"),
    "allowed_mapping": Texts("a mapping of fields", "một ánh xạ trường: giá trị"),
    "allowed_control": Texts(
        "text without control characters (remove the invisible character)",
        "văn bản không có ký tự điều khiển (hãy xóa ký tự vô hình)",
    ),
    "allowed_bool": Texts("true or false (Có/Không)", 'Có ("true") hoặc Không ("false")'),
    # --- importing/writing.py: the head of a file `pqp import` writes (both languages) ---
    "generated_do_not_edit": Texts(
        "# Do not edit: fix the sheet and import it again (this file is rewritten then).",
        "# Đừng sửa tệp này: hãy sửa bảng tính rồi nhập lại (tệp này sẽ được ghi lại).",
    ),
    # --- importing/resolve.py: how an unmatched establishment was named ---
    "said_tax_code": Texts("tax code {code}", "mã số thuế {code}"),
    "said_either": Texts("{first} or {second}", "{first} hoặc {second}"),
    # --- render/vnformat.py, render/docx_text.py ---
    "unit_pp": Texts(" pp", " điểm phần trăm"),
    "docx_about": Texts("about ", "khoảng "),
    "docx_of_plan": Texts(
        ", {share} of the plan's target ({goal})", ", đạt {share} chỉ tiêu kế hoạch ({goal})"
    ),
    "docx_after_end": Texts("", ", sau khi kết thúc kỳ kế hoạch"),
    # --- render/places.py: a 2025 unit over two old districts ---
    "places_straddles": Texts(
        "{unit} straddles two old districts ({shares} of its area): counted under {district}.",
        "{unit} nằm trên hai huyện cũ ({shares}): tính vào {district}.",
    ),
    # --- importing/dupes.py: what makes two rows of a sheet one record ---
    "dupes_same_experts": Texts("name and date", "họ tên và ngày"),
    "dupes_same_units": Texts("name and date", "tên và ngày"),
    "dupes_same_certifications": Texts(
        "enterprise, scheme and dates", "cơ sở, hệ thống/tiêu chuẩn và các ngày"
    ),
    # --- render/rows.py: the title over who counts (the Vietnamese says it in its own order) ---
    "count_title": Texts("{state} ({subjects}): {n}", "Số {subjects} {state}: {n}"),
    "count_state_counted": Texts("Counted", "được tính"),
    "count_state_not_counted": Texts("Not yet counted", "chưa được tính"),
}
