# Hand annotation of USDOS-CRHRP-2020-sri-lanka (Sri Lanka 2020 Human Rights Report, covers 2020).
ABOUT = ("Held-out gold: every number in the chosen passages of USDOS-CRHRP-2020-sri-lanka, annotated by hand "
         "from the text alone on 2026-12-03 by an annotator who never saw the fact extractor's code, "
         "docs, tests or output.")
METHOD = ("passages with at least one digit (regex \\d), in document order; "
          "random.Random(14).sample(those, 40), listed in document order")
doc("USDOS-CRHRP-2020-sri-lanka", 2020, 2020)
COV = dict(value=19, note="name of the disease (COVID-19)")

at("executive-summary/2")
D("20", ctx="November 20")
E("11,000", q="nearly", subj="members of the paramilitary Special Task Force", unit="members",
  acc=["Special Task Force size", "STF personnel"], note="written '11,000-member'")

at("executive-summary/4")
D("2019", ctx="April 2019")
E("250", q="more than", year=2019, subj="persons killed in the April 2019 suicide bomb attacks", unit="persons",
  acc=["Easter Sunday attack deaths", "persons killed in bombings"])
D("2019", ctx="August 2019")
X("dozens", "vague quantity word")

at("a-arbitrary-deprivation-of-life-and-other/3")
D("29", ctx="November 29")
E("11", subj="prisoners killed by guards at Mahara prison", unit="prisoners",
  acc=["prisoners killed in Mahara riot", "inmates killed"])
E("100", q="more than", subj="prisoners injured at Mahara prison", unit="prisoners",
  acc=["prisoners injured in Mahara riot", "inmates injured"])
every("R", "COVID-19", **COV)
E("2,000", q="more than", subj="inmates held at Mahara prison", unit="inmates", acc=["Mahara prison population"])
E("1,000", subj="official capacity of Mahara prison", unit="inmates", acc=["Mahara prison capacity"])
E("half", 50, kind="percent", q="nearly", subj="Mahara prisoners who were COVID-19 positive", unit="prisoners",
  acc=["COVID-19 positive prisoners"], note="fraction word ('nearly half')")
E("eight", subj="Mahara victims autopsied", unit="victims", acc=["autopsies conducted"])
E("three", n=1, subj="Mahara victims whose autopsies were pending", unit="victims", acc=["pending autopsies"])
D("17", ctx="November 17")
E("one", ctx="one prisoner", subj="prisoners killed at Bogambara prison", unit="prisoners")
D("21", ctx="March 21")
E("two", subj="prisoners killed at Anuradhapura prison", unit="prisoners")
E("three", n=2, subj="prison shooting incidents investigated", unit="incidents",
  note="'all three incidents' (the three incidents described)")

at("a-arbitrary-deprivation-of-life-and-other/6")
D("15", ctx="July 15")
E("eight", year=2012, subj="inmates killed in the 2012 Welikada Prison riots", unit="inmates",
  acc=["Welikada prison killings"])
D("2012")

at("b-disappearance/2")
E("600", q="more than", subj="Certificates of Absence issued", unit="certificates",
  acc=["certificates of absence provided by OMP"], note="cumulative; no year other than the reporting year")
R("COVID-19", **COV)
D("11", ctx="December 11")
E("24", subj="districts with published lists of the missing", unit="districts")
E("9,391", subj="cases of missing or disappeared persons in OMP lists", unit="cases",
  acc=["missing persons cases", "disappearance cases"])

at("b-disappearance/6")
D("24", ctx="February 24")
E("11", year=2008, subj="youths abducted and disappeared from Colombo", unit="youths",
  acc=["youths disappeared", "abducted youths"], note="'in 2008 and 2009': year of the first")
D("2008"); D("2009")
D("24", ctx="June 24")

at("c-torture-and-other-cruel-inhuman-or-degrading/3")
E("260", subj="complaints of physical and mental torture", unit="complaints",
  acc=["torture complaints", "complaints documented by HRCSL"], note="January to August")
E("37", subj="torture complaints from prisoners", unit="complaints", acc=["complaints from prisoners"])

at("c-torture-and-other-cruel-inhuman-or-degrading/6")
D("26", ctx="March 26")
O("13", ctx="13-year", subj="length of Ratnayake's trial", unit="years", note="duration (13-year-long trial)")
D("2015")
D("2000", ctx="2000 killings")
E("eight", year=2000, subj="Tamil IDPs killed in 2000", unit="IDPs", acc=["Tamil IDPs killed", "Mirusuvil killings"])
O("five", ctx="five-year-old", note="age of a child")
E("two", year=2000, subj="teenagers among the IDPs killed", unit="teenagers")
D("2019")
D("24", ctx="September 24")
D("8", ctx="February 8")
D("2021")

at("prison-and-detention-center-conditions/2")
D("3", ctx="December 3")
E("173 percent", 173, kind="percent", subj="prison overcrowding", unit="percent of capacity",
  acc=["overcrowding of prisons", "prison occupancy"])
E("300 percent", 300, kind="percent", subj="overcrowding of Colombo Welikada Prison", unit="percent of capacity",
  acc=["Welikada prison overcrowding"])

at("prison-and-detention-center-conditions/3")
every("R", "COVID-19", **COV)
E("14", subj="prisoners killed by security forces during COVID-19 protests", unit="prisoners",
  acc=["prisoners killed", "inmates killed in prison protests"], note="since March")
E("three", subj="incidents of prisoner protests with killings", unit="incidents")
D("29", ctx="November 29")
E("11", q="at least", subj="prisoners killed by guards at Mahara prison", unit="prisoners",
  acc=["prisoners killed in Mahara riot"])
E("100", q="more than", subj="prisoners injured at Mahara prison", unit="prisoners",
  acc=["prisoners injured in Mahara riot"])
E("2,750", subj="inmates held at Mahara prison", unit="inmates", acc=["Mahara prison population"])
E("1,000", subj="official capacity of Mahara prison", unit="inmates", acc=["Mahara prison capacity"])
E("half", 50, kind="percent", q="at least", subj="Mahara prisoners who tested positive for COVID-19",
  unit="prisoners", acc=["COVID-19 positive prisoners"], note="fraction word ('at least half')")
D("17", ctx="November 17")
E("one", ctx="one prisoner", subj="prisoners killed at Bogambara prison", unit="prisoners")
D("21", ctx="March 21")
E("two", subj="prisoners killed at Anuradhapura prison", unit="prisoners")

at("prison-and-detention-center-conditions/4")
R("COVID-19", **COV)
O("70", q="older than", subj="age of prisoners recommended for release", unit="years",
  note="criterion in an HRCSL recommendation, not a law")
E("512", subj="prisoners pardoned", unit="prisoners", acc=["pardoned prisoners"])
E("3,405", subj="prisoners released on bail", unit="prisoners", acc=["prisoners released"])

at("arrest-procedures-and-treatment-of-detainees/4")
E("2,299", year=2019, subj="individuals arrested after the Easter Sunday attacks", unit="individuals",
  acc=["arrests after Easter attacks", "persons arrested under PTA"],
  note="arrests 'in the aftermath of the April 2019 attacks'; year of the attacks")
D("2019")
E("135", subj="Easter attack suspects remaining in custody", unit="suspects",
  acc=["suspects in custody without charge"])

at("arrest-procedures-and-treatment-of-detainees/5")
E("17", subj="complaints of unlawful arrest or detention", unit="complaints",
  acc=["unlawful arrest complaints"])
E("22", q="at least", subj="PTA arrests unrelated to the Easter attacks", unit="arrests",
  acc=["arrests under the PTA"])
D("2019")
D("1", ctx="April 1")
R("COVID-19", **COV)
E("20", q="at least", subj="arrests for publishing or sharing misinformation", unit="arrests",
  acc=["misinformation arrests"])

at("arrest-procedures-and-treatment-of-detainees/8")
E("one-half", 50, kind="percent", q="approximately", subj="pretrial detainees in the detainee population",
  unit="detainees", acc=["share of pretrial detainees"], note="fraction word")
E("24", n=1, subj="average length of pretrial detention", unit="hours",
  acc=["average pretrial detention"], note="an average duration")
O("24", n=2, note="condition 'pretrial detention exceeded 24 hours'")

at("a-freedom-of-expression-including-for-the-press/3")
D("28", ctx="September 28")

at("a-freedom-of-expression-including-for-the-press/4")
D("29", ctx="July 29")
D("2019", n=1)
O("33", ctx="33-year-old", note="age of a person")
D("2019", ctx="August 2019")
O("four", subj="time Sathkumara was remanded", unit="months", note="duration")
D("22", ctx="September 22")
D("2021")

at("a-freedom-of-expression-including-for-the-press/5")
D("9", ctx="April 9")
O("50", ctx="50-year-old", note="age of a person")
D("2", ctx="April 2")
R("COVID-19", **COV)
D("17", ctx="September 17")

at("a-freedom-of-expression-including-for-the-press/7")
D("13", ctx="July 13")
E("five", subj="UN special rapporteurs who wrote about Bastians", unit="special rapporteurs")

at("a-freedom-of-expression-including-for-the-press/8")
D("1", ctx="April 1")
R("COVID-19", **COV)

at("a-freedom-of-expression-including-for-the-press/11")
D("15", ctx="July 15")
D("10", ctx="July 10")

at("academic-freedom-and-cultural-events/2")
D("16", ctx="July 16")
D("2019", n=1)
D("2019", ctx="August 2019")
D("1996")
E("24", year=1996, subj="Tamil youths who disappeared in military custody", unit="youths",
  acc=["disappeared Tamil youths", "Navatkuli disappearances"], note="year of the 1996 case")

at("freedom-of-peaceful-assembly/2")
every("R", "COVID-19", **COV)

at("freedom-of-peaceful-assembly/5")
D("18", ctx="May 18")

at("freedom-of-peaceful-assembly/7")
every("D", "27", value=27)
R("COVID-19", **COV)
D("26", ctx="November 26")
E("23", q="at least", subj="persons arrested for sharing LTTE content", unit="persons",
  acc=["arrests for glorifying the LTTE", "persons arrested"])
D("28", ctx="November 28")

at("freedom-of-peaceful-assembly/8")
D("9", ctx="June 9")
E("50", q="more than", subj="protesters arrested in Colombo", unit="protesters", acc=["protesters arrested"])
X("one", "indefinite 'one video'", ctx="one video")
D("10", ctx="June 10")
R("COVID-19", **COV)

at("f-protection-of-refugees/3")
D("2005")
X("third", "ordinal (third countries)", n=1)
X("third", "ordinal (third-country)", n=2)

at("elections-and-political-participation/5")
E("5 percent", 5, kind="percent", subj="elected legislators who were women", unit="legislators",
  acc=["women in parliament", "female legislators"])

at("governmental-attitude-regarding-international/4")
D("28", ctx="June 28")
R("30/1", 30, note="UNHRC Resolution 30/1")
D("2018")

at("governmental-attitude-regarding-international/7")
D("2018")

at("children/7")
T("16", q="minimum", subj="minimum age for consensual sex", unit="years")

at("children/9")
D("1980", note="part of the name '1980 Hague Convention'")

at("members-of-national-racial-ethnic-minority/3")
D("19", ctx="May 19")
every("R", "COVID-19", **COV)

at("a-freedom-of-association-and-the-right-to/4")
PEN("100,000 rupees", 100000, cur="LKR", subj="fine for antiunion discrimination", unit="rupees")
O("$578", 578, note="currency conversion of '100,000 rupees'")

at("a-freedom-of-association-and-the-right-to/5")
D("1999"); D("2019")
E("14", year=2019, subj="unfair labor practice cases filed by the Labor Ministry", unit="cases",
  acc=["ULP cases filed", "cases against companies"], note="cumulative 1999 to 2019")

at("a-freedom-of-association-and-the-right-to/7")
R("COVID-19", **COV)
PEN("two to five", 2, upper=5, subj="rigorous imprisonment for port employees not attending work", unit="years")
PEN("2,000 and 5,000 rupees", 2000, upper=5000, cur="LKR", q="between",
    subj="fine for port employees not attending work", unit="rupees")
O("$11 and $25", 11, upper=25, note="currency conversion of '2,000 and 5,000 rupees'")

at("a-freedom-of-association-and-the-right-to/10")
E("Seven", subj="unions representing EPZ employees that made proposals", unit="unions", acc=["EPZ unions"])
E("20", subj="civil society organizations supporting the unions' proposals", unit="organizations")
E("5,000 rupee", 5000, kind="money", cur="LKR", subj="COVID-19 subsidy for EPZ employees", unit="rupees",
  acc=["COVID-19 subsidy"], converted_value=26.5, converted_currency="USD", note="amount per employee")
O("$26.50", 26.5, note="currency conversion of '5,000 rupee'")
every("R", "COVID-19", **COV)

at("b-prohibition-of-forced-or-compulsory-labor/2")
O("14 and 18", 14, upper=18, note="age bracket (children between the ages of 14 and 18)")
R("7.c", 7, ctx="section 7.c", note="section 7.c.")

at("b-prohibition-of-forced-or-compulsory-labor/3")
E("75 percent", 75, kind="percent", q="more than", subj="share of tea workers' daily earnings deducted",
  unit="percent of daily earnings", acc=["deductions from tea workers' earnings"])
E("Three", subj="international organizations reporting forced labor on tea estates", unit="organizations")
E("nine", q="at least", subj="tea estates with forced labor", unit="tea estates",
  acc=["tea estates using forced labor"])

at("d-discrimination-with-respect-to-employment-and/3")
T("12", subj="maternity leave paid by employers", unit="weeks")
O("40", note="age in the definition of a statistic (women below the age of 40)")
O("25 and 39", 25, upper=39, note="age bracket")
M("3.8 times", 3.8, subj="relative likelihood of unemployment, women vs men aged 25-39", unit="times",
  note="'3.8 times more likely'")
E("55 percent", 55, kind="percent", q="an estimated", subj="public sector employees who were men",
  unit="employees", acc=["men in public sector employment"])
E("45 percent", 45, kind="percent", subj="public sector employees who were women", unit="employees",
  acc=["women in public sector employment"])
E("70 percent", 70, kind="percent", subj="private sector employees who were men", unit="employees",
  acc=["men employed outside the public sector"])
E("30 percent", 30, kind="percent", subj="private sector employees who were women", unit="employees",
  acc=["women employed outside the public sector"])

at("e-acceptable-conditions-of-work/7")
D("20", ctx="March 20")
every("R", "COVID-19", **COV)
O("one", ctx="one month", subj="time before companies resumed work", unit="months", note="duration")
