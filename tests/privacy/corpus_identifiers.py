"""Realistic sentences that each contain exactly one identifier.

Each case is (sentence, expected kind, expected text). The test scans the
sentence with WATCH_LIST configured and expects exactly that one finding, so a
case also fails when the rest of the sentence raises a false alarm.

NHS and CHI numbers below carry correct modulus-11 check digits (943 476 5919
is the NHS's own example number); phone numbers are from Ofcom's drama ranges.
"""

from __future__ import annotations

WATCH_LIST: tuple[str, ...] = (
    "Royal Infirmary",
    "St Mary's",
    "Ward 7B",
    "Riverside Surgery",
    "Okafor",
    "Castle Hill Hospital",
)

CASES: list[tuple[str, str, str]] = [
    # NHS numbers: 3-3-4 spaced, dashed, run together.
    ("NHS number 943 476 5919 was on the referral letter.", "nhs_number", "943 476 5919"),
    ("Her NHS no. is 943-476-5919, please check.", "nhs_number", "943-476-5919"),
    ("Referral for 9434765919 received by the team.", "nhs_number", "9434765919"),
    ("The letter quoted (401 023 2137) in the header.", "nhs_number", "401 023 2137"),
    ("Spine record 450-557-7104 updated.", "nhs_number", "450-557-7104"),
    ("NHS: 6123456784.", "nhs_number", "6123456784"),
    ("Records for 720 000 1236 were requested.", "nhs_number", "720 000 1236"),
    ("He gave his number as 7890123450 at reception.", "nhs_number", "7890123450"),
    # CHI numbers: start with a DDMMYY date of birth.
    ("CHI 0101901232 on the Scottish discharge summary.", "chi_number", "0101901232"),
    ("Her CHI number is 1503874567.", "chi_number", "1503874567"),
    ("Transferred from Glasgow with CHI 311299 0129 attached.", "chi_number", "311299 0129"),
    ("The CHI, 2902045670, was written on the drug chart.", "chi_number", "2902045670"),
    ("CHI number 070765 4327 appeared on the letter.", "chi_number", "070765 4327"),
    # Hospital / record numbers (default pattern: 1-2 letters + 6 or more digits).
    ("Hospital number RX1234567 was on the wristband.", "record_number", "RX1234567"),
    ("MRN K123456 from the old system.", "record_number", "K123456"),
    ("Please pull the notes for AB98765432 before clinic.", "record_number", "AB98765432"),
    ("Unit number: T0012345.", "record_number", "T0012345"),
    ("Case note ref (M7654321) was quoted in the complaint.", "record_number", "M7654321"),
    # Postcodes.
    ("She lives alone near M1 1AE in a first-floor flat.", "postcode", "M1 1AE"),
    ("Discharge address postcode SW1A 1AA on the form.", "postcode", "SW1A 1AA"),
    ("Typed as sw1a1aa in the free text.", "postcode", "sw1a1aa"),
    ("The hostel at EC1A 1BB has agreed to take him.", "postcode", "EC1A 1BB"),
    ("Post returned from W1A 0AX twice.", "postcode", "W1A 0AX"),
    ("Moved to B33 8TH last year.", "postcode", "B33 8TH"),
    ("Family live in CR2 6XH, about an hour away.", "postcode", "CR2 6XH"),
    ("Letters go to DN55 1PT.", "postcode", "DN55 1PT"),
    ("The address ended ls1 4ap in lower case.", "postcode", "ls1 4ap"),
    ("Postcode LS14AP without the space.", "postcode", "LS14AP"),
    ("Old test address GIR 0AA on the form.", "postcode", "GIR 0AA"),
    # Phone numbers.
    ("Her mobile is 07700 900123 if the ward needs her.", "phone", "07700 900123"),
    ("Call the daughter on 0161 496 0000 after 6pm.", "phone", "0161 496 0000"),
    ("Landline (020) 7946 0018 is out of date.", "phone", "(020) 7946 0018"),
    ("The care home number is 01632 960 001.", "phone", "01632 960 001"),
    ("Brother abroad uses +44 7700 900123 for messages.", "phone", "+44 7700 900123"),
    ("Office: +44 (0)20 7946 0018, weekdays only.", "phone", "+44 (0)20 7946 0018"),
    ("His son in New York is on +1 212 555 0100.", "phone", "+1 212 555 0100"),
    ("The Dublin clinic gave +353 1 234 5678 as contact.", "phone", "+353 1 234 5678"),
    ("Texts from 07700900123 were shown to staff.", "phone", "07700900123"),
    ("Ring 0113-496-0123 for the community team.", "phone", "0113-496-0123"),
    # Email addresses.
    ("She emailed jane.doe@example.com to complain.", "email", "jane.doe@example.com"),
    ("Copy to ward.manager@example.nhs.uk please.", "email", "ward.manager@example.nhs.uk"),
    ("Contact: j_smith+clinic@mail.example.org.", "email", "j_smith+clinic@mail.example.org"),
    (
        "His address (big.dave77@example.co.uk) was in the letter.",
        "email",
        "big.dave77@example.co.uk",
    ),
    # Web addresses.
    (
        "He posted about the ward on https://example.org/blog/ward-story.",
        "url",
        "https://example.org/blog/ward-story",
    ),
    (
        "See http://www.example.com/profile?id=12 for his page.",
        "url",
        "http://www.example.com/profile?id=12",
    ),
    ("Her fundraising page is www.example.org/help-her today.", "url", "www.example.org/help-her"),
    ("The practice page example.nhs.uk/path lists the doctors.", "url", "example.nhs.uk/path"),
    ("A video on example.co.uk went round the unit.", "url", "example.co.uk"),
    ("Family set up (www.example.net) for updates.", "url", "www.example.net"),
    # IP addresses.
    (
        "The threatening emails came from 192.168.10.24 according to IT.",
        "ip_address",
        "192.168.10.24",
    ),
    ("Logged in from 203.0.113.7 twice.", "ip_address", "203.0.113.7"),
    (
        "IPv6 2001:db8:85a3::8a2e:370:7334 was in the audit log.",
        "ip_address",
        "2001:db8:85a3::8a2e:370:7334",
    ),
    ("Device address fe80::1ff:fe23:4567:890a seen.", "ip_address", "fe80::1ff:fe23:4567:890a"),
    # Full dates.
    ("Date of birth 03/04/1987 on the old letter.", "date", "03/04/1987"),
    ("Admitted 3/4/87 after the fall.", "date", "3/4/87"),
    ("The incident on 3.4.87 was mentioned.", "date", "3.4.87"),
    ("DOB 03-04-1987 was copied across.", "date", "03-04-1987"),
    ("She was born on 3 April 1987 in the same town.", "date", "3 April 1987"),
    ("Seen 3rd Apr 87 in outpatients.", "date", "3rd Apr 87"),
    ("Discharged April 3rd 1987 against advice.", "date", "April 3rd 1987"),
    ("The scan was dated 1987-04-03 in the report.", "date", "1987-04-03"),
    ("Complaint dated 3rd of April, 1987 was reopened.", "date", "3rd of April, 1987"),
    ("Last seen April 3, 1987 by the team.", "date", "April 3, 1987"),
    ("Admission on 31.12.2019 followed a fall.", "date", "31.12.2019"),
    ("Born 29/02/2000, a leap day.", "date", "29/02/2000"),
    ("Letter dated 03-Apr-1987 in the scanned notes.", "date", "03-Apr-1987"),
    ("The overdose on 21 Sept 2021 was the first.", "date", "21 Sept 2021"),
    ("Transferred on 14 december 2022 late at night.", "date", "14 december 2022"),
    # Exact ages.
    ("A man aged 47 with end-stage renal failure.", "age", "aged 47"),
    ("Age 47, lives alone.", "age", "Age 47"),
    ("She is a 47-year-old teacher.", "age", "47-year-old"),
    ("A 47 year old man attended again.", "age", "47 year old"),
    ("He is 47 years old and works nights.", "age", "47 years old"),
    ("Seen in clinic: 47 yo, well.", "age", "47 yo"),
    ("Patient 47yo, fell at home.", "age", "47yo"),
    ("A 47 y/o woman with chest pain.", "age", "47 y/o"),
    ("At the age of 16 she left home.", "age", "age of 16"),
    ("Mother 82 years of age, also unwell.", "age", "82 years of age"),
    ("Baby aged 3 months on the ward.", "age", "aged 3 months"),
    # Titled names.
    ("Mr Smith shouted at the nurses again.", "titled_name", "Mr Smith"),
    ("The family asked for Dr. Anna Kowalski by name.", "titled_name", "Dr. Anna Kowalski"),
    ("Prof O'Neill reviewed him on the ward round.", "titled_name", "Prof O'Neill"),
    ("Mrs Smith-Jones refused her insulin.", "titled_name", "Mrs Smith-Jones"),
    ("She only trusts Miss Patel in the clinic.", "titled_name", "Miss Patel"),
    ("Mx Taylor attended with a friend.", "titled_name", "Mx Taylor"),
    ("He asked for Ms Nowak again.", "titled_name", "Ms Nowak"),
    ("Dr J. Smith wrote the letter.", "titled_name", "Dr J. Smith"),
    ("Dr van der Berg was the surgeon.", "titled_name", "Dr van der Berg"),
    ("The daughter complained about Dr Ahmed's manner.", "titled_name", "Dr Ahmed"),
    ("Professor Łukasz Nowicki saw her in clinic.", "titled_name", "Professor Łukasz Nowicki"),
    # Watch-list terms.
    ("Transferred from the Royal Infirmary overnight.", "watch_list", "Royal Infirmary"),
    ("She had her first baby at St Mary's.", "watch_list", "St Mary's"),
    ("He was moved to ward 7b after the incident.", "watch_list", "ward 7b"),
    ("The GP at Riverside Surgery referred him.", "watch_list", "Riverside Surgery"),
    ("The complaint named nurse Okafor.", "watch_list", "Okafor"),
    ("Previously under the team at CASTLE HILL HOSPITAL.", "watch_list", "CASTLE HILL HOSPITAL"),
    # Names without a title (issue 12): given names alone, with a surname, in context, in lower case.
    ("Her daughter Emily Watson phoned.", "name", "Emily Watson"),
    ("sarah said she would not come back.", "name", "sarah"),
    ("The Kowalskis visited every evening.", "name", "Kowalskis"),
    ("Kelly on nights said it was the worst shift.", "name", "Kelly"),
    ("We heard that her son jamie was not coping.", "name", "jamie"),
    ("Grace said she felt ignored by the team.", "name", "Grace"),
    ("Everyone liked Siobhan from the start.", "name", "Siobhan"),
    ("Afterwards Oluwaseun Adeyemi apologised to the nurses.", "name", "Oluwaseun Adeyemi"),
    # Named hospitals, practices and care homes.
    ("Seen at St Thomas' Hospital last year.", "facility", "St Thomas' Hospital"),
    ("Transferred from Leeds General Infirmary overnight.", "facility", "Leeds General Infirmary"),
    ("Her GP at Parkview Medical Centre referred her.", "facility", "Parkview Medical Centre"),
    ("He moved to Oakwood Care Home in the autumn.", "facility", "Oakwood Care Home"),
    # Wards, bays, beds and side rooms.
    ("Moved to Ward 23B overnight.", "ward", "Ward 23B"),
    ("The patient in bay 3 shouted all night.", "ward", "bay 3"),
    ("She was in side room 4 for a week.", "ward", "side room 4"),
    ("Rowan Ward has had a hard month.", "ward", "Rowan Ward"),
    # Street addresses, with the town when it follows.
    ("Lives at 12 Acacia Avenue, Leeds.", "address", "12 Acacia Avenue, Leeds"),
    ("Her last address was Flat 4, 27 Station Road in the letter.", "address", "Flat 4, 27 Station Road"),
    ("He lives on Acacia Avenue with his mother.", "address", "Acacia Avenue"),
    ("Letters went to 3 Mill Lane for years.", "address", "3 Mill Lane"),
    # National Insurance numbers.
    ("NI number QQ 12 34 56 C on the form.", "ni_number", "QQ 12 34 56 C"),
    ("National Insurance AB123456C was quoted.", "ni_number", "AB123456C"),
    ("Her NI no. is JG 10 37 56 A according to DWP.", "ni_number", "JG 10 37 56 A"),
    ("Benefits letter quoted PK901234D in full.", "ni_number", "PK901234D"),
    # Vehicle registrations.
    ("His car, AB12 CDE, was clamped.", "vehicle_registration", "AB12 CDE"),
    ("The van YK71 ABC was parked across the entrance.", "vehicle_registration", "YK71 ABC"),
    ("Security logged the car BD51 SMR twice.", "vehicle_registration", "BD51 SMR"),
    ("Parking fines for LB07SEY were mentioned.", "vehicle_registration", "LB07SEY"),
    # Social-media handles.
    ("She posts as @sarah_j about the ward.", "handle", "@sarah_j"),
    ("Followers of @JamieK1990 saw the video.", "handle", "@JamieK1990"),
    ("The account @the.real.dee shared it.", "handle", "@the.real.dee"),
    ("He tagged @ward_watch99 in every post.", "handle", "@ward_watch99"),
    # Dates of events without a year.
    ("He was discharged on 4 March after the review.", "day_month", "4 March"),
    ("Sunday 23rd was the worst night.", "day_month", "Sunday 23rd"),
    ("The fall on the 4th of May changed things.", "day_month", "4th of May"),
    ("Readmitted March 14th with chest pain.", "day_month", "March 14th"),
    # Record numbers announced by a context word, and a date of birth written as digits.
    ("MRN 12345678 on the wristband.", "record_number", "12345678"),
    ("Her hospital number: 5512398 was on the letter.", "record_number", "5512398"),
    ("Unit no. 0043 2187 in the old notes.", "record_number", "0043 2187"),
    ("Ref:396 401 7574 was typed in the subject line.", "nhs_number", "396 401 7574"),
    ("DOB 300636 on the old form.", "date", "300636"),
    ("Letter says b. 30/6/36 beside the name.", "date", "30/6/36"),
]
