"""Canonical names of the organisations that publish background material.

``US Department of State``, ``U.S. Department of State`` and ``USDOS`` are one source; an
unknown source keeps the name it was given, with its white space tidied."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["canonical_source", "infer_series", "KNOWN_SOURCES", "KNOWN_SERIES"]

# canonical name -> other spellings seen in background material (compared after folding case,
# accents, dots and white space).
KNOWN_SOURCES: dict[str, tuple[str, ...]] = {
    "US Department of State": (
        "U.S. Department of State",
        "United States Department of State",
        "U.S. State Department",
        "US State Department",
        "USDOS",
        "Department of State",
    ),
    "UK Home Office": ("Home Office", "United Kingdom Home Office", "UKHO"),
    "European Union Agency for Asylum": (
        "EUAA",
        "European Asylum Support Office",
        "EASO",
    ),
    "Danish Immigration Service": (
        "Udlændingestyrelsen",
        "DIS",
        "The Danish Immigration Service",
    ),
    "Landinfo": ("Landinfo – Country of Origin Information Centre",),
    "UNHCR": (
        "UN High Commissioner for Refugees",
        "United Nations High Commissioner for Refugees",
        "UNHCR – The UN Refugee Agency",
    ),
    "Human Rights Watch": ("HRW",),
    "Amnesty International": ("Amnesty",),
    "ACCORD": ("Austrian Centre for Country of Origin and Asylum Research and Documentation",),
    "Danish Refugee Council": ("Dansk Flygtningehjælp", "DRC"),
}


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[.\u2019']", "", name.casefold())
    name = re.sub(r"^the\s+", "", name.strip())
    return " ".join(re.sub(r"[^\w&]+", " ", name).split())


@functools.cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, others in KNOWN_SOURCES.items():
        for name in (canonical, *others):
            table[_fold(name)] = canonical
    return table


def canonical_source(name: str) -> str:
    """The canonical name of a source; an unknown source keeps its own tidied name."""
    tidy = " ".join(name.split())
    return _table().get(_fold(tidy), tidy)


# Report series recognised in titles, so that the board's "2024 Trafficking in Persons Report:
# Azerbaijan" falls into the same series as the JSON Lines records that name it.
KNOWN_SERIES: dict[str, str] = {
    r"\btrafficking in persons report\b": "Trafficking in Persons Report",
    r"\bhuman rights report\b|\bcountry reports? on human rights practices\b": (
        "Country Reports on Human Rights Practices"
    ),
    r"\binternational religious freedom report\b": "International Religious Freedom Report",
    r"\bcountry policy and information note\b": "Country Policy and Information Note",
}


def infer_series(title: str) -> str | None:
    """The series a title belongs to, when it names a known one."""
    folded = title.casefold()
    for pattern, series in KNOWN_SERIES.items():
        if re.search(pattern, folded):
            return series
    return None
