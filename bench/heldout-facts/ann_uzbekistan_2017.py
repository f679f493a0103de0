# Hand annotation of USDOS-CRHRP-2017-uzbekistan (Uzbekistan 2017 Human Rights Report, covers 2017).
ABOUT = ("Held-out gold: every number in the chosen passages of USDOS-CRHRP-2017-uzbekistan, annotated by hand "
         "from the text alone on 2026-12-03 by an annotator who never saw the fact extractor's code, "
         "docs, tests or output.")
METHOD = ("passages with at least one digit (regex \\d), in document order; "
          "random.Random(14).sample(those, 40), listed in document order")
doc("USDOS-CRHRP-2017-uzbekistan", 2017, 2017)

at("executive-summary/1")
D("4", ctx="December 4")
D("2016", ctx="4, 2016")
E("88 percent", 88, kind="percent", year=2016, subj="vote share won by Mirziyoyev", unit="votes",
  acc=["Mirziyoyev's share of the vote", "presidential election result"])
E("500", q="more than", year=2016, subj="international election observers", unit="observers",
  acc=["international observers"],
  note="at the December 2016 election; year from the passage context (earlier sentence), not this sentence")
D("2014", ctx="December 2014")

at("a-arbitrary-deprivation-of-life-and-other/3")
D("20", ctx="October 20")

at("b-disappearance/2")
D("2017")
E("seven", subj="outstanding enforced disappearance cases before the UN working group", unit="cases",
  acc=["outstanding disappearance cases", "cases from previous years"], note="from the working group's 2017 report")

at("c-torture-and-other-cruel-inhuman-or-degrading/2")
D("2010")
R("8", ctx="Article 8")
O("11", ctx="11-day", subj="length of the special rapporteur's visit", unit="days", note="duration")

at("prison-and-detention-center-conditions/11")
D("15", ctx="September 15")
D("19", ctx="and 19")
E("two", subj="correctional-educational facilities visited by UNICEF", unit="facilities")
D("2013")

at("arrest-procedures-and-treatment-of-detainees/3")
DL("48", n=1, subj="detention without formal charges", unit="hours", q="limited to")
DL("48", n=2, subj="additional detention a prosecutor can request", unit="hours", note="'an additional 48 hours'")

at("arrest-procedures-and-treatment-of-detainees/6")
D("27", ctx="September 27")
O("four", subj="time Abdullayev was held before family was notified", unit="days", note="duration")
D("13", ctx="November 13")
O("six", ctx="six weeks", subj="time Abdullayev was denied a lawyer", unit="weeks", note="duration")

at("political-prisoners-and-detainees/2")
D("15", ctx="October 15")
O("five", q="up to", subj="time the activists were detained", unit="hours", note="duration")
D("12", ctx="November 12")

at("political-prisoners-and-detainees/3")
D("27", ctx="September 27")
D("29", ctx="September 29")
D("2", ctx="October 2")

at("f-arbitrary-or-unlawful-interference-with/2")
R("18", ctx="Forum 18", note="NGO name (Forum 18)")

at("f-arbitrary-or-unlawful-interference-with/4")
E("12,000", q="an estimated", subj="mahalla committees used as informants", unit="committees",
  acc=["neighborhood (mahalla) committees", "mahallas"])

at("a-freedom-of-speech-and-press/6")
T("30 percent", 30, q="more than", subj="foreign ownership barring an entity from founding media", unit="percent of ownership")

at("a-freedom-of-speech-and-press/7")
O("24", ctx="24-hour", note="descriptive: '24-hour news channel'")

at("a-freedom-of-speech-and-press/8")
D("20", ctx="October 20")
D("2012-13", 2012, upper=2013, note="a span of years written 2012-13")
X("dozens", "vague quantity word")

at("a-freedom-of-speech-and-press/12")
D("5", ctx="July 5")
O("two", q="nearly", subj="length of the foreign minister's press conference", unit="hours", note="duration")

at("freedom-of-peaceful-assembly/1")
T("100", q="more than", subj="participants making an event a 'mass event' requiring a security agreement",
  unit="participants")

at("freedom-of-peaceful-assembly/2")
E("20", subj="Shia men detained in Bukhara", unit="men", acc=["Shia men detained", "persons detained"])
E("18", subj="Shia men released", unit="men", acc=["detainees released"])
O("15", q="within", subj="time before release of the Shia men", unit="days", note="duration")
E("two", subj="individuals charged with illegal public association", unit="individuals",
  acc=["persons charged"])
E("eight million soms", 8000000, kind="money", cur="UZS", subj="fine imposed on Kulizhanov and Azimov",
  unit="soms", acc=["fine", "fine for illegal public association"], converted_value=1000, converted_currency="USD",
  note="a fine imposed in a case (treated as an event amount)")
O("$1,000", 1000, note="currency conversion of 'eight million soms'")
D("24", ctx="October 24")
O("five", subj="prison sentence imposed on Kulizhanov", unit="years", note="sentence imposed in a case, not a legal penalty")

at("freedom-of-association/9")
D("2004")
DL("six", n=1, subj="interval for NGO reports on grants and events", unit="months", note="'every six months' (reporting interval)")
O("six", n=2, note="period covered by planned events ('the next six months')")

at("d-freedom-of-movement-internally-displaced/6")
DL("15", q="within", subj="time to decide on exit visas", unit="days")
PEN("five to 10", 5, upper=10, subj="imprisonment for violating exit or entry rules", unit="years")

at("protection-of-refugees/3")
E("18", subj="pending refugee cases", unit="cases", acc=["refugee cases processed by UNDP"])
E("27", subj="individuals in pending refugee cases", unit="individuals", acc=["refugees"])
D("2006")
E("five", subj="refugee cases processed during the year", unit="cases")
E("seven", subj="persons in refugee cases processed during the year", unit="persons")

at("elections-and-political-participation/1")
D("2016", ctx="September 2016")
D("4", ctx="December 4")
D("2016", ctx="4, 2016")
E("88 percent", 88, kind="percent", year=2016, subj="vote share won by Mirziyoyev", unit="votes",
  acc=["Mirziyoyev's share of the vote", "presidential election result"],
  note="year from the previous sentence (election of December 4, 2016)")
X("one", "idiom 'one of'", ctx="one of four")
E("four", year=2016, subj="candidates in the 2016 presidential election", unit="candidates",
  acc=["presidential candidates"], note="year from the passage context (the 2016 election)")
D("2016", ctx="For the 2016")
D("2016", ctx="the 2016 presidential election")

at("elections-and-political-participation/2")
D("2014")

at("elections-and-political-participation/4")
D("2016")
T("5 percent", 5, subj="former signature requirement for nominating petitions", unit="percent of voters",
  note="the earlier threshold, lowered to 1 percent")
T("1 percent", 1, subj="signature requirement for nominating petitions", unit="percent of voters",
  cmp=(5, None), note="lowered from 5 percent; the sentence gives no year for the earlier rule")

at("elections-and-political-participation/6")
D("2005")

at("governmental-attitude-regarding-international/5")
O("two", subj="length of the special rapporteur's visit", unit="weeks", note="duration")
D("2011")
R("19th", 19, note="ordinal in a conference name (19th regional Central Asia media conference)")

at("women/7")
R("2015", note="part of a URL")

at("children/4")
T("17", q="minimum", subj="minimum marriage age for women", unit="years")
T("18", q="minimum", subj="minimum marriage age for men", unit="years")
T("one", subj="reduction of the marriage age a district may allow", unit="years", note="'lower the age by one year'")
O("15", q="as young as", subj="age of girls married in religious ceremonies", unit="years", note="age of persons")

at("children/5")
PEN("25 to 50", 25, upper=50, subj="fine for involving a child in prostitution", unit="times the minimum monthly salary")
PEN("five", q="up to", subj="imprisonment for involving a child in prostitution", unit="years")

at("children/6")
T("16", q="minimum", subj="minimum age for consensual sex", unit="years")
PEN("15 to 20", 15, upper=20, subj="imprisonment for statutory rape", unit="years")
T("21", q="younger than", subj="age defining child pornography", unit="years")
PEN("three", q="up to", subj="imprisonment for child pornography", unit="years")

at("children/7")
E("20,000", q="almost", subj="children with disabilities in institutions", unit="children",
  acc=["institutionalized children with disabilities"])
E("60 percent", 60, kind="percent", q="an estimated", subj="institutionalized children with disabilities receiving no education",
  unit="children", acc=["children with disabilities without education"])

at("children/8")
D("1980", note="part of the name '1980 Hague Convention'")

at("anti-semitism/1")
E("eight", subj="registered Jewish congregations", unit="congregations", acc=["Jewish congregations"])
E("10,000", q="estimated", subj="Jewish population", unit="persons", acc=["Jewish community", "Jews"],
  note="'Observers estimated ... at'")

at("persons-with-disabilities/3")
E("2,500", q="approximately", subj="cases of fines for inaccessible buildings", unit="cases",
  acc=["accessibility fines", "fines for inaccessible buildings"])

at("persons-with-disabilities/5")
E("90 percent", 90, kind="percent", q="estimated", subj="persons with disabilities who were unemployed",
  unit="persons with disabilities", acc=["unemployment among persons with disabilities"])
E("17,000", year=2016, subj="jobs set aside for persons with disabilities", unit="jobs",
  acc=["reserved jobs for persons with disabilities"], note="the garbled sentence ties it to 'during 2016'")
D("2016")
E("4,000", q="more than", year=2016, subj="citizens with disabilities provided employment", unit="citizens",
  acc=["persons with disabilities employed"])

at("acts-of-violence-discrimination-and-other-abuses/3")
D("29", ctx="September 29")
E("five", subj="men detained for abusing a man believed to be gay", unit="men", acc=["men detained", "suspects detained"])

at("b-prohibition-of-forced-or-compulsory-labor/1")
E("four", q="at least", subj="local officials fined for forcing people to work", unit="officials",
  acc=["officials penalized for forced labor"])
D("2014"); D("2015")
E("60", year=2014, kind="percent", subj="cotton pickers who worked voluntarily", unit="cotton pickers",
  comparison_base=True, note="earlier figure of 'from 60 to 66 percent'")
E("66 percent", 66, kind="percent", year=2015, subj="cotton pickers who worked voluntarily", unit="cotton pickers",
  acc=["voluntary cotton pickers"], cmp=(60, 2014))
E("11", year=2014, kind="percent", subj="cotton pickers who worked involuntarily", unit="cotton pickers",
  comparison_base=True, note="earlier figure of 'from 11 to 14 percent'")
E("14 percent", 14, kind="percent", year=2015, subj="cotton pickers who worked involuntarily", unit="cotton pickers",
  acc=["forced cotton pickers", "involuntary cotton pickers"], cmp=(11, 2014))

at("b-prohibition-of-forced-or-compulsory-labor/2")
E("200 percent", 200, kind="percent", subj="increase in cotton prices", unit="percent",
  acc=["cotton price increase"], note="a relative change")

at("c-prohibition-of-child-labor-and-minimum-age-for/1")
T("16", n=1, q="minimum", subj="minimum working age", unit="years")
T("18", n=1, q="younger than", subj="age below which work must not interfere with studies", unit="years")
T("15", n=1, q="under", subj="age below which light work is not allowed", unit="years")
T("15", n=2, subj="age from which part-time light work is allowed", unit="years")
T("24", q="maximum", subj="weekly working hours for children when school is out", unit="hours")
T("12", subj="weekly working hours for children during school", unit="hours")
T("16 and 18", 16, upper=18, q="between", subj="age band for longer working hours", unit="years")
T("36", subj="weekly working hours for ages 16-18 when school is out", unit="hours")
T("18", ctx="18 hours", subj="weekly working hours for ages 16-18 during school", unit="hours")
T("18", ctx="age 18", q="younger than", subj="age below which hazardous work is forbidden", unit="years")

at("e-acceptable-conditions-of-work/1")
T("149,775 soms", 149775, cur="UZS", subj="national minimum monthly wage", unit="soms per month",
  note="a wage level set by the state; could also be read as an event amount")
O("$19", 19, note="currency conversion of '149,775 soms'")
D("2016"); D("2017")

at("e-acceptable-conditions-of-work/3")
T("2,100", q="fewer than", subj="calorie consumption defining the poverty level", unit="calories per day",
  note="official definition")
E("17 percent", 17, kind="percent", subj="population below the poverty level", unit="population",
  acc=["poverty rate", "people living in poverty"])
O("$2.50", 2.5, subj="daily income line used by international estimates", unit="USD per person per day",
  note="poverty line of international estimates")
M("four times", 4, subj="international poverty line relative to the minimum daily wage", unit="times")
T("$0.60", 0.6, cur="USD", subj="minimum daily wage", unit="USD per day", note="minimum wage expressed per day")
E("77 percent", 77, kind="percent", q="as high as", subj="population below the international poverty line",
  unit="population", acc=["poverty rate (international estimate)"])
