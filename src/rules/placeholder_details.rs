//! `placeholder-details` (Q011): the placeholders `noticec init` writes, and
//! addresses on example domains, left in a notice.

use super::text::{Hits, PhraseList, whole_word};
use super::{Context, Finding, Rule, RuleKind};
use crate::model::KeyPath;

pub const RULE: Rule = Rule {
    code: "Q011",
    name: "placeholder-details",
    kind: RuleKind::Requirement,
    severity: None,
    summary: "The notice gives the council's real details, not the placeholders of `noticec init`",
    docs: r#"## What it checks
That no placeholder of a new project (`noticec init`) is left:

- the name `Example Council`, as a contact's `name` or in any prose field;
- the registration number `Z0000000` in `ico_registration`;
- the telephone number `01632 960999` (an Ofcom drama number), as a
  contact's `phone` or in prose;
- the address `Council Offices, High Street, Exampleton, EX1 1AA` in a
  contact's `address`;
- an email or web address on `example.gov.uk`, `example.com`,
  `example.org` or `example.net` (or a subdomain such as
  `www.example.gov.uk`), in an email or web address field or in prose;
  and, in those fields, a host under the reserved top-level domains
  `.example`, `.invalid`, `.test` and `.localhost`.

`example.com`, `example.org`, `example.net` and those top-level domains
are reserved for examples by RFC 2606. `example.gov.uk` is not, but it is
the domain `noticec init` and noticec's documentation use, and no council
is called "Example". Other invented details (another `01632 960` number,
a made-up town) are not findings: noticec cannot tell them from real ones.

## Why it matters
UK GDPR Art. 13(1)(a) and 14(1)(a) require "the identity and the contact
details of the controller", and Art. 13(1)(b) and 14(1)(b) the contact
details of the data protection officer (DPA 2018 s.44(1)(a)-(b) for law
enforcement). A placeholder is neither: mail to `dpo@example.gov.uk`
does not reach the council, and a reader cannot tell which council the
notice is from. Art. 12(1) requires the information to be given in an "easily
accessible form"; a page that sends people to addresses that do not work
is not.

## Example
```toml
[controller]
name = "Example Council"
email = "dataprotection@example.gov.uk"
ico_registration = "Z0000000"
```

## How to fix
Replace each placeholder with your council's own details: its legal name,
the postal address, email address, telephone number and web pages people
should use, and its registration number from the ICO's register of fee
payers. `noticec check` names every field that still has one. Change
`name` in `noticec.toml` too: it titles the index page.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: Some(check),
};

/// The name `noticec init` writes.
pub const NAME: &str = "Example Council";
/// The ICO registration number `noticec init` writes.
pub const ICO_REGISTRATION: &str = "Z0000000";
/// The telephone number `noticec init` writes: in Ofcom's drama range, so
/// it rings no one, but a placeholder all the same.
pub const PHONE: &str = "01632 960999";
/// The postal address `noticec init` writes (in every address it writes).
pub const ADDRESS: &str = "Council Offices, High Street, Exampleton, EX1 1AA";

/// Example domains (lowercase): never a council's address.
const DOMAINS: &[&str] = &[
    "example.gov.uk",
    "example.com",
    "example.org",
    "example.net",
];

/// The placeholders looked for in prose, searched with every other rule's
/// phrases ([`super::text::search`], which ignores ASCII case): the name
/// (then kept only if written with its capitals), the telephone number and
/// the example domains, in that order.
pub static PROSE_PLACEHOLDERS: PhraseList = PhraseList {
    phrases: || {
        let mut phrases = vec!["example council", PHONE];
        phrases.extend(DOMAINS);
        phrases
    },
};

/// Where the name and the number are in [`PROSE_PLACEHOLDERS`]; the
/// domains follow, as in [`DOMAINS`].
const NAME_PATTERN: usize = 0;
const PHONE_PATTERN: usize = 1;
const FIRST_DOMAIN_PATTERN: usize = 2;

/// Top-level domains reserved by RFC 2606 (checked in address fields only:
/// in prose a word such as "test" is just a word).
const RESERVED_TLDS: &[&str] = &["example", "invalid", "test", "localhost"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let notice = cx.notice;
    let mut emails: Vec<(KeyPath, &str)> = Vec::new();
    let mut links: Vec<(KeyPath, &str)> = Vec::new();
    for (at, contact) in notice.contacts() {
        let table = at.table_name();
        if let Some(name) = contact.name.as_deref()
            && name.trim().eq_ignore_ascii_case(NAME)
        {
            out.push(
                Finding::new(
                    at.key("name"),
                    format!("`{NAME}` in `{table}` is the placeholder name of a new project"),
                    "replace `Example Council` with your council's legal name (and change `name` in noticec.toml, which titles the index page)",
                )
                .label("placeholder name"),
            );
        }
        if let Some(address) = contact.address.as_deref()
            && let Some(range) = find_ignoring_case(address, ADDRESS)
        {
            out.push(
                Finding::new(
                    at.key("address"),
                    format!("`{ADDRESS}` in `{table}` is the placeholder address of a new project"),
                    "replace it with the postal address people should write to",
                )
                .label("placeholder address")
                .within(range),
            );
        }
        if let Some(phone) = contact.phone.as_deref()
            && digits(phone) == digits(PHONE)
        {
            out.push(
                Finding::new(
                    at.key("phone"),
                    format!(
                        "`{}` in `{table}` is the placeholder telephone number of a new project",
                        phone.trim()
                    ),
                    "replace it with the number people should call, or remove `phone`",
                )
                .label("placeholder number"),
            );
        }
        if let Some(email) = contact.email.as_deref() {
            emails.push((at.key("email"), email));
        }
        if let Some(link) = contact.web_form.as_deref() {
            links.push((at.key("web_form"), link));
        }
    }
    if let Some(controller) = &notice.controller
        && let Some(number) = controller.ico_registration.as_deref()
        && number.trim().eq_ignore_ascii_case(ICO_REGISTRATION)
    {
        out.push(
            Finding::new(
                KeyPath::root().key("controller").key("ico_registration"),
                format!("`{ICO_REGISTRATION}` is the placeholder registration number of a new project"),
                "replace it with your council's number on the ICO's register of fee payers, or remove `ico_registration`",
            )
            .label("placeholder number"),
        );
    }
    let root = KeyPath::root();
    if let Some(url) = notice.notice.as_ref().and_then(|m| m.url.as_deref()) {
        links.push((root.key("notice").key("url"), url));
    }
    if let Some(website) = notice
        .complaints
        .as_ref()
        .and_then(|c| c.ico.as_ref())
        .and_then(|ico| ico.website.as_deref())
    {
        links.push((root.key("complaints").key("ico").key("website"), website));
    }
    if let Some(url) = notice
        .retention
        .as_ref()
        .and_then(|r| r.schedule_url.as_deref())
    {
        links.push((root.key("retention").key("schedule_url"), url));
    }
    for (i, purpose) in notice.purposes.iter().enumerate() {
        if let Some(url) = purpose.appropriate_policy_document.as_deref() {
            links.push((
                root.key("purposes")
                    .index(i)
                    .key("appropriate_policy_document"),
                url,
            ));
        }
    }
    for (at, email) in emails {
        let host = email.trim().rsplit_once('@').map_or("", |(_, host)| host);
        if let Some(why) = placeholder_host(host) {
            out.push(
                Finding::new(
                    at,
                    format!("`{}` is {why}, not a working address", email.trim()),
                    "replace it with the address people should email at your council",
                )
                .label("placeholder address"),
            );
        }
    }
    for (at, link) in links {
        let host = link_host(link);
        if let Some(why) = placeholder_host(host) {
            out.push(
                Finding::new(
                    at,
                    format!("`{}` is {why}, not a page of your council", link.trim()),
                    "replace it with the address of the page on your council's website",
                )
                .label("placeholder address"),
            );
        }
    }
    for (i, (at, text)) in cx.prose().iter().enumerate() {
        let hits = cx.phrases(i);
        for range in find_words(text, hits, NAME_PATTERN, NAME) {
            out.push(
                Finding::new(
                    at.clone(),
                    format!("`{NAME}` is the placeholder name of a new project"),
                    "replace `Example Council` with your council's name",
                )
                .label("placeholder name")
                .within(range),
            );
        }
        for range in find_words(text, hits, PHONE_PATTERN, PHONE) {
            out.push(
                Finding::new(
                    at.clone(),
                    format!("`{PHONE}` is the placeholder telephone number of a new project"),
                    "replace it with the number people should call",
                )
                .label("placeholder number")
                .within(range),
            );
        }
        for (range, domain) in domain_mentions(text, hits) {
            out.push(
                Finding::new(
                    at.clone(),
                    format!(
                        "`{}` is on `{domain}`, a placeholder domain",
                        &text[range.clone()]
                    ),
                    "replace it with your council's own email or web address",
                )
                .label("placeholder address")
                .within(range),
            );
        }
    }
}

/// The digits of a telephone number.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// The host of a web address, without a port or user information.
fn link_host(link: &str) -> &str {
    let link = link.trim();
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    host.split(':').next().unwrap_or("")
}

/// Why a host name is a placeholder, if it is one.
fn placeholder_host(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    for domain in DOMAINS {
        if host == *domain || host.ends_with(&format!(".{domain}")) {
            return Some(format!("on `{domain}`, a placeholder domain"));
        }
    }
    let tld = host.rsplit('.').next().unwrap_or("");
    if host.contains('.') && RESERVED_TLDS.contains(&tld) {
        return Some(format!(
            "on `.{tld}`, a top-level domain reserved for examples"
        ));
    }
    None
}

/// Where `needle` occurs in `text`, ignoring ASCII case.
fn find_ignoring_case(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let start = text
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())?;
    Some(start..start + needle.len())
}

/// Where `phrase` (pattern `pattern` of [`PROSE_PLACEHOLDERS`]) is in
/// `text` as whole words, as written (case-sensitive: the placeholder is
/// written with capitals), by the phrases found in it (`hits`).
fn find_words(
    text: &str,
    hits: Hits<'_>,
    pattern: usize,
    phrase: &str,
) -> Vec<std::ops::Range<usize>> {
    hits.of(&PROSE_PLACEHOLDERS)
        .filter(|hit| hit.pattern == pattern)
        .map(|hit| hit.range.clone())
        .filter(|range| {
            text[range.clone()] == *phrase && whole_word(&text[..range.start], &text[range.end..])
        })
        .collect()
}

/// Email and web addresses in prose whose host is an example domain: the
/// whole address (`dpo@example.gov.uk`, `https://www.example.gov.uk/x`) and
/// the domain it is on, by the phrases found in the text (`hits`).
fn domain_mentions(text: &str, hits: Hits<'_>) -> Vec<(std::ops::Range<usize>, &'static str)> {
    // The hits ignore ASCII case; what is looked at around them (ASCII
    // letters, digits, spaces and punctuation) is the same in either case.
    let host_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let mut found: Vec<(std::ops::Range<usize>, &'static str)> = Vec::new();
    for (index, domain) in DOMAINS.iter().enumerate() {
        // One domain's hits are all as long: in the order they end, they
        // are in the order they start.
        let starts = hits
            .of(&PROSE_PLACEHOLDERS)
            .filter(|hit| hit.pattern == FIRST_DOMAIN_PATTERN + index)
            .map(|hit| hit.range.start);
        for start in starts {
            let end = start + domain.len();
            // The domain itself, not `myexample.com` or `example.com.au`.
            if text[..start].chars().next_back().is_some_and(host_char) {
                continue;
            }
            let mut after = text[end..].chars();
            match after.next() {
                Some(c) if host_char(c) => continue,
                Some('.') if after.next().is_some_and(host_char) => continue,
                _ => {}
            }
            // Widen to the whole address around the domain.
            let stop = |c: char| c.is_whitespace() || "<>()[]{},;\"'`|*".contains(c);
            let begin = text[..start]
                .char_indices()
                .rfind(|(_, c)| stop(*c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let finish = text[end..].find(stop).map_or(text.len(), |i| end + i);
            // A full stop or colon that ends the sentence is not part of it.
            let finish = begin
                + text[begin..finish]
                    .trim_end_matches(['.', ':', '!', '?'])
                    .len();
            if found
                .iter()
                .any(|(r, _)| r.start <= begin && finish <= r.end)
            {
                continue;
            }
            found.push((begin..finish, domain));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_on_example_domains_are_placeholders() {
        for host in [
            "example.gov.uk",
            "www.example.gov.uk",
            "EXAMPLE.COM",
            "mail.example.org",
            "example.net.",
            "council.example",
            "intranet.test",
        ] {
            assert!(placeholder_host(host).is_some(), "{host}");
        }
        for host in [
            "modelborough.gov.uk",
            "myexample.com",
            "example.com.au",
            "exampleton-pc.gov.uk",
            "examplecouncil.gov.uk",
            "localhost",
            "",
        ] {
            assert!(placeholder_host(host).is_none(), "{host}");
        }
        assert_eq!(
            link_host("https://www.example.gov.uk/contact"),
            "www.example.gov.uk"
        );
        assert_eq!(
            link_host("https://user@example.org:8443/x?y#z"),
            "example.org"
        );
    }

    /// The prose placeholders found in `text` alone.
    fn mentions(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
        domain_mentions(text, Hits(&crate::rules::text::search(text)))
    }

    fn names(text: &str) -> Vec<std::ops::Range<usize>> {
        find_words(
            text,
            Hits(&crate::rules::text::search(text)),
            NAME_PATTERN,
            NAME,
        )
    }

    /// The patterns of the search are the placeholders, in their places.
    #[test]
    fn the_prose_placeholders_are_in_their_places() {
        let phrases = (PROSE_PLACEHOLDERS.phrases)();
        assert_eq!(phrases[NAME_PATTERN], NAME.to_ascii_lowercase());
        assert_eq!(phrases[PHONE_PATTERN], PHONE);
        assert_eq!(phrases[FIRST_DOMAIN_PATTERN..], *DOMAINS);
        let text = "Ring 01632 960999, not 101632 960999 or 01632 9609990.";
        let found = find_words(
            text,
            Hits(&crate::rules::text::search(text)),
            PHONE_PATTERN,
            PHONE,
        );
        assert_eq!(found, vec![std::ops::Range { start: 5, end: 17 }]);
    }

    #[test]
    fn finds_whole_addresses_in_prose() {
        let text = "Email dpo@example.gov.uk. Or see https://www.example.gov.uk/rights, not myexample.com.";
        let found: Vec<_> = mentions(text)
            .into_iter()
            .map(|(r, d)| (&text[r], d))
            .collect();
        assert_eq!(
            found,
            [
                ("dpo@example.gov.uk", "example.gov.uk"),
                ("https://www.example.gov.uk/rights", "example.gov.uk"),
            ]
        );
        let text = "Write to [us](mailto:info@example.org).";
        let found: Vec<_> = mentions(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(found, ["mailto:info@example.org"]);
        assert!(mentions("Visit example.com.au or modelborough.gov.uk").is_empty());
        let text = "Mail DPO@Example.Gov.UK or see WWW.EXAMPLE.COM.";
        let found: Vec<_> = mentions(text)
            .into_iter()
            .map(|(r, d)| (&text[r], d))
            .collect();
        assert_eq!(
            found,
            [
                ("DPO@Example.Gov.UK", "example.gov.uk"),
                ("WWW.EXAMPLE.COM", "example.com"),
            ]
        );
    }

    #[test]
    fn finds_the_name_as_words() {
        let text = "How Example Council uses it.";
        let found: Vec<&str> = names(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Example Council"]);
        assert_eq!(names(text).first().map(|r| r.start), Some(4));
        assert!(names("Example Borough Council; Example Councillors").is_empty());
        assert!(names("example council").is_empty());
        assert_eq!(
            names("Example Council, EXAMPLE COUNCIL, Example Council.").len(),
            2
        );
    }

    /// The placeholders this rule knows are the ones `noticec init` writes.
    #[test]
    fn every_placeholder_is_one_init_writes() {
        let written: String = crate::scaffold::FILES
            .iter()
            .map(|(_, text)| *text)
            .collect();
        for placeholder in [NAME, ICO_REGISTRATION, PHONE, ADDRESS, "@example.gov.uk"] {
            assert!(written.contains(placeholder), "init writes {placeholder}");
        }
    }
}
