# Hand annotation of USDOS-CRHRP-2018-honduras (Honduras 2018 Human Rights Report, covers 2018).
ABOUT = ("Held-out gold: every number in the chosen passages of USDOS-CRHRP-2018-honduras, annotated by hand "
         "from the text alone on 2026-12-03 by an annotator who never saw the fact extractor's code, "
         "docs, tests or output.")
METHOD = ("passages with at least one digit (regex \\d), in document order; "
          "random.Random(14).sample(those, 40), listed in document order")
doc("USDOS-CRHRP-2018-honduras", 2018, 2018)

at("executive-summary/1")
D("2017", ctx="November 2017")
O("four", ctx="four-year", subj="presidential term", unit="years", note="length of a term of office")
D("2018", ctx="January 2018")

at("a-arbitrary-deprivation-of-life-and-other/2")
D("6", ctx="September 6")
R("2nd", 2, note="military rank (2nd Lieutenant), an ordinal")
R("5th", 5, note="unit name (5th Battalion), an ordinal")
D("2016")

at("a-arbitrary-deprivation-of-life-and-other/4")
D("2016")
D("2", ctx="March 2")
D("24", ctx="August 24")
O("three", ctx="three-judge", note="composition of a tribunal (three-judge)")
E("eight", n=1, subj="individuals accused of the Caceres murder", unit="individuals",
  acc=["defendants in the Caceres case", "accused"])
D("17", ctx="September 17")
O("three", ctx="three presiding", note="the three judges of the tribunal (composition)")
D("20", ctx="October 20")
D("29", ctx="November 29")
E("seven", subj="defendants convicted of the Caceres murder", unit="defendants",
  acc=["convictions for Caceres murder", "defendants convicted"])
O("eight", n=2, note="base of 'seven of the eight defendants' (the same eight as above)")

at("a-arbitrary-deprivation-of-life-and-other/6")
R("13", ctx="MS-13", note="gang name MS-13")
R("18th", 18, note="gang name (18th Street gang)")
E("82", subj="transportation sector workers killed", unit="individuals",
  acc=["transport workers killed", "killings of transportation workers"])
E("49", subj="taxi, bus and motorcycle taxi drivers killed", unit="drivers",
  acc=["taxi and bus drivers killed"])
E("33", subj="private company drivers killed", unit="drivers")

at("a-arbitrary-deprivation-of-life-and-other/7")
D("5", ctx="September 5")
E("39.6", 39.6, subj="national homicide rate January-August", unit="homicides per 100,000 inhabitants",
  acc=["homicide rate"], note="a rate per 100,000")
O("100,000", n=1, note="denominator of a rate")
E("40", q="approximately", subj="projected homicide rate for the year", unit="homicides per 100,000 inhabitants",
  acc=["homicide rate", "projected final homicide rate"], note="a projected rate per 100,000")
O("100,000", n=2, note="denominator of a rate")

at("b-disappearance/2")
O("nine", ctx="nine-year-old", note="age of a child")
O("72", q="within", subj="time to rescue an abducted child", unit="hours", note="duration, not a legal limit")
E("15", n=1, subj="kidnappings", unit="kidnappings", acc=["kidnappings reported by HNP"],
  note="through August; the sentence gives only the relative change (35 percent decrease) from 2017")
E("35 percent", 35, kind="percent", subj="decrease in kidnappings from the same period in 2017",
  unit="kidnappings", acc=["kidnapping decrease", "drop in kidnappings"],
  note="a relative change versus the same period of 2017")
D("2017")
E("11", subj="kidnap victims rescued", unit="victims", acc=["victims rescued by HNP"])
O("15", n=2, note="base of '11 of the 15 kidnap victims' (same 15 as above)")
E("one", ctx="one victim", subj="kidnap victims still captive", unit="victims")
E("two", ctx="two victims", subj="kidnap victims killed in captivity", unit="victims")
E("58.6 million lempiras", 58600000, kind="money", cur="HNL", q="more than",
  subj="ransom payments prevented", unit="lempiras", acc=["ransom prevented"],
  converted_value=2440000, converted_currency="USD", note="an HNP estimate")
O("$2.44 million", 2440000, note="currency conversion of '58.6 million lempiras'")

at("prison-and-detention-center-conditions/2")
D("20", ctx="September 20")
E("20,506", subj="prison population", unit="prisoners", acc=["total prison population", "inmates"])
E("27", subj="prisons", unit="prisons", acc=["number of prisons"])
E("10,600", q="approximately", subj="designed prison capacity", unit="inmates", acc=["prison capacity"])

at("prison-and-detention-center-conditions/3")
E("23", subj="inmates who died in prison", unit="inmates", acc=["deaths in prison", "prisoner deaths"])
E("16", subj="inmate deaths from natural causes", unit="inmates")
E("four", n=1, subj="inmate deaths from violence", unit="inmates")
E("two", subj="inmate deaths from accidents", unit="inmates")
E("one", subj="inmate deaths from suicide", unit="inmates")
E("25", subj="deaths in prison registered by CONAPREV", unit="deaths", acc=["prisoner deaths", "deaths in prison"])
E("four", n=2, subj="inmates who died from violence in prison (CONAPREV)", unit="inmates",
  acc=["inmate deaths from violence"])

at("prison-and-detention-center-conditions/7")
E("151", subj="prisoners treated for tuberculosis", unit="prisoners", acc=["tuberculosis cases among prisoners"])
E("one", q="at least", subj="medical professionals per prison clinic", unit="medical professionals",
  note="'every prison had a functioning health clinic with at least one medical professional'")

at("prison-and-detention-center-conditions/8")
E("39", subj="possible cases of torture or ill-treatment", unit="cases",
  acc=["alleged torture cases", "cases alleged by CONAPREV"])

at("role-of-the-police-and-security-apparatus/1")
O("21", subj="types of crimes ATIC may investigate", unit="types of crimes", note="legal scope, not an event")
E("4,500", q="approximately", subj="PMOP personnel", unit="personnel", acc=["military police personnel"])
E("eight", subj="PMOP battalions organized", unit="battalions", acc=["battalions"])
O("10", subj="planned PMOP battalions", unit="battalions", note="a planned number")
E("18", subj="departments where the PMOP was present", unit="departments",
  note="'present in all 18 departments' (all departments of the country)")

at("role-of-the-police-and-security-apparatus/3")
D("2017")
E("6,200", q="more than", year=2017, subj="armed forces members trained on human rights", unit="members",
  acc=["soldiers trained in human rights", "human rights training"])
E("5,800", q="more than", subj="armed forces members trained on human rights", unit="members",
  acc=["soldiers trained in human rights", "human rights training"], note="through June")

at("role-of-the-police-and-security-apparatus/5")
D("2016")
E("5,600", q="more than", subj="police officers referred for removal or suspension", unit="police officers",
  acc=["police officers purged", "officers removed or suspended"], note="cumulative since 2016, as of November")

at("arrest-procedures-and-treatment-of-detainees/1")
DL("24", n=1, q="within", subj="time to bring detainee before a judge", unit="hours")
DL("24", n=2, subj="time for prosecutor to decide on indictment", unit="hours", note="'24 additional hours'")
DL("24", n=3, subj="time for judge to decide on temporary detention", unit="hours", note="'24 more hours'")
DL("six", q="up to", subj="duration of a temporary detention order", unit="days")
O("22", subj="felonies requiring custody pending trial", unit="felonies", note="legal scope, not an event")

at("arrest-procedures-and-treatment-of-detainees/2")
E("49", subj="cases of illegal detention or arbitrary arrest", unit="cases",
  acc=["arbitrary arrests", "illegal detentions"])
E("16", subj="arbitrary arrests by the HNP", unit="cases", acc=["arbitrary arrest cases by police"])
E("two", subj="arbitrary arrests by the DPI", unit="cases")
E("six", subj="arbitrary arrests by the armed forces", unit="cases")

at("f-arbitrary-or-unlawful-interference-with/2")
R("6", ctx="section 6")

at("a-freedom-of-speech-and-press/3")
R("335-B", 335, note="Article 335-B")

at("a-freedom-of-speech-and-press/5")
O("six", subj="period covered (first six months of the year)", unit="months", note="period")
E("two", year=2017, subj="killings of journalists and social communicators", unit="killings",
  acc=["journalists killed"], comparison_base=True,
  note="earlier figure compared with 'no killings' in the first half of 2018")
D("2017")

at("a-freedom-of-speech-and-press/8")
E("19", subj="cases submitted to the Public Ministry by the task force", unit="cases",
  acc=["cases submitted by Violent Crimes Task Force"])
E("42", subj="persons arrested by the task force", unit="persons", acc=["arrests by Violent Crimes Task Force"])
E("six", subj="convictions obtained by the task force", unit="convictions", acc=["convictions"])

at("internet-freedom/1")
D("2017")
E("32 percent", 32, kind="percent", q="approximately", year=2017, subj="population using the internet",
  unit="population", acc=["internet users", "internet use"])

at("internally-displaced-persons-idps/1")
D("2017", n=1)
E("190,000", q="approximately", year=2017, subj="internally displaced persons", unit="IDPs",
  acc=["IDPs"], note="an estimate")
D("2017", n=2)
E("339", year=2017, subj="cases of forced displacement", unit="cases", acc=["forced displacement cases"])
E("349", year=2017, subj="cases of individuals at risk of forced displacement", unit="cases",
  acc=["individuals at risk of displacement"])
R("6", ctx="section 6")

at("elections-and-political-participation/1")
D("2017", ctx="December 2017")
D("26", ctx="November 26")

at("corruption-and-lack-of-transparency-in/2")
E("two", subj="members of congress accused of altering legislation", unit="members of congress",
  acc=["congress members in 'fe de erratas' case"])
E("five", subj="officials accused of diverting public funds", unit="officials",
  acc=["officials in 'Network of Congresspersons' case"])
E("38", subj="individuals accused in the Pandora case", unit="individuals", acc=["Pandora case defendants"])

at("corruption-and-lack-of-transparency-in/3")
D("22", ctx="February 22")
E("five", subj="high-profile cases presented by the CNA", unit="cases", acc=["CNA cases"])

at("women/2")
PEN("four", q="up to", subj="prison term for domestic violence", unit="years")
PEN("one to three", 1, upper=3, subj="community service for a first domestic violence offense", unit="months")
DL("24", q="up to", subj="preventive detention of abusers caught in the act", unit="hours")
PEN("three", ctx="three years in prison for disobeying", q="maximum", subj="prison term for disobeying a restraining order", unit="years")

at("children/2")
PEN("three", q="up to", subj="prison term for child abuse", unit="years")
E("119", subj="homicides of children", unit="children", acc=["children killed", "child homicides"],
  note="as of July 1")
D("1", ctx="July 1")

at("children/3")
T("18", n=1, q="minimum", subj="minimum legal age of marriage (with parental consent)", unit="years")
E("8 percent", 8, kind="percent", subj="children married before age 15", unit="children",
  acc=["child marriage before 15"])
O("15", note="age in the definition of the statistic (married before age 15)")
E("34 percent", 34, kind="percent", subj="children married before age 18", unit="children",
  acc=["child marriage before 18"])
O("18", n=2, note="age in the definition of the statistic (married before age 18)")

at("children/4")
T("18", n=1, subj="legal age of consent", unit="years")
T("12", q="younger than", subj="victim age for the heavier rape penalty", unit="years")
PEN("15 to 20", 15, upper=20, subj="prison term for rape of a minor under 12", unit="years")
PEN("nine to 13", 9, upper=13, subj="prison term for rape of a minor aged 13 or older", unit="years")
T("13", ctx="age 13", q="or older", subj="victim age for the lighter rape penalty", unit="years")
PEN("10 to 15", 10, upper=15, subj="prison term for facilitating child sex trafficking", unit="years")
PEN("one million to 2.5 million lempiras", 1000000, upper=2500000, cur="HNL",
    subj="fines for facilitating child sex trafficking", unit="lempiras")
O("$41,700 to $104,000", 41700, upper=104000, note="currency conversion of 'one million to 2.5 million lempiras'")
T("18", n=2, q="younger than", subj="age of children protected from sexual exhibitions and pornography",
  unit="years")

at("children/5")
E("15,000", subj="homeless street children", unit="children", q="estimated",
  acc=["children living on the streets", "street children"], note="'Casa Alianza estimated'")

at("children/6")
D("1980", note="part of the name '1980 Hague Convention'")

at("acts-of-violence-discrimination-and-other-abuses/1")
X("One", "indefinite 'One international NGO'", ctx="One international")
E("five", subj="PMOP members who allegedly assaulted and raped a gay man", unit="members",
  acc=["military police officers accused of rape"])
D("16", ctx="July 16")

at("a-freedom-of-association-and-the-right-to/1")
T("30", q="at least", subj="workers a recognized union must represent", unit="workers")
D("2016")

at("a-freedom-of-association-and-the-right-to/5")
D("2017")
PEN("300,000 lempiras", 300000, cur="HNL", subj="fine per freedom-of-association violation", unit="lempiras")
O("$12,500", 12500, note="currency conversion of '300,000 lempiras'")
PEN("six", ctx="six months of", subj="fine for unlawful dismissal of union leaders", unit="months of salary")
E("25.3 million lempiras", 25300000, kind="money", cur="HNL", q="more than", subj="labor fines administered by STSS",
  unit="lempiras", acc=["fines imposed", "STSS fines"], converted_value=1050000, converted_currency="USD",
  note="through August")
O("$1.05 million", 1050000, note="currency conversion of '25.3 million lempiras'")
E("6.1 million lempiras", 6100000, kind="money", cur="HNL", q="more than",
  subj="fines for freedom of association violations", unit="lempiras", acc=["freedom of association fines"],
  converted_value=254000, converted_currency="USD")
O("$254,000", 254000, note="currency conversion of '6.1 million lempiras'")
E("13.2 million lempiras", 13200000, kind="money", cur="HNL", q="more than",
  subj="fines for obstruction of labor inspectors", unit="lempiras", acc=["obstruction fines"],
  converted_value=550000, converted_currency="USD")
O("$550,000", 550000, note="currency conversion of '13.2 million lempiras'")
O("six", ctx="six months to", subj="duration of court reinstatement process (lower end)", unit="months",
  note="duration range 'from six months to more than five years'")
O("five", ctx="five years", q="more than", subj="duration of court reinstatement process (upper end)",
  unit="years", note="duration range 'from six months to more than five years'")

at("a-freedom-of-association-and-the-right-to/9")
O("three", subj="major union federations", unit="federations", note="descriptive ('the three major union federations')")
E("308", subj="hygiene and social security inspections", unit="inspections", acc=["STSS inspections"],
  note="through September")
E("5.68 million lempiras", 5680000, kind="money", cur="HNL", q="approximately",
  subj="fines levied after hygiene and social security inspections", unit="lempiras",
  acc=["fines levied by STSS"], converted_value=237000, converted_currency="USD")
O("$237,000", 237000, note="currency conversion of '5.68 million lempiras'")

at("b-prohibition-of-forced-or-compulsory-labor/1")
PEN("10 to 15", 10, upper=15, subj="prison term for forced labor", unit="years")

at("c-prohibition-of-child-labor-and-minimum-age-for/2")
T("20", q="more than", subj="school-age children employed requiring a school", unit="children")

at("d-discrimination-with-respect-to-employment-and/1")
PEN("five", q="up to", subj="prison term for discrimination", unit="years")
PEN("5,000 lempira", 5000, cur="HNL", subj="fine for requiring pregnancy tests", unit="lempiras")
O("$208", 208, note="currency conversion of '5,000 lempira'")

at("e-acceptable-conditions-of-work/2")
T("eight", ctx="eight-hour", q="maximum", subj="daily shift", unit="hours")
T("44", ctx="44-hour", subj="workweek", unit="hours")
T("one", ctx="one 24-hour", q="at least", subj="rest periods per six days of work", unit="rest periods")
T("24", ctx="24-hour", subj="length of the weekly rest period", unit="hours")
T("six", ctx="six days", subj="days of work per rest period", unit="days")
T("four", subj="maximum overtime per day", unit="hours")
T("12", q="maximum", subj="maximum workday", unit="hours")

at("e-acceptable-conditions-of-work/4")
D("2017")
PEN("25 percent", 25, q="up to", subj="fine as share of economic damage to workers", unit="percent of damage")
PEN("1,000 lempiras", 1000, cur="HNL", subj="fine for failing to pay minimum wage", unit="lempiras")
O("$42", 42, note="currency conversion of '1,000 lempiras'")
PEN("100,000 lempiras", 100000, cur="HNL", subj="fine for violating occupational safety rules", unit="lempiras")
O("$4,170", 4170, note="currency conversion of '100,000 lempiras'")
E("79.4 million lempiras", 79400000, kind="money", cur="HNL", q="approximately", subj="STSS budget",
  unit="lempiras", acc=["labor ministry budget"], converted_value=3310000, converted_currency="USD")
O("$3.31 million", 3310000, note="currency conversion of '79.4 million lempiras'")
E("1,435", subj="unannounced labor inspections", unit="inspections", acc=["unannounced inspections"])
E("169", subj="labor inspectors", unit="inspectors", acc=["STSS labor inspectors"])

at("e-acceptable-conditions-of-work/5")
E("226", subj="cases of company obstruction of labor inspectors", unit="cases",
  acc=["obstruction of labor inspectors"], note="through September")
