"""The vocabulary of the synthetic sample data: real Thanh Hóa places, names,
sectors, products, certifiers and standards. Data only; `make_sample_data.py` draws from it."""

from __future__ import annotations

import datetime as dt

D = dt.date

# --- places: district, weight, kind, communes/wards --------------------------

DISTRICTS: list[tuple[str, int, str, list[str]]] = [
    ("TP Thanh Hóa", 14, "city", ["Điện Biên", "Lam Sơn", "Ba Đình", "Đông Thọ", "Đông Vệ",
                                   "Quảng Thắng", "Đông Hương", "Đông Hải", "Quảng Hưng",
                                   "Tào Xuyên", "Hàm Rồng", "Nam Ngạn", "Đông Cương"]),
    ("TP Sầm Sơn", 4, "city", ["Bắc Sơn", "Trường Sơn", "Quảng Tiến", "Quảng Cư",
                                "Quảng Châu", "Quảng Vinh"]),
    ("TX Bỉm Sơn", 3, "town", ["Ba Đình", "Lam Sơn", "Ngọc Trạo", "Bắc Sơn", "Phú Sơn",
                                "Quang Trung"]),
    ("TX Nghi Sơn", 6, "town", ["Hải Hòa", "Hải Thanh", "Tĩnh Hải", "Mai Lâm", "Hải An",
                                 "Nguyên Bình", "Trúc Lâm", "Các Sơn", "Ninh Hải"]),
    ("Bá Thước", 2, "district", ["Lũng Niêm", "Ban Công", "Điền Trung", "Lương Ngoại",
                                 "Thiết Ống"]),
    ("Cẩm Thủy", 2, "district", ["Cẩm Tú", "Cẩm Lương", "Cẩm Thạch", "Cẩm Bình", "Cẩm Vân"]),
    ("Đông Sơn", 3, "district", ["Đông Hòa", "Đông Thanh", "Đông Tiến", "Đông Khê",
                                 "Đông Minh", "Đông Văn"]),
    ("Hà Trung", 4, "district", ["Hà Long", "Hà Lĩnh", "Hà Bình", "Hà Đông", "Hà Sơn",
                                 "Hà Tiến", "Yến Sơn"]),
    ("Hậu Lộc", 4, "district", ["Ngư Lộc", "Đa Lộc", "Hòa Lộc", "Hải Lộc", "Minh Lộc",
                                "Triệu Lộc", "Hưng Lộc"]),
    ("Hoằng Hóa", 7, "district", ["Hoằng Đồng", "Hoằng Phụ", "Hoằng Thanh", "Hoằng Trường",
                                  "Hoằng Lộc", "Hoằng Quỳ", "Hoằng Kim", "Hoằng Phong",
                                  "Hoằng Đạo", "Hoằng Hải"]),
    ("Lang Chánh", 1, "district", ["Đồng Lương", "Giao Thiện", "Trí Nang", "Tân Phúc"]),
    ("Mường Lát", 1, "district", ["Tam Chung", "Trung Lý", "Pù Nhi", "Quang Chiểu"]),
    ("Nga Sơn", 5, "district", ["Nga Liên", "Nga Thủy", "Nga Tân", "Nga Điền", "Nga Thạch",
                                "Nga Hải", "Nga Phú"]),
    ("Ngọc Lặc", 2, "district", ["Minh Sơn", "Kiên Thọ", "Ngọc Liên", "Thúy Sơn",
                                 "Phùng Giáo"]),
    ("Như Thanh", 2, "district", ["Hải Long", "Xuân Phúc", "Phượng Nghi", "Thanh Kỳ",
                                  "Phú Nhuận"]),
    ("Như Xuân", 2, "district", ["Xuân Bình", "Thượng Ninh", "Bãi Trành", "Thanh Quân",
                                 "Hóa Quỳ"]),
    ("Nông Cống", 4, "district", ["Vạn Thắng", "Tế Lợi", "Thăng Long", "Trung Chính",
                                  "Tượng Sơn", "Công Liêm"]),
    ("Quảng Xương", 5, "district", ["Quảng Nham", "Quảng Lưu", "Quảng Ngọc", "Quảng Trạch",
                                    "Quảng Hải", "Quảng Định", "Quảng Nhân"]),
    ("Quan Hóa", 1, "district", ["Phú Nghiêm", "Hồi Xuân", "Nam Xuân", "Thành Sơn"]),
    ("Quan Sơn", 1, "district", ["Sơn Điện", "Mường Mìn", "Tam Lư", "Trung Hạ", "Na Mèo"]),
    ("Thạch Thành", 3, "district", ["Thạch Bình", "Thành Vân", "Thành Tâm", "Ngọc Trạo",
                                    "Thạch Quảng", "Thành Minh"]),
    ("Thiệu Hóa", 4, "district", ["Thiệu Trung", "Thiệu Giang", "Thiệu Quang", "Thiệu Vận",
                                  "Thiệu Ngọc", "Thiệu Duy"]),
    ("Thọ Xuân", 6, "district", ["Xuân Lập", "Xuân Hòa", "Thọ Lập", "Xuân Tín", "Nam Giang",
                                 "Xuân Phú", "Thọ Diên", "Xuân Bái"]),
    ("Thường Xuân", 2, "district", ["Xuân Dương", "Lương Sơn", "Ngọc Phụng", "Xuân Cẩm",
                                    "Vạn Xuân", "Xuân Chinh"]),
    ("Triệu Sơn", 5, "district", ["Thọ Dân", "Dân Lực", "Hợp Thành", "Đồng Tiến",
                                  "Thọ Ngọc", "Minh Sơn"]),
    ("Vĩnh Lộc", 3, "district", ["Vĩnh Thịnh", "Vĩnh Hùng", "Vĩnh Yên", "Vĩnh An",
                                 "Ninh Khang", "Vĩnh Long"]),
    ("Yên Định", 4, "district", ["Định Tân", "Yên Phú", "Định Hòa", "Yên Trường",
                                 "Định Liên", "Yên Thọ"]),
]
DISTRICT_NAMES = [d[0] for d in DISTRICTS]
COMMUNES = {d[0]: d[3] for d in DISTRICTS}
KIND = {d[0]: d[2] for d in DISTRICTS}

#: Commune-level units formed on 01/07/2025 (Resolution 1686/NQ-UBTVQH15), with the old
#: district they lie in: the few records dated after the reform name these instead.
NEW_UNITS: list[tuple[str, str]] = [
    ("Phường Hạc Thành", "TP Thanh Hóa"), ("Phường Hàm Rồng", "TP Thanh Hóa"),
    ("Phường Sầm Sơn", "TP Sầm Sơn"), ("Phường Bỉm Sơn", "TX Bỉm Sơn"),
    ("Phường Nghi Sơn", "TX Nghi Sơn"), ("Xã Hoằng Hóa", "Hoằng Hóa"),
    ("Xã Thọ Xuân", "Thọ Xuân"), ("Xã Nga Sơn", "Nga Sơn"), ("Xã Yên Định", "Yên Định"),
    ("Xã Pù Luông", "Bá Thước"),
]
NEW_UNIT_DISTRICT = dict(NEW_UNITS)

STREETS = ["Lê Lai", "Bà Triệu", "Trần Phú", "Lê Hoàn", "Hạc Thành", "Nguyễn Trãi",
           "Đại lộ Lê Lợi", "Quang Trung", "Tống Duy Tân", "Phan Chu Trinh", "Nguyễn Chí Thanh",
           "Trường Thi", "Hồ Xuân Hương", "Nguyễn Du", "Lê Thánh Tông", "Bà Triệu"]
PARKS = {"TP Thanh Hóa": ["Khu công nghiệp Lễ Môn", "Khu công nghiệp Tây Bắc Ga"],
         "TX Nghi Sơn": ["Khu kinh tế Nghi Sơn"], "TX Bỉm Sơn": ["Khu công nghiệp Bỉm Sơn"],
         "Thọ Xuân": ["Khu công nghiệp Lam Sơn - Sao Vàng"],
         "Hoằng Hóa": ["Cụm công nghiệp Hoằng Phụ"], "Quảng Xương": ["Khu công nghiệp Hoàng Long"]}

# --- people --------------------------------------------------------------------------------

SURNAMES = ["Lê", "Nguyễn", "Trịnh", "Hoàng", "Phạm", "Đỗ", "Mai", "Vũ", "Bùi", "Trần",
            "Lại", "Hà", "Cao", "Đặng", "Lương", "Tống", "Hoàng", "Lê", "Nguyễn", "Trịnh"]
MALE = (["Văn", "Đình", "Hữu", "Xuân", "Quang", "Minh", "Ngọc", "Bá"],
        ["Hùng", "Dũng", "Tuấn", "Bình", "Sơn", "Hải", "Nam", "Cường", "Thắng", "Lực",
         "Tùng", "Quyết", "Long", "Toàn", "Phúc", "Kiên", "Đức", "Trung", "Hiếu", "Chiến"])
FEMALE = (["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng"],
          ["Hoa", "Lan", "Hương", "Thảo", "Nga", "Phương", "Hằng", "Tâm", "Hạnh", "Mai",
           "Huyền", "Yến", "Loan", "Dung", "Vân", "Oanh", "Nhung", "Thúy", "Liên", "Hà"])

# --- sectors: words for names, products, and what they may be -------------------------------
#  (sector, name words, products, key-product sector?, OCOP sector?)

SECTORS: list[tuple[str, list[str], list[str], bool, bool]] = [
    ("Chế biến thực phẩm", ["Thực phẩm", "Chế biến thực phẩm", "Thực phẩm sạch",
                            "Chế biến nông sản"],
     ["Nem chua", "Chè lam", "Bánh gai", "Bánh răng bừa", "Chả tôm", "Giò bò", "Tương",
      "Bánh đa vừng", "Kẹo lạc", "Mật mía", "Bún khô", "Miến dong"], True, True),
    ("Thủy sản", ["Thủy sản", "Hải sản", "Chế biến hải sản", "Nuôi trồng thủy sản"],
     ["Nước mắm", "Mắm tôm", "Mắm tép", "Cá thu một nắng", "Mực khô", "Ruốc khô",
      "Ngao sạch", "Tôm he"], True, True),
    ("Nông nghiệp", ["Nông nghiệp", "Nông nghiệp công nghệ cao", "Dịch vụ nông nghiệp",
                     "Sản xuất và Tiêu thụ rau an toàn", "Trồng trọt"],
     ["Gạo thơm", "Gạo nếp cái hoa vàng", "Bưởi", "Cam", "Dưa lưới", "Rau an toàn", "Lạc nhân",
      "Nhãn", "Dứa", "Chuối tiêu hồng", "Nấm sò", "Ổi"], True, True),
    ("Chăn nuôi", ["Chăn nuôi", "Chăn nuôi và Thú y", "Chăn nuôi công nghệ cao"],
     ["Thịt lợn sạch", "Trứng gà", "Gà đồi", "Sữa bò tươi", "Thịt bò", "Mật ong", "Vịt cỏ"],
     True, True),
    ("Dược liệu", ["Dược liệu", "Dược liệu xanh", "Trồng và Chế biến dược liệu"],
     ["Trà hoa vàng", "Cao cà gai leo", "Tinh dầu quế", "Tinh dầu sả chanh",
      "Trà giảo cổ lam", "Cao lá xông", "Quế thanh"], True, True),
    ("Đồ uống", ["Đồ uống", "Rượu truyền thống", "Nước giải khát"],
     ["Rượu nếp cái hoa vàng", "Rượu men lá", "Nước uống đóng chai", "Trà xanh"],
     False, True),
    ("Thủ công mỹ nghệ", ["Thủ công mỹ nghệ", "Mây tre đan", "Cói", "Đá mỹ nghệ", "Thêu ren"],
     ["Chiếu cói", "Thảm cói", "Làn cói", "Đồ mây tre đan", "Đá mỹ nghệ", "Chổi chít",
      "Hàng thêu ren"], False, True),
    ("Lâm sản", ["Lâm sản", "Chế biến lâm sản", "Luồng", "Gỗ"],
     ["Đũa luồng", "Ván ghép thanh", "Tăm tre", "Mật ong rừng", "Măng khô"], True, True),
    ("Dệt may", ["May mặc", "Dệt may", "May xuất khẩu"], [], False, False),
    ("Cơ khí", ["Cơ khí", "Cơ khí chế tạo", "Kết cấu thép"], [], False, False),
    ("Vật liệu xây dựng", ["Vật liệu xây dựng", "Gạch không nung", "Bê tông"], [], False, False),
    ("Thương mại và dịch vụ", ["Thương mại và Dịch vụ", "Đầu tư và Thương mại"], [],
     False, False),
    ("Bao bì, in ấn", ["Bao bì", "In và Bao bì"], [], False, False),
]
SECTOR = {s[0]: s for s in SECTORS}
AGRI = {s[0] for s in SECTORS if s[3]}
OCOP_SECTORS = {s[0] for s in SECTORS if s[4]}
INDUSTRY = {"Dệt may", "Cơ khí", "Vật liệu xây dựng", "Bao bì, in ấn"}

BRANDS = ["Lam Sơn", "Hàm Rồng", "Hoàng Long", "Sao Mai", "Phú Quý", "Thanh Bình", "Minh Châu",
          "Hưng Thịnh", "Đông Á", "Việt Thanh", "An Phát", "Xứ Thanh", "Trường Xuân", "Phúc Lộc",
          "Thành Đạt", "Hồng Hà", "Tân Thành", "Đại Dương", "Bình Minh", "Ngọc Lan", "Hoa Sen",
          "Kim Ngân", "Sông Mã", "Sông Chu", "Nam Thanh", "Thiên Phú", "Hải Tiến", "Hùng Cường",
          "Tiến Đạt", "Vạn Phúc", "An Khang", "Phú Hưng", "Quang Minh", "Nhật Minh", "Đức Thành",
          "Hợp Lực", "Toàn Thắng", "Vinh Quang", "Tâm Đức", "Hoàng Gia", "Phương Đông",
          "Lam Kinh", "Pù Luông", "Bến En", "Cửa Hới", "Thái Hưng", "Mỹ Hưng", "Gia Phát",
          "Trường An", "Thịnh Phát", "Hưng Phát", "Tân Phú", "Đông Dương", "Bắc Hà", "Việt Hưng",
          "Thanh Long", "Hòa Phát", "Kim Sơn", "Bảo Ngọc", "Sơn Hà", "Hoằng Long", "Đông Phương",
          "Ngọc Sơn", "Tân Long", "Phú Gia", "An Bình", "Hải Long", "Nam Việt", "Hà Thanh",
          "Trung Thành"]
FAMOUS_OCOP = {"TX Nghi Sơn": "Nước mắm Ba Làng", "Vĩnh Lộc": "Chè lam Phủ Quảng",
               "TP Thanh Hóa": "Nem chua Thanh Hóa", "Thọ Xuân": "Bánh gai Tứ Trụ",
               "Nga Sơn": "Chiếu cói Nga Sơn", "Thạch Thành": "Cam Vân Du",
               "Thường Xuân": "Quế Ngọc Thường Xuân", "Hoằng Hóa": "Mắm tôm Hoằng Phụ"}

OCOP_BATCHES = [  # (decision date, weight): provincial recognition rounds
    (D(2019, 12, 20), 5), (D(2020, 6, 15), 4), (D(2020, 12, 18), 5), (D(2021, 8, 5), 6),
    (D(2021, 12, 24), 7), (D(2022, 6, 30), 9), (D(2022, 12, 27), 9), (D(2023, 6, 28), 10),
    (D(2023, 12, 22), 10), (D(2024, 6, 27), 12), (D(2024, 12, 26), 8), (D(2025, 6, 26), 9),
    (D(2025, 11, 14), 6),
]

# --- certification catalogue -----------------------------------------------------------------

CERT_ISO = ["Trung tâm Chứng nhận Phù hợp (QUACERT)",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1 (QUATEST 1)",
            "Công ty TNHH Bureau Veritas Việt Nam", "Công ty TNHH SGS Việt Nam"]
CERT_GAP = ["Công ty Cổ phần Chứng nhận và Giám định VinaCert",
            "Trung tâm Chứng nhận Phù hợp (QUACERT)"]
CERT_TOOL = ["Viện Năng suất Việt Nam",
             "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Thanh Hóa",
             "Công ty TNHH Tư vấn Năng suất Chất lượng Xứ Thanh"]
CERT_MEAS = ["Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Thanh Hóa",
             "Chi cục Tiêu chuẩn Đo lường Chất lượng Thanh Hóa"]
CERT_TECH = ["Sở Khoa học và Công nghệ Thanh Hóa",
             "Trung tâm Ứng dụng và Chuyển giao công nghệ Thanh Hóa"]
CERT_STD = ["Chi cục Tiêu chuẩn Đo lường Chất lượng Thanh Hóa",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Thanh Hóa",
            "Trung tâm Chứng nhận Phù hợp (QUACERT)"]
VALID_YEARS = {"ISO 9001:2015": 3, "ISO 22000:2018": 3, "HACCP": 3, "ISO 14001:2015": 3,
               "VietGAP": 2}
#: National standards and technical regulations a product of a kind may apply (else TCCS).
PRODUCT_STANDARDS = {
    "Nước mắm": "TCVN 5107:2018", "Gạo thơm": "TCVN 11888:2017",
    "Gạo nếp cái hoa vàng": "TCVN 11888:2017", "Rau an toàn": "TCVN 11041-2:2017",
    "Thịt lợn sạch": "TCVN 7046:2019", "Thịt bò": "TCVN 7046:2019",
    "Nước uống đóng chai": "QCVN 6-1:2010/BYT", "Rượu nếp cái hoa vàng": "QCVN 6-3:2010/BYT",
    "Rượu men lá": "QCVN 6-3:2010/BYT", "Nem chua": "QCVN 8-3:2012/BYT",
    "Chả tôm": "QCVN 8-3:2012/BYT", "Mật ong": "QCVN 8-2:2011/BYT",
    "Lạc nhân": "QCVN 8-1:2011/BYT", "Miến dong": "QCVN 8-2:2011/BYT",
}
INDUSTRY_PRODUCTS = {"Vật liệu xây dựng": "Gạch bê tông không nung", "Cơ khí": "Kết cấu thép",
                     "Dệt may": "Quần áo may sẵn", "Bao bì, in ấn": "Bao bì giấy đựng thực phẩm"}
INDUSTRY_STANDARDS = {"Vật liệu xây dựng": "QCVN 16:2019/BXD",
                      "Dệt may": "QCVN 01:2017/BCT", "Bao bì, in ấn": "QCVN 12-1:2011/BYT"}
