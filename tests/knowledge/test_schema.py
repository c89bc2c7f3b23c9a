"""Every way a knowledge file can be broken is refused with file, entry and field named."""

import textwrap

import pytest

from bot.knowledge import KnowledgeError, load_catalog

CLAUSES = """
- id: "7"
  kind: clause
  title: Support
  summary: Resources, competence, awareness, communication and documents.
  clauses: ["7"]
  source: "ISO/IEC 20000-1:2018, 7"
- id: "7.4"
  kind: clause
  title: Communication
  summary: Decide what to communicate, when, to whom and how.
  clauses: ["7.4"]
  source: "ISO/IEC 20000-1:2018, 7.4"
  keywords: [comms]
"""

MATURITY = """
- id: maturity-communication
  kind: maturity
  title: Communication
  summary: How information flows.
  levels: {I: ad hoc, II: defined, III: integrated}
  clauses: ["7.4"]
  source: "ISO/IEC TS 20000-5:2022, Table 1"
"""

ACTIVITY = """
- id: activity-incident-management-a
  kind: activity
  group: incident-management
  title: Record incidents
  summary: Log every incident.
  who: [Incident Manager]
  phases: [1, 2]
  clauses: ["7.4"]
  source: "ISO/IEC DTR 20000-5, Annex B, Table B.1"
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


@pytest.fixture
def shipped(tmp_path):
    folder = tmp_path / "shipped"
    write(folder, "clauses.yaml", CLAUSES)
    write(folder, "maturity.yaml", MATURITY)
    write(folder, "activities/incident.yaml", ACTIVITY)
    return folder


def load_error(shipped, extra=None) -> str:
    with pytest.raises(KnowledgeError) as err:
        load_catalog(extra_dir=extra, shipped_dir=shipped)
    return str(err.value)


def test_valid_fixture_loads_and_normalizes_roles(shipped):
    catalog = load_catalog(shipped_dir=shipped)
    assert sorted(e.id for e in catalog.entries) == [
        "7",
        "7.4",
        "activity-incident-management-a",
        "maturity-communication",
    ]
    assert catalog.get("activity-incident-management-a").who == ["incident manager"]


def test_unknown_field(shipped):
    write(shipped, "maturity.yaml", MATURITY + "  colour: blue\n")
    message = load_error(shipped)
    assert "maturity.yaml" in message and "maturity-communication" in message
    assert "'colour'" in message and "unknown field" in message


def test_missing_field(shipped):
    write(shipped, "maturity.yaml", MATURITY.replace('  source: "ISO/IEC TS 20000-5:2022, Table 1"\n', ""))
    message = load_error(shipped)
    assert "maturity-communication" in message and "'source'" in message and "missing field" in message


def test_duplicate_id_names_both_files(shipped):
    write(shipped, "more.yaml", MATURITY)
    message = load_error(shipped)
    assert "duplicate id" in message and "maturity-communication" in message
    assert "more.yaml" in message and "maturity.yaml" in message


def test_clause_that_does_not_exist(shipped):
    write(shipped, "activities/incident.yaml", ACTIVITY.replace('["7.4"]', '["7.4", "8.6.1"]'))
    message = load_error(shipped)
    assert "incident.yaml" in message and "activity-incident-management-a" in message
    assert "'clauses'" in message and "8.6.1" in message


def test_clause_number_outside_4_to_10(shipped):
    write(shipped, "maturity.yaml", MATURITY.replace('clauses: ["7.4"]', 'clauses: ["11.2"]'))
    assert "'clauses.0'" in load_error(shipped)


def test_level_other_than_i_to_iii(shipped):
    write(shipped, "maturity.yaml", MATURITY.replace("III: integrated", "III: integrated, IV: optimized"))
    message = load_error(shipped)
    assert "maturity-communication" in message and "levels.IV" in message


def test_missing_level(shipped):
    write(shipped, "maturity.yaml", MATURITY.replace(", III: integrated", ""))
    assert "levels.III" in load_error(shipped)


def test_phase_other_than_1_to_3(shipped):
    write(shipped, "activities/incident.yaml", ACTIVITY.replace("[1, 2]", "[1, 4]"))
    message = load_error(shipped)
    assert "activity-incident-management-a" in message and "phases.1" in message


def test_unknown_kind(shipped):
    write(shipped, "maturity.yaml", MATURITY.replace("kind: maturity", "kind: rumour"))
    assert "unknown kind 'rumour'" in load_error(shipped)


def test_broken_yaml_names_file_and_line(shipped):
    write(shipped, "broken.yaml", "- id: x\n  title: [unclosed\n")
    message = load_error(shipped)
    assert "broken.yaml" in message and "line" in message and "not valid YAML" in message


def test_file_that_is_not_a_list(shipped):
    write(shipped, "map.yaml", "id: x\n")
    assert "map.yaml" in load_error(shipped) and "list of entries" in load_error(shipped)


def test_related_must_exist(shipped):
    write(shipped, "maturity.yaml", MATURITY + "  related: [challenge-99]\n")
    assert "challenge-99" in load_error(shipped)


def test_organization_entries_are_merged(shipped, tmp_path):
    org = tmp_path / "org"
    write(
        org,
        "faq.yaml",
        """
        - id: faq-ticket-tool
          kind: faq
          title: Which ticket tool do we use?
          summary: We log incidents in the HelpHub tool.
          clauses: ["7.4"]
          source: "Acme service desk handbook, section 2"
        """,
    )
    catalog = load_catalog(extra_dir=org, shipped_dir=shipped)
    assert catalog.get("faq-ticket-tool").kind == "faq"
    assert len(catalog) == 5


def test_organization_ids_must_not_clash(shipped, tmp_path):
    org = tmp_path / "org"
    write(org, "local.yaml", MATURITY)
    message = load_error(shipped, org)
    assert "duplicate id" in message and "local.yaml" in message


def test_organization_cannot_add_clauses(shipped, tmp_path):
    org = tmp_path / "org"
    write(
        org,
        "local.yaml",
        """
        - id: "7.9"
          kind: clause
          title: Made-up clause
          summary: Not in the standard.
          clauses: ["7.4"]
          source: local
        """,
    )
    message = load_error(shipped, org)
    assert "local.yaml" in message and "reserved" in message


def test_organization_folder_entries_are_validated(shipped, tmp_path):
    org = tmp_path / "org"
    write(
        org,
        "local.yaml",
        """
        - id: policy-x
          kind: policy
          title: Local policy
          summary: Text.
          clauses: ["9.9"]
          source: local
        """,
    )
    message = load_error(shipped, org)
    assert "local.yaml" in message and "policy-x" in message and "9.9" in message


def test_a_keyword_listed_twice(shipped):
    write(shipped, "clauses.yaml", CLAUSES.replace("keywords: [comms]", "keywords: [comms, Comms]"))
    message = load_error(shipped)
    assert "7.4" in message and "'keywords'" in message and "listed twice" in message


def test_a_keyword_of_common_words_only_is_refused(shipped):
    # "what", "with whom", "all at once": the search skips every word, so the keyword could never match
    write(shipped, "clauses.yaml", CLAUSES.replace("keywords: [comms]", "keywords: [comms, with whom]"))
    message = load_error(shipped)
    assert "7.4" in message and "'with whom'" in message and "common words" in message
