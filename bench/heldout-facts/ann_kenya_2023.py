# Hand annotation of USDOS-CRHRP-2023-kenya (Kenya 2023 Human Rights Report, covers 2023).
# 38 passages contain a digit, fewer than 40: all of them are annotated.
ABOUT = ("Held-out gold: every number in the chosen passages of USDOS-CRHRP-2023-kenya, annotated by hand "
         "from the text alone on 2026-12-03 by an annotator who never saw the fact extractor's code, "
         "docs, tests or output.")
METHOD = ("passages with at least one digit (regex \\d), in document order; "
          "random.Random(14).sample(those, 40), or all of them if fewer; listed in document order")
doc("USDOS-CRHRP-2023-kenya", 2023, 2023)

at("a-arbitrary-deprivation-of-life-and-other/1")
E("30", subj="persons killed by police during protests", unit="persons", q="at least",
  acc=["deaths from police action during protests", "protesters killed"])
E("24", subj="deaths during the protests", unit="deaths",
  acc=["protest deaths recorded by KNCHR", "persons killed during protests"])

at("a-arbitrary-deprivation-of-life-and-other/2")
E("111", subj="alleged extrajudicial killings", unit="cases",
  acc=["extrajudicial killings documented by IMLU", "cases of extrajudicial killings"])
E("99", subj="police stations implicated in extrajudicial killings", unit="police stations",
  acc=["police stations implicated"])
D("20", ctx="July 20")
O("three", subj="age of youngest victim", unit="years", note="age of a person")
X("one", "idiom 'one of'", ctx="one of Nairobi")

at("a-arbitrary-deprivation-of-life-and-other/4")
E("two", subj="travelers killed by al-Shabaab in Lamu County", unit="persons",
  acc=["persons killed in al-Shabaab attack", "travelers killed"])
E("10", subj="travelers injured by al-Shabaab in Lamu County", unit="persons",
  acc=["persons injured in al-Shabaab attack", "travelers injured"])

at("b-disappearance/2")
D("6", ctx="September 6")

at("c-torture-and-other-cruel-inhuman-or-degrading/1")
E("419", subj="alleged torture cases", unit="cases", acc=["cases of torture", "torture cases documented by IMLU"])

at("prison-and-detention-center-conditions/2")
E("60,000", subj="prison population", unit="prisoners", q="estimated",
  acc=["prisoners including pretrial detainees", "inmates"], note="'the government estimated ... at'")
E("34,000", subj="prison system capacity", unit="places", acc=["prison capacity"])

at("arrest-procedures-and-treatment-of-detainees/2")
DL("24", subj="time to arraign or release an arrested person", unit="hours", q="within")

at("arrest-procedures-and-treatment-of-detainees/7")
E("40 percent", 40, kind="percent", q="more than", subj="inmates who were pretrial detainees",
  unit="inmates", acc=["pretrial detainees share of inmates", "share of pretrial detainees"])
E("14", subj="average time in pretrial detention", unit="days",
  acc=["average pretrial detention"], note="an average duration claimed by the government")
RG("two to three", 2, upper=3, subj="time detainees spent in prison before trial", unit="years",
   acc=["pretrial detention length"], note="duration statistic given as a range")

at("g-property-seizure-and-restitution/1")
E("700", subj="persons left homeless by evictions of Ogiek", unit="persons", q="up to",
  acc=["persons made homeless", "Ogiek evicted"])
D("2022"); D("2017"); D("2009")
X("dozens", "vague quantity word")

at("internet-freedom/1")
D("2023")

at("freedom-of-peaceful-assembly/2")
E("157", subj="cases of government abuses during protests", unit="cases",
  acc=["government abuses recorded by KNCHR", "abuses during antigovernment protests"])

at("freedom-of-association/1")
R("5", ctx="section 5")

at("freedom-of-association/2")
R("7.a", ctx="section 7.a", value=7, note="section 7.a.")

at("d-freedom-of-movement-and-the-right-to-leave-the/2")
D("2017")

at("f-status-and-treatment-of-internally-displaced/1")
D("2023")
E("30,000", year=2022, subj="internally displaced persons", unit="IDPs",
  acc=["IDPs", "IDPs at the end of 2022"], note="an estimate ('estimated ... there were')")
D("2022", ctx="end of 2022")

at("g-stateless-persons/1")
D("2022")
E("15,500", year=2022, subj="registered stateless persons", unit="stateless persons",
  q="estimated", acc=["stateless persons", "stateless persons registered"])

at("g-stateless-persons/3")
T("18", subj="age to obtain national ID documents", unit="years", q="and older")
D("2018"); D("2019")
O("six", subj="time within which refugees could register births", unit="months",
  note="duration in practice, not a legal time limit")

at("elections-and-political-participation/1")
D("2022")

at("corruption-in-government/2")
D("2015"); D("2021")
E("21", subj="open corruption investigations of governors", unit="investigations",
  acc=["corruption investigations of regional governors", "investigations of governors"])

at("women/1")
PEN("20", subj="prison term for insulting modesty", unit="years", q="up to")

at("women/2")
T("18", subj="survivor age for life imprisonment for rape", unit="years", q="older than")
PEN("10", subj="minimum sentence for rape", unit="years", q="minimum")

at("women/13")
E("two", subj="hospitals that violated rights of women with HIV", unit="hospitals",
  acc=["hospitals ruled to have sterilized women without consent"])
E("three million shillings", 3000000, kind="money", cur="KES",
  subj="damages awarded to women sterilized without consent", unit="shillings",
  acc=["damages awarded", "court award"], converted_value=22000, converted_currency="USD")
O("$22,000", 22000, note="currency conversion of 'three million shillings'")

at("women/15")
E("81", subj="adolescent birth rate", unit="births per 1,000 girls aged 15-19",
  acc=["births per 1,000 girls", "adolescent births"], note="a rate per 1,000")
O("1,000", note="denominator of a rate")
O("15 and 19", 15, upper=19, note="age bracket")
R("FP2030", 2030, note="name of an initiative (FP2030 Track20)")
R("Track20", 20, note="name of a tool")

at("women/16")
E("89 percent", 89, kind="percent", q="an estimated", year=2022,
  subj="births attended by skilled personnel", unit="births",
  acc=["skilled birth attendance", "births attended by skilled health personnel"])
D("2022")

at("women/18")
E("355", year=2019, subj="maternal mortality rate", unit="deaths per 100,000 live births",
  acc=["maternal deaths per 100,000 live births"], note="a rate; year from 'the 2019 national census'")
O("100,000", n=1, note="denominator of a rate")
D("2019")
E("3,795", subj="maternal mortality rate in Mandera County", unit="deaths per 100,000 live births",
  acc=["maternal deaths per 100,000 live births in Mandera"], note="a rate")
O("100,000", n=2, note="denominator of a rate")

at("children/3")
T("11", n=1, subj="survivor age for life sentence for statutory rape", unit="years", q="younger than")
PEN("20", subj="minimum sentence for statutory rape of a child aged 11-15", unit="years", q="minimum")
T("11 and 15", 11, upper=15, subj="survivor age band for 20-year minimum sentence", unit="years",
  q="between")
PEN("10", subj="minimum sentence for statutory rape of a child aged 16 or 17", unit="years", q="minimum")
T("16 or 17", 16, upper=17, subj="survivor age for 10-year minimum sentence", unit="years")

at("children/6")
T("18", n=1, subj="minimum age for marriage", unit="years", q="minimum")
E("25 percent", 25, kind="percent", subj="girls married by age 18", unit="girls",
  acc=["child marriage", "girls married before 18"])
O("18", n=2, note="age in the definition of the statistic (married by age 18)")

at("children/7")
T("18", n=1, subj="age of a child for procurement offence", unit="years", q="younger than")
T("18", n=2, subj="age of a child for pornography offence", unit="years", q="up to")
T("18", n=3, subj="minimum age for consensual sex", unit="years", q="minimum")

at("acts-of-violence-criminalization-and-other/1")
PEN("14", subj="maximum penalty for same-sex conduct", unit="years", q="maximum")
PEN("seven", subj="penalty for attempting same-sex conduct", unit="years")
PEN("five", subj="penalty for gross indecency between men", unit="years")

at("acts-of-violence-criminalization-and-other/2")
D("2018")

at("acts-of-violence-criminalization-and-other/4")
E("60", subj="reports from LGBTQI+ persons at risk during protests", unit="reports", q="at least",
  acc=["reports received by KNCHR from LGBTQI+ persons"])
D("2022")

at("acts-of-violence-criminalization-and-other/9")
D("2022")
E("two", subj="complaints of harmful medical practices on intersex children", unit="complaints",
  acc=["complaints received by KNCHR"])

at("persons-with-disabilities/4")
D("2022")

at("e-acceptable-conditions-of-work/2")
T("52", subj="maximum normal workweek", unit="hours")
T("60", subj="maximum workweek for night workers", unit="hours")
T("one", subj="rest days per week", unit="days")
T("21", subj="minimum annual leave", unit="days", q="not less than")
T("seven", n=1, subj="sick leave with full pay", unit="days")
T("seven", n=2, subj="further sick leave with half pay", unit="days")
T("half", 50, subj="pay during further sick leave", unit="percent of pay", note="fraction word")
O("two", ctx="two-week", note="period over which hours are capped (two-week period)")
T("116", subj="maximum hours in a two-week period", unit="hours", q="not to exceed")
T("144", subj="maximum hours in a two-week period for night workers", unit="hours")

at("e-acceptable-conditions-of-work/5")
T("four", subj="members of the Factories Appeals Court", unit="members", note="composition set by law")
T("one", ctx="one of whom", subj="members who must be High Court judges", unit="members",
  note="composition set by law")
T("20", subj="workforce size requiring a health and safety committee", unit="persons", q="or more")

at("e-acceptable-conditions-of-work/9")
D("2020")

at("e-acceptable-conditions-of-work/10")
E("80 percent", 80, kind="percent", q="more than", subj="employees working in the informal sector",
  unit="employees", acc=["informal sector employment", "share of informal workers"])

at("e-acceptable-conditions-of-work/11")
E("60", subj="mean weekly working hours of informal workers", unit="hours",
  acc=["weekly hours of informal workers", "working hours"], note="an average")
