# noticec's fixed text in British English: every heading, label and
# generated sentence of the pages noticec writes. `cy.ftl` beside this file
# has the same messages in Welsh; a test checks both have every message
# and the same arguments.
#
# Arguments ($name, $date …) are filled in by the templates and by
# src/render/view.rs. In HTML the text is escaped after the arguments are
# filled in, so a message holds plain text, never markup.

## The language itself

# This language's name in this language, for the link from a page in the
# other language.
language-name = English
# "and" between the last two items of a list (Welsh grammar after it —
# "ac", "a'ch", mutations — is in src/i18n.rs).
list-and = and
list-or = or

## Citations (the law's own references, written as this language writes them)

cite-uk-gdpr = UK GDPR Art. { $ref }
cite-article = Art. { $ref }
cite-dpa = DPA 2018 s.{ $ref }
cite-dpa-sections = DPA 2018 ss.{ $ref }

## Page furniture

title-default = Privacy notice
title-draft = Draft: { $title }
draft-heading = Draft — not ready to publish.
draft-body = This notice has errors: noticec check lists them.
archived-heading = A version of this notice kept as a record.
archived-body = It may no longer be true.
archived-current = Read the current version
archived-every = see every version
archived-links = { $current }, or { $every }.
meta-last-updated = Last updated: { $date }
meta-version = Version { $version }
corporate-adds = This notice adds to our { $link }, which explains how we use personal information in general.
footer-published = This notice is published at { $url }.
footer-last-updated = Last updated: { $date }.
footer-versions = Earlier versions of this notice
footer-twin = This notice as data ({ $format })
# The line on a Markdown or text page that points at the other language.
other-language = { $language }: { $url }

## Headings of the notice

heading-glance = At a glance
heading-who-we-are = Who we are
heading-representative = Our representative in the UK
heading-dpo = Our data protection officer
heading-what-we-collect = The information we use
heading-purposes = Why we use your information
heading-sharing = Who we share your information with
heading-transfers = Sending information outside the UK
heading-retention = How long we keep your information
heading-automated = Decisions made by computer
heading-rights = Your rights
heading-objection = Your right to object
heading-using-rights = How to use your rights
heading-complaints = How to complain
heading-service-notices = Privacy notices for our services
heading-changes = What has changed
section-untitled = More information

## Who we are

controller-unnamed = The controller
controller-is = { $name } is the controller of your personal information: we decide how and why it is used.
controller-kind-is = { $name } is { $kind } and is the controller of your personal information: we decide how and why it is used.
controller-registration = Our registration number with the { $regulator } is { $number }.
contact-intro = You can contact us by:
contact-post = Post
contact-email = Email
contact-phone = Phone
contact-online = Online
contact-helpline = Helpline
representative-unnamed = Our UK representative
representative-acts = { $name } acts for us in the UK.
dpo-contact = You can contact our data protection officer about anything in this notice:
dpo-contact-named = You can contact our data protection officer ({ $name }) about anything in this notice:

controller-kind-public-authority = a public authority
controller-kind-company = a company
controller-kind-charity = a charity
controller-kind-other = an organisation

## The information we use

category-special = (special category information, which the law protects more strictly)
category-criminal = (information about criminal offences, which the law protects more strictly)

## Why we use it: one purpose

purpose-unnamed = Purpose
all-purposes-name = Every purpose
all-purposes-description = What this part says applies to every purpose below, unless the purpose says otherwise.
row-law-enforcement = Law enforcement
law-enforcement-processing = This is processing for law enforcement purposes under Part 3 of the Data Protection Act 2018.
row-lawful-basis = Lawful basis
row-the-law = The law
row-legitimate-interests = Our legitimate interests
row-recognised-interest = Recognised legitimate interest
row-special-category = Special category information
special-category-under = We use it under: { $conditions }.
special-category-schedule-1 = Data Protection Act 2018, Schedule 1: { $conditions }.
appropriate-policy-document = Our appropriate policy document
row-criminal-offence = Criminal offence information
row-information-used = Information we use
row-sources = Where it comes from
source-from-you = From you
source-unnamed = Another source
source-public = (publicly available)
row-recipients = Who we share it with
recipients-none = We do not share it.
row-retention = How long we keep it
row-provision = Do you have to give it?
row-direct-marketing = Direct marketing
direct-marketing-stop = You can ask us to stop at any time.
retention-not-stated = Not stated

## Lawful bases (UK GDPR Art. 6(1))

basis-title-consent = Consent
basis-title-contract = Contract
basis-title-legal-obligation = Legal obligation
basis-title-vital-interests = Vital interests
basis-title-public-task = Public task
basis-title-recognised-legitimate-interest = Recognised legitimate interest
basis-title-legitimate-interests = Legitimate interests

basis-explanation-consent = you have agreed to us using your information for this purpose
basis-explanation-contract = we need it for a contract with you, or to take steps you ask for before entering one
basis-explanation-legal-obligation = the law requires us to use it
basis-explanation-vital-interests = we need it to protect someone's life
basis-explanation-public-task = we need it to carry out a task in the public interest or our official functions
basis-explanation-recognised-legitimate-interest = the law recognises this use as a legitimate interest
basis-explanation-legitimate-interests = we have a legitimate interest that is not outweighed by your rights

# Annex 1 to UK GDPR: the recognised legitimate interests.
recognised-interest-public-task-disclosure = disclosure to a body that needs it for a task in the public interest
recognised-interest-national-security = national security, public security and defence
recognised-interest-emergencies = responding to an emergency
recognised-interest-crime = detecting, investigating or preventing crime
recognised-interest-safeguarding = safeguarding vulnerable people

# UK GDPR Art. 9(2): the conditions for special category information.
special-condition-explicit-consent = your explicit consent (UK GDPR Art. 9(2)(a))
special-condition-employment-social-security = employment, social security and social protection law (Art. 9(2)(b))
special-condition-vital-interests = protecting someone's life when they cannot consent (Art. 9(2)(c))
special-condition-not-for-profit = the activities of a not-for-profit body (Art. 9(2)(d))
special-condition-made-public = information you have made public (Art. 9(2)(e))
special-condition-legal-claims = legal claims and courts (Art. 9(2)(f))
special-condition-substantial-public-interest = substantial public interest (Art. 9(2)(g))
special-condition-health-social-care = health or social care (Art. 9(2)(h))
special-condition-public-health = public health (Art. 9(2)(i))
special-condition-archiving-research = archiving, research or statistics (Art. 9(2)(j))

# Whether the person must give the information (Art. 13(2)(e)).
provision-statutory = The law requires you to give us this information.
provision-contractual = You must give us this information under a contract.
provision-contract-precondition = We need this information before we can enter into a contract with you.
provision-voluntary = You do not have to give us this information.
provision-observed = We record this information when you are seen, for example on camera; you are not asked to give it.
provision-varies = Whether you must give us information depends on the service: sometimes the law or a contract requires it.

## Sharing and transfers

transfers-none = We do not send your information outside the UK.
transfers-some = Some of your information is sent outside the UK:
transfer-unnamed = A destination outside the UK
transfer-protected-by = protected by { $mechanism }

transfer-mechanism-adequacy = UK adequacy regulations (UK GDPR Art. 45)
transfer-mechanism-idta = the International Data Transfer Agreement (Art. 46)
transfer-mechanism-addendum = the UK Addendum to the EU standard contractual clauses (Art. 46)
transfer-mechanism-bcr = binding corporate rules (Art. 47)
transfer-mechanism-derogation = a derogation for a specific situation (Art. 49)

## How long we keep it

retention-caption = How long we keep each kind of record
retention-records = Records
retention-period = How long we keep them
retention-schedule = Our { $link } says how long we keep each kind of record.
retention-schedule-link = retention schedule

## Decisions made by computer

automated-none = We do not make decisions about you by automated means alone.
automated-unnamed = An automated decision
row-how-it-works = How it works
row-what-it-means = What it means for you
row-safeguards = Your safeguards

## Your rights

rights-intro = You have these rights over your information:
right-applies-to = for { $purposes }
rights-law-enforcement = Where we use your information for law enforcement, your rights come from sections 45 to 47 of the Data Protection Act 2018 and may be restricted, for example to avoid prejudicing an investigation.
free-of-charge = There is no charge for making a request, unless it is clearly unfounded or excessive.

right-name-access = the right of access
right-name-rectification = the right to rectification
right-name-erasure = the right to erasure
right-name-restriction = the right to restrict processing
right-name-portability = the right to data portability
right-name-object = the right to object
right-name-withdraw-consent = the right to withdraw consent
right-name-automated-decisions = rights about automated decisions

right-description-access = You can ask for a copy of the information we hold about you.
right-description-rectification = You can ask us to correct information about you that is wrong or incomplete.
right-description-erasure = You can ask us to delete information about you.
right-description-restriction = You can ask us to stop using your information for a time, for example while we check it is correct.
right-description-portability = You can ask for information you gave us in a machine-readable format, or ask us to send it to another organisation.
right-description-object = You can object to us using your information, and we must then consider your objection.
right-description-withdraw-consent = Where we rely on your consent, you can withdraw it at any time. This does not affect what we did before you withdrew it.
right-description-automated-decisions = Where a significant decision about you is made solely by automated means, you can ask us for information about it, give your point of view, ask for a person to review it and contest the decision.

# What each right lets the reader ask for, after "You can ask us".
right-glance-access = for a copy of your information
right-glance-rectification = to correct it
right-glance-erasure = to delete it
right-glance-restriction = to limit how we use it
right-glance-portability = to send it to another organisation
right-glance-automated-decisions = to have a person review a decision made by computer

right-limitation-erasure = We cannot delete information where keeping it is necessary to meet a legal obligation or to carry out our public tasks (UK GDPR Art. 17(3)(b)).
right-limitation-erasure-for = For { $purposes }, we cannot delete information where keeping it is necessary to meet a legal obligation or to carry out our public tasks (UK GDPR Art. 17(3)(b)).
right-limitation-portability = This applies only to information you provided to us, where we use it with your consent or for a contract with you, and by automated means (UK GDPR Art. 20(1)).

# The right to object (Art. 21), in its own block (Art. 21(4)).
objection-name = The right to object
objection-grounds = You can object, on grounds relating to your particular situation, to our using your information { $uses }. We must then stop, unless we can show compelling legitimate grounds for using it that override your interests, rights and freedoms, or we need it to establish, exercise or defend legal claims.
objection-use-public-task = to carry out our public tasks
objection-use-recognised = for a recognised legitimate interest
objection-use-legitimate = for our legitimate interests
objection-use-for = { $use } ({ $purposes })
objection-marketing = You can object at any time to our using your information for direct marketing, and we will then stop using it for that.
objection-marketing-for = You can object at any time to our using your information for direct marketing ({ $purposes }), and we will then stop using it for that.

## How to complain

complaints-to-us = If you are unhappy with how we have used your information, you can complain to us.
complaints-regulator = You also have the right to complain to the regulator, the { $name } ({ $short }):

## The change record

change-version = (version { $version })
change-version-alone = Version { $version }

## At a glance (one sentence per topic)

glance-who = Who we are
glance-what = What we collect
glance-why = Why we use it
glance-shared = Who we share it with
glance-retention = How long we keep it
glance-rights = Your rights
glance-changes = What has changed
glance-complaints = How to complain
glance-more = More about { $topic }

glance-responsible = { $name } is responsible for your information.
glance-other-kinds = { $count ->
    [one] one other kind of information
   *[other] { $count } other kinds of information
}
glance-all-kinds = { $count } kinds of information, each described below
glance-other-purposes = { $count ->
    [one] one other purpose
   *[other] { $count } other purposes
}
glance-all-purposes = { $count } purposes, each described below
glance-bases = { $count ->
    [one] Lawful basis: { $bases }.
   *[other] Lawful bases: { $bases }.
}
glance-not-shared = We do not share it with anyone else.
glance-other-recipients = { $count ->
    [one] one other
   *[other] { $count } others
}
glance-all-recipients = { $count } organisations, listed below
glance-retention-schedule = Our retention schedule gives the period for each kind of record.
glance-retention-criteria = Only as long as we need it: the section below explains how we decide.
glance-retention-start-varies = { $period }; when the period starts depends on the records.
glance-retention-range = From { $shortest } to { $longest }, depending on the records.
glance-retention-some = From { $shortest } to { $longest } for { $count } of the { $total } kinds of records; each period is listed below.
glance-retention-each = Each of the { $total } kinds of records listed below has its own period.
glance-rights-ask = You can ask us { $asks }.
glance-rights-object = You can object to how we use it.
glance-rights-limits = Some limits apply.
glance-rights-free = Requests are free.
glance-changes-see = See the change record below.
glance-changes-on = On { $date }: { $what }
glance-complain-both = To us, or to the { $name } ({ $short }).
glance-complain-us = To us.
glance-complain-regulator = To the { $name } ({ $short }).
# When the regulator's name is not in the page's language (the sentence
# is plain text, so the name could not be marked with its language).
glance-complain-both-short = To us, or to the regulator ({ $short }).
glance-complain-regulator-short = To the regulator ({ $short }).

## Short notices for forms (--format jit)

jit-title = Short notices for forms: { $title }
jit-intro = Each short notice below is for the form, page or call where we collect information for one purpose. Put it where people see it before they give us their information.
jit-uses-named = { $controller } uses the information you give us here for this purpose: { $purpose }.
jit-uses = We use the information you give us here for this purpose: { $purpose }.
jit-bases = { $count ->
    [one] Our lawful basis is { $bases } ({ $articles }).
   *[other] Our lawful bases are { $bases } ({ $articles }).
}
jit-law-enforcement = This is processing for law enforcement under Part 3 of the Data Protection Act 2018.
jit-shared = We share it with: { $recipients }.
jit-retention = How long we keep it: { $retention }
jit-full = Our { $link } explains more, including your rights and how to complain.
jit-full-link = full privacy notice
jit-full-named = Our full privacy notice, “{ $title }”, explains more, including your rights and how to complain.
jit-no-purposes = This notice names no purposes, so there is no short notice to give.

## The index page and the list of versions

index-title = Privacy notices
index-last-updated = (last updated { $date })
index-draft = — draft, not ready to publish
index-as-data = as data:
versions-title = { $title }: every version
versions-intro = Each version of this notice as it was published, latest first.
version-numbered = Version { $version }
version-dated = Version of { $date }
version-last-updated = , last updated { $date }
version-current = (the version published now)

## The page's description for search results

description-we = How we use your personal information: what is collected, why, who it is shared with, how long it is kept and your rights.
description-named = How { $name } uses your personal information: what is collected, why, who it is shared with, how long it is kept and your rights.
unnamed = (unnamed)
index-title-named = { $name } privacy notices

## Dates, written as in CLDR's long date for this language ("1 October
## 2026"): the day, the month's name and the year. A test compares every
## day of several years with what ICU4X writes from CLDR.
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
