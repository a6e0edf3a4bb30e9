"""Deterministic, realistic demo households for the demo city (manage.py demo_data).

One `random.Random(seed)` stream is consumed household by household, so the same seed gives
the same people whatever the batch size. Resident ID numbers are built from the county of
the household's community, a birth date and an order code unique per (county, birth date)
within the stream, with the GB 11643 check digit; the order code's last digit is odd for men
and even for women.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

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


def id_check_digit(body: str) -> str:
    """GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


@dataclass
class Person:
    """One generated member (plain values, before encryption)."""

    relation: str
    name: str
    id_number: str
    sex: str
    birth_date: date
    phone: str
    ethnicity: str
    hukou_nature: str
    education: str
    employment_status: str
    employer: str
    marital_status: str
    annual_income: Decimal


@dataclass
class Household:
    """One generated application with its members, dwellings and assets."""

    region_code: str
    hukou_road: str
    hukou_house_number: str
    status: str
    submitted_days_ago: int | None
    is_low_income: bool
    is_minimum_living: bool
    minimum_living_certificate: str
    members: list[Person] = field(default_factory=list)
    dwellings: list[dict] = field(default_factory=list)
    assets: list[dict] = field(default_factory=list)


class HouseholdGenerator:
    """A deterministic stream of households over a list of community codes."""

    def __init__(self, *, seed: int, communities: list[str], today: date) -> None:
        if not communities:
            raise ValueError("没有可用的社区行政区划。")
        self.random = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
        self.communities = sorted(communities)
        self.today = today
        self.order_codes: dict[tuple[str, date], list[int]] = {}

    # --- people ------------------------------------------------------------------------

    def _resident_id(self, county: str, birth: date, male: bool) -> tuple[str, date]:
        """A resident ID unique in this stream: the order code counts per (county, birth date, sex)."""
        while True:
            counters = self.order_codes.setdefault((county, birth), [0, 0])
            slot = 0 if male else 1
            if counters[slot] < 500:
                order = counters[slot] * 2 + (1 if male else 0)
                counters[slot] += 1
                body = f"{county}{birth:%Y%m%d}{order:03d}"
                return body + id_check_digit(body), birth
            birth += timedelta(days=1)  # 500 people of one sex born that day in that county: use the next day

    def _name(self, surname: str, male: bool) -> str:
        chars = MALE_CHARS if male else FEMALE_CHARS
        given = self.random.choice(chars) + (self.random.choice(chars) if self.random.random() < 0.7 else "")
        return surname + given

    def _mobile(self) -> str:
        r = self.random
        return f"1{r.choice('3578')}{r.randrange(10)}{r.randrange(10**8):08d}"

    def _birth(self, year_from: int, year_to: int) -> date:
        year_to = min(year_to, self.today.year)
        start = date(year_from, 1, 1)
        end = min(date(year_to, 12, 31), self.today - timedelta(days=1))
        return start + timedelta(days=self.random.randrange(max((end - start).days, 1)))

    def _person(self, *, county: str, relation: str, surname: str, male: bool, birth: date, married: bool) -> Person:
        r = self.random
        id_number, birth = self._resident_id(county, birth, male)
        age = (self.today - birth).days // 365
        if age < 6:
            employment, education, income = "90", "90", Decimal(0)
        elif age < 18:
            employment, education, income = "31", r.choice(("80", "70", "60")), Decimal(0)
        elif age >= 60:
            employment, education = "80", r.choice(("80", "70", "60"))
            income = Decimal(r.randrange(12000, 36000, 100))
        else:
            employment = r.choices(("24", "17", "54", "51", "70", "27", "13"), (30, 15, 12, 12, 12, 10, 9))[0]
            education = r.choices(("70", "60", "40", "30", "20"), (30, 30, 15, 15, 10))[0]
            income = Decimal(0) if employment == "70" else Decimal(int(r.lognormvariate(10.3, 0.45)) // 100 * 100)
        return Person(
            relation=relation,
            name=self._name(surname, male),
            id_number=id_number,
            sex="1" if male else "2",
            birth_date=birth,
            phone=self._mobile() if age >= 18 else "",
            ethnicity=r.choices(("01", "03", "11"), (96, 3, 1))[0],
            hukou_nature=r.choices(("20", "10", "30"), (50, 30, 20))[0],
            education=education,
            employment_status=employment,
            employer=r.choice(EMPLOYERS) if employment in ("24", "17", "13") else "",
            marital_status=("20" if married else "10") if age >= 20 else "",
            annual_income=income,
        )

    # --- households --------------------------------------------------------------------

    def household(self) -> Household:
        """The next household of the stream."""
        r = self.random
        region = r.choice(self.communities)
        county = region[:6]
        size = r.choices((1, 2, 3, 4, 5), (15, 25, 35, 18, 7))[0]
        married = size >= 2 and r.random() < 0.85
        male = r.random() < 0.55
        surname = r.choice(SURNAMES)
        year = self.today.year
        applicant_birth = self._birth(year - 70, year - 22)
        members = [self._person(county=county, relation="01", surname=surname, male=male, birth=applicant_birth, married=married)]
        if married:
            spouse_birth = applicant_birth + timedelta(days=r.randrange(-5 * 365, 5 * 365))
            spouse_birth = min(spouse_birth, self.today - timedelta(days=20 * 365))
            members.append(
                self._person(county=county, relation="10", surname=r.choice(SURNAMES), male=not male, birth=spouse_birth, married=True)
            )
        while len(members) < size:
            if len(members) >= 2 and r.random() < 0.15 and applicant_birth.year - 25 >= 1935:
                parent_male = r.random() < 0.5
                birth = self._birth(max(1935, applicant_birth.year - 35), applicant_birth.year - 22)
                members.append(
                    self._person(county=county, relation="51" if parent_male else "52", surname=surname if parent_male else r.choice(SURNAMES), male=parent_male, birth=birth, married=True)
                )
                continue
            child_male = r.random() < 0.52
            first = applicant_birth.year + 22
            birth = self._birth(min(first, year - 1), min(applicant_birth.year + 40, year))
            members.append(
                self._person(county=county, relation="20" if child_male else "30", surname=surname, male=child_male, birth=birth, married=False)
            )
        status = r.choices(("submitted", "draft", "returned"), (70, 25, 5))[0]
        minimum_living = r.random() < 0.12
        household = Household(
            region_code=region,
            hukou_road=r.choice(ROADS),
            hukou_house_number=str(r.randrange(1, 300)),
            status=status,
            submitted_days_ago=r.randrange(0, 365) if status != "draft" else None,
            is_low_income=minimum_living or r.random() < 0.4,
            is_minimum_living=minimum_living,
            minimum_living_certificate=f"低保{county}{r.randrange(10**6):06d}" if minimum_living else "",
            members=members,
        )
        occupancy = r.choices(("3", "4", "1", "2", "5"), (45, 20, 20, 10, 5))[0]
        area = Decimal(r.randrange(1200, 6500)) / 100
        household.dwellings.append(
            {
                "occupancy_status": occupancy,
                "floor_area": area,
                "address_road": household.hukou_road,
                "address_house_number": household.hukou_house_number,
                "rent": Decimal(r.randrange(300, 1500, 10)) if occupancy in ("2", "3") else None,
                "structure": r.choice(("3", "4", "5")),
                "built_year": r.randrange(1975, 2020),
                "owner_name": members[0].name if occupancy == "1" else "",
            }
        )
        for _ in range(r.choices((0, 1, 2), (40, 45, 15))[0]):
            category = r.choices(("01", "03", "02"), (70, 20, 10))[0]
            value = {"01": r.randrange(1000, 60000), "03": r.randrange(15000, 90000), "02": r.randrange(2000, 40000)}[category]
            household.assets.append(
                {"category": category, "owner_name": r.choice(members).name, "quantity": Decimal(1), "total_value": Decimal(value)}
            )
        return household
