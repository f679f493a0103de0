# Hand annotation of USDOS-CRHRP-2024-georgia (Georgia 2024 Human Rights Report, covers 2024).
# 31 passages contain a digit, fewer than 40: all of them are annotated.
ABOUT = ("Held-out gold: every number in the chosen passages of USDOS-CRHRP-2024-georgia, annotated by hand "
         "from the text alone on 2026-12-03 by an annotator who never saw the fact extractor's code, "
         "docs, tests or output.")
METHOD = ("passages with at least one digit (regex \\d), in document order; "
          "random.Random(14).sample(those, 40), or all of them if fewer; listed in document order")
doc("USDOS-CRHRP-2024-georgia", 2024, 2024)

at("executive-summary/5")
R("1", note="'Section 1.' heading line")

at("a-extrajudicial-killings/2")
D("2023", ctx="December 2023")
O("43", note="age of a person")
E("three", n=1, subj="security personnel arrested and prosecuted for murder of Karbaia", unit="security personnel",
  acc=["de facto security personnel prosecuted", "persons arrested for Karbaia's death"])
E("three", n=2, subj="security personnel found not guilty of murder", unit="men",
  acc=["men convicted of indifference"], note="same three persons mentioned again")
E("50,000 Russian rubles", 50000, kind="money", cur="RUB", subj="fine ordered for the security personnel",
  unit="rubles", acc=["fine", "fine imposed for Karbaia's death"], converted_value=564, converted_currency="USD",
  note="a fine imposed in a case (treated as an event amount)")
O("$564", 564, note="currency conversion of '50,000 Russian rubles'")

at("b-coercion-in-population-control/2")
R("2", note="'Section 2.' heading line")

at("a-freedom-of-the-press/1")
D("28", ctx="May 28")
T("20 percent", 20, q="at least", subj="share of foreign funding triggering foreign-influence registration",
  unit="percent of funding")

at("physical-attacks-imprisonment-and-pressure/2")
D("28", ctx="November 28")
D("7", ctx="December 7")
E("30", q="more than", subj="titushki who assaulted protesters and journalists", unit="assailants",
  acc=["unidentified assailants", "titushki"])

at("physical-attacks-imprisonment-and-pressure/3")
E("15", n=1, subj="cases of rights violations against journalists covering FIL protests", unit="cases",
  acc=["rights violations involving journalists", "cases identified by media ombudsman"])
E("15", n=2, subj="journalists affected by rights violations at FIL protests", unit="journalists",
  acc=["journalists covering protests"])
E("30", q="at least", subj="violations of media freedom during elections", unit="violations",
  acc=["media freedom violations", "violations during October 26 elections"])
D("26", ctx="October 26")

at("physical-attacks-imprisonment-and-pressure/5")
D("26", ctx="October 26")

at("physical-attacks-imprisonment-and-pressure/6")
D("2021")
D("16", ctx="November 16")

at("freedom-of-association-and-collective-bargaining/4")
E("40", subj="demands presented by striking Evolution Gaming workers", unit="demands",
  acc=["workers' demands", "strike demands"])

at("wage-and-hour-laws/1")
D("1990")

at("wage-and-hour-laws/2")
T("40", n=1, ctx="40-hour", subj="standard workweek", unit="hours")
T("24", ctx="24-hour", subj="weekly rest period", unit="hours")
T("40", n=2, ctx="40-hour", subj="regular workweek beyond which work is overtime", unit="hours")
T("48", q="more than", subj="weekly hours before overtime pay in essential services", unit="hours")
D("2021")
O("one", ctx="in one case", note="'in one case' (a single court case)")
O("125 percent", 125, subj="overtime rate found meaningful by a court", unit="percent of hourly wage",
  note="a rate accepted in a 2021 court ruling, not a legal threshold nor a count")

at("occupational-safety-and-health/4")
D("2023")
E("3,000 lari", 3000, kind="money", cur="GEL", year=2023, subj="sanction imposed on Georgian Post",
  unit="lari", acc=["fine on Georgian Post", "Labor Inspectorate sanction"], converted_value=1130,
  converted_currency="USD", note="a fine imposed in a case (treated as an event amount)")
O("$1,130", 1130, note="currency conversion of '3,000 lari'")
D("2021")

at("wage-hour-and-osh-enforcement/2")
D("2021")

at("wage-hour-and-osh-enforcement/4")
D("2021")
E("27 percent", 27, kind="percent", year=2021, subj="informally employed persons in the nonagricultural sector",
  unit="persons", acc=["informal employment", "share of informal employment"])
E("100 percent", 100, kind="percent", subj="informality among domestic workers", unit="workers",
  acc=["informal domestic workers"], note="no year in the sentence: reporting year")
E("72.4 percent", 72.4, kind="percent", subj="informality in construction", unit="workers",
  acc=["informal employment in construction"])
E("50.3 percent", 50.3, kind="percent", subj="informality in accommodation and food service", unit="workers",
  acc=["informal employment in accommodation and food service"])
E("41.5 percent", 41.5, kind="percent", subj="informality in industry", unit="workers",
  acc=["informal employment in industry"])
E("38.5 percent", 38.5, n=1, kind="percent", subj="informality in administrative and support services",
  unit="workers", acc=["informal employment in administrative and support service activities"])
E("38.5 percent", 38.5, n=2, kind="percent", subj="informality in transportation and storage", unit="workers",
  acc=["informal employment in transportation and storage"])
E("35.9 percent", 35.9, kind="percent", subj="informality in wholesale and retail trade", unit="workers",
  acc=["informal employment in trade and vehicle repair"])

at("wage-hour-and-osh-enforcement/5")
O("15", q="more than", subj="consecutive hours driven by tourism drivers", unit="hours", note="duration")

at("disappearance/2")
E("2,300", q="more than", subj="individuals missing from the wars in Abkhazia and 2008", unit="individuals",
  acc=["missing persons", "persons missing from conflicts"])
D("1992-93", 1992, upper=1993, note="a span of years written 1992-93")
D("2008")

at("prolonged-detention-without-charges/2")
X("ones", "pronoun 'the criminal ones'")
PEN("15", q="up to", subj="administrative imprisonment for minor offenses", unit="days")
E("450", q="up to", subj="protesters detained under the administrative code", unit="protesters",
  acc=["protesters detained", "administrative detentions during pro-EU demonstrations"])
E("210", q="more than", subj="individuals detained during crackdown on FIL protests", unit="individuals",
  acc=["protesters detained in April and May", "persons detained"])

at("prolonged-detention-without-charges/3")
O("24", q="or more", subj="time held in administrative detention without charge", unit="hours", note="duration")
DL("48", ctx="48-hour", q="maximum", subj="detention period without charge", unit="hours")

at("prolonged-detention-without-charges/5")
D("5", ctx="December 5")
E("15", subj="Georgians unlawfully detained in occupied territories", unit="individuals",
  acc=["individuals detained in occupied territories", "detained Georgians"])
E("10", subj="individuals detained in occupied South Ossetia", unit="individuals",
  acc=["detained in South Ossetia"])
E("five", subj="individuals detained in occupied Abkhazia", unit="individuals", acc=["detained in Abkhazia"])
D("2021")

at("prolonged-detention-without-charges/7")
D("25", ctx="December 25")
E("48", subj="defendants criminally charged over pro-European demonstrations", unit="defendants",
  acc=["defendants charged", "protesters criminally charged"])
E("45", subj="defendants in pretrial detention", unit="defendants",
  acc=["protesters in pretrial detention", "defendants remaining in pretrial detention"])

at("e-trafficking-in-persons/2")
R("3", note="'Section 3.' heading line")

at("a-torture-and-cruel-inhuman-or-degrading/1")
D("2023")

at("a-torture-and-cruel-inhuman-or-degrading/2")
E("260", subj="detainees visited by the public defender", unit="detainees",
  acc=["detainees visited during pro-EU demonstrations"])
E("188", subj="detainees who claimed police violence", unit="detainees",
  acc=["detainees alleging violence and inhuman treatment", "detainees reporting ill-treatment"])
D("3", ctx="December 3")

at("a-torture-and-cruel-inhuman-or-degrading/3")
E("four", subj="prisons with body scanners", unit="prisons", acc=["prisons equipped with body scanners"],
  note="'available only at four prisons'")
D("2023")

at("a-torture-and-cruel-inhuman-or-degrading/4")
R("8", ctx="No. 8", note="name of a prison (Gldani No. 8 Prison)")

at("child-marriage/1")
T("18", n=1, q="minimum", subj="minimum age for marriage", unit="years")
T("18", n=2, q="younger than", subj="age below which forced marriage is punished", unit="years")
PEN("two to four", 2, upper=4, subj="prison term for forced marriage of a minor", unit="years")

at("provision-of-first-asylum/2")
E("1 percent", 1, kind="percent", subj="asylum rejections based on national security grounds", unit="rejections",
  acc=["asylum rejections on national security grounds"])

at("provision-of-first-asylum/3")
E("23", n=1, year=2023, subj="average time from appeal to final asylum decision", unit="months",
  acc=["asylum appeal processing time"], comparison_base=True,
  note="earlier figure of the comparison with 12 months")
D("2023")
E("12", n=1, ctx="12 months", subj="average time from appeal to final asylum decision", unit="months",
  acc=["asylum appeal processing time"], cmp=(23, 2023))
D("28", ctx="November 28")
D("3", ctx="December 3")
D("4", ctx="December 4")
R("39", ctx="Article 39")
O("two", ctx="two months", q="within", subj="time to adjudicate Sadigov's case", unit="months", note="duration")
RG("12- to 23", 12, ctx="12- to 23", upper=23, subj="usual asylum case adjudication period", unit="months",
   acc=["usual adjudication time"], note="written '12- to 23-month period'")

at("resettlement/1")
T("10", subj="years of residency required for citizenship", unit="years")

at("d-acts-of-antisemitism-and-antisemitic/1")
E("6,000", q="no more than", subj="size of the Jewish community", unit="persons",
  acc=["Jewish community", "Jewish population"], note="an estimate by observers")

at("d-acts-of-antisemitism-and-antisemitic/2")
D("2018")
