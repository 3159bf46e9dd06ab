//! Every rule fires on a notice that breaks it, and stays quiet on one that
//! does not. The fixtures are edits of `examples/council-tax.toml`, which
//! passes every rule: each case says what it changes and which code must
//! (or must not) appear, so a case that stops matching the example fails
//! loudly instead of passing vacuously.

use std::path::Path;

use noticec::check::validate::{Options, validate};
use noticec::diagnostic::{Diagnostic, Severity};
use noticec::law::profile::Profile;
use noticec::load::load_str;

const BASE: &str = include_str!("../examples/council-tax.toml");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 23)
}

fn check_with(text: &str, profile: &str) -> Vec<Diagnostic> {
    let outcome = load_str(Path::new("case.toml"), text.to_string());
    let mut diagnostics = outcome.diagnostics;
    if let Some(loaded) = outcome.notice {
        let mut options = Options::new(today());
        options.profile = Profile::named(profile).expect("profile");
        diagnostics.extend(validate(&loaded, &options));
    }
    diagnostics
}

fn check(text: &str) -> Vec<Diagnostic> {
    check_with(text, "uk-gdpr")
}

/// Applies `(find, replace)` edits to the base notice; each `find` must occur.
fn edit(edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (find, replace) in edits {
        assert!(
            text.contains(find),
            "fixture edit no longer matches the example: {find:?}"
        );
        text = text.replacen(find, replace, 1);
    }
    text
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn assert_fires(code: &str, text: &str) -> Vec<Diagnostic> {
    let diagnostics = check(text);
    assert!(
        codes(&diagnostics).contains(&code),
        "{code} should fire; got {:?}",
        diagnostics
            .iter()
            .map(|d| (d.code, &d.message))
            .collect::<Vec<_>>()
    );
    for d in diagnostics.iter().filter(|d| d.code == code) {
        assert!(d.span.is_some(), "{code}: every finding is located");
        assert!(
            d.help.as_deref().is_some_and(|h| !h.is_empty()),
            "{code}: every finding has help"
        );
        if code.starts_with(['N', 'Q']) {
            assert!(
                d.citation.is_some(),
                "{code}: requirement findings cite the law"
            );
            assert!(d.requirement.is_some());
        }
    }
    diagnostics
}

fn assert_quiet(code: &str, text: &str) {
    let diagnostics = check(text);
    assert!(
        !codes(&diagnostics).contains(&code),
        "{code} should not fire; got {:?}",
        diagnostics
            .iter()
            .map(|d| (d.code, &d.message))
            .collect::<Vec<_>>()
    );
}

/// A purpose with a basis, law, recipients and retention but nothing else.
const BARE_PURPOSE: &str = "\n[[purposes]]\nname = \"Test purpose\"\nlawful_bases = [\"public-task\"]\nlaw = \"Localism Act 2011\"\nrecipients = []\nretention = \"council-tax-accounts\"\n";

#[test]
fn the_complete_example_passes_every_rule() {
    let diagnostics = check(BASE);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn controller_identity() {
    assert_fires(
        "N001",
        &edit(&[("name = \"Example Borough Council\"\n", "")]),
    );
    // A postal address is a contact detail: without it, email will do.
    assert_quiet(
        "N001",
        &edit(&[(
            "address = \"Town Hall, High Street, Exampleton, EX1 1AA\"\n",
            "",
        )]),
    );
    // Only a postal address, but the DPO has an email: the organisation
    // can be reached quickly about people's data.
    let post_only = [
        ("email = \"council.tax@borough.gov.uk\"\n", ""),
        ("phone = \"01234 567890\"\n", ""),
        ("web_form = \"https://www.borough.gov.uk/contact\"\n", ""),
    ];
    assert_quiet("N001", &edit(&post_only));
    // Only a postal address, for the controller and the DPO: a warning
    // (good practice asks for more).
    let mut edits = post_only.to_vec();
    edits.push(("email = \"dpo@borough.gov.uk\"\n", ""));
    let d = assert_fires("N001", &edit(&edits));
    let n001: Vec<_> = d.iter().filter(|d| d.code == "N001").collect();
    assert_eq!(n001.len(), 1);
    assert_eq!(n001[0].severity, Severity::Warning);
    assert!(n001[0].message.contains("only be contacted by post"));
    // No contact detail at all: an error.
    let d = assert_fires(
        "N001",
        &edit(&[
            (
                "address = \"Town Hall, High Street, Exampleton, EX1 1AA\"\n",
                "",
            ),
            ("email = \"council.tax@borough.gov.uk\"\n", ""),
            ("phone = \"01234 567890\"\n", ""),
            ("web_form = \"https://www.borough.gov.uk/contact\"\n", ""),
        ]),
    );
    assert!(d.iter().any(|d| d.code == "N001"
        && d.severity == Severity::Error
        && d.message.contains("no contact details")));
}

#[test]
fn representative() {
    assert_quiet("N002", BASE);
    assert_fires(
        "N002",
        &edit(&[(
            "kind = \"public-authority\"\n",
            "kind = \"public-authority\"\nestablished_in_uk = false\n",
        )]),
    );
}

#[test]
fn dpo_contact() {
    let d = assert_fires("N003", &edit(&[("[dpo]\n", "[dpo]\nappointed = false\n")]));
    assert!(
        d.iter()
            .any(|d| d.citation.as_deref() == Some("UK GDPR Art. 37(1)(a)"))
    );
    assert_quiet(
        "N003",
        &edit(&[
            ("kind = \"public-authority\"", "kind = \"company\""),
            ("[dpo]\n", "[dpo]\nappointed = false\n"),
        ]),
    );
    assert_fires(
        "N003",
        &edit(&[
            ("email = \"dpo@borough.gov.uk\"\naddress", "address"),
            (
                "address = \"Data Protection Officer, Town Hall, High Street, Exampleton, EX1 1AA\"\n",
                "",
            ),
        ]),
    );
}

#[test]
fn purposes() {
    assert_fires(
        "N004",
        &edit(&[("name = \"Billing and collecting council tax\"\n", "")]),
    );
}

#[test]
fn lawful_basis() {
    let d = assert_fires(
        "N005",
        &edit(&[(
            "lawful_bases = [\"legal-obligation\"]\nlaw = \"Local Government Finance Act 1992;",
            "law = \"Local Government Finance Act 1992;",
        )]),
    );
    assert!(
        d.iter()
            .any(|d| d.severity == Severity::Error && d.message.contains("has no lawful basis"))
    );
    // The law behind a legal obligation is a warning (Art. 6(3)).
    let d = assert_fires(
        "N005",
        &edit(&[(
            "law = \"Council Tax (Administration and Enforcement) Regulations 1992, Part 6\"\n",
            "",
        )]),
    );
    assert!(
        d.iter()
            .all(|d| d.code != "N005" || d.severity == Severity::Warning)
    );
    // Law enforcement needs a legal basis instead of an Art. 6 basis.
    assert_quiet(
        "N005",
        &format!(
            "{BASE}\n[[purposes]]\nname = \"Prosecuting fraud\"\nlaw_enforcement = true\nlaw = \"Fraud Act 2006\"\nrecipients = []\nretention = \"council-tax-accounts\"\n"
        ),
    );
}

#[test]
fn legitimate_interests_and_public_authorities() {
    let text = edit(&[(
        "lawful_bases = [\"public-task\"]\nlaw = \"Local Government Finance Act 1992, sections",
        "lawful_bases = [\"legitimate-interests\"]\nlaw = \"Local Government Finance Act 1992, sections",
    )]);
    assert_fires("N006", &text);
    assert_fires("Q005", &text);
    let fixed = text.replace("lawful_bases = [\"legitimate-interests\"]", "lawful_bases = [\"legitimate-interests\"]\nlegitimate_interests = \"Keeping discounts accurate.\"");
    assert_quiet("N006", &fixed);
    assert_quiet(
        "Q005",
        &fixed.replace("kind = \"public-authority\"", "kind = \"charity\""),
    );
}

#[test]
fn a_council_relying_on_recognised_legitimate_interest_is_a_finding() {
    // DUAA 2025 s.70(2)(c): "Points (ea) and (f)" do not apply to public
    // authorities in the performance of their tasks.
    let text = format!(
        "{BASE}{}",
        BARE_PURPOSE.replace("public-task", "recognised-legitimate-interest")
    )
    .replace(
        "name = \"Test purpose\"",
        "name = \"Test purpose\"\nrecognised_interest = \"safeguarding\"",
    );
    let d = assert_fires("Q005", &text);
    let q005 = d.iter().find(|d| d.code == "Q005").expect("finding");
    assert!(
        q005.message.contains("recognised legitimate interest"),
        "{}",
        q005.message
    );
    assert_eq!(
        q005.citation.as_deref(),
        Some("UK GDPR Art. 6(1), words after point (f), as amended by DUAA 2025 s.70(2)(c)")
    );
    assert_quiet(
        "Q005",
        &text.replace("kind = \"public-authority\"", "kind = \"charity\""),
    );
}

#[test]
fn a_solely_automated_decision_cannot_rely_on_a_recognised_legitimate_interest() {
    let text = format!(
        "{BASE}{}",
        BARE_PURPOSE.replace("public-task", "recognised-legitimate-interest")
    )
    .replace("name = \"Test purpose\"", "id = \"fraud\"\nname = \"Test purpose\"\nrecognised_interest = \"crime\"")
    .replace(
        "[automated_decisions]\nused = false\n",
        "[automated_decisions]\nused = true\n\n[[automated_decisions.decisions]]\npurpose = \"fraud\"\ndescription = \"Flagging claims\"\nlogic = \"A score\"\nsignificance = \"A claim is refused\"\nsafeguards = \"Ask for a review\"\n",
    );
    let d = assert_fires("N020", &text);
    let n020 = d.iter().find(|d| d.code == "N020").expect("finding");
    assert_eq!(n020.severity, Severity::Error);
    assert_eq!(n020.citation.as_deref(), Some("UK GDPR Art. 22B(4)"));
    assert_quiet(
        "N020",
        &text.replace("recognised-legitimate-interest", "public-task"),
    );
    // A decision naming no purpose of the notice is a broken reference.
    assert_fires(
        "E005",
        &text.replace("purpose = \"fraud\"", "purpose = \"frod\""),
    );
}

#[test]
fn special_category_and_criminal_offence_data_are_warnings_by_default() {
    let d = assert_fires(
        "N008",
        &edit(&[(
            "special_category_conditions = [\"substantial-public-interest\"]\n",
            "",
        )]),
    );
    assert!(
        d.iter()
            .filter(|d| d.code == "N008")
            .all(|d| d.severity == Severity::Warning)
    );
    let d = assert_fires(
        "N009",
        &edit(&[(
            "description = \"Bank details for Direct Debit, payments made and amounts owed.\"\n",
            "description = \"Bank details for Direct Debit, payments made and amounts owed.\"\ncriminal_offence = true\n",
        )]),
    );
    assert!(
        d.iter()
            .filter(|d| d.code == "N009")
            .all(|d| d.severity == Severity::Warning)
    );
}

#[test]
fn recognised_legitimate_interest() {
    let text = format!(
        "{BASE}{}",
        BARE_PURPOSE.replace("public-task", "recognised-legitimate-interest")
    );
    let text = text.replace("name = \"Test purpose\"", "name = \"Test purpose\"\nfrom_person = false\nother_sources = [{ name = \"Police\" }]\ndata_categories = [\"identity\"]");
    assert_fires("N007", &text);
    assert_quiet(
        "N007",
        &text.replace(
            "name = \"Test purpose\"",
            "name = \"Test purpose\"\nrecognised_interest = \"crime\"",
        ),
    );
}

#[test]
fn special_category_condition() {
    assert_fires(
        "N008",
        &edit(&[(
            "special_category_conditions = [\"substantial-public-interest\"]\n",
            "",
        )]),
    );
    assert_fires(
        "N008",
        &edit(&[(
            "schedule_1_conditions = [\"DPA 2018 Sch. 1 para 6: statutory and government purposes\"]\n",
            "",
        )]),
    );
    // Special category data that no purpose uses is reported at the category.
    let d = assert_fires(
        "N008",
        &edit(&[(
            "[\"identity\", \"household\", \"financial\", \"health\"]",
            "[\"identity\", \"household\", \"financial\"]",
        )]),
    );
    assert!(
        d.iter()
            .any(|d| d.message.contains("not used by any purpose"))
    );
}

#[test]
fn criminal_offence_data() {
    let text = edit(&[(
        "description = \"Bank details for Direct Debit, payments made and amounts owed.\"\n",
        "description = \"Bank details for Direct Debit, payments made and amounts owed.\"\ncriminal_offence = true\n",
    )]);
    assert_fires("N009", &text);
}

#[test]
fn special_category_and_offence_data_the_text_implies() {
    // Prose that names special category data while no category is marked:
    // once, at the words.
    let unmarked = edit(&[("special_category = true\n", "")]);
    let d = assert_fires("N008", &unmarked);
    let implied: Vec<_> = d
        .iter()
        .filter(|d| d.code == "N008" && d.message.starts_with("the text mentions"))
        .collect();
    assert_eq!(implied.len(), 1, "{implied:#?}");
    let span = implied[0].span.clone().expect("span");
    assert!(
        implied[0].file.text[span].eq_ignore_ascii_case("health information"),
        "{}",
        implied[0].message
    );
    // Marked, the mention is what the conditions are checked for: quiet.
    assert!(
        check(BASE)
            .iter()
            .all(|d| !d.message.starts_with("the text mentions"))
    );
    // Offences: "prosecute" in a UK GDPR purpose, with no category marked.
    let prosecuting = format!(
        "{BASE}{}",
        BARE_PURPOSE.replace(
            "name = \"Test purpose\"",
            "name = \"Test purpose\"\ndescription = \"We prosecute people who give false information.\""
        )
    );
    let d = assert_fires("N009", &prosecuting);
    assert!(
        d.iter()
            .any(|d| d.code == "N009" && d.message.contains("\"prosecute\""))
    );
    // The same words in a law-enforcement purpose are DPA 2018 Part 3, not
    // Art. 10: quiet.
    assert_quiet(
        "N009",
        &prosecuting.replace(
            "name = \"Test purpose\"",
            "name = \"Test purpose\"\nlaw_enforcement = true",
        ),
    );
    // A word inside another word is not a mention ("crimea", "offenceless").
    assert_quiet(
        "N009",
        &prosecuting.replace("We prosecute people", "We help people in Crimea"),
    );
}

#[test]
fn data_categories() {
    assert_quiet("N010", BASE);
    let text = edit(&[(
        "data_categories = [\"identity\", \"household\", \"financial\", \"health\"]\n",
        "",
    )]);
    assert_fires("N010", &text);
}

#[test]
fn recipients() {
    assert_fires("N011", &edit(&[("recipients = [\"voa\"]\n", "")]));
    // `recipients = []` states that nothing is shared.
    assert_quiet(
        "N011",
        &edit(&[("recipients = [\"voa\"]\n", "recipients = []\n")]),
    );
}

#[test]
fn international_transfers() {
    assert_fires(
        "N012",
        &edit(&[("outside_uk = false", "outside_uk = true")]),
    );
    assert_fires("N012", &edit(&[("[transfers]\noutside_uk = false\n", "")]));
    let with_idta = edit(&[(
        "outside_uk = false\n",
        "outside_uk = true\n\n[[transfers.destinations]]\ndestination = \"United States\"\nmechanism = \"idta\"\n",
    )]);
    let d = assert_fires("N012", &with_idta);
    assert!(d.iter().any(|d| d.message.contains("how to get a copy")));
    assert_quiet(
        "N012",
        &with_idta.replace(
            "mechanism = \"idta\"",
            "mechanism = \"idta\"\ncopy = \"Ask the DPO.\"",
        ),
    );
}

#[test]
fn retention() {
    let text = edit(&[
        (
            "schedule_url = \"https://www.borough.gov.uk/retention-schedule\"\n",
            "",
        ),
        (
            "retention = \"council-tax-accounts\"\nfrom_person = true\nother_sources = [\n",
            "from_person = true\nother_sources = [\n",
        ),
    ]);
    assert_fires("N013", &text);
    let d = assert_fires(
        "N013",
        &edit(&[(
            "trigger = \"after the end of the financial year in which the account is closed\"\n",
            "",
        )]),
    );
    assert!(
        d.iter()
            .all(|d| d.code != "N013" || d.severity == Severity::Warning)
    );
}

#[test]
fn rights_are_checked_against_the_lawful_bases() {
    let d = assert_fires(
        "N014",
        &edit(&[(
            "[rights]\n",
            "[rights]\nlisted = [\"access\", \"rectification\", \"erasure\", \"restriction\", \"object\", \"portability\"]\n",
        )]),
    );
    let messages: Vec<_> = d
        .iter()
        .filter(|d| d.code == "N014")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["the notice offers the right to data portability, which no purpose in it gives"]
    );
    let d = assert_fires(
        "N014",
        &edit(&[(
            "[rights]\n",
            "[rights]\nlisted = [\"access\", \"rectification\", \"restriction\"]\n",
        )]),
    );
    let objection = d
        .iter()
        .find(|d| d.message.contains("the right to object"))
        .expect("object missing");
    assert_eq!(objection.severity, Severity::Error);
    let erasure = d
        .iter()
        .find(|d| d.message.contains("erasure"))
        .expect("erasure missing");
    assert_eq!(
        erasure.severity,
        Severity::Warning,
        "erasure is limited under public task"
    );
    assert_quiet(
        "N014",
        &edit(&[(
            "[rights]\n",
            "[rights]\nlisted = [\"access\", \"rectification\", \"erasure\", \"restriction\", \"object\"]\n",
        )]),
    );
    assert_fires("N014", &edit(&[("how_to_exercise = ", "description = ")]));
}

#[test]
fn withdraw_consent() {
    let text = edit(&[(
        "lawful_bases = [\"public-task\"]",
        "lawful_bases = [\"public-task\", \"consent\"]",
    )]);
    assert_fires("N015", &text);
    assert_quiet(
        "N015",
        &text.replace(
            "free_of_charge = true",
            "free_of_charge = true\nhow_to_withdraw_consent = \"Email dpo@borough.gov.uk.\"",
        ),
    );
}

#[test]
fn complaints() {
    assert_fires(
        "N016",
        &edit(&[("[complaints.controller]\n", "[complaints.ignored]\n")]),
    );
    assert_fires("N017", &edit(&[("[complaints.ico]\n", "")]));
}

#[test]
fn source_and_provision() {
    let bare = |extra: &str| {
        format!(
            "{BASE}{}",
            BARE_PURPOSE.replace(
                "name = \"Test purpose\"",
                &format!("name = \"Test purpose\"\n{extra}")
            )
        )
    };
    // Unstated is a finding: where the data comes from, and (since it may
    // come from the person) whether they must give it.
    assert_fires("N018", &bare(""));
    assert_fires("N019", &bare(""));
    // "From you" alone does not say whether it also comes from elsewhere.
    assert_fires("N018", &bare("from_person = true"));
    assert_quiet("N018", &bare("from_person = true\nother_sources = []"));
    assert_fires("N019", &bare("from_person = true"));
    // Data not from the person needs no provision statement.
    assert_quiet(
        "N019",
        &bare("from_person = false\nother_sources = [{ name = \"Police\" }]"),
    );
    // A purpose whose only other source is "other organisations" names
    // none; beside a named source it is general information (Recital 61).
    let general = |sources: &str| {
        check(&bare(&format!(
            "from_person = false\nother_sources = [{sources}]"
        )))
        .into_iter()
        .filter(|d| d.code == "N018")
        .map(|d| d.message)
        .collect::<Vec<_>>()
    };
    assert_eq!(
        general("{ name = \"other organisations\" }"),
        ["the source \"other organisations\" does not say who provides the data"]
    );
    assert!(general("{ name = \"Police\" }, { name = \"other organisations\" }").is_empty());
    assert_fires(
        "N019",
        &bare("from_person = true\nprovision = { requirement = \"statutory\" }"),
    );
    assert_quiet(
        "N019",
        &bare("from_person = true\nprovision = { requirement = \"voluntary\" }"),
    );
    // "It depends on the service" (a notice-wide statement) still says what
    // happens if the data is not given.
    assert_fires(
        "N019",
        &bare("from_person = true\nprovision = { requirement = \"varies\" }"),
    );
    assert_quiet(
        "N019",
        &bare(
            "from_person = true\nprovision = { requirement = \"varies\", consequence = \"We may not be able to help you.\" }",
        ),
    );
}

#[test]
fn automated_decisions() {
    assert_fires("N020", &edit(&[("used = false", "used = true")]));
    assert_fires(
        "N020",
        &edit(&[("[automated_decisions]\nused = false\n", "")]),
    );
}

#[test]
fn plain_language() {
    let d = assert_fires(
        "Q001",
        &edit(&[(
            "We work out who must pay",
            "Pursuant to the Act we work out who must pay",
        )]),
    );
    assert!(
        d.iter()
            .any(|d| d.message == "\"Pursuant to\" is legal jargon")
    );
    // One long sentence in an otherwise plain notice is not a finding:
    // readability is judged over the whole notice.
    let long = format!("We work out {} who must pay", "and then ".repeat(20));
    assert_quiet("Q001", &edit(&[("We work out who must pay", &long)]));
    // Long sentences that are regular (more than one in twenty) are, once,
    // at the longest, with the others as related places.
    let sentence = |n: usize| {
        format!(
            "We check {} what you tell us. ",
            "the records and ".repeat(n)
        )
    };
    let section = format!(
        "\n[[sections]]\nid = \"long\"\ntitle = \"More\"\nbody = \"{}{}\"\n",
        sentence(14).repeat(4),
        sentence(20)
    );
    let d = assert_fires("Q001", &format!("{BASE}{section}"));
    let q001: Vec<_> = d.iter().filter(|d| d.code == "Q001").collect();
    assert_eq!(q001.len(), 1, "one finding for the notice: {q001:#?}");
    assert!(
        q001[0].message.contains("5 of the notice's"),
        "{}",
        q001[0].message
    );
    // A notice whose sentences average more than 20 words is hard to read
    // even with no sentence over 40.
    let wordy = format!(
        "\n[[sections]]\nid = \"wordy\"\ntitle = \"More\"\nbody = \"{}\"\n",
        sentence(9).repeat(200)
    );
    let d = assert_fires("Q001", &format!("{BASE}{wordy}"));
    assert!(
        d.iter()
            .any(|d| d.code == "Q001" && d.message.starts_with("sentences average"))
    );
}

#[test]
fn free_of_charge() {
    let d = assert_fires(
        "Q002",
        &edit(&[("free_of_charge = true", "free_of_charge = false")]),
    );
    assert!(d.iter().any(|d| d.severity == Severity::Error));
    // Requests are free by law and the page says so: saying nothing is fine.
    assert_quiet("Q002", &edit(&[("free_of_charge = true\n", "")]));
    let d = assert_fires(
        "Q002",
        &edit(&[(
            "We will reply within one month.",
            "A fee of £25 is charged for each request.",
        )]),
    );
    let fee = d.iter().find(|d| d.code == "Q002").expect("fee");
    let span = fee.span.clone().expect("span");
    assert_eq!(&fee.file.text[span], "£25");
    // The fees the law allows are not findings (Art. 12(5), 15(3)).
    for lawful in [
        "We will reply within one month. We may charge a reasonable fee for further copies.",
        "We will reply within one month. We may charge a reasonable fee for a manifestly unfounded or excessive request.",
    ] {
        assert_quiet(
            "Q002",
            &edit(&[("We will reply within one month.", lawful)]),
        );
    }
}

#[test]
fn rights_request_wording() {
    for (wrong, words) in [
        (
            "Requests must be made in writing.",
            "must be made in writing",
        ),
        ("We will reply to your request within 40 days.", "40 days"),
        (
            "We will reply to your request within 20 working days.",
            "20 working days",
        ),
        ("There is a £10 fee for each request.", "£10 fee"),
    ] {
        let d = assert_fires("Q010", &edit(&[("We will reply within one month.", wrong)]));
        let finding = d.iter().find(|d| d.code == "Q010").expect("finding");
        let span = finding.span.clone().expect("span");
        assert_eq!(&finding.file.text[span], words, "{wrong}");
        assert_eq!(
            d.iter().filter(|d| d.code == "Q002").count(),
            0,
            "reported once: {wrong}"
        );
    }
    for right in [
        "You can ask verbally or in writing. We will reply within one month.",
        "We recommend you put your request in writing. We will reply within one month.",
        "We will reply within one month. Freedom of Information requests are answered within 20 working days.",
    ] {
        assert_quiet("Q010", &edit(&[("We will reply within one month.", right)]));
    }
}

#[test]
fn review_date() {
    assert_fires(
        "Q003",
        &edit(&[("last_updated = 2026-10-01", "last_updated = 2024-01-01")]),
    );
    assert_fires(
        "Q003",
        &edit(&[("last_updated = 2026-10-01", "last_updated = 2027-01-01")]),
    );
    assert_fires(
        "Q003",
        &edit(&[(
            "last_updated = 2026-10-01",
            "last_updated = 2026-10-01T10:00:00",
        )]),
    );
    assert_fires("Q003", &edit(&[("last_updated = 2026-10-01\n", "")]));
    // A longer review period makes an older notice acceptable.
    assert_quiet(
        "Q003",
        &edit(&[
            ("last_updated = 2026-10-01", "last_updated = 2025-06-01"),
            ("review_period_months = 12", "review_period_months = 24"),
        ]),
    );
}

#[test]
fn current_law_points_at_the_outdated_words() {
    for phrase in [
        "Data Protection Act 1998",
        "EU-US Privacy Shield",
        "European Economic Area",
        "Directive 95/46/EC",
    ] {
        let d = assert_fires(
            "Q004",
            &edit(&[(
                "to bill and collect council tax",
                &format!("to bill and collect council tax under the {phrase}"),
            )]),
        );
        let finding = d.iter().find(|d| d.code == "Q004").expect("finding");
        let span = finding.span.clone().expect("span");
        assert!(
            phrase
                .to_lowercase()
                .contains(&finding.file.text[span].to_lowercase()),
            "{phrase}"
        );
    }
    // Every outdated statement of the catalogue, in a purpose description.
    for (phrase, code) in [
        ("General Data Protection Regulation", "Q004"),
        ("General Data Protection Regulations", "Q004"),
        ("GDPR 2016", "Q004"),
        ("Regulation (EU) 2016/679", "Q004"),
        ("transfers outside the EU", "Q004"),
        ("transfers outside Europe", "Q004"),
        ("our Fair Processing Notice", "Q004"),
        ("the Data Protection Act", "Q004"),
        ("standard contractual clauses", "Q004"),
        ("automated decisions (Article 22)", "Q004"),
        ("requests answered within 40 days", "Q010"),
        ("the Information Commissioner's Office", "Q004"),
    ] {
        let d = assert_fires(
            code,
            &edit(&[(
                "send bills and take payments.",
                &format!("send bills and take payments ({phrase})."),
            )]),
        );
        let finding = d.iter().find(|d| d.code == code).expect("finding");
        assert!(
            finding
                .path
                .as_deref()
                .is_some_and(|p| p.starts_with("purposes[")),
            "{phrase}: {:?}",
            finding.path
        );
    }
    // ... and the right ways to say them are quiet.
    for right in [
        "the UK GDPR",
        "the UK General Data Protection Regulation",
        "Regulation (EU) 2016/679 as it forms part of UK law (the UK GDPR)",
        "we do not transfer outside the UK",
        "the Data Protection Act 2018",
        "standard contractual clauses with the UK Addendum",
        "automated decisions (Articles 22A-22D)",
        "the Information Commission (ICO)",
    ] {
        assert_quiet(
            "Q004",
            &edit(&[(
                "send bills and take payments.",
                &format!("send bills and take payments ({right})."),
            )]),
        );
    }
    // "EEA" only as a whole word.
    assert_quiet(
        "Q004",
        &edit(&[("to bill and collect", "to bill (and the EEAX) and collect")]),
    );
}

#[test]
fn structure_rules() {
    assert_fires(
        "E003",
        &edit(&[("[dpo]\n", "[dpo]\nemial = \"x@borough.gov.uk\"\n")]),
    );
    assert_fires(
        "E004",
        &edit(&[(
            "lawful_bases = [\"public-task\"]",
            "lawful_bases = [\"public_task\"]",
        )]),
    );
    assert_fires(
        "E004",
        &edit(&[("email = \"dpo@borough.gov.uk\"", "email = \"the DPO\"")]),
    );
    assert_fires(
        "E004",
        &edit(&[("language = \"en-GB\"", "language = \"English\"")]),
    );
    let d = assert_fires(
        "E005",
        &edit(&[("recipients = [\"voa\"]", "recipients = [\"vao\"]")]),
    );
    assert!(d.iter().any(|d| {
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("did you mean `voa`"))
    }));
    let d = assert_fires("E006", &edit(&[("id = \"voa\"", "id = \"dwp\"")]));
    let duplicate = d.iter().find(|d| d.code == "E006").expect("duplicate");
    assert_eq!(
        duplicate.related.len(),
        1,
        "a duplicate points at both places"
    );
    assert_fires("E007", &edit(&[("id = \"voa\"\n", "")]));
}

#[test]
fn the_part_3_profile_checks_the_section_44_duties_only() {
    let text = "[controller]\nname = \"X Council\"\naddress = \"1 High St\"\nemail = \"a@x.gov.uk\"\n[dpo]\nemail = \"dpo@x.gov.uk\"\n[[purposes]]\nname = \"Prosecuting trading standards offences\"\n[rights]\nhow_to_exercise = \"Email us.\"\nfree_of_charge = true\n[complaints.controller]\nemail = \"c@x.gov.uk\"\n[complaints.ico]\n[notice]\nlast_updated = 2026-11-01\n";
    let d = check_with(text, "dpa-2018-part-3");
    let found: Vec<_> = d.iter().map(|d| (d.code, d.severity)).collect();
    // s.44(2) items are warnings; Art. 13/14-only requirements do not run.
    assert_eq!(
        found,
        [
            ("N005", Severity::Warning),
            ("N011", Severity::Warning),
            ("N013", Severity::Warning)
        ],
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|d| d.citation.as_deref() == Some("DPA 2018 s.44(2)(c)"))
    );
}

#[test]
fn retired_contact() {
    let d = assert_fires(
        "Q006",
        &edit(&[(
            "email = \"dpo@borough.gov.uk\"",
            "email = \"dpo@example.gcsx.gov.uk\"",
        )]),
    );
    let finding = d.iter().find(|d| d.code == "Q006").expect("finding");
    let span = finding.span.clone().expect("span");
    assert_eq!(&finding.file.text[span], "dpo@example.gcsx.gov.uk");
    assert_fires(
        "Q006",
        &edit(&[(
            "We will reply within one month.",
            "Or email mail@dataprotection.gov.uk.",
        )]),
    );
}

#[test]
fn placeholder_link() {
    assert_fires(
        "Q007",
        &edit(&[(
            "(https://www.gov.uk/government/collections/national-fraud-initiative)",
            "(#)",
        )]),
    );
    assert_fires(
        "Q007",
        &edit(&[(
            "Read more on",
            "Details are on the link below. Read more on",
        )]),
    );
    // A reference link whose definition goes nowhere: no `](` in the text.
    assert_fires(
        "Q007",
        &edit(&[(
            "[the National Fraud Initiative](https://www.gov.uk/government/collections/national-fraud-initiative).",
            "[the National Fraud Initiative][nfi].\n\n[nfi]: #",
        )]),
    );
}

/// The text of the first `code` finding's span.
fn flagged<'a>(d: &'a [Diagnostic], code: &str) -> Vec<&'a str> {
    d.iter()
        .filter(|d| d.code == code)
        .map(|d| &d.file.text[d.span.clone().expect("span")])
        .collect()
}

#[test]
fn placeholder_details() {
    // Each placeholder `noticec init` writes, put into the complete example:
    // (edit, the text the finding points at, what its message names).
    let cases: &[((&str, &str), &str, &str)] = &[
        (
            (
                "name = \"Example Borough Council\"",
                "name = \"Example Council\"",
            ),
            "\"Example Council\"",
            "`Example Council`",
        ),
        (
            (
                "ico_registration = \"Z1234567\"",
                "ico_registration = \"Z0000000\"",
            ),
            "\"Z0000000\"",
            "`Z0000000`",
        ),
        (
            ("phone = \"01234 567890\"", "phone = \"01632 960999\""),
            "\"01632 960999\"",
            "`01632 960999`",
        ),
        (
            (
                "address = \"Town Hall, High Street, Exampleton, EX1 1AA\"",
                "address = \"Council Offices, High Street, Exampleton, EX1 1AA\"",
            ),
            "Council Offices, High Street, Exampleton, EX1 1AA",
            "`Council Offices, High Street, Exampleton, EX1 1AA`",
        ),
        (
            ("council.tax@borough.gov.uk", "council.tax@example.gov.uk"),
            "\"council.tax@example.gov.uk\"",
            "`example.gov.uk`",
        ),
        (
            (
                "email = \"dpo@borough.gov.uk\"\naddress",
                "email = \"dpo@example.com\"\naddress",
            ),
            "\"dpo@example.com\"",
            "`example.com`",
        ),
        (
            (
                "https://www.borough.gov.uk/contact",
                "https://www.example.org/contact",
            ),
            "\"https://www.example.org/contact\"",
            "`example.org`",
        ),
        (
            (
                "https://www.borough.gov.uk/privacy/council-tax",
                "https://example.net/privacy",
            ),
            "\"https://example.net/privacy\"",
            "`example.net`",
        ),
        (
            (
                "https://www.borough.gov.uk/retention-schedule",
                "https://www.example.gov.uk/retention-schedule",
            ),
            "\"https://www.example.gov.uk/retention-schedule\"",
            "`example.gov.uk`",
        ),
        (
            ("Email dpo@borough.gov.uk or", "Email dpo@example.gov.uk or"),
            "dpo@example.gov.uk",
            "`dpo@example.gov.uk`",
        ),
        (
            (
                "how Example Borough Council uses",
                "how Example Council uses",
            ),
            "Example Council",
            "`Example Council`",
        ),
        (
            (
                "web_form = \"https://www.borough.gov.uk/data-protection-complaint\"",
                "web_form = \"https://intranet.council.example/complaints\"",
            ),
            "\"https://intranet.council.example/complaints\"",
            "`.example`",
        ),
    ];
    for (edit_, at, named) in cases {
        let d = assert_fires("Q011", &edit(&[*edit_]));
        assert_eq!(flagged(&d, "Q011"), [*at], "{edit_:?}");
        let finding = d.iter().find(|d| d.code == "Q011").expect("finding");
        assert_eq!(finding.severity, Severity::Error, "{edit_:?}");
        assert_eq!(finding.requirement, Some("placeholder-details"));
        assert!(finding.message.contains(named), "{}", finding.message);
        let help = finding.help.as_deref().unwrap_or("");
        assert!(help.starts_with("replace"), "{help}");
        // An error under the law-enforcement profile too.
        let d = check_with(&edit(&[*edit_]), "dpa-2018-part-3");
        assert!(
            d.iter()
                .any(|d| d.code == "Q011" && d.severity == Severity::Error),
            "{edit_:?}"
        );
    }
}

#[test]
fn placeholder_details_leaves_real_looking_details_alone() {
    // The complete example is fictional but has no placeholder.
    assert_quiet("Q011", BASE);
    // Other Ofcom drama numbers (the model council uses them), other
    // registration numbers, and domains that only look like the examples.
    assert_quiet(
        "Q011",
        &edit(&[
            ("phone = \"01234 567890\"", "phone = \"01632 960000\""),
            (
                "ico_registration = \"Z1234567\"",
                "ico_registration = \"Z0000002\"",
            ),
            ("council.tax@borough.gov.uk", "council.tax@myexample.com"),
            (
                "https://www.borough.gov.uk/contact",
                "https://www.example.com.au/contact",
            ),
            (
                "Email dpo@borough.gov.uk or",
                "Email dpo@examplecouncil.gov.uk or",
            ),
            (
                "how Example Borough Council uses",
                "how Example Councillors use",
            ),
        ]),
    );
}

#[test]
fn cookie_consent() {
    let text = format!(
        "{BASE}\n[[sections]]\nid = \"cookies\"\ntitle = \"Cookies\"\nbody = \"We use Google Analytics cookies to count visitors.\"\n"
    );
    assert_fires("Q008", &text);
    assert_quiet(
        "Q008",
        &text.replace(
            "to count visitors.",
            "to count visitors, only if you accept them in our cookie banner.",
        ),
    );
}

#[test]
fn consent_public_task() {
    assert_fires(
        "Q009",
        &edit(&[(
            "lawful_bases = [\"public-task\"]",
            "lawful_bases = [\"public-task\", \"consent\"]",
        )]),
    );
    assert_quiet("Q009", BASE);
}

#[test]
fn allow_accepts_a_finding_with_a_reason() {
    let text = edit(&[(
        "lawful_bases = [\"public-task\"]\nlaw = \"Local Government Finance Act 1992, sections",
        "lawful_bases = [\"legitimate-interests\"]\nlegitimate_interests = \"Keeping discounts accurate.\"\nlaw = \"Local Government Finance Act 1992, sections",
    )]);
    assert_fires("Q005", &text);
    let allowed = format!(
        "{text}\n[[allow]]\nrule = \"public-task-legitimate-interests\"\npurpose = \"discounts\"\nreason = \"Checked by the DPO: outside our public tasks (LIA 2026-04).\"\n"
    );
    let outcome = load_str(Path::new("case.toml"), allowed.clone());
    let loaded = outcome.notice.expect("loads");
    let validation =
        noticec::check::validate::validate_with_suppressions(&loaded, &Options::new(today()));
    assert!(
        validation.diagnostics.is_empty(),
        "{:#?}",
        validation.diagnostics
    );
    assert_eq!(validation.suppressed.len(), 1);
    assert!(
        validation.suppressed[0]
            .reason
            .starts_with("Checked by the DPO")
    );
    // Scoped to another purpose, it accepts nothing and says so.
    let elsewhere = allowed.replace("purpose = \"discounts\"", "purpose = \"billing\"");
    let d = assert_fires("Q005", &elsewhere);
    assert!(
        d.iter()
            .any(|d| d.code == "E008" && d.severity == Severity::Warning)
    );
    // A reason is required, and the rule must exist.
    assert_fires(
        "E004",
        &allowed.replace(
            "reason = \"Checked by the DPO: outside our public tasks (LIA 2026-04).\"\n",
            "",
        ),
    );
    let d = assert_fires(
        "E004",
        &allowed.replace(
            "rule = \"public-task-legitimate-interests\"",
            "rule = \"public-task-legitimate-interest\"",
        ),
    );
    assert!(d.iter().any(|d| {
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("did you mean `public-task-legitimate-interests`"))
    }));
    assert_fires(
        "E005",
        &allowed.replace("purpose = \"discounts\"", "purpose = \"nope\""),
    );
}

// ------------------------------------------------------ issue 13 verdicts

const ALL_PURPOSES: &str = include_str!("fixtures/verdicts/all-purposes.toml");

#[test]
fn notice_wide_statements_apply_to_every_purpose() {
    let d = check(ALL_PURPOSES);
    assert!(
        d.is_empty(),
        "{:#?}",
        d.iter().map(|d| (d.code, &d.message)).collect::<Vec<_>>()
    );
    // A finding about an inherited value points at the one place it is said.
    let text = ALL_PURPOSES.replace(
        "lawful_bases = [\"public-task\"]",
        "lawful_bases = [\"legitimate-interests\"]",
    );
    let d = check(&text);
    let q005: Vec<_> = d.iter().filter(|d| d.code == "Q005").collect();
    assert!(!q005.is_empty());
    for finding in q005 {
        let span = finding.span.clone().expect("span");
        assert_eq!(&finding.file.text[span], "\"legitimate-interests\"");
    }
}

/// A notice whose purposes say nothing about where data comes from or
/// whether it must be given.
fn unstated_sources() -> String {
    ALL_PURPOSES
        .replace("from_person = true\n", "")
        .replace("other_sources = []\n", "")
        .replace("provision = { requirement = \"voluntary\" }\n", "")
}

#[test]
fn an_unstated_source_and_provision_are_one_finding_each() {
    let d = check(&unstated_sources());
    let count = |code: &str| d.iter().filter(|d| d.code == code).count();
    assert_eq!(count("N018"), 1, "{d:#?}");
    assert_eq!(count("N019"), 1, "{d:#?}");
    // The categories rule still runs: an unstated source may be elsewhere.
    assert_eq!(count("N010"), 1, "{d:#?}");
    let n018 = d.iter().find(|d| d.code == "N018").expect("N018");
    assert_eq!(n018.message, "no purpose says where the data comes from");
    assert_eq!(n018.related.len(), 2, "each purpose is labelled");
    // From the person alone does not say whether data also comes from elsewhere.
    let text = ALL_PURPOSES.replace("other_sources = []\n", "");
    let d = check(&text);
    assert!(
        d.iter()
            .any(|d| d.code == "N018" && d.message.contains("anywhere else")),
        "{d:#?}"
    );
    // A consequence without a requirement is not an answer.
    let text = ALL_PURPOSES.replace(
        "provision = { requirement = \"voluntary\" }",
        "provision = { consequence = \"We may not be able to help you.\" }",
    );
    assert_fires("N019", &text);
}

#[test]
fn missing_lawful_bases_give_no_derived_rights_findings() {
    let text = ALL_PURPOSES
        .replace("lawful_bases = [\"public-task\"]\n", "")
        .replace("[rights]\n", "[rights]\nlisted = [\"access\", \"portability\", \"object\", \"withdraw-consent\", \"automated-decisions\"]\n");
    let d = check(&text);
    let n014: Vec<_> = d.iter().filter(|d| d.code == "N014").collect();
    assert_eq!(n014.len(), 1, "{n014:#?}");
    assert!(
        n014[0]
            .message
            .contains("cannot be checked until every purpose states its lawful basis")
    );
    assert_eq!(n014[0].severity, Severity::Warning);
    assert_eq!(
        d.iter().filter(|d| d.code == "N005").count(),
        1,
        "one finding for the cause"
    );
}

#[test]
fn every_bad_value_in_a_file_is_reported_in_one_run() {
    let text = ALL_PURPOSES
        .replace("title = \"Test notice\"", "title = 3")
        .replace("kind = \"public-authority\"", "kind = \"council\"")
        .replace("outside_uk = false", "outside_uk = \"no\"");
    let d = check(&text);
    let e004: Vec<_> = d.iter().filter(|d| d.code == "E004").collect();
    assert_eq!(e004.len(), 3, "{e004:#?}");
    let kind = e004
        .iter()
        .find(|d| d.message.contains("council"))
        .expect("kind");
    assert!(
        kind.help
            .as_deref()
            .unwrap_or("")
            .contains("public-authority")
    );
}

#[test]
fn a_missing_table_points_at_the_end_of_the_file_not_the_schema_comment() {
    let d = assert_fires(
        "N020",
        &edit(&[("[automated_decisions]\nused = false\n", "")]),
    );
    let n020 = d.iter().find(|d| d.code == "N020").expect("N020");
    let span = n020.span.clone().expect("span");
    let line = n020.file.position(span.start).line;
    assert!(line > 1, "at line {line}");
    assert_eq!(span.end, n020.file.text.trim_end().len());
}

#[test]
fn vague_answers_are_warnings() {
    // Retention that only says "as long as necessary".
    let vague = ALL_PURPOSES.replace(
        "[retention]\n[[retention.rules]]\nid = \"r\"\nperiod = \"6 years\"\ntrigger = \"after the last use\"\n",
        "[retention]\n[[retention.rules]]\nid = \"r\"\ncriteria = \"We keep it for as long as necessary.\"\n",
    );
    let d = assert_fires("N013", &vague);
    assert!(d.iter().any(|d| d.code == "N013"
        && d.severity == Severity::Warning
        && d.message.contains("as long as necessary")));
    assert_quiet(
        "N013",
        &vague.replace(
            "We keep it for as long as necessary.",
            "As long as necessary: 6 years after the permit ends.",
        ),
    );
    // A data category that is only "personal information".
    let generic = ALL_PURPOSES.replace(
        "[[recipients]]",
        "[[data_categories]]\nid = \"pi\"\nname = \"Personal information\"\n\n[[recipients]]",
    );
    let d = assert_fires("N010", &generic);
    assert!(
        d.iter()
            .any(|d| d.code == "N010" && d.severity == Severity::Warning)
    );
    assert_quiet(
        "N010",
        &generic.replace(
            "name = \"Personal information\"",
            "name = \"Contact details\"",
        ),
    );
    // One generic purpose.
    let one = ALL_PURPOSES.replace(
        "[[purposes]]\nname = \"Running the library\"\nretention = \"r\"\n\n[[purposes]]\nname = \"Parking permits\"\nretention = \"r\"\nrecipients = []\n",
        "[[purposes]]\nname = \"To deliver our services\"\nretention = \"r\"\n",
    );
    assert_fires("N004", &one);
    assert_quiet(
        "N004",
        &one.replace("To deliver our services", "Running the library"),
    );
    // "As required by law" as the only law.
    let law = ALL_PURPOSES.replace(
        "law = \"Local Government Act 1972\"",
        "law = \"As required by law\"",
    );
    let d = assert_fires("N005", &law);
    assert!(d.iter().any(|d| d.code == "N005"
        && d.severity == Severity::Warning
        && d.message.contains("names no")));
    assert_quiet("N005", ALL_PURPOSES);
    // A way to withdraw consent that gives no way.
    let consent = ALL_PURPOSES
        .replace(
            "lawful_bases = [\"public-task\"]",
            "lawful_bases = [\"consent\"]",
        )
        .replace(
            "[rights]\n",
            "[rights]\nhow_to_withdraw_consent = \"You can withdraw your consent at any time.\"\n",
        );
    let d = assert_fires("N015", &consent);
    assert!(d.iter().any(|d| d.code == "N015"
        && d.severity == Severity::Warning
        && d.message.contains("not how")));
    assert_quiet(
        "N015",
        &consent.replace("at any time.", "at any time: email consent@borough.gov.uk."),
    );
    // A source named only "other organisations".
    let source = ALL_PURPOSES.replace(
        "other_sources = []",
        "other_sources = [{ name = \"Other organisations\" }]",
    );
    let d = assert_fires("N018", &source);
    assert!(
        d.iter()
            .any(|d| d.code == "N018" && d.severity == Severity::Warning)
    );
    assert_quiet(
        "N018",
        &source.replace("Other organisations", "Department for Work and Pensions"),
    );
    // Only generic purposes.
    let generic = ALL_PURPOSES
        .replace(
            "name = \"Running the library\"",
            "name = \"Deliver our services\"",
        )
        .replace("name = \"Parking permits\"", "name = \"Contact you\"");
    assert_fires("N004", &generic);
    assert_quiet(
        "N004",
        &generic.replace("name = \"Contact you\"", "name = \"Parking permits\""),
    );
}

#[test]
fn criminal_offence_data_no_purpose_uses_is_reported() {
    let text = ALL_PURPOSES.replace(
        "[[recipients]]",
        "[[data_categories]]\nid = \"convictions\"\nname = \"Criminal convictions\"\ncriminal_offence = true\n\n[[recipients]]",
    );
    let d = assert_fires("N009", &text);
    assert!(
        d.iter()
            .any(|d| d.code == "N009" && d.message.contains("not used by any purpose"))
    );
    let used = text.replace(
        "name = \"Running the library\"",
        "name = \"Running the library\"\ndata_categories = [\"convictions\"]\ncriminal_offence_condition = \"Official authority: Public Libraries and Museums Act 1964\"",
    );
    assert_quiet("N009", &used);
}

#[test]
fn a_notice_wide_statement_is_read_once() {
    // Three purposes inherit one consequence from `[all_purposes]`: its
    // wording is one text, so an outdated phrase in it is one finding, at
    // `[all_purposes]`, not one per purpose.
    let purposes = BARE_PURPOSE.repeat(3).replace(
        "name = \"Test purpose\"",
        "name = \"Test purpose\"\nfrom_person = true\nother_sources = []",
    );
    let text = format!(
        "{BASE}{purposes}\n[all_purposes]\nprovision = {{ requirement = \"statutory\", consequence = \"Under the Data Protection Act 1998 we cannot help you.\" }}\n"
    );
    let q004: Vec<_> = check(&text)
        .into_iter()
        .filter(|d| d.code == "Q004")
        .collect();
    assert_eq!(q004.len(), 1, "{q004:#?}");
    assert_eq!(
        q004[0].path.as_deref(),
        Some("all_purposes.provision.consequence")
    );
}

#[test]
fn prose_nested_too_deep_is_a_finding() {
    let deep = format!("{}Council tax", "- ".repeat(12));
    let text = edit(&[(
        "summary = \"\"\"\n",
        &format!("summary = \"\"\"\n{deep}\n\n"),
    )]);
    let d: Vec<_> = check(&text)
        .into_iter()
        .filter(|d| d.code == "E011")
        .collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].path.as_deref(), Some("notice.summary"));
    assert!(d[0].message.contains("12 levels"), "{}", d[0].message);
    // Eight levels are fine.
    let fine = edit(&[(
        "summary = \"\"\"\n",
        &format!("summary = \"\"\"\n{}x\n\n", "- ".repeat(8)),
    )]);
    assert!(check(&fine).iter().all(|d| d.code != "E011"));
}

#[test]
fn ids_that_link_to_the_same_place_are_duplicates() {
    let text = edit(&[
        ("id = \"billing\"", "id = \"Billing!\""),
        ("id = \"discounts\"", "id = \"billing?\""),
    ]);
    let d: Vec<_> = check(&text)
        .into_iter()
        .filter(|d| d.code == "E006")
        .collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message.contains("`Billing!` and `billing?`"),
        "{}",
        d[0].message
    );
    // Data categories are not link targets: `a-b` and `a_b` may both exist.
    let text = edit(&[(
        "[[data_categories]]\nid = \"identity\"",
        "[[data_categories]]\nid = \"identity_\"\nname = \"Other\"\n\n[[data_categories]]\nid = \"identity\"",
    )]);
    assert!(check(&text).iter().all(|d| d.code != "E006"));
}
