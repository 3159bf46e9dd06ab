//! The machine-readable twin (issue 20, JSON part): `build --format json`
//! writes the resolved notice with the facts behind the generated text,
//! the page links it, and the same notice gives the same bytes.

mod common;

use std::path::{Path, PathBuf};

/// Builds the council tax example in `formats` into a new folder: (the
/// folder, the site in it).
fn build_council_tax(name: &str, formats: &str) -> (PathBuf, PathBuf) {
    let dir = common::temp_dir("twin", name);
    let out = dir.join("site");
    let (code, _, err) = common::noticec(
        Path::new("."),
        &[
            "build",
            "examples/council-tax.toml",
            "--format",
            formats,
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    (dir, out)
}

#[test]
fn the_json_twin_has_the_facts_and_the_page_links_it() {
    let (dir, out) = build_council_tax("json", "html,json");
    let text = std::fs::read_to_string(out.join("council-tax.json")).expect("twin");
    let twin: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(twin["format"], "noticec-notice/1");
    assert_eq!(twin["draft"], false);
    assert_eq!(
        twin["notice"]["notice"]["last_updated"], "2026-10-01",
        "dates are strings"
    );
    let bases = twin["lawful_bases"].as_array().expect("bases");
    let billing = bases
        .iter()
        .find(|b| b["purpose"] == "billing")
        .expect("billing");
    assert_eq!(billing["bases"][0]["key"], "legal-obligation");
    assert_eq!(billing["bases"][0]["article"], "UK GDPR Art. 6(1)(c)");
    let rights: Vec<&str> = twin["rights"]
        .as_array()
        .expect("rights")
        .iter()
        .filter_map(|r| r["key"].as_str())
        .collect();
    assert!(
        rights.contains(&"access") && rights.contains(&"erasure"),
        "{rights:?}"
    );
    assert!(
        twin["objection"]["grounds"].is_array(),
        "public task gives the right to object"
    );
    assert!(twin["notice"].get("allow").is_none());
    assert_eq!(twin["regulator"]["short"], "ICO");

    let page = std::fs::read_to_string(out.join("council-tax.html")).expect("page");
    assert!(
        page.contains(
            r#"<link rel="alternate" type="application&#x2f;json" href="council-tax.json">"#
        ),
        "{page}"
    );

    // Deterministic: a second build into another folder, byte for byte.
    let again = dir.join("again");
    common::noticec(
        Path::new("."),
        &[
            "build",
            "examples/council-tax.toml",
            "--format",
            "json",
            "--out",
            &again.to_string_lossy(),
        ],
    );
    assert_eq!(
        std::fs::read(again.join("council-tax.json")).expect("again"),
        text.as_bytes()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_json_ld_twin_names_each_purpose_s_dpv_legal_basis() {
    let (dir, out) = build_council_tax("jsonld", "html,json,jsonld");
    let text = std::fs::read_to_string(out.join("council-tax.jsonld")).expect("twin");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        doc["@context"]["dpv"], "https://w3id.org/dpv#",
        "the context is embedded"
    );
    assert_eq!(doc["@type"], "dpv:PrivacyNotice");
    assert_eq!(
        doc["@id"], "https://www.borough.gov.uk/privacy/council-tax",
        "ids come from the notice's url"
    );
    let processes = doc["dpv:hasProcess"].as_array().expect("processes");
    let basis = |purpose: &str| -> Vec<String> {
        let process = processes
            .iter()
            .find(|p| {
                p["@id"]
                    == format!("https://www.borough.gov.uk/privacy/council-tax#purpose-{purpose}")
            })
            .unwrap_or_else(|| panic!("purpose {purpose}"));
        process["dpv:hasLegalBasis"]
            .as_array()
            .expect("bases")
            .iter()
            .filter_map(|b| b["@id"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(basis("billing"), ["dpv:LegalObligation"]);
    assert_eq!(
        basis("discounts"),
        ["dpv:PublicInterest", "dpv:OfficialAuthorityOfController"]
    );
    assert!(
        text.contains("\"dpv:SpecialCategoryPersonalData\""),
        "health data is special category"
    );
    let page = std::fs::read_to_string(out.join("council-tax.html")).expect("page");
    assert!(page.contains(
        r#"<link rel="alternate" type="application&#x2f;ld+json" href="council-tax.jsonld">"#
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_transfer_is_a_cross_border_transfer_with_its_mechanism() {
    let notice = r#"
[notice]
title = "T"
url = "https://www.example-council.gov.uk/privacy/t"
[[recipients]]
id = "cloud"
name = "Cloud supplier"
[[purposes]]
id = "a"
name = "A"
lawful_bases = ["public-task"]
recipients = ["cloud"]
[transfers]
outside_uk = true
[[transfers.destinations]]
destination = "United States"
recipient = "cloud"
mechanism = "idta"
"#;
    let loaded = noticec::load::load_str(Path::new("t.toml"), notice.to_string())
        .notice
        .expect("loads");
    let text = noticec::render::jsonld::to_jsonld(
        &loaded.notice,
        "https://www.example-council.gov.uk/privacy/t",
        jiff::civil::date(2026, 11, 23),
    );
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let transfer = &doc["dpv:hasProcessing"][0];
    assert_eq!(transfer["@type"], "dpv:CrossBorderTransfer");
    assert_eq!(
        transfer["dpv:hasThirdCountry"]["skos:prefLabel"],
        "United States"
    );
    assert_eq!(
        transfer["dpv:hasLegalBasis"]["@type"],
        "dpv:DataTransferLegalBasis"
    );
    assert_eq!(
        transfer["dpv:hasOrganisationalMeasure"]["@type"],
        "dpv:SafeguardForDataTransfer"
    );
    assert_eq!(
        transfer["dpv:hasRecipient"]["dpv:hasName"],
        "Cloud supplier"
    );
}
