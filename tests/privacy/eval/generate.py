"""Generate the guard's evaluation set once: identifiers.jsonl (run by hand; the output is committed).

    python -m venv /tmp/fk && /tmp/fk/bin/pip install faker
    /tmp/fk/bin/python tests/privacy/eval/generate.py

Everything is synthetic. Names come from Faker's person providers for the naming traditions of
UK patients and staff (English, Irish, Polish, Romanian, Lithuanian, Yoruba, Igbo, Hausa, Twi,
Swahili, Zulu, Pakistani, Indian, Chinese) plus a few Welsh names written here, because Faker
has no Welsh locale. The shipped name lists come from other sources (US SSA and Census files),
so many of these names are ones the lists never saw; the benchmark reports that share.
Numbers are made valid where a real one would be (NHS/CHI check digits, NI prefixes, plate
age identifiers), phone numbers are in Ofcom's drama ranges. Each record is one short text
with every identifier in it marked: {"text": ..., "spans": [[kind, start, end], ...]}.
The templates put identifiers at the start, middle and end of sentences, after colons, in
brackets and quotes, in lower case, and around ordinary prose.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

from faker import Faker

OUT = Path(__file__).with_name("identifiers.jsonl")
SEED = 20261202
rng = random.Random(SEED)
Faker.seed(SEED)

LOCALES = ["en_GB", "en_IE", "ga_IE", "pl_PL", "ro_RO", "lt_LT", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "sw",
           "en_KE", "zu_ZA", "en_PK", "en_IN"]
FAKERS = {loc: Faker(loc) for loc in LOCALES}
CHINESE = Faker("zh_CN")
WELSH_GIVEN = ["Dafydd", "Ffion", "Gethin", "Iolo", "Lowri", "Meinir", "Rhodri", "Cadi", "Elis", "Heledd",
               "Gwenllian", "Tudur", "Eurig", "Nia", "Bedwyr", "Mererid", "Aneurin", "Carwyn"]
WELSH_SURNAME = ["Pritchard", "Llywelyn", "Bowen", "Parry", "Gruffydd", "Prosser", "Vaughan", "Meredith",
                 "Pugh", "Bevan", "Cadwaladr", "Tudor"]


def person() -> tuple[str, str]:
    choice = rng.random()
    if choice < 0.08:
        return rng.choice(WELSH_GIVEN), rng.choice(WELSH_SURNAME)
    if choice < 0.15:
        return CHINESE.first_romanized_name(), CHINESE.last_romanized_name()
    fake = FAKERS[rng.choice(LOCALES)]
    return fake.first_name(), fake.last_name()


def nhs_number(chi: bool = False) -> str:
    while True:
        if chi:
            day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
            first = f"{day:02d}{month:02d}{year:02d}" + "".join(rng.choice(string.digits) for _ in range(3))
        else:
            first = str(rng.choice([4, 6, 7])) + "".join(rng.choice(string.digits) for _ in range(8))
        total = sum(int(d) * w for d, w in zip(first, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return first + str(check)


def spaced(digits: str, style: str) -> str:
    if style == "space":
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    if style == "dash":
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def ni_number() -> str:
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    digits = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    suffix = rng.choice("ABCD")
    return f"{prefix} {' '.join(digits)} {suffix}" if rng.random() < 0.6 else prefix + "".join(digits) + suffix


PLATE_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"


def plate() -> str:
    age = rng.choice([*range(2, 26), *range(51, 76)])
    front = rng.choice(PLATE_LETTERS) + rng.choice(PLATE_LETTERS)
    back = "".join(rng.choice(PLATE_LETTERS) for _ in range(3))
    return f"{front}{age:02d} {back}" if rng.random() < 0.7 else f"{front}{age:02d}{back}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def day_month() -> str:
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    style = rng.randrange(6)
    return [f"{day} {month}", f"{ordinal(day)} {month}", f"{ordinal(day)} of {month}", f"{month} {ordinal(day)}",
            f"{rng.choice(WEEKDAYS)} {ordinal(day)}", f"{rng.choice(WEEKDAYS)} {day} {month}"][style]


def full_date() -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1935, 2024)
    style = rng.randrange(7)
    return [f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year % 100:02d}", f"{day}.{month}.{year}",
            f"{day} {MONTHS[month - 1]} {year}", f"{year}-{month:02d}-{day:02d}",
            f"{MONTHS[month - 1]} {day}, {year}", f"{day:02d}-{MONTHS[month - 1][:3]}-{year}"][style]


STREET_SUFFIXES = ["Street", "Road", "Avenue", "Lane", "Close", "Drive", "Crescent", "Way", "Place", "Court",
                   "Gardens", "Terrace", "Grove"]


def address() -> str:
    fake = FAKERS["en_GB"]
    street = f"{rng.choice([fake.last_name(), fake.first_name(), rng.choice(['Station', 'Church', 'Mill', 'Park', 'Victoria', 'Acacia', 'Oak', 'Elm'])])} {rng.choice(STREET_SUFFIXES)}"
    number = str(rng.randint(1, 240))
    line = f"{number} {street}" if rng.random() < 0.8 else f"Flat {rng.randint(1, 30)}, {number} {street}"
    return line + (f", {fake.city()}" if rng.random() < 0.5 else "")


def facility() -> str:
    fake = FAKERS["en_GB"]
    first, last = person()
    return rng.choice([
        f"{fake.city()} General Hospital", f"St {first}'s Hospital", f"{last} Medical Centre",
        f"{fake.city()} Royal Infirmary", f"{last} House Care Home", f"{fake.street_name().split()[0]} Surgery",
        f"{fake.city()} Community Hospital", f"{last} Hospice",
    ])


TREES = ["Rowan", "Willow", "Beech", "Cedar", "Hawthorn", "Juniper", "Larch", "Maple", "Aspen", "Holly"]


def ward() -> str:
    return rng.choice([f"Ward {rng.randint(1, 40)}{rng.choice(['', 'A', 'B', 'C'])}", f"{rng.choice(TREES)} Ward",
                       f"bay {rng.randint(1, 9)}", f"bed {rng.randint(1, 30)}", f"side room {rng.randint(1, 12)}",
                       f"ward {rng.randint(1, 40)}"])


def phone() -> str:
    return rng.choice([f"07700 900{rng.randint(0, 999):03d}", f"0161 496 0{rng.randint(0, 999):03d}",
                       f"(020) 7946 0{rng.randint(0, 999):03d}", f"+44 7700 900{rng.randint(0, 999):03d}",
                       f"0113 496 0{rng.randint(0, 999):03d}", f"07700900{rng.randint(0, 999):03d}"])


def value(kind: str) -> str:
    fake = FAKERS["en_GB"]
    if kind == "name":
        first, last = person()
        return rng.choice([first, f"{first} {last}", first])
    if kind == "titled_name":
        first, last = person()
        return rng.choice([f"Mr {last}", f"Mrs {last}", f"Dr {first} {last}", f"Ms {last}", f"Prof {last}"])
    if kind == "nhs_number":
        return spaced(nhs_number(), rng.choice(["space", "dash", "none"]))
    if kind == "chi_number":
        return nhs_number(chi=True)
    if kind == "record_number":
        return rng.choice([f"RX{rng.randint(1000000, 9999999)}", f"K{rng.randint(100000, 999999)}"])
    if kind == "postcode":
        return fake.postcode()
    if kind == "email":
        return fake.email()
    if kind == "url":
        return rng.choice([fake.url().rstrip("/"), f"www.{fake.domain_name()}/{fake.slug()}"])
    if kind == "ip_address":
        return fake.ipv4() if rng.random() < 0.7 else fake.ipv6()
    if kind == "date":
        return full_date()
    if kind == "day_month":
        return day_month()
    if kind == "age":
        n = rng.randint(2, 99)
        return rng.choice([f"aged {n}", f"{n}-year-old", f"{n} years old", f"age {n}"])
    return {"address": address, "facility": facility, "ward": ward, "ni_number": ni_number,
            "vehicle_registration": plate, "phone": phone, "handle": lambda: "@" + fake.user_name()}[kind]()


# "{x}" is where the identifier goes; "{X}" is the same, sentence-initial.
FRAMES = {
    "name": [
        "{X} shouted at the nurses again.", "The team said {x} had refused dialysis.", "Her son {x} phoned twice.",
        "We sat with {x} for an hour after the round.", "{X} on nights said she felt frightened.",
        "Later {x} told the HCA she wanted to go home.", "Thanks to {x} for presenting the case today.",
        "The patient kept asking for {x} by name.", "\u201c{X} is the only one who listens,\u201d he said.",
        "Her daughter ({x}) wants to be at the next meeting.", "Afterwards {x} cried in the staff room.",
        "He calls his wife {x} when he is calm.", "A nurse called {x} was the first to be shouted at.",
        "Discussed: {x}, who visits every evening.", "The physio, {x}, felt deskilled.",
    ],
    "lower_name": ["{x} said she would not come back.", "her son {x} was not coping.", "told by her daughter {x} that he drinks.",
                   "{x} shouted at the porter."],
    "family": ["The {x}s visited every evening.", "We met the {x}s after the review."],
    "default": [
        "{X} was on the referral letter.", "The letter quoted {x} in the header.", "Noted: {x}.",
        "Ref:{x} was typed in the subject line.", "It was written as ({x}) on the form.",
        "Someone wrote \u201c{x}\u201d on the whiteboard.", "Please remove {x} from the minutes.",
        "The family gave {x} at reception, then left.", "She mentioned {x} twice in the meeting.",
        "Her notes still say {x} after the transfer.",
    ],
}
KIND_FRAMES = {
    "address": ["Lives at {x}.", "Her last address was {x} according to the letter.", "He moved to {x} last year.",
                "Discharge address: {x}."],
    "facility": ["Seen at {x} last year.", "Transferred from {x} overnight.", "Her GP at {x} referred her.",
                 "{X} sent the letters."],
    "ward": ["Moved to {x} overnight.", "The patient in {x} shouted all night.", "She was in {x} for a week.",
             "Staff on {x} felt stretched."],
    "day_month": ["He was discharged on {x}.", "{X} was the worst night.", "The fall on {x} changed things.",
                  "Readmitted {x} with chest pain.", "Since {x} she has refused bloods."],
    "age": ["A man {x} with renal failure.", "She is a {x} teacher." , "The patient, {x}, lives alone."],
    "handle": ["She posts as {x} about the ward.", "Followers of {x} saw the video.", "He tagged {x} in every post."],
    "record_number": ["MRN {x} on the wristband.", "Hospital number {x} was on the letter.", "Unit no. {x} in the old notes.",
                      "Please pull the notes for {x} before clinic."],
    "ni_number": ["NI number {x} on the form.", "National Insurance {x} was quoted.", "Benefits letter quoted {x} in full."],
    "vehicle_registration": ["His car, {x}, was clamped.", "The van {x} was parked across the entrance.",
                             "Security logged the car {x} twice."],
    "titled_name": ["{X} shouted at the nurses again.", "The family asked for {x} by name.", "Copy to {x}, please."],
}
PER_KIND = {"name": 160, "titled_name": 40, "nhs_number": 50, "chi_number": 30, "record_number": 30,
            "postcode": 40, "phone": 40, "email": 30, "url": 30, "ip_address": 30, "date": 50, "day_month": 50,
            "age": 40, "address": 50, "facility": 50, "ward": 50, "ni_number": 40, "vehicle_registration": 40,
            "handle": 40}


def fill(frame: str, text: str, kind: str) -> dict:
    marker = "{X}" if "{X}" in frame else "{x}"
    start = frame.index(marker)
    body = frame.replace(marker, text, 1)
    end = start + len(text)
    return {"text": body, "spans": [[kind, start, end]]}


def records() -> list[dict]:
    out = []
    for kind, count in PER_KIND.items():
        for i in range(count):
            if kind == "name" and i % 8 == 6:
                out.append(fill(rng.choice(FRAMES["lower_name"]), value("name").split()[0].lower(), kind))
                continue
            if kind == "name" and i % 8 == 7:
                rec = fill(rng.choice(FRAMES["family"]), person()[1], kind)
                rec["spans"][0][2] += 1  # the plural "s" is part of the name
                out.append(rec)
                continue
            frames = KIND_FRAMES.get(kind) or (FRAMES["name"] if kind == "name" else FRAMES["default"])
            out.append(fill(rng.choice(frames), value(kind), kind))
    rng.shuffle(out)
    return out


if __name__ == "__main__":
    with OUT.open("w", encoding="utf-8") as f:
        for rec in records():
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")
