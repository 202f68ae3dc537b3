"""Problems found in the data, with stable codes and messages in Dutch and English.

Problems are *returned* in a report, never raised: an editor gets every problem of every file in
one run. Each code has a message and a hint template per language; the text is filled in only when
the report is printed, so tests can assert `(file, line, code)` without depending on wording.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """One kind of problem: its severity, what it means, and how to fix it, in both languages."""

    code: str
    severity: Severity
    title: str
    message: Mapping[str, str]
    hint: Mapping[str, str] = field(default_factory=dict)


CODES: dict[str, Code] = {}


def _code(
    code: str,
    severity: Severity,
    title: str,
    nl: str,
    en: str,
    hint_nl: str = "",
    hint_en: str = "",
) -> None:
    hints = {"nl": hint_nl, "en": hint_en} if hint_nl or hint_en else {}
    CODES[code] = Code(code, severity, title, {"nl": nl, "en": en}, hints)


E, W = Severity.ERROR, Severity.WARNING

# --- Files and YAML syntax -------------------------------------------------------------------
_code(
    "not-utf8",
    E,
    "File is not UTF-8",
    "het bestand is niet in UTF-8 opgeslagen (ongeldige byte {byte})",
    "the file is not saved as UTF-8 (invalid byte {byte})",
    "Sla het bestand op als UTF-8 (in VS Code: rechtsonder de codering kiezen).",
    "Save the file as UTF-8 (in VS Code: pick the encoding at the bottom right).",
)
_code(
    "yaml-syntax",
    E,
    "YAML syntax error",
    "YAML-syntaxfout: {detail_nl}",
    "YAML syntax error: {detail_en}",
    "Controleer inspringing (spaties), dubbele punten en aanhalingstekens op en vlak vóór "
    "deze regel.",
    "Check indentation (spaces), colons and quotes on and just before this line.",
)
_code(
    "tab-indentation",
    E,
    "Tab used for indentation",
    "een tab-teken gebruikt voor inspringing",
    "a tab character is used for indentation",
    "YAML staat alleen spaties toe: vervang de tab door twee spaties.",
    "YAML allows spaces only: replace the tab with two spaces.",
)
_code(
    "duplicate-key",
    E,
    "Duplicate key",
    "het veld '{key}' staat twee keer in dezelfde lijst van velden (eerst op regel {first})",
    "the key '{key}' appears twice in the same mapping (first on line {first})",
    "Houd er één over en verwijder de andere. Tot dan leest de controle alleen de eerste "
    "(regel {first}).",
    "Keep one of them and remove the other. Until then the check reads only the first "
    "(line {first}).",
)
_code(
    "alias",
    E,
    "YAML anchor or alias",
    "YAML-ankers en -verwijzingen (&naam, *naam, <<) zijn niet toegestaan",
    "YAML anchors and aliases (&name, *name, <<) are not allowed",
    "Schrijf de waarde voluit; dat is duidelijker voor de volgende lezer.",
    "Write the value out in full; it is clearer for the next reader.",
)
_code(
    "anchor",
    E,
    "YAML anchor",
    "YAML-ankers (&{anchor}) zijn niet toegestaan",
    "YAML anchors (&{anchor}) are not allowed",
    "Verwijder '&{anchor}' en schrijf elke waarde voluit waar ze nodig is.",
    "Remove '&{anchor}' and write each value out in full where it is needed.",
)
_code(
    "invisible-character",
    E,
    "Invisible or control character",
    "onzichtbaar teken of stuurteken {char}{name} in de tekst",
    "invisible or control character {char}{name} in the text",
    "Verwijder het teken: het komt vaak mee bij kopiëren uit Word, pdf of een webpagina. In VS "
    "Code maakt 'Render Control Characters' (Weergave) het zichtbaar; typ de tekst anders "
    "opnieuw.",
    "Remove the character: it often comes along when copying from Word, a PDF or a web page. "
    "In VS Code, 'Render Control Characters' (View) shows it; otherwise retype the text.",
)
_code(
    "value-cut-by-comment",
    E,
    "Value cut off by ' #'",
    "de waarde stopt bij ' #': YAML leest '{rest}' als commentaar, zodat alleen '{value}' "
    "overblijft",
    "the value stops at ' #': YAML reads '{rest}' as a comment, leaving only '{value}'",
    'Zet de hele waarde tussen aanhalingstekens, zoals "https://voorbeeld.nl/pagina#deel", '
    "of laat de spatie vóór # weg.",
    'Put the whole value in quotes, such as "https://example.org/page#part", or remove '
    "the space before #.",
)
_code(
    "file-too-large",
    E,
    "File too large",
    "het bestand is {size}; het maximum is {limit}",
    "the file is {size}; the limit is {limit}",
    "Een record past ruim in een paar kilobyte. Controleer of er niet per ongeluk een export of "
    "een lijst is geplakt; splits anders de gegevens over meer records.",
    "A record fits in a few kilobytes. Check that no export or list was pasted by accident; "
    "otherwise split the data over more records.",
)
_code(
    "custom-tag",
    E,
    "YAML tag",
    "YAML-tags zoals '{tag}' zijn niet toegestaan",
    "YAML tags such as '{tag}' are not allowed",
    "Verwijder de tag; zet de waarde zo nodig tussen aanhalingstekens.",
    "Remove the tag; put the value in quotes if needed.",
)
_code(
    "complex-key",
    E,
    "Key is not plain text",
    "een veldnaam moet gewone tekst zijn",
    "a key must be plain text",
    "Schrijf de veldnaam als gewone tekst, zoals 'title:', zonder haakjes of vraagteken ervoor.",
    "Write the field name as plain text, such as 'title:', without brackets or a question mark.",
)
_code(
    "too-deep",
    E,
    "Nesting too deep",
    "de gegevens zijn te diep genest",
    "the data is nested too deeply",
    "Controleer de inspringing en de haakjes: een veld staat waarschijnlijk te ver naar rechts, "
    "of er staan te veel [ of {{ na elkaar. Geen veld ligt dieper dan zes niveaus.",
    "Check the indentation and the brackets: a field is probably indented too far, or there are "
    "too many [ or {{ in a row. No field lies deeper than six levels.",
)
_code(
    "number-too-large",
    E,
    "Number too large",
    "het getal {value} is te groot om te lezen",
    "the number {value} is too large to read",
    "Controleer het getal: geen veld kent zulke grote getallen. Een bedrag schrijf je in hele "
    "euro's zonder punten, zoals 2500000.",
    "Check the number: no field takes numbers this large. Write an amount in whole euros "
    "without separators, such as 2500000.",
)
_code(
    "empty-file",
    E,
    "Empty file",
    "het bestand is leeg",
    "the file is empty",
    "Vul het bestand aan of verwijder het.",
    "Fill in the file or delete it.",
)
_code(
    "multiple-documents",
    E,
    "More than one YAML document",
    "het bestand bevat meer dan één YAML-document ('---')",
    "the file holds more than one YAML document ('---')",
    "Eén bestand bevat één record: verplaats het tweede deel naar een eigen bestand.",
    "One file holds one record: move the second part to a file of its own.",
)
_code(
    "not-a-mapping",
    E,
    "File is not a set of fields",
    "verwacht een lijst van velden (veld: waarde), gevonden: {found}",
    "expected a mapping of fields (field: value), found: {found}",
    "Kijk naar een bestaand bestand van dezelfde soort als voorbeeld.",
    "Look at an existing file of the same kind as an example.",
)
_code(
    "unreadable-file",
    E,
    "File cannot be read",
    "het bestand kan niet worden gelezen: {detail_nl}",
    "the file cannot be read: {detail_en}",
    "Controleer of het bestand bestaat en niet door een ander programma is geopend.",
    "Check that the file exists and is not locked by another program.",
)
_code(
    "invalid-file-name",
    E,
    "File name is not a valid id",
    "de bestandsnaam '{name}' is geen geldige id",
    "the file name '{name}' is not a valid id",
    "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld '{suggestion}.yaml'.",
    "Use lower-case letters, digits and hyphens only, for example '{suggestion}.yaml'.",
)
_code(
    "wrong-extension",
    E,
    "Wrong file extension",
    "het bestand '{name}' heeft niet de extensie .yaml",
    "the file '{name}' does not end in .yaml",
    "Hernoem het naar '{suggestion}'.",
    "Rename it to '{suggestion}'.",
)
_code(
    "unexpected-file",
    E,
    "File outside the data layout",
    "'{name}' hoort niet op deze plek in data/",
    "'{name}' does not belong at this place in data/",
    "Toegestaan zijn: {allowed}. Zie 'De indeling van data/' in de README.",
    "Allowed here: {allowed}. See 'The data layout' in the README.",
)
_code(
    "missing-file",
    E,
    "Required file missing",
    "het verplichte bestand '{name}' ontbreekt",
    "the required file '{name}' is missing",
    "Zet het bestand terug: haal het uit de Git-geschiedenis of uit de voorbeeldgegevens.",
    "Restore the file: take it from the Git history or from the example data.",
)
_code(
    "id-in-file",
    E,
    "id written in the file",
    "het veld 'id' hoort hier niet: de id is de bestandsnaam of de sleutel erboven ('{id}')",
    "the field 'id' does not belong here: the id is the file name or the key above ('{id}')",
    "Verwijder deze regel; hernoem het bestand om de id te veranderen.",
    "Remove this line; rename the file to change the id.",
)

# --- Fields (from the models) ----------------------------------------------------------------
_code(
    "missing-field",
    E,
    "Required field missing",
    "het verplichte veld '{field}' ontbreekt",
    "the required field '{field}' is missing",
    "Voeg '{field}:' toe op dit niveau.",
    "Add '{field}:' at this level.",
)
_code(
    "unknown-field",
    E,
    "Unknown field",
    "onbekend veld '{field}'",
    "unknown field '{field}'",
    "{suggestion_nl}",
    "{suggestion_en}",
)
_code(
    "flag-now-a-theme",
    E,
    "A flag that is now a theme",
    "'{field}' is geen apart veld meer: het is het thema '{theme}'",
    "'{field}' is no longer a field of its own: it is the theme '{theme}'",
    "Verwijder deze regel. Stond er true, zet dan onder themes het thema met zijn niveau en hoe "
    "het wordt toegepast: '{theme}: {{level: basis, applied_as: [contract-conditions]}}' (of "
    "het niveau en de toepassing die gelden).",
    "Remove this line. If it said true, add the theme under themes with its level and how it "
    "is applied: '{theme}: {{level: basis, applied_as: [contract-conditions]}}' (or the level "
    "and application that hold).",
)
_code(
    "retired-field",
    W,
    "Field no longer used",
    "het veld '{field}' wordt niet meer gebruikt en is genegeerd",
    "the field '{field}' is no longer used and was ignored",
    "{advice_nl}",
    "{advice_en}",
)
_code(
    "wrong-type",
    E,
    "Wrong kind of value",
    "verwacht {expected_nl}, gevonden {found_nl}",
    "expected {expected_en}, found {found_en}",
    "{advice_nl}",
    "{advice_en}",
)
_code(
    "invalid-choice",
    E,
    "Value not in the list",
    "'{value}' is geen toegestane waarde",
    "'{value}' is not an allowed value",
    "{suggestion_nl}Kies uit: {allowed}.",
    "{suggestion_en}Choose from: {allowed}.",
)
_code(
    "invalid-date",
    E,
    "Not a real date",
    "'{value}' is geen geldige datum",
    "'{value}' is not a valid date",
    "Schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2027-03-31.",
    "Write an existing date as YYYY-MM-DD, for example 2027-03-31.",
)
_code(
    "invalid-planned-date",
    E,
    "Not a date, month or quarter",
    "'{value}' is geen datum, maand of kwartaal",
    "'{value}' is not a date, month or quarter",
    "Schrijf 2027-05-14 (dag), 2027-05 (maand) of 2027-Q2 (kwartaal).",
    "Write 2027-05-14 (day), 2027-05 (month) or 2027-Q2 (quarter).",
)
_code(
    "invalid-id",
    E,
    "Not a valid id",
    "'{value}' is geen geldige id",
    "'{value}' is not a valid id",
    "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'ict-werkplek'.",
    "Use lower-case letters, digits and hyphens only, for example 'ict-werkplek'.",
)
_code(
    "invalid-cpv",
    E,
    "Not a CPV code",
    "'{value}' is geen CPV-code{why_nl}",
    "'{value}' is not a CPV code{why_en}",
    "Een CPV-code heeft acht cijfers, een streepje en een controlecijfer, zoals "
    "'30200000-1'. Zoek codes op in de CPV-lijst van de EU.",
    "A CPV code has eight digits, a hyphen and a check digit, like '30200000-1'. "
    "Look codes up in the EU's CPV list.",
)
_code(
    "invalid-email",
    E,
    "Not an e-mail address",
    "'{value}' is geen geldig e-mailadres: {detail_nl}",
    "'{value}' is not a valid e-mail address: {detail_en}",
    "Een functionele mailbox is genoeg, bijvoorbeeld inkoop@minbzk.nl.",
    "A functional mailbox is enough, for example inkoop@minbzk.nl.",
)
_code(
    "invalid-url",
    E,
    "Not a web address",
    "'{value}' is geen geldig webadres: {detail_nl}",
    "'{value}' is not a valid web address: {detail_en}",
    "Schrijf het volledige adres, beginnend met https://.",
    "Write the full address, starting with https://.",
)
_code(
    "invalid-phone",
    E,
    "Not a telephone number",
    "'{value}' is geen telefoonnummer",
    "'{value}' is not a telephone number",
    "Schrijf 6 tot 20 tekens: cijfers, spaties, haakjes en streepjes, met eventueel een + "
    "vooraan, zoals +31 70 123 4567 of 070-1234567.",
    "Write 6 to 20 characters: digits, spaces, brackets and hyphens, optionally with a + in "
    "front, such as +31 70 123 4567 or 070-1234567.",
)
_code(
    "empty-value",
    E,
    "Empty value",
    "het veld is leeg",
    "the field is empty",
    "Vul een waarde in of laat het veld weg als het niet verplicht is.",
    "Fill in a value, or leave the field out if it is optional.",
)
_code(
    "too-few-items",
    E,
    "List too short",
    "de lijst moet minstens {min} item(s) hebben",
    "the list must have at least {min} item(s)",
    "Vul de lijst aan; elk item begint op een nieuwe regel met '- '.",
    "Add to the list; each item starts on a new line with '- '.",
)
_code(
    "out-of-range",
    E,
    "Number out of range",
    "{value} is te {direction}: de grens is {limit}",
    "{value} is too {direction_en}: the limit is {limit}",
    "Controleer het getal en de eenheid, zoals maanden in plaats van jaren.",
    "Check the number and its unit, such as months instead of years.",
)
_code(
    "too-long",
    E,
    "Text too long",
    "de tekst is {length} tekens lang; het maximum is {max}",
    "the text is {length} characters long; the limit is {max}",
    "{advice_nl}",
    "{advice_en}",
)
_code(
    "unsafe-markdown",
    E,
    "Markdown that is not allowed",
    "niet toegestaan in tekst: {what_nl}",
    "not allowed in text: {what_en}",
    "Gebruik alleen gewone Markdown: alinea's, *nadruk*, lijsten en [links](https://…). "
    "HTML, scripts, attributenlijsten en snippets worden niet gepubliceerd.",
    "Use plain Markdown only: paragraphs, *emphasis*, lists and [links](https://…). "
    "HTML, scripts, attribute lists and snippets are not published.",
)
_code(
    "unsafe-text",
    E,
    "Markup in plain text",
    "HTML of Markdown-opmaak is niet toegestaan in dit veld: {what_nl}",
    "HTML or Markdown markup is not allowed in this field: {what_en}",
    "Dit veld is platte tekst; laat tags en scripts weg.",
    "This field is plain text; leave out tags and scripts.",
)
_code(
    "invalid-value",
    E,
    "Invalid value",
    "ongeldige waarde voor dit veld",
    "invalid value: {detail}",
    "Vergelijk de waarde met de uitleg van dit veld in de veldenlijst van de handleiding.",
    "Compare the value with this field's description in the guide's field reference.",
)

# --- Across fields and files (rules) ---------------------------------------------------------
_code(
    "unknown-reference",
    E,
    "Reference to an unknown record",
    "onbekende {kind_nl} '{value}'",
    "unknown {kind_en} '{value}'",
    "{suggestion_nl}",
    "{suggestion_en}",
)
_code(
    "duplicate-id",
    E,
    "Id used twice",
    "de id '{value}' komt twee keer voor (eerst op regel {first})",
    "the id '{value}' is used twice (first on line {first})",
    "Geef elk item een eigen id.",
    "Give every item an id of its own.",
)
_code(
    "dates-out-of-order",
    E,
    "Dates in the wrong order",
    "{later_nl} ({later}) ligt vóór {earlier_nl} ({earlier})",
    "{later_en} ({later}) is before {earlier_en} ({earlier})",
    "Controleer beide data; de volgorde is marktconsultatie → publicatie → gunning of "
    "intrekking, en publicatie → start contract.",
    "Check both dates; the order is market consultation → publication → award or withdrawal, "
    "and publication → contract start.",
)
_code(
    "range-inverted",
    E,
    "Minimum above maximum",
    "het minimum ({min}) is groter dan het maximum ({max})",
    "the minimum ({min}) is larger than the maximum ({max})",
    "Wissel de waarden om, of maak ze gelijk voor een puntschatting.",
    "Swap the values, or make them equal for a point estimate.",
)
_code(
    "missing-withdrawal-reason",
    E,
    "Withdrawn without reason",
    "een ingetrokken aanbesteding heeft een reden nodig",
    "a withdrawn tender needs a reason",
    "Voeg 'withdrawal_reason:' toe met een korte uitleg voor leveranciers.",
    "Add 'withdrawal_reason:' with a short explanation for suppliers.",
)
_code(
    "reason-without-withdrawal",
    E,
    "Reason without withdrawal",
    "'withdrawal_reason' is alleen voor status 'withdrawn'",
    "'withdrawal_reason' is only for status 'withdrawn'",
    "Verwijder de reden, of zet de status op 'withdrawn'.",
    "Remove the reason, or set the status to 'withdrawn'.",
)
_code(
    "missing-tenderned-link",
    E,
    "Published without TenderNed link",
    "status '{status}' vraagt om de TenderNed-link",
    "status '{status}' needs the TenderNed link",
    "Voeg 'tenderned_url:' toe met de link naar de aankondiging op TenderNed "
    "(https://www.tenderned.nl/aankondigingen/overzicht/ en het publicatienummer).",
    "Add 'tenderned_url:' with the link to the notice on TenderNed "
    "(https://www.tenderned.nl/aankondigingen/overzicht/ and the publication number).",
)
_code(
    "not-tenderned",
    E,
    "Link is not a TenderNed notice",
    "'{value}' is geen adres van een aankondiging op TenderNed",
    "'{value}' is not the address of a notice on TenderNed",
    "Kopieer het adres van de aankondiging op TenderNed: "
    "https://www.tenderned.nl/aankondigingen/overzicht/ met het publicatienummer erachter, "
    "bijvoorbeeld https://www.tenderned.nl/aankondigingen/overzicht/433831.",
    "Copy the address of the notice on TenderNed: "
    "https://www.tenderned.nl/aankondigingen/overzicht/ followed by its publication number, "
    "for example https://www.tenderned.nl/aankondigingen/overzicht/433831.",
)
_code(
    "invalid-measure",
    E,
    "Measure does not fit the goal",
    "measured_by past niet bij dit doel: {why_nl}",
    "measured_by does not fit this goal: {why_en}",
    "Haal measured_by weg, of zet het bij een inspanningsdoel (kind: effort) met het thema dat "
    "de meting telt (theme: social-return bij social-return, theme: "
    "internationale-sociale-voorwaarden bij isv).",
    "Remove measured_by, or put it on an effort goal (kind: effort) with the theme the measure "
    "counts (theme: social-return for social-return, theme: internationale-sociale-voorwaarden "
    "for isv).",
)
_code(
    "not-criteria-tool",
    E,
    "Link is not in the MVI criteria tool",
    "'{value}' is geen adres in de MVI-criteriatool",
    "'{value}' is not an address in the MVI criteria tool",
    "Kopieer het adres van de pagina van deze productgroep in de criteriatool; het begint met "
    "https://www.mvicriteria.nl/. Weet u het adres niet zeker, laat criteria_url dan weg: de "
    "site verwijst dan naar de criteriatool zelf.",
    "Copy the address of this product group's page in the criteria tool; it starts with "
    "https://www.mvicriteria.nl/. If you are not sure of the address, leave criteria_url out: "
    "the site then links to the criteria tool itself.",
)
_code(
    "missing-event-date",
    E,
    "Date of what happened missing",
    "status '{status}' vraagt om '{field}', de dag waarop het gebeurde",
    "status '{status}' needs '{field}', the day it happened",
    "Voeg '{field}:' toe met die dag, bijvoorbeeld '{field}: 2025-03-14' "
    "(published_on: de dag waarop de aankondiging op TenderNed verscheen).",
    "Add '{field}:' with that day, for example '{field}: 2025-03-14' "
    "(published_on: the day the notice appeared on TenderNed).",
)
_code(
    "date-without-status",
    E,
    "Date does not fit the status",
    "'{field}' past niet bij status '{status}' (alleen bij: {allowed})",
    "'{field}' does not fit status '{status}' (only with: {allowed})",
    "Zet de status op wat er gebeurd is, of verwijder '{field}' als het nog niet gebeurd is.",
    "Set the status to what happened, or remove '{field}' if it has not happened yet.",
)
_code(
    "date-in-future",
    E,
    "Date of what happened lies ahead",
    "'{field}' is {value}, na vandaag ({today})",
    "'{field}' is {value}, after today ({today})",
    "Vul deze datum in als het gebeurd is; voor wat nog komt is er expected_publication.",
    "Fill in this date once it has happened; what is still to come goes in expected_publication.",
)
_code(
    "reference-cycle",
    E,
    "Organisation is its own parent",
    "'{value}' valt via '{parent}' uiteindelijk onder zichzelf",
    "'{value}' ends up under itself via '{parent}'",
    "Controleer de 'parent' van deze organisaties.",
    "Check the 'parent' of these organisations.",
)
_code(
    "missing-image",
    E,
    "Image file missing",
    "de afbeelding '{value}' staat niet in data/images/",
    "the image '{value}' is not in data/images/",
    "Voeg het bestand toe aan data/images/ of corrigeer de naam.",
    "Add the file to data/images/ or correct the name.",
)
_code(
    "insecure-link",
    E,
    "Plain http link",
    "de link '{value}' gebruikt http in plaats van https",
    "the link '{value}' uses http instead of https",
    "Schrijf https:// in plaats van http://. De site linkt alleen naar beveiligde adressen; "
    "bijna elke site kent https, probeer het adres in de browser.",
    "Write https:// instead of http://. The site links to secure addresses only; almost every "
    "site supports https, try the address in a browser.",
)
_code(
    "publication-in-past",
    W,
    "Planned publication has passed",
    "de verwachte publicatie ({value}) ligt in het verleden maar de status is nog '{status}'",
    "the expected publication ({value}) has passed but the status is still '{status}'",
    "Werk de planning bij, of zet de status op published met de aankondiging "
    "(tenderned_url, published_on), zodat leveranciers de kalender kunnen vertrouwen.",
    "Update the planning, or set the status to published with its notice "
    "(tenderned_url, published_on), so suppliers can trust the calendar.",
)
_code(
    "plan-not-reviewed",
    W,
    "Category plan not reviewed for a year",
    "het categorieplan is sinds {value} niet herzien (meer dan 12 maanden)",
    "the category plan has not been reviewed since {value} (over 12 months)",
    "Herzie het plan en zet 'last_reviewed' op de datum van herziening.",
    "Review the plan and set 'last_reviewed' to the review date.",
)
_code(
    "english-missing",
    W,
    "English text missing",
    "geen Engelse tekst voor: {fields}",
    "no English text for: {fields}",
    "Voeg 'en:' toe, bijvoorbeeld title: {{nl: …, en: …}}. Tot dan toont de Engelse site "
    "de Nederlandse tekst.",
    "Add 'en:', for example title: {{nl: …, en: …}}. Until then the English site shows "
    "the Dutch text.",
)

# --- Policy checks: rules the strategy states in so many words (generator/validate/policy.py) --
_code(
    "social-return-expected",
    W,
    "Social return expected",
    "social return ontbreekt bij {kind_nl} met een loonsom van € {wage_bill} en een looptijd van "
    "{months} maanden",
    "no social return in {kind_en} with a wage bill of € {wage_bill} and a duration of {months} "
    "months",
    "Inkopen met Impact vraagt social return bij alle passende aanbestedingen van werken en "
    "diensten met een loonsom van ten minste € 250.000 (excl. btw) en een looptijd van ten minste "
    "zes maanden. Zet het thema social-return onder themes, of leg in de beschrijving uit waarom "
    "deze opdracht er niet voor geschikt is.",
    "Inkopen met Impact asks for social return in every suitable works and services tender with a "
    "wage bill of at least € 250,000 (excl. VAT) and a duration of at least six months. Add the "
    "theme social-return under themes, or explain in the description why this contract is not "
    "suitable.",
)
_code(
    "isv-expected",
    W,
    "International social conditions expected",
    "geen internationale sociale voorwaarden, terwijl de aanbesteding boven de Europese drempel "
    "ligt in de risicovolle categorie '{category}'",
    "no international social conditions, although the tender is above the EU threshold in the "
    "high-risk category '{category}'",
    "Volgens Inkopen met Impact zijn internationale sociale voorwaarden verplicht voor "
    "aanbestedingen boven de Europese drempelwaarde binnen risicovolle inkoopcategorieën. Zet het "
    "thema internationale-sociale-voorwaarden onder themes, of controleer above_eu_threshold.",
    "Under Inkopen met Impact, international social conditions are mandatory for tenders above the "
    "EU threshold in high-risk procurement categories. Add the theme "
    "internationale-sociale-voorwaarden under themes, or check above_eu_threshold.",
)
_code(
    "mvi-criteria-expected",
    W,
    "MVI criteria expected",
    "de aanbesteding valt in de productgroep '{group}' van de MVI-criteria, maar past geen "
    "thema toe",
    "the tender is in the MVI criteria product group '{group}' but applies no theme",
    "Inkopen met Impact vraagt de MVI-criteria toe te passen bij alle aanbestedingen in de "
    "productgroepen van de criteriatool. Vul onder themes in welke thema's en op welk niveau.",
    "Inkopen met Impact asks for the MVI criteria in every tender in the criteria tool's product "
    "groups. Fill in under themes which themes apply, and at which level.",
)

# --- The site as a whole (settings and pages) --------------------------------------------------
_code(
    "site-url",
    E,
    "Site address not valid",
    "het adres van de site '{value}' is geen absolute http(s)-URL",
    "the site address '{value}' is not an absolute http(s) URL",
    "Zet site_url in mkdocs.yml (of MVI_SITE_URL) op het adres waar de site staat, zoals "
    "'https://inkopen.example.org/'.",
    "Set site_url in mkdocs.yml (or MVI_SITE_URL) to where the site is published, such as "
    "'https://inkopen.example.org/'.",
)
_code(
    "ocid-prefix",
    E,
    "OCID prefix not valid",
    "het OCID-voorvoegsel '{value}' is niet geldig: het is 'ocds-' en 6 kleine letters of cijfers",
    "the OCID prefix '{value}' is not valid: it is 'ocds-' and 6 lower-case letters or digits",
    "Zet extra.ocds.ocid_prefix op het voorvoegsel dat de Open Contracting Partnership "
    "registreerde, zoals 'ocds-a1b2c3'.",
    "Set extra.ocds.ocid_prefix to the prefix the Open Contracting Partnership registered, "
    "such as 'ocds-a1b2c3'.",
)
_code(
    "security-contact",
    E,
    "Security contact missing",
    "het beveiligingscontact '{value}' is geen mailto:-, https:- of tel:-adres",
    "the security contact '{value}' is not a mailto:, https: or tel: address",
    "Zet extra.security.contact in mkdocs.yml op waar een kwetsbaarheid gemeld wordt, zoals "
    "'https://www.ncsc.nl/contact/kwetsbaarheid-melden' (de meldingen voor de Rijksoverheid "
    "lopen via het NCSC). Het komt in /.well-known/security.txt.",
    "Set extra.security.contact in mkdocs.yml to where a vulnerability is reported, such as "
    "'https://www.ncsc.nl/contact/kwetsbaarheid-melden' (reports for the central government go "
    "through the NCSC). It goes into /.well-known/security.txt.",
)
_code(
    "page-collision",
    E,
    "Hand-written page on the place of a generated page",
    "deze pagina zou de pagina /{url} vervangen, die uit de gegevens wordt gemaakt",
    "this page would replace /{url}, which is made from the data",
    "Geef het bestand een andere naam of verwijder het.",
    "Rename or remove the file.",
)
_code(
    "missing-twin",
    E,
    "Hand-written page without its twin",
    "de pagina {name} ontbreekt; elke pagina heeft een Nederlandse en een Engelse versie",
    "the page {name} is missing; every page has a Dutch and an English version",
    "Zet het bestand terug (uit de Git-geschiedenis) of maak het, ook als het kort is.",
    "Restore the file (from the Git history) or write it, even if it is short.",
)
_code(
    "duplicate-url",
    E,
    "Two pages on one address",
    "deze pagina en {other} zouden allebei /{url} zijn",
    "this page and {other} would both be /{url}",
    "Geef een van beide een andere id.",
    "Give one of them another id.",
)


# --- Spreadsheets read by `mvi-site import` (a row's problems stand at its cells) -------------
_code(
    "english-sheet",
    E,
    "English download imported",
    "dit is de Engelse download van de kalender (kolom '{value}'); de import leest de "
    "Nederlandse kolommen",
    "this is the English download of the calendar (column '{value}'); the import reads the "
    "Dutch columns",
    "Download de Nederlandse kalender (open-data/aanbestedingskalender.xlsx) of het sjabloon, "
    "breng uw wijzigingen daarin aan en lees dat bestand in.",
    "Download the Dutch calendar (open-data/aanbestedingskalender.xlsx) or the template, make "
    "your changes there and import that file.",
)
_code(
    "missing-id-column",
    E,
    "No id column",
    "de kolom 'Kenmerk' ontbreekt in de eerste rij",
    "the column 'Kenmerk' (id) is missing from the first row",
    "Zet de kolomnamen in rij 1, zoals in de kalender of het sjabloon. 'Kenmerk' is verplicht: "
    "daarmee hoort elke rij bij een bestand.",
    "Put the column names in row 1, as in the calendar or the template. 'Kenmerk' is required: "
    "it ties each row to a file.",
)
_code(
    "duplicate-column",
    E,
    "Column twice",
    "de kolom '{value}' staat twee keer in de eerste rij (eerst in {first})",
    "the column '{value}' appears twice in the first row (first in {first})",
    "Verwijder of hernoem een van beide kolommen.",
    "Remove or rename one of the two columns.",
)
_code(
    "unknown-column",
    W,
    "Column not read",
    "de kolom '{value}' wordt niet ingelezen",
    "the column '{value}' is not read",
    "{suggestion_nl}Alleen de kolommen van de kalender (zie het tabblad Toelichting) worden "
    "ingelezen; andere kolommen worden overgeslagen.",
    "{suggestion_en}Only the calendar's columns (see the sheet Toelichting) are read; other "
    "columns are skipped.",
)
_code(
    "missing-id",
    E,
    "Row without id",
    "deze rij heeft geen kenmerk",
    "this row has no id (Kenmerk)",
    "Vul het kenmerk in, zoals 'bzk-2027-catering': kleine letters, cijfers en streepjes. Een "
    "nieuw kenmerk maakt een nieuw bestand.",
    "Fill in the id, such as 'bzk-2027-catering': lower-case letters, digits and hyphens. A new "
    "id makes a new file.",
)
_code(
    "duplicate-row",
    E,
    "Id in two rows",
    "het kenmerk '{value}' staat ook in rij {first}",
    "the id '{value}' is also in row {first}",
    "Elke aanbesteding staat één keer in het werkblad: voeg de rijen samen of verwijder er een.",
    "Each tender is in the sheet once: merge the rows or remove one.",
)
_code(
    "required-cell",
    E,
    "Required cell empty",
    "deze cel is leeg, maar '{header}' is verplicht",
    "this cell is empty, but '{header}' is required",
    "Vul de cel in.",
    "Fill in the cell.",
)
_code(
    "missing-column",
    E,
    "Required column missing",
    "het verplichte veld '{field}' ontbreekt en het werkblad heeft geen kolom '{header}'",
    "the required field '{field}' is missing and the sheet has no column '{header}'",
    "Voeg de kolom '{header}' toe en vul hem in, of vul het veld in het YAML-bestand in.",
    "Add the column '{header}' and fill it in, or fill in the field in the YAML file.",
)
_code(
    "read-only-column",
    E,
    "Column cannot be changed here",
    "'{header}' kan in het werkblad niet worden gewijzigd ({value} in plaats van {current})",
    "'{header}' cannot be changed in the sheet ({value} instead of {current})",
    "{advice_nl}",
    "{advice_en}",
)
_code(
    "theme-cell",
    E,
    "Not a theme with its level",
    "'{value}' is geen thema met ambitieniveau",
    "'{value}' is not a theme with its ambition level",
    "Schrijf elk thema als 'Naam: niveau', gescheiden door puntkomma's, zoals 'Klimaat: "
    "ambitieus; Circulair: basis'.",
    "Write each theme as 'Name: level', separated by semicolons, such as 'Klimaat: ambitieus; "
    "Circulair: basis'.",
)
_code(
    "new-theme",
    E,
    "Theme new to the tender",
    "het thema '{value}' is nieuw voor deze aanbesteding, en het werkblad zegt niet hoe het "
    "wordt toegepast",
    "the theme '{value}' is new to this tender, and the sheet does not say how it is applied",
    "Voeg het thema toe in het YAML-bestand, met 'applied_as' (requirements, award-criteria of "
    "contract-conditions), of laat het hier weg.",
    "Add the theme in the YAML file, with 'applied_as' (requirements, award-criteria or "
    "contract-conditions), or leave it out here.",
)
_code(
    "record-not-updatable",
    E,
    "File cannot be updated",
    "het bestand {value} kan niet worden bijgewerkt: {detail}",
    "the file {value} cannot be updated: {detail}",
    "Herstel eerst het bestand (mvi-site validate toont waar), en lees dan opnieuw in.",
    "Repair the file first (mvi-site validate shows where), then import again.",
)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one file; the wording is rendered later, per language."""

    file: str
    line: int
    column: int
    code: str
    path: str = ""
    params: tuple[tuple[str, str], ...] = ()
    cell: str = ""  # in a spreadsheet (`file` is "planning.xlsx!Kalender"): "C12"; line is the row

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def message(self, lang: str = "nl") -> str:
        return _fill(CODES[self.code].message[lang], self.params)

    def hint(self, lang: str = "nl") -> str:
        template = CODES[self.code].hint.get(lang, "")
        return _fill(template, self.params).strip()


def make_problem(
    file: str, line: int, column: int, code: str, path: str = "", **params: Any
) -> Problem:
    """Build a problem; params become strings so that problems stay hashable and sortable."""
    if code not in CODES:
        raise KeyError(f"unregistered problem code {code!r}")
    return Problem(
        file, line, column, code, path, tuple(sorted((k, str(v)) for k, v in params.items()))
    )


def cell_problem(
    file: str, row: int, column: int, cell: str, code: str, path: str = "", **params: Any
) -> Problem:
    """A problem in a spreadsheet: line and column are the cell's row and column number."""
    problem = make_problem(file, row, column, code, path, **params)
    return replace(problem, cell=cell)


def _fill(template: str, params: Iterable[tuple[str, str]]) -> str:
    values = dict(params)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a param this problem lacks, or a stray brace
        return template


@dataclass
class Report:
    """All problems of one run, plus how many files were read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)
