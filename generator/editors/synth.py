"""Synthetic data sets of realistic shape, for benchmarks and scale tests.

The reference data (themes, goals, organisations, category plans, …) is copied from a real data
folder; N tenders are generated from its ids with a seeded random generator, so the same seed
always writes the same bytes. Every synthetic tender is marked `example: true`.

With `long_titles` the tenders are the hard case of a real calendar, for the browser tests of
tables, search and sorting: Dutch titles of up to 190 characters with diacritics ("één",
"hygiëne", "coördinatie"), quotes and ampersands, a third of them without English; and every
status, with market consultations, published tenders with their notice, and withdrawals.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from generator.models.tender import ISV
from generator.source.layout import KIND_BY_NAME
from generator.source.yamlsource import parse_text

_SUBJECTS = [
    ("onderhoud van rijkswegen", "maintenance of national roads"),
    ("schoonmaak van kantoren", "office cleaning"),
    ("laptops en toebehoren", "laptops and accessories"),
    ("bedrijfskleding", "workwear"),
    ("catering in rijkskantoren", "catering in government offices"),
    ("zonnepanelen op daken", "solar panels on roofs"),
    ("beveiliging van gebouwen", "security of buildings"),
    ("laboratoriumapparatuur", "laboratory equipment"),
    ("vervoer van goederen", "transport of goods"),
    ("kantoormeubilair", "office furniture"),
    ("datacenterdiensten", "data centre services"),
    ("opleidingen voor medewerkers", "staff training"),
]
_CPV = [
    "45233140-2",
    "90919000-2",
    "30213100-6",
    "18100000-0",
    "55520000-1",
    "45261215-4",
    "79710000-4",
    "38000000-5",
    "60100000-9",
    "39130000-2",
    "72317000-0",
    "80500000-9",
]
_KINDS = [
    "works",
    "services",
    "supplies",
    "supplies",
    "services",
    "works",
    "services",
    "supplies",
    "services",
    "supplies",
    "services",
    "services",
]
_PROCEDURES = [
    "open",
    "restricted",
    "competitive-negotiation",
    "national-open",
    "competitive-dialogue",
]
_APPLIED = ["requirements", "award-criteria", "contract-conditions"]
_SENTENCE_NL = (
    "De opdracht omvat {s} voor meerdere locaties van de rijksoverheid. "
    "Leveranciers worden gevraagd aan te tonen hoe zij bijdragen aan de doelen van "
    "Inkopen met Impact, met name op het gebied van {t}. "
    "Een marktconsultatie kan voorafgaan aan de publicatie."
)
_SENTENCE_EN = (
    "The contract covers {s} for several central government locations. "
    "Suppliers are asked to show how they contribute to the goals of Procurement "
    "with Impact, in particular on {t}. "
    "A market consultation may precede publication."
)


_LONG_NL = [
    "Raamovereenkomst voor de levering, installatie en het onderhoud van",
    "Europese aanbesteding voor het ontwerp, de bouw en de coördinatie van",
    "Meervoudig onderhandse opdracht voor één integrale dienstverlening rond",
    "Mededingingsprocedure met onderhandeling voor de hygiëne en schoonmaak van",
    "Innovatiepartnerschap voor circulaire en klimaatneutrale oplossingen voor",
]
_LONG_EN = [
    "Framework agreement for the supply, installation and maintenance of",
    "European tender for the design, construction and coordination of",
]
_PLACES = [
    "rijkskantoren in de regio's Noord-Holland & Flevoland",
    "de \u201cWerkplekomgeving Rijk\u201d voor alle ministeries en uitvoeringsorganisaties",
    "penitentiaire inrichtingen, justitiële jeugdinrichtingen en forensische centra",
    "kazernes en oefenterreinen van Defensie, inclusief één pilotlocatie",
    "laboratoria van het RIVM, de NVWA en de douane (fase 2 van 3)",
]
_LONG_STATUSES = ["planned"] * 6 + ["market-consultation"] * 2 + ["published", "withdrawn"]


def synthesise(
    base: Path, out: Path, tenders: int, seed: int = 2027, long_titles: bool = False
) -> int:
    """Write a data set with `tenders` synthetic tenders to `out`; returns the files written."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(base, out, ignore=shutil.ignore_patterns("tenders"))
    folder = out / KIND_BY_NAME["tender"].path
    folder.mkdir()
    ids = _reference_ids(base)
    rng = random.Random(seed)
    for number in range(1, tenders + 1):
        name = f"synth-{number:05d}"
        text = _tender(rng, ids)
        # what the effort goals read, from a generator of its own: the tenders drawn above stay
        # the same as before these fields existed
        text = _measured(text, random.Random(seed * 100_003 + number), ids)
        if long_titles:
            text = _harder(text, rng, number)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tenders


def _harder(text: str, rng: random.Random, number: int) -> str:
    """The tender with a long title (English for two in three) and a status of any kind."""
    lines = text.split("\n")
    subject_nl, subject_en = _SUBJECTS[number % len(_SUBJECTS)]
    nl = f"{rng.choice(_LONG_NL)} {subject_nl} voor {rng.choice(_PLACES)} (nr. {number})"
    nl = nl[:190].rstrip()
    title = f"title: {{nl: {_q(nl)}"
    if number % 3:
        en = f"{rng.choice(_LONG_EN)} {subject_en} for government sites (no. {number})"
        title += f", en: {_q(en)}"
    lines[0] = title + "}"
    status = rng.choice(_LONG_STATUSES)
    year, quarter = 2026, rng.randint(1, 3)
    if status == "published":
        lines = [line for line in lines if not line.startswith("expected_publication")]
        lines.insert(1, f"expected_publication: {year}-Q{quarter}")
        day = f"{year}-{quarter * 3:02d}-1{rng.randint(0, 9)}"
        notice = f"https://www.tenderned.nl/aankondigingen/overzicht/{400000 + number}"
        lines.insert(1, f"tenderned_url: {notice}\npublished_on: {day}")
    elif status == "withdrawn":
        lines.insert(1, "withdrawal_reason: {nl: Opgegaan in een bredere aanbesteding.}")
    elif status == "market-consultation":
        planned = next(line for line in lines if line.startswith("expected_publication"))
        lines.insert(1, f"market_consultation: {{planned: {planned.split(': ')[1]}}}")
    lines = [f"status: {status}" if line == "status: planned" else line for line in lines]
    return "\n".join(lines)


def _measured(text: str, rng: random.Random, ids: dict[str, list[str]]) -> str:
    """A product group for half the tenders, a wage bill for works and services (at or above
    the annex's € 250,000 only with social return, as the policy check asks), a weighting of
    social impact for a third, an innovation instrument now and then."""
    lines = []
    if ids["product-group"] and rng.random() < 0.5:
        lines.append(f"product_group: {rng.choice(ids['product-group'])}")
    if "kind: supplies" not in text and rng.random() < 0.6:
        social = "\n  social-return:\n" in text
        low, high = (250_000, 3_000_000) if social else (20_000, 249_000)
        lines.append(f"estimated_wage_bill: {rng.randrange(low, high, 1_000)}")
    if rng.random() < 0.33:
        lines.append(f"social_impact_weighting: {rng.choice((10, 20, 30, 40, 50, 60))}")
    if rng.random() < 0.05:
        lines.append(f"innovation_instruments: [{rng.choice(_INSTRUMENTS)}]")
    return text + "".join(f"{line}\n" for line in lines)


_INSTRUMENTS = ("challenge", "sbir", "startup-in-residence", "innovation-partnership")


def _reference_ids(base: Path) -> dict[str, list[str]]:
    themes = parse_text((base / KIND_BY_NAME["theme"].path).read_text(encoding="utf-8"))
    levels = parse_text((base / KIND_BY_NAME["ambition-level"].path).read_text(encoding="utf-8"))
    groups_file = base / KIND_BY_NAME["product-group"].path
    groups = parse_text(groups_file.read_text(encoding="utf-8")) if groups_file.is_file() else {}
    return {
        "theme": sorted(themes),
        "ambition-level": list(levels),  # in the file's order, lowest first
        "product-group": sorted(groups),
        "organisation": _stems(base / KIND_BY_NAME["organisation"].path),
        "category-plan": _stems(base / KIND_BY_NAME["category-plan"].path),
    }


def _stems(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.yaml"))


def _tender(rng: random.Random, ids: dict[str, list[str]]) -> str:
    subject = rng.randrange(len(_SUBJECTS))
    nl, en = _SUBJECTS[subject]
    year, quarter = rng.choice((2027, 2028, 2029)), rng.randint(1, 4)
    low = rng.choice((1, 2, 5, 10, 20, 50)) * 100_000
    themes = rng.sample(ids["theme"], k=min(len(ids["theme"]), rng.randint(1, 3)))
    if low >= 500_000 and ISV in ids["theme"] and ISV not in themes:
        themes.append(ISV)  # above the EU threshold, as the strategy asks in high-risk categories
    lines = [
        f"title: {{nl: {_q(nl.capitalize())}, en: {_q(en.capitalize())}}}",
        "description:",
        f"  nl: {_q(_SENTENCE_NL.format(s=nl, t=themes[0]))}",
        f"  en: {_q(_SENTENCE_EN.format(s=en, t=themes[0]))}",
        f"buyer: {rng.choice(ids['organisation'])}",
        f"category: {rng.choice(ids['category-plan'])}",
        f"cpv: [{_CPV[subject]}]",
        f"kind: {_KINDS[subject]}",
        f"procedure: {rng.choice(_PROCEDURES)}",
        f"estimated_value: {{min: {low}, max: {low * rng.choice((1, 2, 3))}}}",
        f"above_eu_threshold: {'true' if low >= 500_000 else 'false'}",
        f"expected_publication: {year}-Q{quarter}",
        f"contract_start: {year + 1}-{rng.randint(1, 12):02d}",
        f"duration: {{months: {rng.choice((12, 24, 36, 48))}, extension_months: 12}}",
        "themes:",
    ]
    for theme in themes:
        applied = ", ".join(sorted(rng.sample(_APPLIED, k=rng.randint(1, 2))))
        lines += [
            f"  {theme}:",
            f"    level: {rng.choice(ids['ambition-level'])}",
            f"    applied_as: [{applied}]",
        ]
    lines += [
        f"sme_suitable: {'true' if low < 1_000_000 else 'false'}",
        f"certainty: {rng.choice(('indicative', 'planned', 'confirmed'))}",
        "status: planned",
        "contact: {email: inkoop@example.org}",
        "example: true",
    ]
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar
