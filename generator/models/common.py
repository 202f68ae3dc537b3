"""Value types shared by all content kinds: ids, references, bilingual text, dates, links.

Each type validates itself and raises a `PydanticCustomError` whose type is one of our problem
codes, so the validator can report it with a stable code and a hint.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from generator.models.textcheck import describe, markdown_problems, plain_text_problems

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)
_CPV = re.compile(r"^[0-9]{8}-[0-9]$")


class Strict(BaseModel):
    """Base of every model: no unknown fields, no type coercion, immutable once validated."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    # Fields this kind once had and no longer reads: the validator warns about them
    # (`retired-field`) and leaves them out, so old versions in the Git history still load.
    retired_fields: ClassVar[frozenset[str]] = frozenset()


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to a record of another kind, checked across files.

    In the JSON Schema it is `"x-mvi-ref": kind`, where the editors' schemas list the known ids
    (generator/editors/schemas.py)."""

    kind: str

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(schema), REF_KEYWORD: self.kind}


REF_KEYWORD = "x-mvi-ref"


@dataclass(frozen=True)
class IsUrl:
    """Marks a field as a web address, so link rules can find every one."""


# --- Text ------------------------------------------------------------------------------------


def _check_plain(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty-value", "the field is empty")
    if found := plain_text_problems(value):
        raise PydanticCustomError("unsafe-text", "markup not allowed: {what_en}", describe(found))
    return value


def _check_markdown(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty-value", "the field is empty")
    if found := markdown_problems(value):
        raise PydanticCustomError(
            "unsafe-markdown", "not allowed in text: {what_en}", describe(found)
        )
    return value


PlainStr = Annotated[str, AfterValidator(_check_plain), Field(max_length=2000)]
ShortStr = Annotated[str, AfterValidator(_check_plain), Field(max_length=200)]
MarkdownStr = Annotated[str, AfterValidator(_check_markdown), Field(max_length=50_000)]


def _wrap_dutch(value: Any) -> Any:
    """`title: Tekst` is short for `title: {nl: Tekst}`."""
    return {"nl": value} if isinstance(value, str) else value


class _Localized(Strict):
    def get(self, lang: str) -> str:
        """The text in `lang`, or the Dutch text when that language is missing."""
        return getattr(self, lang, None) or self.nl  # type: ignore[attr-defined]

    def has(self, lang: str) -> bool:
        return bool(getattr(self, lang, None))


class LocalizedText(_Localized):
    """Plain text in Dutch (required) and English (optional)."""

    nl: PlainStr
    en: PlainStr | None = None


class LocalizedTitle(_Localized):
    """A title or name in Dutch (required) and English (optional), at most 200 characters."""

    nl: ShortStr
    en: ShortStr | None = None


class LocalizedMarkdown(_Localized):
    """Markdown text in Dutch (required) and English (optional)."""

    nl: MarkdownStr
    en: MarkdownStr | None = None


def _localized_schema(string_schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {**string_schema, "description": "Dutch text only"},
            {
                "type": "object",
                "properties": {"nl": string_schema, "en": string_schema},
                "required": ["nl"],
                "additionalProperties": False,
            },
        ],
    }


_STRING = {"type": "string", "minLength": 1}
Text = Annotated[
    LocalizedText,
    BeforeValidator(_wrap_dutch),
    WithJsonSchema(_localized_schema(_STRING, "Plain text: Dutch, or {nl: …, en: …}")),
]
Title = Annotated[
    LocalizedTitle,
    BeforeValidator(_wrap_dutch),
    WithJsonSchema(
        _localized_schema({**_STRING, "maxLength": 200}, "A title: Dutch, or {nl: …, en: …}")
    ),
]
Markdown = Annotated[
    LocalizedMarkdown,
    BeforeValidator(_wrap_dutch),
    WithJsonSchema(_localized_schema(_STRING, "Markdown: Dutch, or {nl: …, en: …}")),
]

# --- Identifiers and references ----------------------------------------------------------------


def _check_id(value: str) -> str:
    if not _ID.match(value) or len(value) > 80:
        raise PydanticCustomError("invalid-id", "'{value}' is not a valid id", {"value": value})
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": 80}),
]
OrganisationRef = Annotated[Id, Ref("organisation")]
ThemeRef = Annotated[Id, Ref("theme")]
CategoryRef = Annotated[Id, Ref("category-plan")]
GoalRef = Annotated[Id, Ref("goal")]
ProductGroupRef = Annotated[Id, Ref("product-group")]

# A level of the ambitieweb: its id in data/ambition-levels.yaml, which orders and names them.
AmbitionLevel = Annotated[Id, Ref("ambition-level")]

# --- Links and contacts ------------------------------------------------------------------------


_URL_PROBLEMS = {  # why an address is refused, in Dutch and English
    "scheme": ("het moet beginnen met https://", "it must start with https://"),
    "host": ("er staat geen domeinnaam in", "no host name"),
    "login": (
        "er mag geen gebruikersnaam of wachtwoord in staan",
        "it must not contain a user name or password",
    ),
    "spaces": ("er staan spaties of opmaak in", "it contains spaces or markup"),
}


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    why = None
    if parts.scheme not in ("https", "http"):
        why = "scheme"
    elif not parts.hostname or "." not in parts.hostname:
        why = "host"
    elif parts.username or parts.password:
        why = "login"
    elif re.search(r"\s", value) or plain_text_problems(value):
        why = "spaces"
    if why:
        detail_nl, detail_en = _URL_PROBLEMS[why]
        raise PydanticCustomError(
            "invalid-url",
            "'{value}' is not a valid web address: {detail_en}",
            {"value": value, "detail_nl": detail_nl, "detail_en": detail_en},
        )
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    IsUrl(),
    WithJsonSchema({"type": "string", "pattern": "^https?://[^\\s]+$"}),
]


def _check_email(value: str) -> str:
    if detail := _email_problem(value):
        raise PydanticCustomError(
            "invalid-email",
            "'{value}' is not a valid e-mail address: {detail_en}",
            {"value": value, "detail_nl": _email_problem_nl(value), "detail_en": detail},
        )
    return value


@lru_cache(maxsize=4096)
def _email_problem(value: str) -> str | None:
    """Why an address is invalid, or None; cached, since a mailbox recurs across tenders."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error)
    return None


def _email_problem_nl(value: str) -> str:
    """What is wrong with the address, in Dutch (the checker explains in English only)."""
    local, at, domain = value.rpartition("@")
    if not at:
        return "er staat geen @ in"
    if not local:
        return "er staat niets vóór de @"
    if not domain or "." not in domain:
        return "na de @ hoort een domeinnaam zoals minbzk.nl"
    if re.search(r"\s", value):
        return "er staan spaties in"
    return "het heeft niet de vorm naam@domein.nl"


Email = Annotated[
    str, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]


def _check_cpv(value: str) -> str:
    if not _CPV.match(value):
        why = re.fullmatch(r"[0-9]{8}", value) is not None  # the check digit left out
        raise PydanticCustomError(
            "invalid-cpv",
            "'{value}' is not a CPV code{why_en}",
            {
                "value": value,
                "why_nl": f": het controlecijfer ontbreekt ({value}-…)" if why else "",
                "why_en": f": the check digit is missing ({value}-…)" if why else "",
            },
        )
    return value


Cpv = Annotated[
    str,
    AfterValidator(_check_cpv),
    WithJsonSchema({"type": "string", "pattern": "^[0-9]{8}-[0-9]$"}),
]

Year = Annotated[int, Field(ge=2000, le=2100)]


class Link(Strict):
    """A link to a published document or page."""

    title: Text
    url: Url


_PHONE = re.compile(r"\+?[0-9 ()-]{6,20}")


def _check_phone(value: str) -> str:
    if not _PHONE.fullmatch(value):
        raise PydanticCustomError(
            "invalid-phone", "'{value}' is not a telephone number", {"value": value}
        )
    return value


Phone = Annotated[
    str,
    AfterValidator(_check_phone),
    WithJsonSchema({"type": "string", "pattern": "^\\+?[0-9 ()-]{6,20}$"}),
]


class Contact(Strict):
    """Who a supplier can write to; a functional mailbox is enough."""

    name: ShortStr | None = None
    email: Email
    phone: Phone | None = None


class Period(Strict):
    """A span of whole years, such as a plan period 2024–2027."""

    start: Year
    end: Year


# --- Planned dates: a day, a month or a quarter ---------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class PlannedDate:
    """A date known to a day, a month or a quarter: `2027-05-14`, `2027-05` or `2027-Q2`."""

    start: dt.date
    end: dt.date
    precision: Literal["day", "month", "quarter"]

    def __str__(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"

    @classmethod
    def parse(cls, value: Any) -> PlannedDate:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return cls(value, value, "day")
        if isinstance(value, str):
            if match := _MONTH.match(value):
                return cls.month(int(match[1]), int(match[2]))
            if match := _QUARTER.match(value):
                return cls.quarter(int(match[1]), int(match[2]))
        raise PydanticCustomError(
            "invalid-planned-date",
            "'{value}' is not a date, month or quarter",
            {"value": str(value)},
        )

    @classmethod
    def month(cls, year: int, month: int) -> PlannedDate:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(dt.date(year, month, 1), following - dt.timedelta(days=1), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> PlannedDate:
        first = cls.month(year, quarter * 3 - 2)
        return cls(first.start, cls.month(year, quarter * 3).end, "quarter")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "description": "A day (2027-05-14), a month (2027-05) or a quarter (2027-Q2)",
            "type": "string",
            "pattern": "^[0-9]{4}-(Q[1-4]|(0[1-9]|1[0-2])(-[0-3][0-9])?)$",
        }
