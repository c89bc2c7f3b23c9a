"""How the search reads situations, 'when' / 'who' questions and level comparisons (issue #10)."""

import pytest

from bot.knowledge.evaluate import EvalReport
from bot.knowledge.query import read_hints
from bot.knowledge.text import content_stems, stem, words


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our senior managers say yes to the SMS but give it no budget", "challenge-3"),
        ("people slowly drifted away from the implementation", "challenge-2"),
        ("the rollout got overtaken by other priorities", "challenge-2"),
        ("staff push back on every new procedure", "challenge-4"),
        ("engineers keep asking what's in it for them", "challenge-4"),
        ("the survey team buy their own laptops and cloud storage and won't go through IT", "challenge-4"),
    ],
)
def test_a_situation_finds_its_challenge(index, question, expected):
    answer = index.search(question)
    assert answer.hits and answer.hits[0].entry.id == expected, [h.entry.id for h in answer.hits]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("when do we set up the CMDB", "activity-configuration-management-d"),
        ("in which phase do we start testing the continuity plans", "activity-service-continuity-and-availability-k"),
        ("when is the release policy agreed with the customer", "activity-release-management-a"),
        ("capacity plan when?", "activity-capacity-management-b"),
    ],
)
def test_when_questions_prefer_the_activity_that_says_when(index, question, expected):
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == expected, [h.entry.id for h in answer.hits]


def test_a_question_that_asks_for_the_clause_gets_the_clause(index):
    answer = index.search("which clause says who assigns roles and authorities")
    assert answer.hits[0].entry.id == "5.3"


def test_a_comparison_of_levels_is_answered_with_the_element(index):
    answer = index.search("difference between level II and level III for resources")
    assert answer.answered and answer.hits[0].entry.id == "maturity-resource"


@pytest.mark.parametrize(
    "question, level, expected",
    [("difference between I and II for risk", 1, "maturity-risk"), ("II vs III for customer communication", 2, None)],
)
def test_levels_compared_by_numeral_alone_are_maturity_levels(index, question, level, expected):
    assert read_hints(question).level == level
    if expected:
        answer = index.search(question)
        assert answer.answered and answer.hits[0].entry.id == expected


@pytest.mark.parametrize("question", ["can I or II do this", "what is ii"])
def test_a_lone_numeral_or_the_word_i_is_no_level(question):
    assert read_hints(question).level is None


def test_hints_read_when_and_situations():
    assert read_hints("when should we start problem management").asks_when
    assert read_hints("at what point do we audit CIs").asks_when
    assert not read_hints("what happens when a change fails").asks_when
    assert read_hints("our leaders don't back the project").situation
    assert not read_hints("what does the standard say about leadership").situation


def test_words_that_the_stemmer_would_confuse_stay_apart():
    assert stem("continuity") != stem("continual")
    assert "wiifm" in words("what's in it for me?")


def test_the_answered_curve_trades_precision_for_recall():
    report = EvalReport(outcomes=[(0.95, True), (0.8, True), (0.6, False), (0.55, True), (0.2, False)])
    curve = {p.threshold: p for p in report.curve((0.0, 0.5, 0.9))}
    assert curve[0.0].answered == 5 and curve[0.0].recall == 1.0 and curve[0.0].precision == 0.6
    assert curve[0.5].answered == 4 and curve[0.5].precision == 0.75
    assert curve[0.9].answered == 1 and curve[0.9].precision == 1.0 and curve[0.9].recall == pytest.approx(1 / 3)


def test_a_trailing_when_asks_for_the_plan_and_naming_the_standard_does_not_ask_for_a_clause():
    assert read_hints("procedure for contract disputes with suppliers - when?").asks_when
    assert "activity" in read_hints("who decides to adopt 20000-1").kinds
    assert "activity" in read_hints("when is availability compared to the requirements").kinds
    assert "activity" not in read_hints("which clause says who assigns roles").kinds


def test_a_longer_title_said_in_full_beats_the_shorter_one_inside_it(index):
    answer = index.search("process management level I vs II")
    assert answer.hits[0].entry.id == "maturity-process-management"


def test_words_that_compare_levels_do_not_push_the_question_out_of_the_domain(index):
    answer = index.search("what distinguishes level 2 from level 3 for learning")
    assert answer.answered and answer.hits[0].entry.id == "maturity-learning"


@pytest.mark.parametrize(
    "question",
    [
        "our directors keep calling off the steering group",
        "the engineers view the standard as just paperwork",
        "the business units run their own tools",
        "nobody shows up to the workshops any more",
        "service desk staff think this is all a plot to outsource them",
        "nobody outside IT has any idea why we're even doing this",
    ],
)
def test_more_ways_of_telling_a_situation_are_read_as_one(question):
    hints = read_hints(question)
    assert hints.situation and "challenge" in hints.kinds


def test_a_situation_does_not_ask_for_a_clause_or_guidance_unless_it_says_so():
    assert read_hints("staff ignore the new change process").kinds == {"challenge"}
    assert "clause" in read_hints("staff ignore the change process, which clause helps").kinds


def test_symptoms_named_as_a_maturity_question_stay_maturity():
    hints = read_hints("staff don't work with other processes - what maturity level")
    assert not hints.situation and "challenge" not in hints.kinds


def test_wont_and_cant_are_will_not_and_can_not():
    assert words("they won't and can't") == ["they", "will", "not", "and", "can", "not"]


def test_a_role_name_with_owner_is_no_who_question():
    hints = read_hints("what does a service owner do")
    assert not hints.asks_who and "activity" not in hints.kinds
    assert read_hints("who owns the capacity plan").asks_who


def test_a_question_that_asks_only_for_a_clause_prefers_clauses(index):
    answer = index.search("which clause makes us put controls in place against information security risks")
    assert answer.hits[0].entry.id == "8.7.3.2"


def test_a_challenge_that_matches_a_told_situation_is_more_likely_the_answer():
    from bot.knowledge.ranking import answer_confidence

    features = {
        "direct": 0.0,
        "specific": 1.0,
        "domain": 0.6,
        "domain_min": 0.3,
        "cover": 0.3,
        "lead": 0.1,
        "title_cover": 0.0,
        "kind_match": 1.0,
        "rule": 0.0,
        "situation": 0.0,
        "meaning": 0.3,
        "meaning_lead": 0.0,
    }
    assert answer_confidence({**features, "situation": 1.0}) > answer_confidence(features)


def test_everyday_words_of_examples_do_not_pull_an_unrelated_question_in(index):
    # "left" and "day" occur in challenge examples ("the sponsor left", "day jobs"), not as topics
    assert "left" not in index.topic_stems


def test_more_everyday_complaints_are_situations():
    assert read_hints("nobody wants to get behind the project").situation
    assert read_hints("staff feel the process is imposed on them").situation
    assert read_hints("the ops guys say it's a waste of time").situation
    assert "wiifm" in words("whats in it for me")


def test_a_ts_subclause_whose_title_says_the_question_beats_its_overview(index):
    answer = index.search("what should be in our business case for ISO 20000")
    assert answer.hits[0].entry.id == "guidance-5.3.1"


def test_a_challenge_named_by_its_title_words_is_found_despite_its_many_examples(index):
    answer = index.search("top management buy-in")
    assert answer.answered and answer.hits[0].entry.id == "challenge-3"


def test_every_phase_named_counts_and_which_role_asks_who():
    assert read_hints("is trend analysis of changes done in phase 2 or 3").phases == (2, 3)
    assert read_hints("phases 1, 2 and 3").phases == (1, 2, 3)
    hints = read_hints("which manager keeps the continuity plans up to date")
    assert hints.asks_who and "activity" in hints.kinds
    assert "activity" not in read_hints("roles responsibilities and authorities").kinds


def test_an_activity_of_either_phase_named_is_preferred(index):
    answer = index.search("is trend analysis of changes done in phase 2 or 3")
    assert answer.hits[0].entry.id == "activity-change-management-p"


@pytest.mark.parametrize(
    "first, second",
    [
        ("decision", "decide"),
        ("definition", "define"),
        ("analysis", "analysing"),
        ("failure", "failed"),
        ("deliverables", "deliver"),
        ("exclusions", "exclude"),
        ("staff", "staffing"),
        ("satisfaction", "satisfied"),
    ],
)
def test_a_verb_and_its_noun_share_a_stem(first, second):
    assert stem(words(first)[0]) == stem(words(second)[0])


def test_a_component_named_in_full_beats_one_that_shares_a_word(index):
    # "change" is in both "change management" and "new or changed services"
    answer = index.search("phase 3 change management activities")
    assert answer.hits[0].entry.id.startswith("activity-change-management-")


def test_a_component_word_does_not_also_name_its_manager(index):
    # "incident trends" names the incident component once, not the incident manager as well
    answer = index.search("who is supposed to analyse incident trends")
    assert answer.hits[0].entry.id == "activity-problem-management-d"
    said = index.search("when does the incident manager start logging tickets")
    assert said.hits[0].entry.id == "activity-incident-management-a"


def test_a_question_asking_for_a_subclause_gets_the_subclause():
    assert read_hints("which subclause of the service portfolio covers service delivery").wants_subclause
    assert not read_hints("service portfolio").wants_subclause


def test_the_subclause_asked_for_beats_its_overview(index):
    answer = index.search("which subclause of the service portfolio covers service delivery")
    assert answer.hits[0].entry.id == "8.2.1"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("release types and frequency agreed with the customer - where in 8.5?", {"8.5.3"}),
        ("CAB, assessing and approving changes, emergency changes - which part of 8.5 is that", {"8.5.1", "8.5.1.3"}),
    ],
)
def test_a_part_of_a_named_clause_asked_for_is_one_of_its_subclauses(index, question, expected):
    assert read_hints(question).within_named
    assert index.search(question).hits[0].entry.id in expected
    # the clause named alone is the clause itself
    assert not read_hints("what is in 8.5").within_named
    assert index.search("what is in 8.5").hits[0].entry.id == "8.5"


def test_a_finding_told_as_not_conforming_is_a_nonconformity(index):
    assert index.stems("not conforming") == index.stems("nonconformity")
    assert index.stems("it doesn't conform") == index.stems("nonconformity")
    # conformity itself is no nonconformity: "can we claim conformity with only two processes live"
    assert index.stems("conformity") != index.stems("nonconformity")


def test_a_subcontractor_is_not_any_supplier_and_a_helpdesk_is_the_service_desk(index):
    assert index.stems("subcontractor") != index.stems("supplier")
    assert index.stems("helpdesk") == index.stems("service desk") == index.stems("help desk")
    assert index.stems("change request") == index.stems("RFC")


@pytest.mark.parametrize(
    "question",
    [
        "everyone is burnt out by the constant change",
        "a few team leads badmouth the new incident procedure",
        "the leadership keeps reprioritising the work",
        "our roadmap is now out of date",
        "we do not have enough people for the implementation",
        "the steering committee keeps saying no",
        "leadership commitment faded after the kick-off",
        "the team has no time for the project",
    ],
)
def test_fatigue_criticism_stale_plans_and_missing_people_are_situations(question):
    hints = read_hints(question)
    assert hints.situation and "challenge" in hints.kinds


@pytest.mark.parametrize(
    "question, expected",
    [
        ("the whole department is exhausted by one reorganisation after another", "challenge-2"),
        ("the roadmap is outdated since the strategy moved", "challenge-2"),
        ("we are short of staff for the implementation and nobody will release anyone", "challenge-3"),
        ("supervisors openly criticise the new change procedure", "challenge-4"),
        ("the executives are unconvinced and will not let us begin", "challenge-1"),
        # a shelved project, foot-dragging, the change seen as paperwork
        ("my guys think the new process is just more paperwork and keep dragging their feet", "challenge-4"),
        ("mgmt was all in back in jan, now a cloud migration came along and 20k got shelved", "challenge-2"),
        ("the project was put on hold when the merger started", "challenge-2"),
    ],
)
def test_situations_told_in_other_words_find_their_challenge(index, question, expected):
    assert read_hints(question).situation
    answer = index.search(question)
    assert expected in [h.entry.id for h in answer.hits[:1]], [h.entry.id for h in answer.hits]


def test_filler_words_do_not_count_as_topic_words(index):
    assert index.terms("once everything is saying").stems == ()


@pytest.mark.parametrize(
    "question, expected",
    [
        ("how do we find out where we stand today", "guidance-5.3.2"),
        ("how do we define success for the implementation", "guidance-5.3.3"),
        ("what should the team know about organizational change", "guidance-4.13"),
        ("how do I get started with ISO 20000", "guidance-5.3"),
    ],
)
def test_advice_asked_in_everyday_words_finds_its_ts_subclause(index, question, expected):
    answer = index.search(question)
    assert expected in [h.entry.id for h in answer.hits[:3]], [h.entry.id for h in answer.hits]


def test_a_close_guidance_entry_is_shown_among_the_first_three_unless_a_clause_is_asked_for(index):
    hits = [h.entry for h in index.search("what do service owners do in the implementation plan").hits]
    assert hits[0].kind == "activity" and any(e.kind == "guidance" for e in hits[:3])
    hits = [h.entry for h in index.search("which clause covers the CMDB").hits]
    assert hits[0].id == "8.2.6" and not any(e.kind == "guidance" for e in hits[:3])


@pytest.mark.parametrize(
    "question",
    [
        "my account is locked again",
        "who do I ask about my payslip",
        "how do I set up the printer on the second floor",
        "what training courses can I take this year",
        "is my sick leave paid",
        "what is the IT helpdesk phone number",
        "how do I raise an IT ticket",
        "how do I update my emergency contact in the HR system",
        "can you log an incident for me, my screen is black",
        "what is the process for requesting a new laptop",
        "how do I get access to the finance share",
        "reporting a stolen phone",
        "when are the performance reviews this year",
        "how do I set up an out of office reply in outlook",
        "can you translate the kickoff deck into German",
        "tips for my CV for the service desk lead job",
        "could you order me a new laptop",
        # another framework's own content
        "which ISO 27001 Annex A controls cover access control",
        "how many practices are there in ITIL 4",
        "what evidence does a SOC 2 type II audit need",
        "PCI DSS rules for quarterly vulnerability scans",
        "how big are GDPR fines",
        "what are the access control requirements in ISO 27001:2022 Annex A",
        "GDPR art 33 - is it 72 hours to notify after a breach",
        "what are the audit principles in ISO 19011",
        # reading tips, a tool vendor's prices or its own configuration
        "can you recommend a good book on leadership for new managers",
        "what's ServiceNow's per-agent licence price compared with Jira",
        "jira automation rule to auto assign tickets by keyword, how",
        "how do I set up an SLA timer rule in Jira Service Management",
        "configure BGP failover between our two ISPs",
        "BGP session to our transit provider keeps flapping, ideas?",
        "alertmanager route config to mute staging alerts at night?",
        # another regulation's own duties
        "Solvency II reporting deadline",
        "we got a subject access request, how long do we have to answer it",
        "GDPR breach - do we have 72 hours to notify the regulator?",
        "does GDPR make us purge backups when a user asks to be deleted",
        "how do I reset someone's MFA in Azure AD, they got a new phone",
        "what time is all-hands tomorrow",
        "when is the offsite",
        "town hall slides?",
        "who's ordering lunch for the offsite",
        "the aircon in the server room is broken again, who do I call",
        "what's the max ICO fine for a data breach in the UK",
        "The heating on the 3rd floor has been off since Monday and facilities aren't answering. Who do I chase?",
        "what's the deadline for mileage claims this month",
        "What GPU should I get for a new workstation under 2k?",
        "half of us still can't print. Is there a driver I need to install for the Ricoh printers?",
        "how do I claim mileage for a site visit",
        "how do I create a UI policy in ServiceNow",
        "what does Annex A 5.7 of 27001 actually require us to do?",
        "good morning! how's your day going",
        "budget code for the team away day?",
        "how do I request a change to my working pattern",
        "which supplier do we use for office chairs",
        "major incident on the M6, can I work from home today",
        "the coffee machine flooded the kitchen this morning, who cleans it up",
        "what's our change of address process for payroll",
        "when is payroll this month",
        "how do I contact IT support",
        "write a haiku about deadlines",
        "are you a real person?",
        "who invented the world wide web",
        "when's my performance review due",
        "what's the process for raising a grievance about my manager",
        "can I carry over unused holiday into next year",
        "reporting the lift in B block out of order AGAIN",
        "who signs off the fire risk assessment for the new mezzanine?",
        "Teams camera not working on my Mac",
        "how many working days to answer an FOI request?",
        "what's the pass mark for ITIL foundation",
        "Our ISO 9001 auditor flagged clause 7.1.5 on monitoring resources. What does that clause require?",
        "how do i expense the auditor's hotel, which cost center",
        "how much PTO is left for me before december",
        "any restaurant nearby that takes a group of ten after the audit?",
        "pizza for the project team friday?",
        "happy friday all! any weekend plans?",
        "are we open on the bank holiday or should I book it off",
        "what do we get the service manager for her birthday",
        "can someone order a new chair for my desk",
        "what retention settings should the veeam backup job use for the new client",
        "how do I set up a commvault backup schedule",
        "is there a deadline for submitting expenses from the conference",
        "which error budget policy does the google sre workbook suggest",
        "could someone reset my corp.example password please",
        "how long must we keep discharge letters under the records management code of practice?",
        "who files the section 117 aftercare forms?",
        "what does ISO 15189 require for validating lab results",
        "what does COBIT say about risk appetite",
        "how do i make the pagerduty escalation policy skip weekends",
        "a new starter joins monday, how do I get them a badge and a laptop",
        "GDPR: must we sign a DPA with each supplier?",
        "do we need to appoint a DPO",
        "regex for matching ticket numbers in email subjects",
        "could you draft a letter to the landlord about the aircon",
        "the printer in room 4 needs toner",
        "what's the Cisco TAC phone number",
        "how do I stop windows updates installing during the day on the kiosks",
        "who do I ask to book the main hall for the away day",
        "could someone order more oat milk, the kitchen is out",
        "under GDPR, when does the 72h breach notification clock start?",
        "what are the ISO 27001 requirements for supplier security?",
        "helm upgrade keeps failing with a timeout error, ideas?",
        "launchdarkly flag targeting setup how",
        "hotline number for the Cisco TAC?",
        "what does DORA require for ICT third-party risk",
        "a visitor tripped over a cable in reception - where do we log the incident for health and safety?",
        "what are the tachograph rules on breaks for our van drivers",
        "the insurer needs a report on the car park collision, which form is it",
        "what budget code do I use for the ITIL course",
        "how do I claim overtime for the weekend release",
        "the cleaners didn't empty the bins on floor 3 again",
        "where do I send my insurance claim for the cracked windscreen",
        # a writing task, or a market figure: the standard writes no papers and sets no numbers
        "draft me a board paper on moving the call centre to the cloud",
        "could you write a memo to the engineers about the new on-call rota",
        "what's the going day rate for an interim problem manager",
        "average cost per incident ticket at a UK council?",
        "what availability do water companies typically achieve for telemetry",
        # the organisation's own records, and shopping
        "who signed off the firewall change that broke the VPN yesterday?",
        "where is the latest DR test report saved",
        "how many open changes do we have this week",
        "could you find me the minutes of the last CAB",
        "which monitoring vendor would you recommend for a small MSP",
        "cheapest way to buy extra Jira agent seats",
        # the news of the day, how to work a tool, other bodies of practice
        "has the P2 from last night been resolved yet?",
        "when's our next CAB?",
        "what did the CAB decide about the kernel patch",
        "is the billing site down or is it just me",
        "how do I add a guest to our Teams channel for the vendor",
        "Confluence: how do I lock a page so only the auditors can edit it",
        "what does PRINCE2 put in a project initiation document",
        "how do I work out an error budget for a 99.95% target",
        "who's on call for the billing platform tonight?",
        "what's the dial-in for the P1 bridge",
        "i think i clicked a dodgy link in an email, what do i do",
        "where do I find the invoice for last month's hosting",
        "is it legal to record service desk calls in France?",
        "who is our account manager at Oracle?",
        "who's the duty manager for this weekend?",
        "ISO 14971 risk file or an FMEA for a new device - which do we need?",
        "which ISO 30414 metrics are mandatory for our annual report",
        "can I swap my on-call shift with Sam next weekend",
        "the print spooler is stuck again on the finance PC",
    ],
)
def test_the_askers_own_errand_or_another_frameworks_own_content_is_not_answered(index, question):
    assert read_hints(question).errand
    assert not index.search(question).answered


@pytest.mark.parametrize(
    "question",
    [
        "are password resets handled as service requests",
        "should laptops be recorded as configuration items",
        "my team resists the new incident process",
        "can I claim conformity if only some processes are in place",
        "staff do their part but don't connect with other processes",
        "what does it support in the service lifecycle",
        "how long may a service desk ticket stay open",
        "what does HR do in the implementation plan",
        "my service desk team ignores the new process",
        "we renegotiated my supplier contract after the review",
        "how often are supplier performance reviews held",
        # another framework named beside ours
        "can we combine ISO 20000 with ITIL",
        "how do we handle a GDPR breach",
        "does our SMS need the 27001 Annex A controls",
        "what is in annex A of the exemplar plan",
        "can we use jira as our CMDB",
        "should our CMDB hold VLANs as CIs",
        "docker images - do we need to write release notes for each one?",
        "does the SMS need a workflow in servicenow for changes",
        "do we need something written down saying which stuff is under change control? like is terraform state in",
        "we already have a risk register from soc2. what does 20k require re risks and opportunities",
        "how does a helm rollback fit into our release process",
        "internal audit - identical to 9001 9.2 or are there extras?",
        "the milk collection system is down for the dairy farms, which clause covers that",
        "incident management, same as ITIL or stricter?",
        "are our DORA metrics enough for the measurement clause",
        "which clause covers a customer's complaint about booking the venue system",
        # an event told as part of the story, or a word that only looks like one
        "we kicked this off with a big all-hands, now everybody moved on and the project is rotting",
        "the town hall where the CEO announced the project went well, but now nobody cares",
        "do our offsite backups count for continuity",
        "server room air conditioning failure, is that an incident for the SMS",
        # a service or a team named in a story, not the asker's own pay, leave or desk
        "We run IT support for five sister companies. Who agrees the SLAs with them?",
        "The new HR system failed half its acceptance tests but go-live date is fixed - what now?",
        "we're a payroll bureau and clients complain new versions appear in the middle of a pay run",
        "our service budget leaves out engineer salaries and contractor day rates completely",
        "every January the HR portal gets swamped with holiday requests and it surprises us every time",
        "we changed the timesheet tool last year and now ISO on top; people are sick of change",
        "The engineers shout across the office or grab me at the coffee machine instead of raising tickets",
        # the organisation told by what it does: its cleaners, insurance or football are its business
        "do the night shift cleaners really need to know about the service management policy? where is that",
        "our waste collection firm and the agency that supplies temp cleaners - what do we need with suppliers?",
        "Our insurance company wants an overall service management policy plus one per process. Where to start?",
        "We are an insurance claims processor that has run from the recovery site for weeks. What does 8.7 want?",
        "We are a football club's two-person IT team with ambitious SMS goals. What must the plan state?",
        "our wages and overtime sit only in HR's payroll system: when do staff costs get into service budgets?",
        "IT's cost reports and finance's month-end figures use different cost codes. Who connects the two?",
        "write it down or not, is that a 20k rule?",
        "who compares our desk figures with industry benchmarks, and in which phase?",
        "draft SMS policy - what must it say per 20000-1?",
        "which tools would you recommend for running the SMS?",
        "who approves changes to the service catalogue, and when in the plan?",
        "is the CMDB required yet, or only by phase 2?",
        "when the next release comes, who approves it?",
        "how lean can our documentation be for 20k",
        "where do I find the requirement for the CAB in the standard?",
        "who is responsible for our capacity plan, and in which phase?",
        "we already have ISO 9001 across HR ops. integrate the two or run them separately?",
        "integrating with ISO 27001",
        # an HR or facilities provider's own service, put to the standard or the plan
        "do I need to keep training records for my payroll advisors to prove they're competent? where does it say",
        "payroll didn't run for one site, 300 people unpaid on payday. what does the standard say about that?",
        "finance wants a cost per payslip. does the standard require budgeting for our HR services?",
        "tax code fix needed before payroll cut-off: what does the plan say about urgent changes?",
    ],
)
def test_sms_questions_that_name_everyday_things_or_other_frameworks_are_no_errand(question):
    assert not read_hints(question).errand


@pytest.mark.parametrize(
    "question, expected",
    [("approach 1", "guidance-5.2.2"), ("approach 2", "guidance-5.2.3"), ("the second approach", "guidance-5.2.3")],
)
def test_a_phasing_approach_named_by_number_is_that_approach(index, question, expected):
    assert index.search(question).hits[0].entry.id == expected


def test_a_complaint_about_people_is_a_challenge_before_the_element_its_words_name(index):
    hits = [h.entry.id for h in index.search("middle managers block the rollout").hits]
    assert hits[0] == "challenge-4", hits


@pytest.mark.parametrize(
    "question",
    [
        "agreeing service levels with customers",
        "levels of authority for changes",
        "at which levels of the org do we set objectives",
        "objectives at relevant functions and management levels",
    ],
)
def test_a_level_that_is_no_maturity_level_does_not_ask_for_maturity(question):
    assert "maturity" not in read_hints(question).kinds


def test_a_maturity_level_named_after_a_topic_word_still_asks_for_maturity():
    assert read_hints("risk level 2").level == 2 and "maturity" in read_hints("risk level 2").kinds


def test_std_is_the_standard():
    assert words("where in the std") == words("where in the standard")


def test_can_we_and_should_we_ask_for_advice_without_losing_the_clause():
    assert read_hints("can we start with a few services").advice
    assert read_hints("should the project team run operations").advice
    assert not read_hints("what does the standard require for the SLA").advice


def test_advice_prefers_the_ts_but_a_requirement_asked_as_should_stays_the_clause(index):
    assert index.search("can we limit the SMS scope to one or two services at first").hits[0].entry.id == "guidance-4.3"
    assert index.search("should the continuity plan be tested").hits[0].entry.id == "8.7.2"


def test_a_question_with_one_word_the_knowledge_lacks_still_gets_suggestions(index):
    answer = index.search("are thermostats in scope of the CMDB")
    assert not answer.answered and "8.2.6" in [h.entry.id for h in answer.hits[:3]]
    assert not index.search("what's the weather tomorrow in Leeds").hits


def test_every_year_is_annual(index):
    assert index.terms("reviewed every year").stems == index.terms("annual review").stems[::-1]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("audits only happen after complaints", "maturity-review-and-internal-audit"),
        ("lessons learned are never captured", "maturity-learning"),
        ("policy exists but objectives not measurable", "maturity-policy-and-objective"),
    ],
)
def test_a_state_of_affairs_told_not_asked_finds_the_maturity_element_before_the_clause(index, question, expected):
    assert read_hints(question).symptom
    assert index.search(question).hits[0].entry.id == expected


def test_a_question_with_a_negation_is_no_symptom():
    assert not read_hints("do we need a CAB if we have no changes?").symptom
    assert not read_hints("which clause says nobody may audit their own work").symptom


@pytest.mark.parametrize(
    "british, american",
    [
        ("prioritisation", "prioritization"),
        ("categorising", "categorizing"),
        ("centralised", "centralized"),
        ("colour", "color"),
        ("dialogue", "dialog"),
        ("analysed", "analyzed"),
    ],
)
def test_british_endings_are_read_as_american_ones(british, american):
    assert [stem(w) for w in words(british)] == [stem(w) for w in words(american)]


def test_words_that_end_in_ise_in_american_english_keep_their_meaning():
    assert stem(words("expertise")[0]) != stem(words("expert")[0])


def test_a_statements_who_asks_for_no_role_and_ad_hoc_work_is_a_symptom():
    hints = read_hints("we have no idea who our interested parties are")
    assert hints.symptom and not hints.asks_who and "activity" not in hints.kinds
    assert read_hints("resources are allocated ad hoc").symptom
    assert read_hints("who approves emergency changes").asks_who


def test_a_cue_word_glued_to_its_number_is_read_as_two_words(index):
    assert words("lvl3 learning") == ["level", "3", "learning"]
    answer = index.search("lvl3 learning")
    assert answer.answered and answer.hits[0].entry.id == "maturity-learning"


def test_as_is_and_to_be_name_the_current_and_the_target_state(index):
    assert index.search("as-is assessment").hits[0].entry.id == "guidance-5.3.2"
    assert index.search("to-be state").hits[0].entry.id == "guidance-5.3.3"
    assert "asis" not in words("keep it as is")


def test_l1_to_l3_name_a_level_unless_they_name_a_support_line(index):
    assert read_hints("L3 for communication").level == 3
    assert read_hints("L2 support team").level is None
    assert read_hints("escalate to L3").level is None
    assert read_hints("we outsource L1 monitoring to a partner NOC").level is None
    assert read_hints("we outsourced 24/7 L1 to an MSP").level is None
    assert index.search("L3 for communication").hits[0].entry.id == "maturity-communication"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("hypercare after go live", "8.5.2.3"),
        ("business impact analysis", "8.7.2"),
        ("SPOF analysis", "8.7.1"),
        ("NCR process", "10.1"),
        ("QBR with the customer", "8.3.2"),
        ("tick-box exercise", "guidance-4.2"),
    ],
)
def test_practitioner_jargon_finds_its_entry(index, question, expected):
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == expected, [h.entry.id for h in answer.hits]


def test_a_tool_suite_is_no_c_suite(index):
    top = index.terms("top management").stems
    assert not set(top) & set(index.terms("do we have to buy a big ITSM suite").stems)
    assert list(top) == list(index.terms("the c-suite").stems)
    assert read_hints("our c-suite ignores the project").situation


def test_words_people_abbreviate_or_inflect_reach_the_knowledge():
    assert words("ops infra apps cert prep") == [
        "operations",
        "infrastructure",
        "applications",
        "certification",
        "preparation",
    ]
    assert stem("compliant") == stem("compliance") != stem("complaint")
    assert stem("contain") == stem("contents")


def test_objectives_are_no_objection_and_a_second_phase_named_with_its_word_counts():
    assert not read_hints("setting service management objectives").situation
    assert read_hints("the engineers object to the new change process").situation
    assert read_hints("CAB approving RFCs - phase 1 or phase 2?").phases == (1, 2)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("what's the focus of phase 1 in the three phase plan", "activity-phase-1"),
        ("what is the focus of phase 2 of the implementation", "activity-phase-2"),
        ("which clause says who has to assign roles, responsibilities and authorities", "5.3"),
        # "who has to" asks whose task it is, not what is obliged
        ("who has to keep the capacity plan up to date", "activity-capacity-management-b"),
        ("who must tell top management about a major incident", "activity-incident-management-l"),
        ("who assigns roles in phase 1", "activity-implement-service-management-a-2"),
        ("CI audits: which phase?", "activity-configuration-management-f"),
        ("what does an SLA need to contain", "8.3.3"),
        ("cert audit is next month, how do we get ready", "guidance-7.2"),
    ],
)
def test_phase_focus_obligations_topic_roles_and_contents_find_their_entry(index, question, expected):
    hits = [h.entry.id for h in index.search(question).hits]
    assert hits[0] == expected, hits


def test_a_topic_named_in_two_words_keeps_the_question_in_the_domain_despite_chatter(index):
    answer = index.search("what goes in the business case? exec summary due friday")
    assert answer.hits and answer.hits[0].entry.id == "guidance-5.3.1"


def test_another_standards_clause_number_is_not_ours(index):
    question = "what does ISO 9001 clause 8.3 require for design and development of products"
    assert read_hints(question).errand
    assert not index.search(question).answered
    assert index.search("what does clause 8.3 require").answered


@pytest.mark.parametrize(
    "question, small",
    [
        ("we're 12 people, will a spreadsheet do for the CMDB", True),
        ("we're a 10-person IT shop", True),
        ("a team of 15 engineers runs all our services", True),
        ("we have 300 staff in operations", False),
        ("we are 3 months late with phase 1", False),
    ],
)
def test_a_small_headcount_is_read_as_a_very_small_entity(question, small):
    assert read_hints(question).small_team is small


@pytest.mark.parametrize(
    "question, expected",
    [
        ("we're 12 people, can we just use a spreadsheet instead of a proper CMDB tool?", "guidance-4.11"),
        ("we're 12 people in IT total. is this standard even meant for us", "guidance-4.11"),
        ("who should sit on the implementation project team?", "guidance-4.8"),
        ("when do we re-test DR after moving datacentre?", "activity-service-continuity-and-availability-l"),
        ("testing the DR plan - which phase?", "activity-service-continuity-and-availability-k"),
    ],
)
def test_team_size_membership_retesting_and_an_explicit_clause_question_find_their_entry(index, question, expected):
    hits = [h.entry.id for h in index.search(question).hits]
    assert hits[0] == expected, hits


def test_a_count_is_no_unknown_topic_word(index):
    assert index.terms("we are 12 people").stems == index.terms("we are people").stems


def test_a_situation_told_before_asking_for_the_clause_asks_for_the_clause():
    assert read_hints("staff ignore the new process").situation
    assert not read_hints("staff ignore the new process. which clause covers communication?").situation
    assert not read_hints("staff ignore the policy - what does the standard require for communicating it").situation


@pytest.mark.parametrize(
    "question, expected",
    [
        ("should we go on without real commitment from the top?", "challenge-3"),
        ("can we start if the C-level isn't really committed?", "challenge-3"),
        ("nobody upstairs backs the project", "challenge-3"),
        ("the board approved it but gave us zero budget and no people for the project", "challenge-3"),
        # engineers or sites that drag their feet or refuse: cultural resistance
        ("our sres say the change process slows everything down", "challenge-4"),
        ("my senior engs drag their feet on every new process", "challenge-4"),
        (
            "the warehouse depot runs its own little IT setup and flatly refuses to use our service desk. any advice?",
            "challenge-4",
        ),
        ("two wards refuse to log faults with us and keep calling their own guy", "challenge-4"),
    ],
)
def test_missing_commitment_from_the_top_or_resistance_is_its_challenge(index, question, expected):
    assert read_hints(question).situation
    assert index.search(question).hits[0].entry.id == expected


def test_who_does_what_by_when_lists_what_a_plan_says_and_asks_neither_who_nor_when(index):
    question = "for each objective do we need to write who does what, by when and with which resources?"
    hints = read_hints(question)
    assert not hints.asks_who and not hints.asks_when
    assert index.search(question).hits[0].entry.id == "6.2.2"
    assert read_hints("who does the gap analysis and when").asks_who


def test_a_top_level_clause_loses_a_tie_to_its_subclause_but_keeps_its_own_name(index):
    first = index.search("where's the requirement for top management to demonstrate leadership").hits[0]
    assert first.entry.id == "5.1"
    assert index.search("leadership").hits[0].entry.id == "5"
    assert index.search("clause 5").hits[0].entry.id == "5"


@pytest.mark.parametrize(
    "typo, cue", [("levle II for risk", "level II for risk"), ("pahse 1", "phase 1"), ("cluase 8", "clause 8")]
)
def test_a_misspelt_cue_word_is_spelt_right_before_the_hints_read_it(typo, cue):
    from bot.knowledge.query import fix_cue_typos

    assert fix_cue_typos(typo) == cue
    assert fix_cue_typos("a phrase, a lever and two phases") == "a phrase, a lever and two phases"
    assert fix_cue_typos("the root cause") == "the root cause"  # a real word, not "clause" misspelt


def test_a_short_misspelt_word_is_corrected_only_when_one_known_word_is_a_letter_away(index):
    assert index._closest_word("revew")[0] == index.terms("review").stems[0]
    assert index._closest_word("auidt")[0] == index.terms("audit").stems[0]
    assert index._closest_word("rain") is None  # no known word a letter away
    assert index.search("what has to go into a management revew").hits[0].entry.id == "9.3"
    assert index.search("what does levle II look like for risk").hits[0].entry.id == "maturity-risk"
    assert not index.search("whats for lunch today").answered  # "launch" is a letter away, but a guess
    assert not index.search("lunch menu").answered


def test_objectives_set_at_levels_of_the_organization_are_the_clause_not_a_maturity_level(index):
    question = "do our SMS objectives have to be measurable? and at which levels of the org do we need to set them"
    assert read_hints(question).level is None
    assert index.search(question).hits[0].entry.id in ("6.2", "6.2.1")


def test_a_question_about_the_standard_with_an_aside_is_not_read_as_a_challenge(index):
    question = (
        "is there anything in the standard on organizational knowledge? we lose know-how every time an engineer quits"
    )
    assert not read_hints(question).situation
    assert index.search(question).hits[0].entry.id == "7.6"
    # a question that names the challenge still gets it
    assert (
        index.search("which clauses does the top management buy-in challenge map to").hits[0].entry.id == "challenge-3"
    )
    assert read_hints("which clauses map to the buy-in challenge").names_challenge


def test_when_is_that_asks_when_and_who_counts_asks_no_role():
    assert read_hints("we've never tested our continuity plan, when is that supposed to happen").asks_when
    assert not read_hints("interested parties - who counts and what do we have to do with them").asks_who
    assert not read_hints("who even counts as a customer for us? the faculties, the students?").asks_who
    assert read_hints("who approves changes at the CAB").asks_who


def test_env_enuf_and_p1_are_read_as_people_mean_them(index):
    assert words("test env, is that enuf") == ["test", "environment", "is", "that", "enough"]
    assert words("the primary DC") == ["the", "primary", "data", "center"]
    assert index.terms("review after a P1").stems == index.terms("review after a major incident").stems


def test_the_task_that_names_the_detail_comes_before_its_clause_unless_the_obligation_is_asked(index):
    ids = [h.entry.id for h in index.search("should we publish a forward schedule of change").hits]
    assert ids[:2] == ["activity-change-management-l", "8.5.1.3"]
    asked = "do we have to publish a forward schedule of change"
    assert read_hints(asked).obliged
    assert [h.entry.id for h in index.search(asked).hits][:2] == ["8.5.1.3", "activity-change-management-l"]
    # a topic named alone is the clause's
    assert index.search("emergency changes").hits[0].entry.id == "8.5.1.3"


@pytest.mark.parametrize(
    "question, phase",
    [
        ("whats phase 2 about? need to explain it to the board in one sentence", 2),
        ("what is phase 1 even about, just incidents?", 1),
        ("what's phase 1 all about in plain english", 1),
        ("explain phase 3", 3),
        ("what's phase 3 of the implementation plan really about, in a sentence", 3),
        ("what is phase 2 supposed to get us to, in one line", 2),
    ],
)
def test_a_question_about_the_phase_itself_gets_the_phase_objectives(index, question, phase):
    assert read_hints(question).phase_itself
    assert index.search(question).hits[0].entry.id == f"activity-phase-{phase}"


@pytest.mark.parametrize(
    "question",
    ["which continuity tasks are left for phase 3", "which continuity activities wait until phase 3"],
)
def test_what_is_left_for_a_phase_is_what_begins_in_it(index, question, catalog):
    assert read_hints(question).phase_starts
    first = catalog.by_id[index.search(question).hits[0].entry.id]
    assert first.id.startswith("activity-service-continuity") and min(first.phases) == 3
    # being in phase 1 now is no question about what begins there
    assert not read_hints("complaints procedure - when do we document it? we're only in phase 1 now").phase_starts


def test_a_phase_named_beside_a_task_is_no_question_about_the_phase_itself():
    assert not read_hints("what phase 1 activities does the incident manager have").phase_itself
    assert not read_hints("what is phase 2 of change management").phase_itself


def test_what_comes_after_the_project_is_the_ts_future_action_step(index):
    question = "once the project closes how do we stop people slipping back to old habits"
    assert read_hints(question).after_project
    assert index.search(question).hits[0].entry.id == "guidance-5.7"
    assert not read_hints("how do we stop people slipping back to old habits").after_project
    assert read_hints("what keeps the processes alive once the implementation team disbands?").after_project


def test_a_list_of_what_when_and_who_a_thing_states_asks_neither_who_nor_when(index):
    question = "what must our communication cover under 20000-1: what, when, to whom, who does it"
    hints = read_hints(question)
    assert not hints.asks_who and not hints.asks_when and hints.names_clause
    assert index.search(question).hits[0].entry.id == "7.4"


def test_who_should_actually_be_on_the_team_asks_for_members_not_a_role():
    assert not read_hints("who should actually be on the project team").asks_who


def test_a_question_about_what_is_obliged_gets_the_clause_before_the_task_mapped_to_it(index):
    question = "do we have to have continuity plans"
    assert read_hints(question).obliged
    ids = [h.entry.id for h in index.search(question).hits]
    assert ids[0] == "8.7.2"
    assert ids[1].startswith("activity-service-continuity-and-availability")
    # asked without the obligation, who agrees them is the plan's task
    plain = "who agrees the continuity and availability requirements"
    assert index.search(plain).hits[0].entry.id.startswith("activity-service-continuity-and-availability")
    # ... unless the task's title names the detail asked about better than the clause's title does
    question = "do we have to write a workaround down somewhere?"
    detail = [h.entry.id for h in index.search(question).hits]
    assert detail[:2] == ["activity-problem-management-h", "8.6.3"], detail


def test_a_contracts_clauses_are_not_the_standards():
    hints = read_hints("do we need exit clauses in our supplier contracts")
    assert not hints.names_clause
    assert read_hints("which clause covers supplier contracts").names_clause


def test_apologies_and_chat_words_do_not_push_a_question_out_of_the_domain(index):
    answer = index.search("sorry if dumb q but what is BRM and is it actually required by 20000")
    assert answer.answered and answer.hits[0].entry.id == "8.3.2"


def test_bcm_is_business_continuity_management(index):
    assert index.terms("we have BCM").stems == index.terms("we have business continuity management").stems


@pytest.mark.parametrize(
    "question",
    [
        "thanks, that helps!",
        "great, that helps",
        "pls book the boardroom for the management review on thursday",
        "what does ISO 9001 8.5.1 say about control of production",
        "when does the next train to the airport leave",
        "book the war room for friday's CAB pls",
        "write me a SQL query to pull all P1 tickets from last month",
        "eTOM level 2 processes for service assurance?",
        "how much would a certification body charge us for the stage 2 audit",
        "what are the GDPR retention periods for customer records",
        "how many hours do we have under GDPR to tell the regulator about a breach",
        "draft me a press release about the new booking app",
        "how many days of annual leave have I got left",
        "the printer on floor 2 is jammed, who fixes it",
        "I'm locked out of the VPN, can you reset my MFA token",
        "when is the next version of ISO 27001 coming out",
        "can you write us a welcome email for the new starters",
        "how do I build a pivot table of last month's tickets",
        "where do I submit my travel expenses",
        "how many vacation days do I have left this year?",
        "when is payday this month",
        "my vpn keeps dropping when I work from home",
        "who won the football last night",
        "outlook not connecting since this morning",
        "what VAT rate applies to a software licence",
        "how do I reset the password for the VPN, my token has expired",
        # a clause asked for about little of ours
        "which clause says how to bake bread",
        "is there a requirement for the cafeteria menu",
        "which clause covers the office plants watering rota",
        "what does the standard require for the summer barbecue",
    ],
)
def test_thanks_a_room_booking_and_another_standards_clause_are_not_answered(index, question):
    assert not index.search(question).answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("thanks! and what clause covers the CAB?", "8.5.1.3"),
        ("ok, incident management", "8.6.1"),
        ("how does 20000-1 8.5.1 compare with ISO 9001 8.5.1", "8.5.1"),
        ("what does the certification audit look at", "guidance-7.2"),
        ("under GDPR, does the SMS need a data breach process?", "8.7.3.3"),
    ],
)
def test_thanks_before_a_question_and_a_comparison_with_9001_are_still_answered(index, question, expected):
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == expected


def test_who_raises_the_change_after_a_root_cause_is_found_is_the_problem_task(index):
    hits = [h.entry.id for h in index.search("after an RCA finds the root cause, who raises the RFC to remove it").hits]
    assert hits[0] == "activity-problem-management-e", hits


def test_a_situation_that_ends_asking_who_should_act_asks_for_the_task_not_the_challenge():
    hints = read_hints(
        "the print supplier is late every week and nobody follows it up. who should watch their performance"
    )
    assert not hints.situation and hints.kinds == {"activity"}
    assert read_hints("some teams run their own shadow IT and ignore our processes").situation


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what are the main objectives of the second phase of the plan?", "activity-phase-2"),
        ("overall goal of phase 3 in the exemplar plan", "activity-phase-3"),
        # the phase done is when; the other phase named is the one asked about
        ("after phase 1 finish, what is goal of phase 2 in the exemplar plan?", "activity-phase-2"),
        ("once phase 2 wraps up, what's phase 3 really about", "activity-phase-3"),
        # the state the phase should leave behind
        (
            "Gemma needs one line for the steering group - what should we look like by the end of phase 2?",
            "activity-phase-2",
        ),
        ("where should we be at the end of the second phase", "activity-phase-2"),
    ],
)
def test_the_goal_of_a_phase_is_the_phase_itself(index, question, expected):
    assert read_hints(question).phase_itself
    assert index.search(question).hits[0].entry.id == expected


def test_the_goal_of_a_phase_for_a_component_is_not_the_phase_itself():
    assert not read_hints("what's the purpose of phase 1 for incident management").phase_itself


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("per the standard, how often do we need internal audits", "9.2"),
        ("our policy sits on the intranet and nobody reads it. is there a requirement about sharing it?", "5.2.2"),
        ("clause 6.3: what's the standard expecting to be in the plan?", "6.3"),
        ("what does the standard want for problem mgmt? not the project plan, the requirements", "8.6.3"),
    ],
)
def test_a_question_about_what_the_standard_says_gets_its_clause(index, question, expected):
    assert read_hints(question).names_clause
    assert index.search(question).hits[0].entry.id == expected


def test_a_question_mark_before_an_afterthought_still_makes_a_question():
    assert read_hints("once the cmdb exists who keeps it current? ours is already stale lol").asks_who
    assert not read_hints("audits are done by the people who run the process").asks_who


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a phase named as the time of missed objectives: the TS on evaluating the implementation
        ("we closed phase 2 but two of its objectives were not met, what now", "guidance-5.6"),
        ("what are the objectives of phase 2", "activity-phase-2"),
        # a team's size said as "is 8 people" or "have 3 IT staff": the TS's advice for very small entities
        ("our IT team is 8 people, is a spreadsheet enough instead of a CMDB tool", "guidance-4.11"),
    ],
)
def test_missed_objectives_and_a_small_team_find_the_ts_advice(index, question, expected):
    assert index.search(question).hits[0].entry.id == expected


def test_a_small_team_said_by_what_each_site_has():
    assert read_hints("the branch offices each have only 3 IT staff, do they need service desk software").small_team
    assert not read_hints("we have 300 staff on the service desk").small_team
    assert read_hints("there are literally two of us in IT, is 20000-1 realistic?").small_team
    assert not read_hints("we have two options for the CMDB").small_team


def test_is_that_a_problem_is_a_worry_not_problem_management():
    from bot.knowledge.text import words

    assert "problem" not in words("I own the change process and manage it too. is that a problem?")
    assert "problem" in words("is it a problem if the problem manager also runs incidents")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("once phase 1 is complete what do we work on next", "activity-phase-2"),
        ("phase 2 is done. what's next?", "activity-phase-3"),
        ("what should be finished by the end of ph3", "activity-phase-3"),
    ],
)
def test_the_phase_after_one_done_and_a_short_phase_are_read(index, question, expected):
    assert index.search(question).hits[0].entry.id == expected
    assert read_hints("phase 1 is done and we missed two objectives, what next").phase == 1


def test_a_number_said_after_another_standard_is_not_a_clause_of_ours(index):
    hints = read_hints("9001 8.4 covers externally provided processes; what is the 20000-1 equivalent for outsourcing?")
    assert hints.clause_numbers == ()
    assert read_hints("how does 20000-1 8.5.1 compare with ISO 9001 8.5.1").clause_numbers == ("8.5.1",)
    # a few words between the other standard and its number: still its number
    assert read_hints("corrective action: 9001 has it in 10.2, what is it in 20000-1?").clause_numbers == ()
    assert read_hints("in 27001 that's 5.3, and here?").clause_numbers == ()
    assert read_hints("we have 9001 already, does 8.2.3 apply to us").clause_numbers == ("8.2.3",)


def test_a_clause_number_with_the_plan_asks_for_the_clause(index):
    hints = read_hints("cl 6.3: what must go into the plan")
    assert "activity" not in hints.kinds
    assert index.search("cl 6.3: what must go into the plan").hits[0].entry.id == "6.3"
    assert "activity" in read_hints("which activities of the implementation plan cover 6.3").kinds


@pytest.mark.parametrize(
    "question",
    [
        "customers, sure, but who else should we list as interested parties?",
        "do we need to write down who our interested parties are?",
    ],
)
def test_which_parties_is_no_question_about_a_role(question):
    assert not read_hints(question).asks_who
    assert read_hints("who should keep the list of interested parties up to date?").asks_who


def test_a_payroll_system_is_a_service_not_the_askers_pay():
    assert not read_hints("the payroll system is run by a sister company: is that an internal supplier?").errand
    assert read_hints("when is payroll this month").errand
    assert not read_hints("our payroll and HR servers are run by head office: is that an internal supplier?").errand
    assert not read_hints("who talks to the depot managers? now it's whoever they bump into in the canteen").errand
    assert read_hints("what's on the canteen menu today").errand


def test_objectives_not_reached_said_after_other_words_are_missed_objectives():
    question = "the objectives of our implementation were not reached by the end of phase 1, what now?"
    assert read_hints(question).missed_objectives
    assert not read_hints("our service management objectives are reached every quarter").missed_objectives


def test_a_customers_complaint_is_about_the_service_not_a_challenge(index):
    question = "a customer complains nobody updated him on his ticket for a week"
    assert not read_hints(question).symptom
    assert index.search(question).hits[0].entry.kind != "challenge"
    assert read_hints("nobody follows the change process").symptom


def test_now_is_no_topic(index):
    assert (
        index.terms("who should be on the project team now").stems
        == index.terms("who should be on the project team").stems
    )


def test_a_time_told_before_the_question_asks_no_when(index):
    question = "when we design a new service, what does 8.5.2.1 require?"
    assert not read_hints(question).asks_when
    assert index.search(question).hits[0].entry.id == "8.5.2.1"
    assert read_hints("when do we design the new service?").asks_when


def test_who_what_when_with_slashes_is_a_list_of_contents(index):
    question = "cl 7.4 - what must we decide about comms? the who/what/when/how"
    assert not read_hints(question).asks_who
    assert index.search(question).hits[0].entry.id == "7.4"


def test_not_just_is_no_complaint():
    assert not read_hints("how do we keep management support going, not just at the launch?").situation
    assert read_hints("management does not support the project any more").situation


def test_a_who_question_is_not_answered_by_a_phase_overview_that_names_no_one(index):
    question = "who provides the information on costs when changes to services are requested"
    ids = [h.entry.id for h in index.search(question).hits]
    assert ids[0] == "activity-budgeting-and-accounting-g"
    assert not any(i.startswith("activity-phase-") for i in ids[:3]), ids


@pytest.mark.parametrize(
    "question",
    [
        "capacity planning ref in the 2018 edition?",
        "where does 20k say we must keep a CMDB",
        "audit findings, what do we do with them per the std",
        "where's the reqt for a catalogue of services",
        "is there a reqt for what goes in customer reports",
        "where does it say who approves changes",
        "we page someone at 3am, they fix it, nobody writes anything down. which bit of 20k is about that?",
        "which part says we need an actual plan for the whole service management system",
        "aws, our pager vendor, the CDN... where's the bit about keeping 3rd party vendors in line",
        "what exactly does 20k-1 want recorded for each CI",
        "req for the SMS plan itself - what needs to be in it",
    ],
)
def test_the_standard_asked_for_in_shorthand_names_the_clause(question):
    assert read_hints(question).names_clause


def test_a_clause_asked_for_in_unknown_words_still_gets_suggestions(index):
    answer = index.search("which clause makes us work out what the commissioners and the patients need from IT")
    assert answer.hits and not answer.answered
    assert "4.2" in [hit.entry.id for hit in answer.hits[:3]]
    # without "which clause", words the knowledge doesn't know get nothing
    assert not index.search("what the commissioners and the patients need from IT").hits


def test_a_3rd_party_is_a_third_party(index):
    assert index.stems("3rd party") == index.stems("third party")


@pytest.mark.parametrize(
    "question",
    ["per the plan, who runs phase 2", "in the 2018 budget we had no tool", "which part of the plan covers suppliers"],
)
def test_a_plan_or_a_year_is_not_the_standard(question):
    assert not read_hints(question).names_clause


@pytest.mark.parametrize(
    "question, phase", [("what must be ready before ph1 starts", 1), ("ph. 3 tasks for suppliers", 3)]
)
def test_ph_and_a_number_is_a_phase(question, phase):
    assert read_hints(question).phase == phase


def test_a_word_ending_in_ph_is_no_phase():
    assert read_hints("the graph 2 shows incidents").phase is None


@pytest.mark.parametrize(
    "question",
    [
        "changes get skipped whenever the pressure is on, what maturity level is that process",
        "our capacity planning is mostly guesswork. how do we reach the next level",
    ],
)
def test_a_question_that_names_maturity_asks_for_the_element_not_the_process_clause(question):
    hints = read_hints(question)
    assert hints.names_maturity and hints.kinds == {"maturity"}


def test_maturity_named_beside_a_clause_word_still_asks_for_both():
    hints = read_hints("which clause says how mature the change process must be")
    assert not hints.names_maturity and "clause" in hints.kinds


def test_a_process_that_slips_under_pressure_is_a_maturity_question(index):
    question = "people follow the change process until a big outage, then it is gone. what maturity level is that"
    assert index.search(question).hits[0].entry.kind == "maturity"


@pytest.mark.parametrize(
    "question",
    ["do customers have to sign off the change windows? when in the rollout is that", "CAB - when in our plan?"],
)
def test_when_in_the_rollout_asks_when(question):
    assert read_hints(question).asks_when


def test_the_stage_after_firefighting_is_phase_2(index):
    assert index.search("firefighting is under control now, what is the intermediate phase about").hits[0].entry.id == (
        "activity-phase-2"
    )


@pytest.mark.parametrize(
    "question",
    [
        "the vendor runs the patching for us: does the standard still make us accountable for that process?",
        "are we still responsible for backups the hosting company does?",
    ],
)
def test_whether_we_are_accountable_asks_for_no_role(question):
    assert not read_hints(question).asks_who


def test_a_clause_asked_for_beside_much_of_ours_is_answered_whatever_else_is_told(index):
    answer = index.search(
        "the new MRI scanner writes huge studies and our PACS storage will be full by spring; "
        "which clause covers planning capacity for that"
    )
    assert answer.answered and answer.hits[0].entry.id == "8.4.3"


@pytest.mark.parametrize(
    "question",
    [
        "is there a requirement to keep a service catalogue, comparable to the ITIL 4 practice?",
        "which clause assigns roles and authorities, akin to COBIT's organizational structures?",
        "change schedule (ITIL 4 term): who keeps it?",
    ],
)
def test_another_framework_named_as_a_yardstick_for_ours_is_no_errand(question):
    assert not read_hints(question).errand


@pytest.mark.parametrize(
    "question, expected",
    [
        ("rollback plans for releases, who owns them", "activity-release-management-k"),
        ("our deploy rollback plans: who is supposed to own planning them?", "activity-release-management-k"),
        ("backout plans for changes: whose job", "activity-change-management-i"),
    ],
)
def test_planning_a_rollback_is_the_planning_task_not_the_rollback_itself(index, question, expected):
    assert index.search(question).hits[0].entry.id == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        ("who should check our costs vs budget monthly", "activity-budgeting-and-accounting-f"),
        ("audit of the CMDB, when and who", "activity-configuration-management-f"),
        (
            "loads of outdated procedures sit on the file share, what do we do with them first",
            "activity-documentation-requirements-a",
        ),
    ],
)
def test_a_task_asked_in_its_everyday_words_is_that_task_not_its_sibling(index, question, expected):
    assert index.search(question).hits[0].entry.id == expected


@pytest.mark.parametrize(
    "question, when",
    [
        ("audit of the CMDB, when and who", True),
        ("supplier reviews - who and when", True),
        ("capacity plan: who", False),
    ],
)
def test_a_trailing_who_or_when_fragment_asks_it(question, when):
    hints = read_hints(question)
    assert hints.asks_who and hints.asks_when == when


@pytest.mark.parametrize(
    "question, phase",
    [
        ("whats the goal of the second stage of the rollout", 2),
        ("what happens in the first stage of our implementation", 1),
    ],
)
def test_a_stage_of_the_rollout_is_its_phase(index, question, phase):
    assert read_hints(question).phase == phase
    assert index.search(question).hits[0].entry.id == f"activity-phase-{phase}"


def test_a_stage_of_something_else_is_no_phase():
    assert read_hints("do changes need a second stage approval").phase is None


def test_which_level_a_symptom_puts_us_at_is_answered_with_an_element(index):
    question = "we only look at our processes after an audit finding, what level is that"
    assert read_hints(question).names_maturity
    assert index.search(question).hits[0].entry.id == "maturity-review-and-internal-audit"


def test_a_system_named_after_a_word_we_do_not_know_is_a_product_not_our_management_system(index):
    assert "manag" not in index.terms("the whole bed management system was down for a day").stems
    assert "manag" in index.terms("who documents the management system").stems
    assert [key for key, _ in index.terms("is the configuration management system the CMDB").phrases][0] == (
        "configur manag system"
    )


def test_to_phase_the_work_asks_for_no_phase_of_the_plan(index):
    question = "if we phase the rollout, which processes do we tackle first"
    assert "activity" not in read_hints(question).kinds
    assert index.search(question).hits[0].entry.id == "guidance-5.2.2"


def test_our_own_process_asks_for_no_owner():
    assert not read_hints("we found out we were not following our own change process, what now?").asks_who
    assert read_hints("who owns the change process").asks_who


def test_advice_asked_after_a_statement_is_advice():
    assert read_hints("we already run a QMS with audits - should we build the SMS into it?").advice


def test_the_end_of_the_first_stage_is_phase_1():
    assert read_hints("what will we have at the end of the first stage").phase == 1


@pytest.mark.parametrize(
    "question",
    [
        "do we need a supplier register from day one",
        "is a CMDB needed early in the rollout or later in the project",
        "defining what a major incident is for us: is that something to do early?",
    ],
)
def test_from_day_one_or_later_in_the_rollout_asks_when(question):
    assert read_hints(question).asks_when


@pytest.mark.parametrize("question", ["what does section 8 cover", "which section covers incidents"])
def test_a_section_of_the_standard_is_ours(question):
    assert not read_hints(question).errand


@pytest.mark.parametrize(
    "question, expected",
    [
        (
            "there are only 9 of us in the records team. is this standard even realistic for a team our size?",
            "guidance-4.11",
        ),
        ("the internal audit found the desk has not been following the procedure - what must we do now?", "10.1"),
        ("if the pharmacy system is down for a whole day, what does the standard require us to have ready?", "8.7.2"),
        ("a new locum needs access to the rota system today - is that an incident or something else?", "8.6.2"),
        ("new on-call folks just shadow a senior for a month, do we need evidence they are competent?", "7.2"),
        ("the auditor raised a nonconformity. what are we obliged to do now?", "10.1"),
        (
            "blameless postmortem after each sev1: is that a task in the implementation plan?",
            "activity-incident-management-n",
        ),
        ("the booking site can't cope on busy mornings when everyone logs in - which clause covers that", "8.4.3"),
        (
            "the server room flooded last year and took everything down; what must we have in place per the standard?",
            "8.7.2",
        ),
        ("the ordering website went down for the whole morning, which clause covers that", "8.6.1"),
        ("is there anything about staff knowing enough? most of us are self-taught", "7.2"),
    ],
)
def test_situations_told_in_everyday_words_find_their_entry(index, question, expected):
    assert index.search(question).hits[0].entry.id == expected


def test_a_small_team_asking_about_the_standard_asks_for_no_clause():
    assert not read_hints("we are 8 people, does the standard expect a CMDB tool?").names_clause
    assert read_hints("we are 8 people, which clause covers the CMDB?").names_clause


@pytest.mark.parametrize("question", ["nurses on the wards are scared of the audit", "the lunch food was cold"])
def test_a_real_word_of_its_own_is_no_typo_of_ours(index, question):
    assert index.terms(question).respelled == ()


def test_another_form_of_a_known_word_and_a_misspelling_are_still_read_as_it(index):
    assert index.terms("how is competence evidenced").respelled == (("evidenced", "evidence"),)
    assert index.terms("chnage process").respelled == (("chnage", "change"),)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("CAB + MW approvals - clause?", ("8.5.1", "8.5.1.3")),
        ("DR / continuity clause ref pls, tender question", ("8.7.2",)),
    ],
)
def test_a_short_question_that_says_clause_is_answered_beside_words_we_lack(index, question, expected):
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id in expected


@pytest.mark.parametrize(
    "question, expected",
    [
        ("can we audit ourselves", ["audit"]),
        ("the network couldnt cope", ["network", "cope"]),
        ("tills cant print, the manager doesnt care", ["till", "print", "manag", "care"]),
        (
            "whichever customer shouts loudest gets his time, thats how it works til theres an outage",
            ["custom", "shout", "loudest", "get", "time", "work", "outag"],
        ),
    ],
)
def test_pronouns_and_words_typed_without_their_apostrophe_are_no_topic(question, expected):
    assert content_stems(question) == expected


def test_a_bank_holiday_is_an_errand_only_as_the_askers_day_off(index):
    assert not index.search("when is the next bank holiday").answered
    answer = index.search("what if the broadband dies on a bank holiday - which clause covers those risks?")
    assert answer.answered and answer.hits[0].entry.id == "6.1"


@pytest.mark.parametrize(
    "question",
    [
        "how do we start with change control?",
        "where should we begin with SLAs",
        "what's step one for CMDB",
        "starting capacity management from scratch, is the first job working out what the business needs?",
        "first step for release management - do we define what a release is?",
        "how do I get change management going, what comes first",
        "change mgmt from scratch - what do we do first",
        "I want to start the list of all our kit and how it all connects (the CMDB thing?). What do I do first?",
    ],
)
def test_how_to_start_asks_for_the_plans_tasks(index, question):
    assert read_hints(question).how_to_start
    assert index.search(question).hits[0].entry.kind == "activity"


def test_what_comes_first_says_first_and_no_topic_word():
    assert content_stems("change management, what comes first") == content_stems("change management first")


def test_a_phase_named_as_when_a_task_is_done_is_no_question_about_the_phase_itself(index):
    question = "when in the rollout do we set up a complaints procedure? phase 1 or later"
    assert index.search(question).hits[0].entry.id == "activity-business-relationship-management-i"
    assert index.search("when does phase 2 start").hits[0].entry.id == "activity-phase-2"


def test_a_bare_level_asked_after_a_symptom_names_maturity():
    assert read_hints("we follow the change process until a big outage, then it's gone. level?").names_maturity
    assert read_hints("nobody plans capacity - what level?").names_maturity
    assert not read_hints("is uptime part of the service level?").names_maturity


@pytest.mark.parametrize(
    "question",
    [
        "we don't want the cert, we just want better ops. still worth following 20k?",
        "we wont bother with the certificate - is the standard still any use to us",
    ],
)
def test_the_standard_without_its_certificate_is_the_ts_on_organizations_not_seeking_it(index, question):
    assert index.search(question).hits[0].entry.id == "guidance-7.4"
    assert "without" in content_stems(question)
    assert "without" not in content_stems("not sure if certification is worth it")


@pytest.mark.parametrize(
    "question, phase",
    [
        ("phase 1 in a nutshell?", 1),
        ("phase 2 of the exemplar plan, what's it actually supposed to achieve? the board wants one line", 2),
    ],
)
def test_a_phase_summed_up_or_its_aim_asked_after_naming_it_is_the_phase_itself(index, question, phase):
    assert read_hints(question).phase_itself
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == f"activity-phase-{phase}"


def test_another_standards_clause_named_as_a_yardstick_keeps_ours_answered(index):
    answer = index.search("internal audit - identical to 9001 9.2 or are there extras?")
    assert answer.answered and answer.hits[0].entry.id == "9.2"
    assert read_hints("what does ISO 9001 clause 7.1.6 say").errand
    # "equivalent" says how the asker compares, like "versus": no topic the knowledge lacks
    answer = index.search("ISO 20k equivalent of 9001 7.1.6 organisational knowledge")
    assert answer.answered and answer.hits[0].entry.id == "7.6"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("when do config audits come in? our auditor wants them in phase 1", "activity-configuration-management-f"),
        (
            "when do internal audits come in in the 3 phase plan? we want one straight away",
            "activity-monitor-measure-review-k",
        ),
    ],
)
def test_when_a_task_comes_in_is_its_activity_not_a_phase_overview(index, question, expected):
    assert read_hints(question).asks_when
    assert index.search(question).hits[0].entry.id == expected
    phase_3 = "per the annex B table, when do config audits come in? the auditor wants them in phase 1 already"
    assert not index.search(phase_3).hits[0].entry.id.startswith("activity-phase-")


def test_the_three_phase_plan_names_no_phase():
    assert read_hints("when do internal audits start in the 3 phase plan").phase is None
    assert read_hints("what do we do in the 3rd phase").phase == 3


def test_where_we_stand_told_before_how_to_start_is_no_symptom_and_gets_a_first_task(index):
    question = "we have no SLAs at all yet. how do we start with service level management"
    hints = read_hints(question)
    assert hints.how_to_start and not hints.symptom and "activity" in hints.kinds
    first = index.search(question).hits[0].entry
    assert first.kind == "activity" and first.id.startswith("activity-service-level-management-")


@pytest.mark.parametrize("component", ["configuration management", "information security management"])
def test_how_to_start_a_component_gets_a_task_begun_in_phase_1(index, component):
    first = index.search(f"how do we start with {component}").hits[0].entry
    assert first.kind == "activity" and 1 in first.phases


def test_engs_recs_cust_inc_chg_and_avail_are_the_words_they_shorten(index):
    assert content_stems("engs recs cust INC chg avail") == content_stems(
        "engineers records customer incident change availability"
    )
    assert index.terms("the wifi on the buses keeps dropping").respelled == ()  # wireless, not the wiki


def test_the_last_phase_is_phase_3_and_how_to_start_a_task_is_no_question_about_its_phase(index):
    assert read_hints("what does the last phase look like").phase == 3
    assert index.search("what does the last phase look like").hits[0].entry.id == "activity-phase-3"
    question = "how do i start getting all our kit into a proper database? is that a phase 1 job"
    assert index.search(question).hits[0].entry.id != "activity-phase-1"


@pytest.mark.parametrize(
    "question, who",
    [
        ("the owner says the tills work fine, why bother", False),
        ("what is a management review, just me and the owner having a coffee?", False),
        ("it's literally just me and the owner", False),
        ("owner of the CMDB?", True),
        ("owner for problem management?", True),
        ("who owns the service catalogue", True),
    ],
)
def test_the_owner_of_the_business_asks_for_no_role(question, who):
    assert read_hints(question).asks_who is who


def test_the_confidence_weighs_how_alike_the_answer_means_even_when_the_order_weighs_clauses_only(index, monkeypatch):
    from bot.knowledge import ranking

    seen: dict[str, float] = {}
    original = ranking.answer_confidence
    monkeypatch.setattr(ranking, "answer_confidence", lambda features: seen.update(features) or original(features))
    answer = index.search("does the standard say we must buy a specific ITSM tool?")
    assert answer.hits[0].entry.id == "guidance-4.10"  # the TS's advice on tools, though the standard is named
    assert seen["meaning"] > 0 and seen["meaning_lead"] > 0


@pytest.mark.parametrize(
    "said", ["our MD", "the managing director", "our COO", "the chief exec", "the chief operating officer"]
)
def test_the_managing_director_is_top_management(index, said):
    assert index.terms(f"{said} won't back it").stems == index.terms("top management won't back it").stems


def test_when_a_task_is_due_is_a_task_even_when_the_clause_means_more_alike(index):
    # the clause holds more of the story's meaning, but only a task of the plan says when
    question = (
        "we wrote a continuity plan for the flood scenario. when does the phased plan say we actually have to test it?"
    )
    assert index.search(question).hits[0].entry.id == "activity-service-continuity-and-availability-k"


def test_phrases_of_common_words_are_read_as_what_they_mean():
    assert content_stems("where are we now") == content_stems("where we stand today") == content_stems("current state")
    assert content_stems("he has the know-how") == ["knowhow"]
    # "tell" alone is chatter ("can you tell me"); telling everyone is communicating
    assert content_stems("do we have to tell everyone about it") == content_stems("communicate to everyone")
    assert "communic" not in content_stems("can you tell me about the CMDB")
    # rolling the standard out is implementing it; rolling out a release is not
    assert content_stems("when companies roll this out") == content_stems("when companies implement it")
    assert "implement" not in content_stems("how do we roll out the new release")
    # "the board" governs; the change advisory board and a kanban board do not
    assert content_stems("the board has to lead this")[:2] == content_stems("top management")
    assert "top" not in content_stems("tickets on the board")
    assert "top" not in content_stems("does the change advisory board meet")
    # doing it all in one go is a big bang; too much changing at once is not
    assert content_stems("do everything in one go") == content_stems("do big bang")
    assert content_stems("implement the whole thing at once") == content_stems("implement big bang")
    assert "bang" not in content_stems("too many initiatives at once")
    assert content_stems("they look over the figures") == content_stems("they review the figures")
    assert content_stems("how we talk to clients") == content_stems("how we communicate with clients")
    assert "communic" not in content_stems("talk to the CAB")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("do we have to do everything in one go or can we split it up", "guidance-5.2.1"),
        ("do we need a written IT service policy? where's that requirement", "5.2"),
        (
            "how we talk to clients depends on who you ask, everyone does their own thing. level 1?",
            "maturity-communication",
        ),
        ("we never plan resources, it's all firefighting. level?", "maturity-resource"),
        (
            "We are thinking to hire a consultancy to do the whole implementation for us, so we can focus on the day"
            " job. Anything to watch out for?",
            "guidance-4.9",
        ),
    ],
)
def test_everyday_words_for_a_topic_find_it(index, question, expected):
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == expected, [h.entry.id for h in answer.hits]


@pytest.mark.parametrize(
    "question",
    [
        "where it says the board has to lead this and be committed",
        "where it talks about agreeing SLAs with customers",
        "where are the rules for approving RFCs",
    ],
)
def test_where_it_says_asks_for_the_standards_clause(question):
    assert read_hints(question).names_clause


@pytest.mark.parametrize(
    "question",
    ["what usually goes wrong when companies roll this out?", "common mistakes in 20000 projects", "what goes wrong?"],
)
def test_what_goes_wrong_with_an_implementation_asks_for_its_challenges(index, question):
    assert read_hints(question).names_challenge
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == "guidance-6"


def test_what_goes_wrong_with_a_process_stays_on_the_process(index):
    assert not read_hints("what goes wrong with changes").names_challenge
    assert index.search("what goes wrong with changes").hits[0].entry.id.startswith("8.5.1")


@pytest.mark.parametrize(
    "question, phase",
    [("phase 2", 2), ("whats in phase 2", 2), ("what does phase 3 cover", 3), ("phase 1?", 1)],
)
def test_a_phase_named_with_no_other_topic_is_answered_with_its_overview(index, question, phase):
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == f"activity-phase-{phase}"


@pytest.mark.parametrize(
    "question",
    [
        "what goes in the business case for the 20000-1 project",
        "Gemma wants a business case by end of month for the full 20000-1 project. What's supposed to go in it?",
    ],
)
def test_the_standard_naming_the_project_asks_for_no_requirement(index, question):
    assert "clause" not in read_hints(question).kinds
    # the TS on the business case's contents, or the initiation activity that prepares it
    assert index.search(question).hits[0].entry.id in {"guidance-5.3.1", "activity-project-initiation-e"}


def test_a_summary_of_a_phase_is_the_phase_itself_and_tldr_is_no_disaster_recovery(index):
    for question, phase in [("tl;dr of phase 1? what's the point of it", 1), ("overview of phase 3 please", 3)]:
        assert read_hints(question).phase_itself
        assert index.search(question).hits[0].entry.id == f"activity-phase-{phase}"


def test_a_challenge_asked_for_beside_a_story_of_maturity_is_the_challenge(index):
    question = "The board thinks our service management is far more mature than it really is. Which challenge is that?"
    hints = read_hints(question)
    assert not hints.names_maturity and "maturity" not in hints.kinds
    # Table 2, challenge 2: clarify the gap between the real state and what leadership thinks it is
    assert index.search(question).hits[0].entry.id == "challenge-2"


@pytest.mark.parametrize(
    "question",
    [
        "Phasing: do it by process group or by maturity level? how do I choose?",
        "should we phase by processes or by maturity levels",
        "roll out process by process or go by maturity levels - which approach suits us?",
    ],
)
def test_phasing_by_processes_or_by_levels_is_the_choice_of_approach(index, question):
    assert not read_hints(question).names_maturity
    assert index.search(question).hits[0].entry.id in {"guidance-5.2", "guidance-5.2.2", "guidance-5.2.3"}


def test_a_story_in_the_askers_own_words_before_a_question_put_to_the_standard_is_ours(index):
    question = (
        "ward rings at 3am, syringe driver alarming and won't clear, patient on it. "
        "what does the standard actually require us to do with that call"
    )
    assert read_hints(question).put_to_us
    answer = index.search(question)
    assert answer.answered and answer.hits[0].entry.id == "8.6.1"
    # the words we lack are the question's own topic here, not a story's: still not ours
    assert not index.search("is there a requirement for the cafeteria menu").answered


def test_asking_whether_a_project_story_is_normal_is_no_market_figure(index):
    question = (
        "we had a big launch for the ISO project in jan, now nobody comes to the meetings anymore. is this normal?"
    )
    assert not read_hints(question).errand
    assert index.search(question).hits[0].entry.id == "challenge-2"
    assert read_hints("how many service desk agents per 1000 users is normal?").errand


@pytest.mark.parametrize(
    ("question", "approach"),
    [
        ("The three-level maturity approach - can we go straight for level III if we push hard?", 2),
        ("If we phase it by process groups, which group goes first? I'd guess incidents", 1),
    ],
)
def test_an_approach_named_by_what_it_does_is_that_approach(index, question, approach):
    assert read_hints(question).approach == approach
    assert index.search(question).hits[0].entry.id == f"guidance-5.2.{approach + 1}"


def test_the_decision_to_go_ahead_with_the_standard_asks_for_no_requirement(index):
    question = "after the business case is done who makes the actual call to go ahead with 20000-1"
    assert "clause" not in read_hints(question).kinds
    assert index.search(question).hits[0].entry.id == "activity-project-initiation-g"


def test_does_the_standard_make_or_require_asks_the_standard():
    assert read_hints("does the standard make top management actually do anything").names_clause
    assert read_hints("does 20k require a CMDB at all").names_clause


def test_a_floor_of_the_building_is_no_maturity_level(index):
    question = (
        "The gents toilet on level 2 blocks every week; we unblock it and close the ticket. Must we find out why?"
    )
    assert read_hints(question).level is None
    ids = [hit.entry.id for hit in index.search(question).hits]
    assert not ids[0].startswith("maturity-") and "8.6.3" in ids[:3]
    assert read_hints("we are on level 2 for most elements").level == 2


def test_is_it_mandatory_steers_to_the_requirement_and_is_no_topic_word(index):
    # "mandatory" is rare in the knowledge: as a topic word it would pull whatever entry happens to say it
    assert index.search("service management plan - is it mandatory and what has to go in it").hits[0].entry.id == "6.3"


def test_where_a_task_comes_in_the_plan_asks_when_and_a_question_without_its_do_asks_too(index):
    question = "we never tested the DR plan. Where does testing the continuity plans come in the implementation plan?"
    assert read_hints(question).asks_when
    assert index.search(question).hits[0].entry.id == "activity-service-continuity-and-availability-k"
    assert read_hints("when we test continuity plan? my team want it in phase 1").asks_when
    assert not read_hints("when we plan a new service, what does 8.5.2.1 require").asks_when
