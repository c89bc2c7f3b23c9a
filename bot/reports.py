"""Plain-text reports for the iso20k command."""

from __future__ import annotations

from bot.storage.queries import QuestionReport


def format_question_report(report: QuestionReport) -> str:
    """The question report as three headed sections, "(none)" where a section is empty."""
    sections = [
        ("Most asked", [f"{count:>4}  {_one_line(text)}" for text, count in report.most_asked]),
        ("Unanswered", [f"{count:>4}  {_one_line(text)}" for text, count in report.unanswered]),
        (
            "Marked not helpful",
            [
                f"{count:>4}  {_one_line(text)}  (answered with {entry_id or 'nothing'})"
                for text, entry_id, count in report.not_helpful
            ],
        ),
    ]
    blocks = []
    for title, lines in sections:
        blocks.append("\n".join([title, "-" * len(title), *(lines or ["(none)"])]))
    return "\n\n".join(blocks) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
