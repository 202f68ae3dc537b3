"""The `mvi-site` command: validate data, build or serve the site, export schemas, import.

Exit codes: 0 valid, 1 invalid data, 2 usage error. No traceback reaches the editor. This is
the only module that reads the environment (`MVI_SITE_URL`, `MVI_TODAY`, `SOURCE_DATE_EPOCH`,
`MVI_CACHE_DIR`, `MVI_LANG`): everything after it is given a `Settings`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.base import clock
from generator.base.cache import cache_root
from generator.base.i18n import LANGS
from generator.editors.scaffold import SCAFFOLD_KINDS, ScaffoldError, next_step, write_skeleton
from generator.editors.schemas import known_ids, stale, write_schemas
from generator.editors.synth import synthesise
from generator.reports import FORMATS
from generator.settings import Settings, load_settings
from generator.validate import validate_data

log = logging.getLogger(__name__)
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return EXIT_USAGE
    except Exception as error:
        print(
            f"mvi-site: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in mvi-site, not in your data; please report it with the "
            "command you ran.",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mvi-site", description="Validate and publish the Inkopen met Impact data."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every file in the data folder")
    validate.add_argument(
        "data", nargs="?", default="data", type=Path, help="the data folder (default: data)"
    )
    validate.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text for people, github for annotations, json for tools",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    _add_lang(validate)
    validate.add_argument(
        "--today", type=_date, help="judge staleness as of this date (YYYY-MM-DD)"
    )
    validate.add_argument(
        "--config",
        default=Path("mkdocs.yml"),
        type=Path,
        help="site configuration, for the checks of the site as a whole (default: mkdocs.yml)",
    )
    validate.set_defaults(handler=_validate)

    build = commands.add_parser(
        "build", help="validate, build the site into a scratch folder, check it, then publish it"
    )
    build.add_argument(
        "--data", default=Path("data"), type=Path, help="the data folder (default: data)"
    )
    build.add_argument(
        "--config", default=Path("mkdocs.yml"), type=Path, help="MkDocs configuration"
    )
    build.add_argument(
        "--site-dir", default=Path("site"), type=Path, help="output folder (default: site)"
    )
    _add_lang(build)
    build.add_argument("--today", type=_date, help="build as of this date (YYYY-MM-DD)")
    build.add_argument("--site-url", help="where the site is published (default: $MVI_SITE_URL)")
    build.set_defaults(handler=_build)

    serve = commands.add_parser(
        "serve", help="build, then serve the site on this machine and rebuild on every change"
    )
    for argument in ("--data", "--config", "--lang", "--today"):
        action = next(a for a in build._actions if argument in a.option_strings)
        serve._add_action(action)
    serve.add_argument(
        "--site-dir", default=Path("site"), type=Path, help="output folder (default: site)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(handler=_serve)

    schema = commands.add_parser(
        "schema", help="write a JSON Schema per kind of file, with the known ids of data/"
    )
    schema.add_argument("--out", type=Path, required=True, help="folder to write into")
    schema.add_argument(
        "--data", type=Path, default=Path("data"), help="the data folder whose ids are listed"
    )
    schema.add_argument(
        "--check",
        action="store_true",
        help="write nothing; say which schemas in --out are stale (exit 1 only for a stale "
        "structure; stale id lists are a notice)",
    )
    schema.add_argument("--format", choices=("text", "github"), default="text")
    schema.set_defaults(handler=_schema)

    synth = commands.add_parser("synth", help="write a synthetic data set for benchmarks")
    synth.add_argument("--tenders", type=int, required=True, help="number of tenders")
    synth.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    synth.add_argument(
        "--base",
        type=Path,
        default=Path("data"),
        help="data folder whose reference data is copied (default: data)",
    )
    synth.add_argument("--seed", type=int, default=2027, help="random seed (default: 2027)")
    synth.add_argument(
        "--long-titles",
        action="store_true",
        help="titles of up to 190 characters with diacritics, quotes and ampersands, and every "
        "status: the hard case for tables, search and sorting",
    )
    synth.set_defaults(handler=_synth)

    diff = commands.add_parser(
        "diff", help="what changed in the data between two Git revisions or two folders"
    )
    diff.add_argument("base", help="a Git revision (main, HEAD~1, a commit) or a data folder")
    diff.add_argument(
        "head", nargs="?", help="a Git revision or a data folder (default: the data folder now)"
    )
    diff.add_argument(
        "--data", type=Path, default=Path("data"), help="the data folder (default: data)"
    )
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    _add_lang(diff, "the Markdown")
    diff.set_defaults(handler=_diff)

    new = commands.add_parser("new", help="write a commented skeleton file for a new record")
    new.add_argument("kind", choices=SCAFFOLD_KINDS, help="the kind of record")
    new.add_argument("id", help="the new record's id, which becomes its file name")
    new.add_argument(
        "--data", default=Path("data"), type=Path, help="the data folder (default: data)"
    )
    new.add_argument("--buyer", "--organisation", help="the organisation's id (default: first)")
    new.add_argument("--category", help="the category plan's id (tender, case)")
    new.add_argument("--title", help="the title (or name) in Dutch")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    _add_lang(new)
    new.set_defaults(handler=_new)
    _add_import(commands)
    return parser


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sheet = commands.add_parser(
        "import", help="read a planning spreadsheet (XLSX) into one YAML file per tender"
    )
    sheet.add_argument("file", type=Path, help="the workbook, laid out as the calendar XLSX")
    sheet.add_argument("--sheet", help="the sheet to read (default: the first)")
    sheet.add_argument(
        "--data", default=Path("data"), type=Path, help="the data folder (default: data)"
    )
    sheet.add_argument("--dry-run", action="store_true", help="check and report, but write nothing")
    sheet.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text for people, github for annotations, json for tools",
    )
    _add_lang(sheet)
    sheet.add_argument("--today", type=_date, help="date changed records as of this day")
    sheet.set_defaults(handler=_import)


def _date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return text


def today(given: str | None = None) -> dt.date:
    """`--today`, else `$MVI_TODAY`, else `$SOURCE_DATE_EPOCH`, else the clock (Amsterdam)."""
    return clock.today(given or os.environ.get("MVI_TODAY"), os.environ.get("SOURCE_DATE_EPOCH"))


def settings(args: argparse.Namespace) -> Settings:
    """The settings of a build from its arguments, mkdocs.yml and the environment."""
    return load_settings(
        args.config,
        data=args.data,
        today=today(args.today),
        lang=args.lang,
        cache=Path(os.environ.get("MVI_CACHE_DIR") or cache_root()),
        site_url=getattr(args, "site_url", None) or os.environ.get("MVI_SITE_URL"),
    )


def _validate(args: argparse.Namespace) -> int:
    if not args.data.is_dir():
        print(f"mvi-site: data folder not found: {args.data}", file=sys.stderr)
        return EXIT_USAGE
    if args.config.is_file():  # the data and the site as a whole
        from generator.site import check_site

        report = check_site(settings(args)).report
    else:
        _, report = validate_data(args.data, today(args.today))
    print(FORMATS[args.format](report, args.lang))
    return EXIT_OK if report.ok(strict=args.strict) else EXIT_INVALID


def _usable(args: argparse.Namespace) -> bool:
    if not args.data.is_dir():
        print(f"mvi-site: data folder not found: {args.data}", file=sys.stderr)
        return False
    if not args.config.is_file():
        print(f"mvi-site: configuration not found: {args.config}", file=sys.stderr)
        return False
    return True


def _build(args: argparse.Namespace) -> int:
    from generator.build import BuildFailed, build_site

    if not _usable(args):
        return EXIT_USAGE
    try:
        build_site(settings(args), args.site_dir)
    except BuildFailed as failure:
        print(failure, file=sys.stderr)
        print(f"mvi-site: the build failed; {args.site_dir} was left as it was.", file=sys.stderr)
        return EXIT_INVALID
    print(f"mvi-site: site built in {args.site_dir}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    if not _usable(args):
        return EXIT_USAGE
    return serve(lambda: settings(args), args.site_dir, args.port)


def _add_lang(parser: argparse.ArgumentParser, what: str = "the messages") -> None:
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=os.environ.get("MVI_LANG", "nl"),
        help=f"language of {what} (default: nl, or $MVI_LANG)",
    )


def _schema(args: argparse.Namespace) -> int:
    if not args.data.is_dir():
        print(f"mvi-site: data folder not found: {args.data}", file=sys.stderr)
        return EXIT_USAGE
    ids = known_ids(args.data)
    if not args.check:
        for path in write_schemas(args.out, ids):
            print(path)
        return EXIT_OK
    structure, listed = stale(args.out, ids)
    for name in listed:
        _say(
            args.format,
            "notice",
            args.out / name,
            "the list of known ids is out of date; "
            "`make schemas` (or the pre-commit hook) brings it up to date",
        )
    for name in structure:
        _say(
            args.format,
            "error",
            args.out / name,
            "stale: the models changed; run `make schemas` and commit the result",
        )
    return EXIT_INVALID if structure else EXIT_OK


def _say(form: str, level: str, path: Path, text: str) -> None:
    if form == "github":
        print(f"::{level} file={path.as_posix()},title=JSON Schema::{text}")
    else:
        print(f"{path}: {level}: {text}")


def _synth(args: argparse.Namespace) -> int:
    if not args.base.is_dir():
        print(f"mvi-site: data folder not found: {args.base}", file=sys.stderr)
        return EXIT_USAGE
    count = synthesise(args.base, args.out, args.tenders, args.seed, args.long_titles)
    print(f"{count} tenders written to {args.out}")
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from generator.history.git import GitError
    from generator.history.report import as_json, as_markdown, compare

    if not args.data.is_dir():
        print(f"mvi-site: data folder not found: {args.data}", file=sys.stderr)
        return EXIT_USAGE
    try:
        comparison = compare(args.base, args.head, args.data, today())
    except GitError as error:
        print(f"mvi-site: cannot read that revision: {error}", file=sys.stderr)
        return EXIT_USAGE
    for side, count in comparison.errors.items():
        if count:
            name = args.base if side == "base" else args.head or args.data
            print(
                f"mvi-site: {name} has {count} problem(s); only its valid records are compared "
                "(run mvi-site validate for the details).",
                file=sys.stderr,
            )
    if args.format == "json":
        print(as_json(comparison), end="")
    else:
        print(as_markdown(comparison, args.lang), end="")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    options = {"buyer": args.buyer, "category": args.category, "title": args.title}
    try:
        path = write_skeleton(args.kind, args.id, args.data, today(), force=args.force, **options)
    except ScaffoldError as error:
        print(f"mvi-site: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    print(next_step(path, args.data, args.lang))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from generator.editors.sheet_import import import_sheet, summary
    from generator.editors.workbook import WorkbookError

    if not (args.data / "tenders").is_dir():
        print(f"mvi-site: data folder not found: {args.data}", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = import_sheet(
            args.file, args.data, today(args.today), args.sheet, write=not args.dry_run
        )
    except WorkbookError as error:
        print(f"mvi-site: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    print(FORMATS[args.format](result.report, args.lang))
    print(summary(result, args.lang), file=sys.stderr if args.format == "json" else sys.stdout)
    return EXIT_INVALID if result.report.errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
