# Hand annotation of USDOS-CRHRP-2021-ghana (Ghana 2021 Human Rights Report, covers 2021).
ABOUT = ("Held-out gold: every number in the chosen passages of USDOS-CRHRP-2021-ghana, annotated by hand "
         "from the text alone on 2026-12-03 by an annotator who never saw the fact extractor's code, "
         "docs, tests or output.")
METHOD = ("passages with at least one digit (regex \\d), in document order; "
          "random.Random(14).sample(those, 40), listed in document order")
doc("USDOS-CRHRP-2021-ghana", 2021, 2021)
COV = dict(value=19, note="name of the disease (COVID-19)")

at("executive-summary/1")
O("275", ctx="275-seat", subj="seats in parliament", unit="seats", note="descriptive composition (275-seat parliament)")
D("2020", ctx="December 2020")
E("eight", q="as many as", year=2020, subj="deaths in election violence", unit="deaths",
  acc=["election-related deaths", "persons killed during 2020 elections"])

at("a-arbitrary-deprivation-of-life-and-other/2")
D("26", ctx="June 26")
D("28", ctx="June 28")
every("R", "2.b", value=2, note="section 2.b.")
D("29", ctx="June 29")
E("two", subj="protesters shot and killed by security forces in Ejura", unit="persons",
  acc=["persons killed by security forces", "protesters killed"])

at("a-arbitrary-deprivation-of-life-and-other/3")
D("2020")
E("eight", q="as many as", year=2020, subj="killings during the 2020 election period", unit="killings",
  acc=["election-related killings", "election deaths"])
E("two", n=1, q="at least", year=2020, subj="persons killed by the election security task force", unit="persons",
  acc=["killings by NESTF"])
E("two", n=2, q="at least", year=2020, subj="deaths from civilian election violence", unit="deaths")
R("3", ctx="section 3")

at("c-torture-and-other-cruel-inhuman-or-degrading/2")
E("one", ctx="one open", subj="open allegations of sexual exploitation by peacekeepers", unit="allegations")
D("2018")
E("12", year=2018, subj="peacekeepers alleged to have engaged in transactional sex", unit="peacekeepers",
  acc=["peacekeepers accused of sexual exploitation"])
E("six", year=2018, subj="adults involved in alleged transactional sex with peacekeepers", unit="adults")

at("prison-and-detention-center-conditions/4")
E("100", q="as many as", subj="prisoners sharing one toilet", unit="prisoners",
  acc=["prisoners per toilet"], note="a ratio (as many as 100 prisoners per toilet)")
O("one", ctx="one toilet", note="denominator of a ratio")

at("prison-and-detention-center-conditions/5")
R("COVID-19", **COV)

at("prison-and-detention-center-conditions/7")
R("COVID-19", **COV)

at("prison-and-detention-center-conditions/9")
E("1,589", subj="prisoners pardoned", unit="prisoners", acc=["pardoned prisoners", "presidential pardons"])
R("COVID-19", **COV)
E("1,555", subj="first-time offenders pardoned", unit="offenders", acc=["first-time offenders released"])
O("half", 50, subj="share of sentence served required for pardon", unit="percent of sentence",
  note="fraction word; eligibility criterion of the pardon")
E("15", subj="seriously ill prisoners pardoned", unit="prisoners")
E("19", ctx="19 elderly", subj="elderly prisoners pardoned", unit="prisoners")

at("arrest-procedures-and-treatment-of-detainees/4")
E("1,595", subj="prisoners in pretrial status", unit="prisoners", acc=["pretrial detainees", "remand prisoners"])
E("12 percent", 12, kind="percent", q="approximately", subj="prisoners in pretrial status", unit="prisoners",
  acc=["share of pretrial detainees"])
O("three", subj="rotation interval of police prosecutors", unit="years", note="'every three years'")

at("arrest-procedures-and-treatment-of-detainees/5")
O("10", q="up to", subj="time some prisoners spent in pretrial detention", unit="years", note="duration")
E("seven", subj="regions piloting the case tracking system", unit="regions")

at("trial-procedures/1")
T("18", q="younger than", subj="age of persons whose welfare allows closed hearings", unit="years")

at("a-freedom-of-expression-including-for-members-of/4")
D("11", ctx="May 11")

at("a-freedom-of-expression-including-for-members-of/5")
D("9", ctx="July 9")
E("642", subj="journalists and press freedom supporters who petitioned parliament", unit="journalists and supporters",
  acc=["petitioners", "journalists who signed a petition"])

at("a-freedom-of-expression-including-for-members-of/7")
D("5", ctx="May 5")

at("freedom-of-peaceful-assembly/1")
D("2020", ctx="December 2020 election")
DL("five", subj="notice required before demonstrations", unit="days")
D("20", ctx="December 20,")
D("2020", ctx="20, 2020")
D("10", ctx="January 10")

at("freedom-of-peaceful-assembly/3")
D("29", ctx="June 29")
R("1.a", 1, ctx="section 1.a", note="section 1.a.")
E("two", n=1, subj="protesters shot and killed in Ejura", unit="persons", acc=["protesters killed", "persons killed by military"])
E("four", q="at least", subj="protesters injured in Ejura", unit="persons", acc=["persons injured"])
E("two", n=2, subj="protesters killed in Ejura", unit="protesters", note="repeat mention of the same two")
O("three", ctx="three-member", note="composition of a committee (three-member)")
E("two", n=3, subj="protesters killed in Ejura", unit="protesters", note="repeat mention of the same two")

at("d-freedom-of-movement-and-the-right-to-leave-the/3")
D("14", ctx="December 14")
R("COVID-19", **COV)

at("elections-and-political-participation/2")
E("six", n=1, subj="residents who sued over election violence", unit="residents",
  acc=["plaintiffs", "injured residents who sued"])
E("$2.5 million", 2500000, kind="money", cur="USD", subj="compensation demanded for election violence",
  unit="dollars", acc=["compensation sought", "damages demanded"], note="amount demanded in a lawsuit")
D("2020")
E("six", n=2, subj="residents who claimed injuries at the collation center", unit="residents",
  note="repeat mention of the same six")
E("two", subj="members of parliament who petitioned CHRAJ", unit="members of parliament", acc=["NDC MPs"])

at("corruption-and-lack-of-transparency-in/2")
D("2020")

at("corruption-and-lack-of-transparency-in/4")
E("$355,000", 355000, kind="money", cur="USD", subj="unaccounted visa fees at the Washington consulate",
  unit="dollars", acc=["visa fees not accounted for"])
E("$3.16 million", 3160000, kind="money", cur="USD", q="more than", subj="funds misspent by the Free SHS Secretariat",
  unit="dollars", acc=["misspent funds"])
E("three", subj="official vehicles retained by a former minister", unit="vehicles")
E("$340 million", 340000000, kind="money", cur="USD", subj="financial mismanagement from corrupt practices",
  unit="dollars", acc=["financial mismanagement", "losses to corruption"])

at("corruption-and-lack-of-transparency-in/5")
D("31", ctx="August 31")
D("23", ctx="May 23")
D("3", ctx="June 3")
E("30 percent", 30, kind="percent", q="less than", subj="respondents optimistic about fighting corruption",
  unit="respondents", acc=["optimism on anticorruption"])
E("one-half", 50, kind="percent", q="approximately", subj="respondents confident in upholding rule of law",
  unit="respondents", note="fraction word")
E("53 percent", 53, kind="percent", subj="respondents saying financial resources not protected", unit="respondents")
E("62 percent", 62, kind="percent", subj="respondents doubting anticorruption efforts", unit="respondents")
D("2019")
E("59 percent", 59, kind="percent", year=2019, subj="respondents saying police corruption was rampant",
  unit="respondents", acc=["perceived police corruption"])

at("women/1")
PEN("five to 25", 5, upper=25, subj="prison term for rape", unit="years")
PEN("six", q="minimum", subj="imprisonment for indecent assault", unit="months")
PEN("two", q="up to", subj="imprisonment for domestic violence", unit="years")

at("women/5")
D("2020")
E("two", n=1, year=2020, subj="government-run domestic violence shelters", unit="shelters", acc=["shelters"])
D("21", ctx="June 21")
X("third", "ordinal ('a third shelter')")
X("One", "part of a name (One-Stop Center)", ctx="One-Stop")
E("two", n=2, subj="domestic violence courts at the One-Stop Center", unit="courts")

at("women/9")
O("18", q="younger than", note="age group in a description (girls younger than age 18)")
E("27.8 percent", 27.8, kind="percent", subj="FGM/C prevalence in the Upper East Region", unit="women and girls",
  acc=["FGM prevalence Upper East"])
E("3.8 percent", 3.8, kind="percent", subj="national FGM/C prevalence", unit="women and girls",
  acc=["FGM prevalence"])
D("2017"); D("2018")
M("three times", 3, subj="FGM/C among rural vs urban women", unit="times")
E("3.6 percent", 3.6, kind="percent", year=2018, subj="FGM/C among rural women", unit="women",
  note="from the 2017 to 2018 MICS")
E("1.2 percent", 1.2, kind="percent", year=2018, subj="FGM/C among urban women", unit="women",
  note="from the 2017 to 2018 MICS")

at("systemic-racial-or-ethnic-violence-and/2")
D("2020")
E("100", q="more than", year=2020, subj="shops of Nigerian nationals closed", unit="shops",
  acc=["Nigerian-owned shops closed"])
R("COVID-19", **COV)

at("children/3")
D("2020")
R("COVID-19", **COV)

at("children/4")
T("16", q="younger than", subj="age below which sex with a child is prohibited", unit="years")

at("children/5")
T("18", n=1, q="minimum", subj="minimum legal marriage age", unit="years")
E("34 percent", 34, kind="percent", subj="girls in northern regions married before 18", unit="girls",
  acc=["child marriage in northern regions"])
O("five", note="descriptive ('the five northern regions')")
O("18", n=2, note="age in the definition of the statistic (marrying before age 18)")

at("children/6")
D("2017-26", 2017, upper=2026, note="period of a strategy, written 2017-26")

at("children/10")
D("1980", note="part of the name '1980 Hague Convention'")

at("persons-with-disabilities/2")
E("14", subj="national schools for deaf and blind students", unit="schools", acc=["schools for the deaf and blind"])
E("one", subj="private schools for deaf and blind students", unit="schools")

at("acts-of-violence-criminalization-and-other/1")
R("1.d", 1, ctx="section 1.d", note="section 1.d")

at("a-freedom-of-association-and-the-right-to/2")
DL("72", q="within", subj="time to resolve labor disputes in essential services", unit="hours")

at("b-prohibition-of-forced-or-compulsory-labor/2")
R("7.c", 7, ctx="section 7.c", note="section 7.c.")

at("c-prohibition-of-child-labor-and-minimum-age-for/1")
T("15", n=1, q="minimum", subj="minimum employment age", unit="years")
T("13", subj="minimum age for light work", unit="years")
T("18", q="younger than", subj="age below which night and hazardous work is prohibited", unit="years")
T("15", n=2, q="and older", subj="age for apprenticeships", unit="years")

at("c-prohibition-of-child-labor-and-minimum-age-for/10")
E("one in every five", 20, kind="percent", subj="children aged 5-17 in hazardous work", unit="children",
  acc=["children in hazardous working conditions", "child labor"], note="'one in every five' read as 20 percent")
O("five and 17", 5, upper=17, note="age bracket (between ages five and 17)")

at("d-discrimination-with-respect-to-employment-and/1")
R("6", ctx="section 6")

at("d-discrimination-with-respect-to-employment-and/2")
R("COVID-19", **COV)

at("e-acceptable-conditions-of-work/2")
T("40", q="maximum", subj="maximum workweek", unit="hours")
T("48", q="at least", subj="weekly rest break", unit="consecutive hours")
T("seven", subj="days per rest break", unit="days", note="'every seven days'")
T("15", q="at least", subj="paid annual leave", unit="working days")
T("200", q="at least", subj="days worked to earn annual leave", unit="days")

at("e-acceptable-conditions-of-work/3")
E("10 percent", 10, kind="percent", q="approximately", subj="labor force employed in the formal sector",
  unit="workers", acc=["formal sector employment"])
