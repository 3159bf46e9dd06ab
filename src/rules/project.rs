//! Project rules (`P…`): consistency across a council's notices. They run
//! when a whole project is checked (`noticec check` with no paths), and are
//! warnings except `duplicate-output`.

use super::{Rule, RuleKind};
use crate::diagnostic::Severity;

pub const INCONSISTENT_DEFINITION: Rule = Rule {
    code: "P001",
    name: "inconsistent-definition",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "A recipient or data category id means the same thing in every notice",
    docs: r#"## What it checks
That a recipient or data category with the same `id` has the same name and
description in every notice of the project.

## Why it matters
When two notices describe "dwp" differently, readers cannot tell whether the
council shares the same data with the same body, and the copies drift apart
further with every edit. UK GDPR Art. 12(1) asks for transparent, consistent
information.

## Example
`notices/housing.toml` names recipient `dwp` "Department for Work and
Pensions" while `notices/council-tax.toml` names it "DWP (benefits)".

## How to fix
Define the recipient once in a shared part (for example
`shared/recipients.toml`) and `extend` it from both notices, or give the two
different ids.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: None,
};

pub const INCONSISTENT_CONTACT: Rule = Rule {
    code: "P002",
    name: "inconsistent-contact",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "Controller and DPO contact details are the same in every notice",
    docs: r#"## What it checks
That the controller's and the data protection officer's name and contact
details are the same in every notice as in the corporate notice (or, without
one, the first notice). A notice with a controller of another name (an
Electoral Registration Officer, say) is only compared on its DPO.

## Why it matters
A notice that still gives last year's DPO sends people's requests to the
wrong place; UK GDPR Art. 13(1)(a)-(b) require the controller's and DPO's
contact details to be right.

## Example
The corporate notice gives `dpo@example.gov.uk` and the CCTV notice still
gives `dataprotection@example.gov.uk`.

## How to fix
Put `[controller]` and `[dpo]` in one shared part that every notice extends,
and remove the copies.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: None,
};

pub const UNUSED_PART: Rule = Rule {
    code: "P003",
    name: "unused-part",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "Every shared part is extended by at least one notice",
    docs: r#"## What it checks
That every file under the project's `parts` folders is extended (directly or
through another part) by at least one notice.

## Why it matters
A shared part nobody uses is usually a copy that was meant to replace
something, or one left behind: editing it changes nothing that is published.

## Example
`shared/old-dpo.toml` is in `parts`, but no notice has it in `extends`.

## How to fix
Extend it from the notices that should use it, or delete it.
"#,
    url: "https://toml.io/en/v1.0.0",
    check: None,
};

pub const DUPLICATE_OUTPUT: Rule = Rule {
    code: "P004",
    name: "duplicate-output",
    kind: RuleKind::Project,
    severity: Some(Severity::Error),
    summary: "No two notices would be published under the same name",
    docs: r#"## What it checks
That no two notices in the project would be written to the same page (the
same file name in the same folder of the site), and that no notice would be
written over the index page.

## Why it matters
One page would silently replace the other on the council's website.

## Example
`notices/index.toml` would be written to `index.html`, the site's index.

## How to fix
Rename one of the files.
"#,
    url: "https://toml.io/en/v1.0.0",
    check: None,
};

pub const NOTICE_URL: Rule = Rule {
    code: "P005",
    name: "notice-url",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "Every notice of a project with a corporate notice gives its published address",
    docs: r#"## What it checks
In a project with a `corporate` notice, that the corporate notice and every
service notice say where they are published (`url` in `[notice]`).

## Why it matters
The corporate notice lists the service notices, and each service notice
points to the corporate one. On the built site these are links between its
pages, but a fragment pasted into the council's CMS, the Markdown and the
plain text need the address where the other notice is published: without
it the fragment links to a page that does not exist on the council's
website, and the text version cannot say where to read the rest. UK GDPR
Art. 12(1) asks for information that is easily accessible.

## Example
```toml
[notice]
title = "Council tax privacy notice"
# no url
```

## How to fix
Add the address of the published page:
`url = "https://www.example-council.gov.uk/privacy/council-tax"`.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/12",
    check: None,
};

pub const UNDATED_CHANGE: Rule = Rule {
    code: "P006",
    name: "undated-change",
    kind: RuleKind::Project,
    severity: Some(Severity::Error),
    summary: "A notice that says something new about people's information has a later `last_updated`",
    docs: r#"## What it checks
With `--baseline REV` (for pull requests), each notice is compared with its
version at the git revision REV, both with their shared parts as they were.
A material change — a purpose, lawful basis, law, recipient, kind of
information, source, retention period, transfer, automated decision,
contact or right; anything but wording — with a `last_updated` that is not
later than REV's is a finding. A change made in a shared part counts for
every notice that extends it.

## Why it matters
The date is how a reader, and an auditor, knows the notice changed: a page
that says "Last updated 1 October 2026" above a recipient added in November
states something untrue. The ICO expects councils to keep their privacy
information under review and to tell people about changes.

## Example
`noticec check --baseline origin/main` after adding a recipient to
`notices/council-tax.toml` without changing `last_updated`.

## How to fix
Set `last_updated` to the date the changed notice is published, and add a
`[[changes]]` entry saying what changed in plain words (published as "What
has changed"). `noticec diff REV:FILE FILE` lists the changes, and with
`--entry` drafts the entry.
"#,
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/the-right-to-be-informed/",
    check: None,
};

pub const NEW_PROCESSING: Rule = Rule {
    code: "P007",
    name: "new-processing",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "A new purpose, transfer or special category use is announced before it starts",
    docs: r#"## What it checks
With `--baseline REV`, a purpose that is new since REV, a new transfer of
information outside the UK, and information newly used that is special
category information: each is a warning naming the purpose or the
transfer.

## Why it matters
People must be told about a new purpose before the information is used
for it (UK GDPR Art. 13(3) for information collected from them, Art. 14(4)
for information from elsewhere). A transfer abroad or a use of special
category information is something people are entitled to know about before
it happens (Art. 13(1)(f), 9). Publishing the notice on the day the
processing starts is too late.

## Example
A pull request that adds a purpose "Referring you for debt advice".

## How to fix
Publish the changed notice, and tell the people affected, before the new
processing starts. When that is done, accept the warning for this pull
request, or merge it after publication.
"#,
    url: "https://www.legislation.gov.uk/eur/2016/679/article/13",
    check: None,
};

pub const REMOVED_NOTICE: Rule = Rule {
    code: "P008",
    name: "removed-notice",
    kind: RuleKind::Project,
    severity: Some(Severity::Warning),
    summary: "A notice published at the baseline is not removed without a word",
    docs: r#"## What it checks
With `--baseline REV` in a project, each notice of the project at REV that
is no longer one of its notices.

## Why it matters
People may have read, linked to or relied on the removed notice, and the
processing it described may still go on. The ICO's accountability framework
expects a record of the privacy information published and when it changed.

## Example
`notices/cctv.toml` is deleted in a pull request.

## How to fix
If the processing has stopped or moved to another notice, say so in the
notice that replaces it (a section or the change record) and keep the old
version in your records; then this warning can be accepted.
"#,
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/accountability-framework/",
    check: None,
};
