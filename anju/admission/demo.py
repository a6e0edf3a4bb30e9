"""Deterministic, realistic demo households for the demo city (manage.py demo_data).

One `random.Random(seed)` stream is consumed household by household, so the same seed gives
the same people whatever the batch size or the number of worker processes. Resident ID numbers
are built from the county of the household's community, a birth date and an order code unique
per (county, birth date) within the stream, with the GB 11643 check digit; the order code's
last digit is odd for men and even for women.

The generator is the sequential part of `demo_data` (about 1 M households per minute on one
core), so it is written for speed: households and people are plain tuples (cheap to build and
to pickle to the worker processes that encrypt and render them, see `demo_rows.py`), dates are
day ordinals, weighted choices use precomputed cumulative weights, and the ID check digit is
summed from cached partial sums.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from datetime import date
from itertools import accumulate

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志峰亮成海东文斌宏伟春雷振兴德胜永庆"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕秀玲桂英婷雪慧红梅琳萍丹洁莉兰凤倩颖佳琴云慧敏月晶春燕美玉翠红巧珍淑华"
ROADS = ("药都路", "魏武大道", "光明路", "人民路", "芍花路", "希夷大道", "汤王大道", "建安路", "文帝路", "紫光路", "涡河路", "向阳路")
EMPLOYERS = ("亳州市中药材交易中心", "古井贡酒股份有限公司", "亳州市人民医院", "谯城区某商贸公司", "个体经营", "建筑工地", "物流公司", "社区服务中心")

# GB 11643 weights of the first 17 digits.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# Layout of a generated person (tuple), household and its parts; `demo_rows.py` reads them.
P_RELATION, P_NAME, P_ID, P_SEX, P_BIRTH, P_PHONE, P_ETHNICITY, P_HUKOU, P_EDUCATION = range(9)
P_EMPLOYMENT, P_EMPLOYER, P_MARITAL, P_INCOME, P_GRADUATION, P_SOCIAL_INSURANCE = range(9, 15)
H_REGION, H_ROAD, H_HOUSE_NUMBER, H_STATUS, H_SUBMITTED_DAYS_AGO, H_LOW_INCOME = range(6)
H_MINIMUM_LIVING, H_CERTIFICATE, H_MEMBERS, H_DWELLINGS, H_ASSETS, H_REGISTER = range(6, 12)
# dwelling: (occupancy_status, floor_area in cents, road, house number, rent in yuan | None,
#            structure, built_year, owner_name); asset: (category, owner_name, total_value in yuan)
# register (准入登记簿, only for status "registered", else None): (security_mode, project_category,
#            security_state, registered days ago, security started days ago | None, exited days ago | None)


def id_check_digit(body: str) -> str:
    """GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _weighted_sum(digits: str, offset: int) -> int:
    return sum(int(c) * _ID_WEIGHTS[offset + i] for i, c in enumerate(digits))


def pick_from(values: Sequence, rnd: Callable[[], float]) -> object:
    """One value drawn uniformly with one call of `rnd` (faster than `Random.choice`)."""
    return values[int(rnd() * len(values))]


class _Weighted:
    """A weighted choice with precomputed cumulative weights (what `random.choices` does per call)."""

    __slots__ = ("cumulative", "total", "values")

    def __init__(self, values: tuple, weights: tuple[int, ...]) -> None:
        self.values = values
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rnd: Callable[[], float]) -> object:
        """One value, drawn with one call of `rnd` (a `Random.random`)."""
        return self.values[bisect(self.cumulative, rnd() * self.total)]


SIZES = _Weighted((1, 2, 3, 4, 5), (15, 25, 35, 18, 7))
EMPLOYMENT = _Weighted(("24", "17", "54", "51", "70", "27", "13"), (30, 15, 12, 12, 12, 10, 9))
EDUCATION = _Weighted(("70", "60", "40", "30", "20"), (30, 30, 15, 15, 10))
ETHNICITY = _Weighted(("01", "03", "11"), (96, 3, 1))
HUKOU = _Weighted(("20", "10", "30"), (50, 30, 20))
STATUS = _Weighted(("submitted", "draft", "returned"), (70, 25, 5))
OCCUPANCY = _Weighted(("3", "4", "1", "2", "5"), (45, 20, 20, 10, 5))
ASSET_COUNT = _Weighted((0, 1, 2), (40, 45, 15))
ASSET_CATEGORY = _Weighted(("01", "03", "02"), (70, 20, 10))
ASSET_VALUE = {"01": (1000, 60000), "03": (15000, 90000), "02": (2000, 40000)}
YOUNG_EDUCATION = ("80", "70", "60")
EMPLOYED = frozenset(("24", "17", "13"))
RENTED = frozenset(("2", "3"))
STRUCTURES = ("3", "4", "5")
# A submitted application older than this many days has finished the admission process (准予登记).
REGISTERED_AFTER_DAYS = 45
# 保障状态 (security_state) of a registered household and 保障方式 / 保障项目类别 of its plan.
STATE_WAITING, STATE_EXITED = "01", "06"
SECURED_STATE = {"11": "02", "12": "02", "23": "03", "30": "04"}  # 已配租 / 已配售 / 领取租赁补贴
PROJECT_CATEGORY = {"11": "01", "12": "02", "23": "06", "30": ""}  # 廉租住房 / 公共租赁住房 / 共有产权住房


def register_snapshot(*, house_number: int, days_ago: int, minimum_living: bool) -> tuple:
    """The register entry of a registered household, derived without drawing random numbers.

    Derived from the house number (uniform over 1–299) and the submission day, so every seed's
    stream stays unchanged. Proportions: 75 % 轮候中, 20 % 已保障 (已配租 / 已配售 / 领取租赁补贴
    by mode), 5 % 已退出; modes: 廉租住房配租 for 低保 households, otherwise 70 % 公共租赁住房配租,
    20 % 租赁补贴, 10 % 共有产权住房配售. Registration follows submission by 30–44 days, security
    starts 20 days after registration, an exit half-way between then and today.
    """
    bucket = house_number % 20
    if minimum_living:
        mode = "11"
    else:
        slot = house_number // 20 % 10
        mode = "12" if slot < 7 else ("30" if slot < 9 else "23")
    registered = days_ago - 30 - house_number % 15
    started = exited = None
    if bucket < 15:
        state = STATE_WAITING
    else:
        started = max(registered - 20, 0)
        state = SECURED_STATE[mode] if bucket < 19 else STATE_EXITED
        if state == STATE_EXITED:
            exited = started // 2
    return (mode, PROJECT_CATEGORY[mode], state, registered, started, exited)


# Age at graduation by 文化程度 (GB/T 4658: 10 研究生, 20 大学本科, 30 大学专科, 40 中专, 60 高中, 70 初中).
GRADUATION_AGE = {"10": 25, "20": 22, "30": 21, "40": 18, "60": 18, "70": 15}


def graduation_and_insurance(*, birth: int, today: int, education: str, employment: str, income: int) -> tuple:
    """(毕业日期 ordinal | None, 连续缴纳社保月数 | None), derived without drawing random numbers.

    Deriving them from the person's other values keeps every seed's stream (and so its people)
    unchanged. Graduation falls in the summer of the year the person reached the usual age for
    the education level; the employed have paid social insurance for part of their working life.
    """
    grad_age = GRADUATION_AGE.get(education)
    graduated = None
    if grad_age is not None:
        day = birth + grad_age * 365 + 150 + birth % 60
        graduated = day if day < today else None
    if employment not in EMPLOYED:
        return graduated, (0 if employment == "70" else None)
    start = max(graduated or 0, birth + 18 * 365)
    working = max((today - start) // 30, 0)
    return graduated, working * (income // 100 % 10 + 1) // 10


class HouseholdGenerator:
    """A deterministic stream of households (tuples, see the H_/P_ layout) over community codes."""

    def __init__(self, *, seed: int, communities: list[str], today: date) -> None:
        if not communities:
            raise ValueError("没有可用的社区行政区划。")
        self.random = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
        self.communities = sorted(communities)
        self.today = today.toordinal()
        self.year = today.year
        self.order_codes: dict[tuple[str, int], list[int]] = {}
        self._county_sums: dict[str, int] = {}
        self._dates: dict[int, tuple[str, int]] = {}
        self._january_first: dict[int, int] = {}
        self._order_sums = [_weighted_sum(f"{order:03d}", 14) for order in range(1000)]

    # --- people ------------------------------------------------------------------------

    def _resident_id(self, county: str, birth: int, male: bool) -> tuple[str, int]:
        """A resident ID unique in this stream: the order code counts per (county, birth date, sex)."""
        slot = 0 if male else 1
        while True:
            counters = self.order_codes.get((county, birth))
            if counters is None:
                counters = self.order_codes[(county, birth)] = [0, 0]
            if counters[slot] < 500:
                order = counters[slot] * 2 + (1 - slot)
                counters[slot] += 1
                county_sum = self._county_sums.get(county)
                if county_sum is None:
                    county_sum = self._county_sums[county] = _weighted_sum(county, 0)
                digits = self._dates.get(birth)
                if digits is None:
                    text = date.fromordinal(birth).strftime("%Y%m%d")
                    digits = self._dates[birth] = (text, _weighted_sum(text, 6))
                check = _ID_CHECK[(county_sum + digits[1] + self._order_sums[order]) % 11]
                return f"{county}{digits[0]}{order:03d}{check}", birth
            birth += 1  # 500 people of one sex born that day in that county: use the next day

    def _birth(self, year_from: int, year_to: int) -> int:
        """A day ordinal between 1 January of year_from and 31 December of year_to (before today)."""
        start = self._jan1(year_from)
        end = min(self._jan1(min(year_to, self.year) + 1) - 1, self.today - 1)
        return start + int(self.random.random() * max(end - start, 1))

    def _jan1(self, year: int) -> int:
        ordinal = self._january_first.get(year)
        if ordinal is None:
            ordinal = self._january_first[year] = date(year, 1, 1).toordinal()
        return ordinal

    def _person(self, county: str, relation: str, surname: str, male: bool, birth: int, married: bool) -> tuple:
        r = self.random
        rnd = r.random
        id_number, birth = self._resident_id(county, birth, male)
        age = (self.today - birth) // 365
        if age < 6:
            employment, education, income = "90", "90", 0
        elif age < 18:
            employment, education, income = "31", YOUNG_EDUCATION[int(rnd() * 3)], 0
        elif age >= 60:
            employment, education = "80", YOUNG_EDUCATION[int(rnd() * 3)]
            income = 12000 + int(rnd() * 240) * 100
        else:
            employment = EMPLOYMENT.pick(rnd)
            education = EDUCATION.pick(rnd)
            income = 0 if employment == "70" else int(r.lognormvariate(10.3, 0.45)) // 100 * 100
        chars = MALE_CHARS if male else FEMALE_CHARS
        count = len(chars)
        name = surname + chars[int(rnd() * count)] + (chars[int(rnd() * count)] if rnd() < 0.7 else "")
        phone = f"1{'3578'[int(rnd() * 4)]}{int(rnd() * 10**9):09d}" if age >= 18 else ""
        return (
            relation,
            name,
            id_number,
            "1" if male else "2",
            birth,
            phone,
            ETHNICITY.pick(rnd),
            HUKOU.pick(rnd),
            education,
            employment,
            EMPLOYERS[int(rnd() * len(EMPLOYERS))] if employment in EMPLOYED else "",
            ("20" if married else "10") if age >= 20 else "",
            income,
            *graduation_and_insurance(birth=birth, today=self.today, education=education, employment=employment, income=income),
        )

    # --- households --------------------------------------------------------------------

    def household(self) -> tuple:
        """The next household of the stream (tuple, see the H_ layout)."""
        r = self.random
        rnd = r.random
        region = pick_from(self.communities, rnd)
        county = region[:6]
        size = SIZES.pick(rnd)
        married = size >= 2 and rnd() < 0.85
        male = rnd() < 0.55
        surname = pick_from(SURNAMES, rnd)
        year = self.year
        applicant_birth = self._birth(year - 70, year - 22)
        applicant_year = date.fromordinal(applicant_birth).year
        members = [self._person(county, "01", surname, male, applicant_birth, married)]
        if married:
            spouse_birth = min(applicant_birth + int(rnd() * 10 * 365) - 5 * 365, self.today - 20 * 365)
            members.append(self._person(county, "10", pick_from(SURNAMES, rnd), not male, spouse_birth, True))
        while len(members) < size:
            if len(members) >= 2 and rnd() < 0.15 and applicant_year - 25 >= 1935:
                parent_male = rnd() < 0.5
                birth = self._birth(max(1935, applicant_year - 35), applicant_year - 22)
                members.append(
                    self._person(
                        county, "51" if parent_male else "52", surname if parent_male else pick_from(SURNAMES, rnd), parent_male, birth, True
                    )
                )
                continue
            child_male = rnd() < 0.52
            birth = self._birth(min(applicant_year + 22, year - 1), min(applicant_year + 40, year))
            members.append(self._person(county, "20" if child_male else "30", surname, child_male, birth, False))
        status = STATUS.pick(rnd)
        minimum_living = rnd() < 0.12
        road = pick_from(ROADS, rnd)
        house_number = str(1 + int(rnd() * 299))
        submitted = int(rnd() * 365) if status != "draft" else None
        register = None
        if status == "submitted" and submitted >= REGISTERED_AFTER_DAYS:  # no extra draw: the stream is unchanged
            status = "registered"
        low_income = minimum_living or rnd() < 0.4
        certificate = f"低保{county}{int(rnd() * 10**6):06d}" if minimum_living else ""
        occupancy = OCCUPANCY.pick(rnd)
        dwelling = (
            occupancy,
            1200 + int(rnd() * 5300),
            road,
            house_number,
            300 + int(rnd() * 120) * 10 if occupancy in RENTED else None,
            pick_from(STRUCTURES, rnd),
            1975 + int(rnd() * 45),
            members[0][P_NAME] if occupancy == "1" else "",
        )
        assets = []
        for _ in range(ASSET_COUNT.pick(rnd)):
            category = ASSET_CATEGORY.pick(rnd)
            low, high = ASSET_VALUE[category]
            assets.append((category, pick_from(members, rnd)[P_NAME], low + int(rnd() * (high - low))))
        if status == "registered":
            register = register_snapshot(house_number=int(house_number), days_ago=submitted, minimum_living=minimum_living)
        return (
            region, road, house_number, status, submitted, low_income, minimum_living, certificate, members, [dwelling], assets,
            register,
        )  # fmt: skip
