"""Hand judgments of paragraph changes between consecutive editions (read side by side with
sides.py). No comparison code of the engine was used or looked at."""

DEFS = {
    "identical": "same text character for character; the anchor number may differ because paragraphs were "
                 "added or removed before it, and the section slug may differ because the section was renamed",
    "rewritten": "the same paragraph (same role and place in the section, recognisably the same text) with edits",
    "light": "edits confined to words, figures or one short clause/sentence; less than about a third of either text changed",
    "heavy": "about a third or more of the old text removed/reworded or of the new text added, but still the same paragraph",
    "new": "only in the newer edition",
    "removed": "only in the older edition (checked: its distinctive text is nowhere in the newer edition)",
    "moved": "same (or nearly same) text in another section, or out of its relative order within the section",
    "position_changed": "for a rewritten paragraph whose relative order among matched paragraphs changed",
    "figures": "figures (counts, amounts, percentages, legal values) present in both old and new paragraph; changed=false if the value is the same",
    "figures_added / figures_removed": "figures only in the new / only in the old paragraph (dates not listed)",
}


def J(section, judgment, old=None, new=None, similarity=None, note=None, figures=(), added=(), removed=(),
      borderline=False, position_changed=False):
    j = {"section": section, "judgment": judgment, "old": old, "new": new, "similarity": similarity}
    if figures:
        j["figures"] = [dict(zip(("subject", "old_text", "old_value", "new_text", "new_value"), f),
                             changed=f[2] != f[4]) for f in figures]
    if added:
        j["figures_added"] = [dict(zip(("subject", "new_text", "new_value"), f)) for f in added]
    if removed:
        j["figures_removed"] = [dict(zip(("subject", "old_text", "old_value"), f)) for f in removed]
    if borderline:
        j["borderline"] = True
    if position_changed:
        j["position_changed"] = True
    if note:
        j["note"] = note
    return j


# ---------------------------------------------------------------- Guatemala 2022 -> 2023
GF = "a-freedom-of-expression-including-for-members-of"
GP = "prison-and-detention-center-conditions"
GC_OLD, GC = "corruption-and-lack-of-transparency-in", "corruption-in-government"
gf = lambda n: f"{GF}/{n}"
gp = lambda n: f"{GP}/{n}"
gco = lambda n: f"{GC_OLD}/{n}"
gc = lambda n: f"{GC}/{n}"

GUATEMALA = {
    "file": "changes-guatemala-2022-2023.json",
    "about": "Held-out hand judgments of paragraph changes, Guatemala human rights report 2022 -> 2023, three "
             "sections. Judged by reading both editions on 2026-12-03 by an annotator who never saw the "
             "alignment ('changes') code, docs, tests or output.",
    "definitions": DEFS,
    "old": {"id": "USDOS-CRHRP-2022-guatemala", "edition_year": 2022},
    "new": {"id": "USDOS-CRHRP-2023-guatemala", "edition_year": 2023},
    "sections_judged": [
        {"old_slug": GF, "new_slug": GF,
         "old_heading": "a. Freedom of Expression, Including for Members of the Press and Other Media",
         "new_heading": "a. Freedom of Expression, Including for Members of the Press and Other Media"},
        {"old_slug": GP, "new_slug": GP, "old_heading": "Prison and Detention Center Conditions",
         "new_heading": "Prison and Detention Center Conditions"},
        {"old_slug": GC_OLD, "new_slug": GC, "old_heading": "Corruption and Lack of Transparency in Government",
         "new_heading": "Corruption in Government"},
    ],
    "judgments": [
        # freedom of expression
        J(GF, "rewritten", gf(1), gf(1), "light", note="only 'provides' -> 'provided'"),
        J(GF, "rewritten", gf(2), gf(2), "heavy",
          note="second sentence replaced by a new one (pressure during the Giammattei administration); the old "
               "third sentence (reporters covering organized crime practising self-censorship) went, reworded, "
               "to the end of new /12; the last four sentences identical"),
        J(GF, "rewritten", gf(3), gf(3), "light", borderline=True,
          note="same two sentences with figures and period updated ('first six months' -> 'first seven months'); "
               "UDEFEGUA's full name dropped; a comparison with 2022 added",
          figures=[("abuses of freedom of expression registered by the Journalists Observatory", "66", 66, "120", 120),
                   ("attacks against journalists and communicators registered by UDEFEGUA", "51", 51, "393", 393)]),
        J(GF, "rewritten", gf(4), gf(4), "light",
          note="'Twitter' -> 'X (formerly Twitter)', 'report' -> 'reported'; last sentence (netcenter attacks "
               "crucial in intimidating journalists) dropped"),
        J(GF, "removed", gf(5), None, note="arrest warrant against journalist Carlos Choc",
          removed=[("police officers Choc allegedly attacked", "13", 13)]),
        J(GF, "new", None, gf(5), note="media members fleeing the country",
          added=[("journalists who fled the country", "at least 30", 30)]),
        J(GF, "new", None, gf(6), note="Vamos Party supporters stopping two journalists (June 17-18)",
          added=[("journalists forced to stop recording", "two", 2)]),
        J(GF, "rewritten", gf(6), gf(7), "heavy",
          note="the Zamora / El Periodico case: 2022 arrest story condensed to two sentences and 2023 developments "
               "(conviction, new charges, annulment, retrial) added",
          added=[("prison sentence imposed on Zamora (years)", "six years", 6)]),
        J(GF, "removed", gf(7), None, note="WOLA on harassment of Mayan journalists; police raids on journalists' homes"),
        J(GF, "new", None, gf(8), note="Red Rompe El Miedo monitoring of election day",
          added=[("incidents against journalists on election day", "27", 27),
                 ("journalists and communicators affected", "38", 38),
                 ("incidents of obstruction of journalistic work", "19", 19)]),
        J(GF, "new", None, gf(9), note="a journalist intimidated by a presidential candidate"),
        J(GF, "rewritten", gf(8), gf(10), "heavy",
          note="the old single sentence is kept verbatim as the last sentence; three sentences on government "
               "pressure tactics and a book ban added before it",
          added=[("books by journalists banned from sale", "two", 2)]),
        J(GF, "new", None, gf(11), note="closure of El Periodico",
          added=[("articles on corruption published by El Periodico", "more than 100", 100),
                 ("reporters requested to be investigated", "six", 6),
                 ("columnists requested to be investigated", "three", 3),
                 ("journalists under investigation who fled", "eight of the nine", 8)]),
        J(GF, "rewritten", gf(9), gf(12), "heavy",
          note="'Organized crime exerted' -> 'Criminal groups exerted'; the self-censorship sentence from old /2 "
               "appended (reworded 'organized crime' -> 'criminal groups')"),
        # prison conditions
        J(GP, "rewritten", gp(1), gp(1), "heavy",
          note="first clause kept; 'with multiple instances of inmates killing other inmates' and the list of "
               "risks rewritten ('Gross overcrowding ... gang activity')"),
        J(GP, "rewritten", gp(2), gp(2), "heavy",
          note="first two sentences kept with figures updated; the two sentences on juvenile inmates dropped",
          figures=[("male inmates", "21,752", 21752, "approximately 21,000", 21000),
                   ("capacity of facilities for men", "7,045", 7045, "7,045", 7045),
                   ("female inmates", "2,764", 2764, "almost 2,900", 2900),
                   ("capacity of facilities for women", "937", 937, "937", 937)],
          removed=[("juvenile inmates", "518", 518), ("juvenile detention centers", "four", 4),
                   ("capacity of juvenile centers", "557", 557),
                   ("inmates in the Centro Juvenil de Privacion de Libertad para Varones", "190", 190),
                   ("capacity of that facility", "155", 155)]),
        J(GP, "rewritten", gp(3), gp(3), "light",
          note="'Physical conditions including sanitation facilities' -> 'Sanitation facilities'"),
        J(GP, "rewritten", gp(4), gp(4), "heavy", borderline=True,
          note="two sentences on killings in detention added at the start; old text kept verbatim",
          added=[("inmates killed in adult detention centers", "five", 5), ("prison officials killed", "six", 6),
                 ("individuals killed in a juvenile detention facility", "Four", 4)]),
        J(GP, "rewritten", gp(5), gp(5), "heavy",
          note="first sentence kept; the May 2022 transfer and the September poisoning dropped; the Fraijanes II "
               "sentence shortened",
          removed=[("inmates transferred to Fraijanes II", "76", 76), ("prisons they came from", "three", 3),
                   ("prisoners who died of poisoning", "four", 4)]),
        J(GP, "rewritten", gp(6), gp(6), "light",
          note="'and intersex' -> 'or intersex', 'stated that other' -> 'stated other', 'and there were' -> "
               "'and noted there were', 'noting' -> 'citing'",
          figures=[("age below which children may live in prison with their mothers", "four", 4, "four", 4)]),
        J(GP, "rewritten", gp(7), gp(7), "heavy", note="both sentences condensed and reworded"),
        J(GP, "rewritten", gp(8), gp(8), "heavy",
          note="list of visitors and the sentence on the PDH and the torture-prevention office replaced by "
               "'independent nongovernment observers'"),
        # corruption
        J(GC, "rewritten", gco(1), gc(1), "light",
          note="first sentence's second clause changed ('some officials engaged in corrupt practices with impunity' "
               "-> 'the government did not implement the law effectively'); 'during the year' dropped; "
               "'anticorruption' -> 'anti-corruption'"),
        J(GC, "rewritten", gco(2), gc(2), "light",
          note="'For example,' added; 'Since the July 2021 firing' -> 'After the 2021 firing'; the resignations "
               "split into a separate clause",
          figures=[("anticorruption prosecutors with arrest warrants", "at least eight", 8, "at least eight", 8),
                   ("FECI prosecutors removed or transferred since Sandoval's firing", "at least 20", 20,
                    "at least 20", 20)]),
        J(GC, "rewritten", gco(3), gc(7), "heavy", position_changed=True,
          note="topic sentence kept ('meanwhile' added, 'anti-corruption'); the Erika Aifan example replaced by "
               "Judge Carlos Ruano's; moved from third to last-but-one place"),
        J(GC, "removed", gco(4), None,
          note="Presidential Commission Against Corruption lacking a mandate (the commission appears in new /5 "
               "in unrelated text)"),
        J(GC, "rewritten", gco(5), gc(3), "heavy",
          note="same opening 'Corruption: CICIG brought many corruption cases'; the Stalling example replaced by "
               "the Sinibaldi cases"),
        J(GC, "rewritten", gco(6), gc(4), "heavy",
          note="old /6 and /7 merged into new /4 and reworded (DIPAFRONT -> Border Police Division); a sentence "
               "on 11 officers arrested added",
          added=[("police officers arrested", "11", 11)]),
        J(GC, "rewritten", gco(7), gc(4), "heavy",
          note="merged into new /4: its second sentence (PNC academy hiring) kept, reworded; its first sentence "
               "(bribes for transporting migrants) dropped"),
        J(GC, "removed", gco(8), None, note="PNC check points and ATM bribes"),
        J(GC, "removed", gco(9), None, note="impunity of high-level officials"),
        J(GC, "removed", gco(10), None, note="Los Cardamomeros",
          removed=[("PNC agents in the gang", "Five", 5), ("civilians arrested", "six", 6)]),
        J(GC, "removed", gco(11), None, note="Judge Cojulun / Fenix case"),
        J(GC, "new", None, gc(5), note="Hernandez Garcia hospital procurement case"),
        J(GC, "new", None, gc(6), note="arrest of Stuardo Campo; Mynor Moto"),
        J(GC, "new", None, gc(8), note="pointer to the Investment Climate Statement and INCSR"),
    ],
    "renamed_sections": [
        {"old_heading": "Transnational Repression", "new_heading": "f. Transnational Repression",
         "old_slug": "transnational-repression", "new_slug": "f-transnational-repression",
         "note": "letter added and raised from #### to ###"},
        {"old_heading": "Property Seizure and Restitution", "new_heading": "g. Property Seizure and Restitution",
         "old_slug": "property-seizure-and-restitution", "new_slug": "g-property-seizure-and-restitution",
         "note": "letter added and raised from #### to ###"},
        {"old_heading": "f. Arbitrary or Unlawful Interference with Privacy, Family, Home, or Correspondence",
         "new_heading": "h. Arbitrary or Unlawful Interference with Privacy, Family, Home, or Correspondence",
         "old_slug": "f-arbitrary-or-unlawful-interference-with", "new_slug": "h-arbitrary-or-unlawful-interference-with",
         "note": "letter only"},
        {"old_heading": "f. Status and Treatment of Internally Displaced Persons",
         "new_heading": "f. Status and Treatment of Internally Displaced Persons (IDPs)",
         "old_slug": "f-status-and-treatment-of-internally-displaced",
         "new_slug": "f-status-and-treatment-of-internally-displaced", "note": "'(IDPs)' added; slug unchanged"},
        {"old_heading": "Corruption and Lack of Transparency in Government", "new_heading": "Corruption in Government",
         "old_slug": "corruption-and-lack-of-transparency-in", "new_slug": "corruption-in-government"},
        {"old_heading": "Governmental Posture Towards International and Nongovernmental Investigation of Alleged "
                        "Abuses of Human Rights",
         "new_heading": "Governmental Posture Towards International and Nongovernmental Monitoring and Investigation "
                        "of Alleged Abuses of Human Rights",
         "old_slug": "governmental-posture-towards-international-and",
         "new_slug": "governmental-posture-towards-international-and",
         "note": "'Monitoring and' inserted; slug unchanged (truncated)"},
        {"old_heading": "d. Discrimination with Respect to Employment and Occupation",
         "new_heading": "d. Discrimination (see section 6)",
         "old_slug": "d-discrimination-with-respect-to-employment-and", "new_slug": None,
         "note": "renamed and emptied: the new heading has no paragraphs of its own (no passages)"},
    ],
    "sections_only_in_old": ["Civil Judicial Procedures and Remedies"],
    "sections_only_in_new": ["Freedom of Peaceful Assembly (#### under b.)"],
}

# ---------------------------------------------------------------- Tajikistan 2018 -> 2019
TF_OLD, TF = "a-freedom-of-speech-and-press", "a-freedom-of-expression-including-for-the-press"
TP = "prison-and-detention-center-conditions"
TC = "corruption-and-lack-of-transparency-in"
tfo = lambda n: f"{TF_OLD}/{n}"
tf = lambda n: f"{TF}/{n}"
tp = lambda n: f"{TP}/{n}"
tc = lambda n: f"{TC}/{n}"

TAJIKISTAN = {
    "file": "changes-tajikistan-2018-2019.json",
    "about": "Held-out hand judgments of paragraph changes, Tajikistan human rights report 2018 -> 2019, three "
             "sections. Judged by reading both editions on 2026-12-03 by an annotator who never saw the "
             "alignment ('changes') code, docs, tests or output.",
    "definitions": DEFS,
    "old": {"id": "USDOS-CRHRP-2018-tajikistan", "edition_year": 2018},
    "new": {"id": "USDOS-CRHRP-2019-tajikistan", "edition_year": 2019},
    "sections_judged": [
        {"old_slug": TF_OLD, "new_slug": TF, "old_heading": "a. Freedom of Speech and Press",
         "new_heading": "a. Freedom of Expression, Including for the Press"},
        {"old_slug": TP, "new_slug": TP, "old_heading": "Prison and Detention Center Conditions (####)",
         "new_heading": "Prison and Detention Center Conditions (###)"},
        {"old_slug": TC, "new_slug": TC, "old_heading": "Corruption and Lack of Transparency in Government",
         "new_heading": "Corruption and Lack of Transparency in Government"},
    ],
    "judgments": [
        # freedom of expression
        J(TF, "rewritten", tfo(1), tf(1), "light", note="'The law provides' -> 'The constitution and law provide'"),
        J(TF, "identical", tfo(2), tf(2), note="section renamed, so the anchor's slug changed",
          figures=[("maximum prison term for insulting the president", "five years", 5, "five years", 5)]),
        J(TF, "rewritten", tfo(3), tf(3), "heavy",
          note="Article 137 sentence reworded and extended (2007 origin, Article 137(1)); the Umar Murodov case "
               "(five sentences) dropped",
          figures=[("maximum prison term for insulting the president / leader of the nation", "up to five years", 5,
                    "up to five years", 5)],
          removed=[("Murodov's prison sentence (years)", "five and a half years", 5.5)]),
        J(TF, "new", None, tf(4), note="list of recommended topics for state television",
          added=[("recommended topics", "70", 70)]),
        J(TF, "rewritten", tfo(4), tf(5), "light",
          note="label 'Press and Media Freedom:' -> 'Press and Media, Including Online Media:'; a comma dropped"),
        J(TF, "rewritten", tfo(5), tf(6), "light", note="quotation marks around the decree's title dropped"),
        J(TF, "removed", tfo(6), None, note="international media and rebroadcasts of Russian programs"),
        J(TF, "new", None, tf(7), note="Radio Ozodi accreditations",
          added=[("Radio Ozodi employees unable to renew accreditation", "six", 6),
                 ("pending accreditations of new Ozodi journalists", "Three", 3),
                 ("journalists whose credentials expired", "two", 2),
                 ("Ozodi journalists whose accreditation was partially renewed", "seven", 7),
                 ("Ozodi journalists left unaccredited", "11", 11)]),
        J(TF, "identical", tfo(7), tf(8)),
        J(TF, "rewritten", tfo(8), tf(9), "heavy",
          note="the Mirsaidov story updated: a January 2019 in-absentia sentence added first, the 2018 conviction "
               "and release retold with dates ('June 11' -> 'June 2018', 'August 22' -> 'August 2018'); the "
               "sentences on the December 2017 charges and their timing dropped",
          figures=[("Mirsaidov's 2018 prison sentence (years)", "12 years", 12, "12 years", 12),
                   ("time Mirsaidov spent in detention (months)", "eight months", 8, "more than eight months", 8)],
          added=[("in-absentia prison sentence (months)", "eight months", 8)]),
        J(TF, "new", None, tf(10), note="pressure on journalist Humayro Bakhtiyor's father"),
        J(TF, "identical", tfo(9), tf(11)),
        J(TF, "identical", tfo(10), tf(12),
          figures=[("circulation above which publications must register", "99", 99, "99", 99)]),
        J(TF, "identical", tfo(11), tf(13),
          figures=[("maximum jail term for insulting the president", "up to five years", 5, "up to five years", 5)]),
        # prison conditions
        J(TP, "removed", tp(1), None,
          note="the one-sentence summary ('harsh and life threatening due to overcrowding...') is not in 2019"),
        J(TP, "new", None, tp(1), note="prison riots in Khujand (November 2018) and Vakhdat (May 2019)",
          added=[("wardens killed in the Khujand riot", "two", 2), ("prisoners killed in the Khujand riot", "21", 21),
                 ("guards killed in the Vakhdat riot", "three", 3), ("inmates killed in the Vakhdat riot", "29", 29)]),
        J(TP, "identical", tp(2), tp(2),
          figures=[("prisons", "10", 10, "10", 10), ("prisons for women", "one", 1, "one", 1),
                   ("pretrial detention facilities", "12", 12, "12", 12)]),
        J(TP, "identical", tp(3), tp(3)),
        J(TP, "identical", tp(4), tp(4),
          figures=[("complaints resolved by the ombudsman", "fewer than 2 percent", 2, "fewer than 2 percent", 2)]),
        J(TP, "rewritten", tp(5), tp(5), "light",
          note="one sentence inserted (Penal Reform International visited Kirpichniy Prison); the rest identical"),
        # corruption
        J(TC, "identical", tc(1), tc(1)),
        J(TC, "rewritten", tc(2), tc(2), "light",
          note="'In May 2017 the government adopted amendments to the Law for the Fight Against Corruption, which "
               "gives' -> 'Amendments adopted in 2017 give'; rest identical"),
        J(TC, "rewritten", tc(3), tc(3), "light", borderline=True,
          note="old text kept verbatim; one sentence with a new figure appended (about a third of the new text)",
          added=[("registered corruption cases in the education sector (first six months)", "85", 85)]),
        J(TC, "rewritten", tc(4), tc(4), "light", note="'the' inserted twice"),
        J(TC, "rewritten", tc(5), tc(5), "light", note="'Both the Ministry' -> 'The Ministry'"),
        J(TC, "identical", tc(6), tc(6)),
    ],
    "renamed_sections": [
        {"old_heading": "a. Freedom of Speech and Press", "new_heading": "a. Freedom of Expression, Including for the Press",
         "old_slug": TF_OLD, "new_slug": TF},
        {"old_heading": "b. Freedom of Peaceful Assembly and Association",
         "new_heading": "b. Freedoms of Peaceful Assembly and Association",
         "old_slug": "b-freedom-of-peaceful-assembly-and-association",
         "new_slug": "b-freedoms-of-peaceful-assembly-and-association"},
        {"old_heading": "d. Freedom of Movement, Internally Displaced Persons, Protection of Refugees, and Stateless Persons",
         "new_heading": "d. Freedom of Movement",
         "old_slug": "d-freedom-of-movement-internally-displaced", "new_slug": "d-freedom-of-movement",
         "note": "narrowed: the combined section was split into d., e. (Internally Displaced Persons, new), f., g."},
        {"old_heading": "PROTECTION OF REFUGEES", "new_heading": "f. Protection of Refugees",
         "old_slug": "protection-of-refugees", "new_slug": "f-protection-of-refugees",
         "note": "letter added, case changed, raised from #### to ###"},
        {"old_heading": "STATELESS PERSONS", "new_heading": "g. Stateless Persons",
         "old_slug": "stateless-persons", "new_slug": "g-stateless-persons",
         "note": "letter added, case changed, raised from #### to ###"},
        {"old_heading": "Governmental Attitude Regarding International and Nongovernmental Investigation of Alleged "
                        "Violations of Human Rights",
         "new_heading": "Governmental Attitude Regarding International and Nongovernmental Investigation of Alleged "
                        "Abuses of Human Rights",
         "old_slug": "governmental-attitude-regarding-international",
         "new_slug": "governmental-attitude-regarding-international", "note": "'Violations' -> 'Abuses'; slug unchanged"},
    ],
    "case_or_level_only": [
        "EXECUTIVE SUMMARY -> Executive Summary",
        "a. Arbitrary Deprivation of Life and other ... -> ... and Other ...",
        "Prison and Detention Center Conditions: #### -> ###",
        "ARREST PROCEDURES AND TREATMENT OF DETAINEES, TRIAL PROCEDURES, POLITICAL PRISONERS AND DETAINEES, "
        "CIVIL JUDICIAL PROCEDURES AND REMEDIES, INTERNET FREEDOM, ACADEMIC FREEDOM AND CULTURAL EVENTS, "
        "FREEDOM OF PEACEFUL ASSEMBLY, FREEDOM OF ASSOCIATION: upper case #### -> title case ###",
        "Elections and Political Participation, Women, Children, Anti-Semitism, Trafficking in Persons, Persons with "
        "Disabilities, National/Racial/Ethnic Minorities, Acts of Violence ... Gender Identity, HIV and AIDS Social "
        "Stigma: #### -> ###",
    ],
    "sections_only_in_old": ["ROLE OF THE POLICE AND SECURITY APPARATUS (its first two paragraphs' text went into "
                             "executive-summary/2 of 2019; the third is not in 2019)"],
    "sections_only_in_new": ["Politically Motivated Reprisal Against Individuals Located Outside the Country",
                             "e. Internally Displaced Persons"],
}

PAIRS = [GUATEMALA, TAJIKISTAN]
