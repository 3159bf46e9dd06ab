//! Corpus generator for the benchmarks (issue 7).
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --count 1000 --seed 7 \
//!     --out target/bench/toml-1k --markdown target/bench/hugo-1k
//! ```
//!
//! writes `--count` realistic council privacy notices as notice TOML files
//! (`OUT/batch-000/notice-00000.toml` …, at most 1,000 files a folder),
//! 16–26 KiB each (about 21 KiB on average), deterministic from `--seed`.
//! With `--markdown DIR2` it also writes the same content as Markdown with
//! YAML front matter for the peers, laid out as a Hugo site:
//! `DIR2/content/notices/batch-000/notice-00000.md`, `DIR2/hugo.toml` and
//! `DIR2/layouts/` (a page template about as complex as noticec's
//! `notice.html.j2`), so `hugo --source DIR2` renders one page per notice.
//!
//! The notices vary the service, controller, purposes, lawful bases,
//! special category and criminal offence data, recipients, retention rules,
//! transfers, automated decisions and Markdown sections (lists, numbered
//! lists, links, emphasis, sub-headings and tables). They are written to
//! pass `noticec check --deny-warnings` measured to 2026-11-23, so a build
//! publishes every one. No dependencies: a SplitMix64 generator makes them.
//!
//! The benches include this file as a module (`notice_toml`) to get one
//! realistic notice, so everything but `main` is usable from there.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

/// SplitMix64: tiny, fast, and good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The generator for notice `index` of a corpus made with `seed`: each
    /// notice depends only on both, so any one can be made on its own.
    pub fn for_notice(seed: u64, index: u64) -> Self {
        let mut mix = Rng(seed ^ 0xA076_1D64_78BD_642F);
        let a = mix.next_u64();
        Rng(a ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with the given chance in percent.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n`, in random order.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

// ---------------------------------------------------------------------------
// The pools of content
// ---------------------------------------------------------------------------

const TOWNS: &[&str] = &[
    "Ashcombe",
    "Barrowfield",
    "Brackenholme",
    "Calderbrook",
    "Eastmoor",
    "Fairhaven",
    "Glenbury",
    "Hollinsford",
    "Kingsmere",
    "Longridge",
    "Marshwood",
    "Netherby",
    "Oakhampstead",
    "Pennington",
    "Queensbridge",
    "Redcliffe Vale",
    "Stowford",
    "Thornbury Moor",
    "Upperton",
    "Wexcombe",
    "Whitlow",
    "Yarrowdale",
    "Exampleton",
    "Northwick",
    "Southmead",
    "Westholme",
    "Ravensworth",
    "Ellesby",
    "Draymoor",
    "Fernleigh",
    "Harrowgate Vale",
    "Lindenford",
    "Millbrook",
    "Oldcastle",
    "Penrose",
    "Rushton",
    "Saltmarsh",
    "Tanfield",
    "Wolverley",
    "Greystone",
];

const COUNCIL_KINDS: &[&str] = &[
    "Borough Council",
    "District Council",
    "City Council",
    "County Council",
    "Metropolitan Borough Council",
    "Town Council",
];

const STREETS: &[&str] = &[
    "High Street",
    "Market Place",
    "Station Road",
    "Church Lane",
    "Castle Street",
    "King Street",
    "Victoria Road",
    "Bridge Street",
];

const BUILDINGS: &[&str] = &[
    "Town Hall",
    "Civic Centre",
    "Council House",
    "Guildhall",
    "Council Offices",
    "Municipal Buildings",
];

/// A kind of personal data: id, name, description, special, criminal.
type CategoryTpl = (&'static str, &'static str, &'static str, bool, bool);

const CATEGORIES: &[CategoryTpl] = &[
    (
        "contact",
        "Name and contact details",
        "Your name, address, telephone number and email address.",
        false,
        false,
    ),
    (
        "identity",
        "Identity details",
        "Your date of birth, National Insurance number and proof of identity, such as a *passport* or *driving licence*.",
        false,
        false,
    ),
    (
        "household",
        "Household details",
        "Who lives with you, their dates of birth and when they moved in or out.",
        false,
        false,
    ),
    (
        "financial",
        "Financial details",
        "Your income, savings, payments made and amounts owed.",
        false,
        false,
    ),
    (
        "bank",
        "Bank details",
        "Your bank account number and sort code, when you pay by **Direct Debit** or we pay you.",
        false,
        false,
    ),
    (
        "property",
        "Property details",
        "The address of the property, its council tax band or rateable value, and who owns it.",
        false,
        false,
    ),
    (
        "tenancy",
        "Tenancy details",
        "Your tenancy agreement, rent account and the history of your tenancy.",
        false,
        false,
    ),
    (
        "health",
        "Health information",
        "Information about your physical or mental health, a disability or a medical condition.",
        true,
        false,
    ),
    (
        "equalities",
        "Equalities monitoring information",
        "Your ethnic origin, religion, disability or sexual orientation. You do not have to give it.",
        true,
        false,
    ),
    (
        "criminal",
        "Criminal records",
        "Information about criminal convictions and offences, including the result of a DBS check.",
        false,
        true,
    ),
    (
        "vehicle",
        "Vehicle details",
        "Your vehicle registration number, make and model, and photographs of the vehicle.",
        false,
        false,
    ),
    (
        "children",
        "Information about children",
        "The names, dates of birth and schools of children in your care.",
        false,
        false,
    ),
    (
        "employment",
        "Employment details",
        "Your employer, job title and working hours.",
        false,
        false,
    ),
    (
        "benefits",
        "Benefit details",
        "The benefits you receive, such as Universal Credit or Pension Credit.",
        false,
        false,
    ),
    (
        "enquiry",
        "Enquiry details",
        "What you asked us or told us, and our reply.",
        false,
        false,
    ),
    (
        "complaint",
        "Complaint details",
        "What your complaint is about, what we found and what we did.",
        false,
        false,
    ),
    (
        "images",
        "Images and recordings",
        "CCTV images, body-worn camera footage and recordings of phone calls.",
        false,
        false,
    ),
    (
        "case-notes",
        "Case notes",
        "Notes our staff make about your case, visits and conversations.",
        false,
        false,
    ),
    (
        "education",
        "Education details",
        "The school your child attends, their attendance and any special educational needs.",
        false,
        false,
    ),
    (
        "licence",
        "Licence details",
        "The licence you hold or apply for, its conditions and its history.",
        false,
        false,
    ),
    (
        "application",
        "Application details",
        "What you applied for, the plans and documents you sent, and our decision.",
        false,
        false,
    ),
    (
        "card",
        "Payment card details",
        "Used only to take a payment you ask us to take. We do not keep the full card number.",
        false,
        false,
    ),
    (
        "online",
        "Online identifiers",
        "Your IP address and how you use our website, when you accept analytics cookies.",
        false,
        false,
    ),
];

/// Someone data is shared with: id, name, description.
type RecipientTpl = (&'static str, &'static str, &'static str);

const RECIPIENTS: &[RecipientTpl] = &[
    (
        "dwp",
        "Department for Work and Pensions",
        "To check your entitlement to benefits and to prevent fraud.",
    ),
    (
        "hmrc",
        "HM Revenue and Customs",
        "When the law requires us to tell them about income or payments.",
    ),
    (
        "voa",
        "Valuation Office Agency",
        "To keep the valuation list for council tax and business rates up to date.",
    ),
    (
        "enforcement-agents",
        "Enforcement agents acting for the council",
        "To recover unpaid debts after a court has made an order.",
    ),
    (
        "police",
        "The police",
        "When the law allows us to share information with them, for example to help an investigation or to protect someone at risk.",
    ),
    (
        "nhs",
        "NHS organisations",
        "Your GP, hospitals and community health services, to plan and give you joined-up care.",
    ),
    (
        "other-councils",
        "Other local authorities",
        "When you move, or to protect children and adults at risk.",
    ),
    (
        "courts",
        "Courts and tribunals",
        "For legal proceedings, such as a liability order or a possession claim.",
    ),
    (
        "solicitors",
        "Our solicitors and insurers",
        "For legal advice, legal claims and insurance claims.",
    ),
    (
        "auditors",
        "Our external auditors",
        "To check that our accounts are correct, as the law requires.",
    ),
    (
        "cabinet-office",
        "The Cabinet Office",
        "For the **National Fraud Initiative**, a data matching exercise.",
    ),
    (
        "ombudsman",
        "The Local Government and Social Care Ombudsman",
        "When you ask the Ombudsman to look at a complaint about us.",
    ),
    (
        "housing-associations",
        "Housing associations",
        "Our partners who let homes through the housing register.",
    ),
    (
        "contractors",
        "Contractors who provide services for us",
        "They may only use your information to provide the service, under a contract with us.",
    ),
    (
        "it-suppliers",
        "Our IT suppliers",
        "They host and support our systems, under contracts that keep your information safe.",
    ),
    (
        "schools",
        "Schools and academies",
        "To arrange school places, meals and support for your child.",
    ),
    (
        "dvla",
        "Driver and Vehicle Licensing Agency",
        "To find the registered keeper of a vehicle.",
    ),
    (
        "fire-service",
        "The fire and rescue service",
        "To make homes safer and to respond to emergencies.",
    ),
    (
        "care-providers",
        "Care providers",
        "The home care agencies and care homes that provide the care you need.",
    ),
    (
        "councillors",
        "Your local councillors and MP",
        "When you ask them to help you with a problem, so they can act for you.",
    ),
    (
        "dfe",
        "Department for Education",
        "For the statistics and funding the law requires us to send them.",
    ),
    (
        "printers",
        "Our printing and mailing company",
        "To print and post letters and bills.",
    ),
    (
        "cloud-provider",
        "Our cloud software provider",
        "They run our case management system in their data centres.",
    ),
];

/// A retention rule: id, records, period, trigger.
type RetentionTpl = (&'static str, &'static str, &'static str, &'static str);

const RETENTION: &[RetentionTpl] = &[
    (
        "accounts",
        "Accounts and payment records",
        "6 years",
        "after the end of the financial year in which the account is closed",
    ),
    (
        "case-files",
        "Case files",
        "6 years",
        "after the case is closed",
    ),
    (
        "housing-register",
        "Housing register applications",
        "2 years",
        "after the application is closed",
    ),
    (
        "tenancy",
        "Tenancy files",
        "6 years",
        "after the tenancy ends",
    ),
    (
        "social-care",
        "Adult social care records",
        "8 years",
        "after our last contact with you",
    ),
    (
        "children",
        "Children's records",
        "Until the child's 25th birthday",
        "or for 8 years after the case is closed, if later",
    ),
    (
        "electoral",
        "The electoral register",
        "15 years",
        "after the register is published",
    ),
    (
        "licensing",
        "Licence files",
        "6 years",
        "after the licence ends",
    ),
    (
        "planning",
        "Planning applications and decisions",
        "Permanently",
        "from the date of the decision, as part of the planning register",
    ),
    (
        "cctv",
        "CCTV recordings",
        "31 days",
        "from the date of recording, unless needed for an investigation",
    ),
    (
        "enquiries",
        "Enquiries and correspondence",
        "2 years",
        "after our last reply",
    ),
    (
        "complaints",
        "Complaint files",
        "6 years",
        "after the complaint is closed",
    ),
    (
        "marketing",
        "Mailing list details",
        "Until you unsubscribe",
        "or 2 years after you last opened one of our emails",
    ),
    (
        "inspections",
        "Inspection records",
        "6 years",
        "after the inspection",
    ),
    (
        "bookings",
        "Bookings and memberships",
        "2 years",
        "after your membership or booking ends",
    ),
];

/// One purpose of processing as a template.
pub struct PurposeTpl {
    id: &'static str,
    name: &'static str,
    /// Sentences the description is made from (some are picked).
    says: &'static [&'static str],
    bases: &'static [&'static str],
    law: &'static str,
    categories: &'static [&'static str],
    recipients: &'static [&'static str],
    retention: &'static str,
    from_person: bool,
    /// Other sources: name, description.
    sources: &'static [(&'static str, &'static str)],
    /// Provision: requirement and consequence, when from the person.
    provision: Option<(&'static str, &'static str)>,
    /// Special category conditions and Schedule 1 conditions.
    special: Option<(&'static [&'static str], &'static [&'static str])>,
    criminal: Option<&'static str>,
    recognised: Option<&'static str>,
    legitimate: Option<&'static str>,
    law_enforcement: bool,
    direct_marketing: bool,
}

#[allow(clippy::too_many_arguments)]
const fn purpose(
    id: &'static str,
    name: &'static str,
    says: &'static [&'static str],
    bases: &'static [&'static str],
    law: &'static str,
    categories: &'static [&'static str],
    recipients: &'static [&'static str],
    retention: &'static str,
) -> PurposeTpl {
    PurposeTpl {
        id,
        name,
        says,
        bases,
        law,
        categories,
        recipients,
        retention,
        from_person: true,
        sources: &[],
        provision: Some((
            "voluntary",
            "If you do not give us this information we may not be able to help you.",
        )),
        special: None,
        criminal: None,
        recognised: None,
        legitimate: None,
        law_enforcement: false,
        direct_marketing: false,
    }
}

impl PurposeTpl {
    const fn sources(mut self, sources: &'static [(&'static str, &'static str)]) -> Self {
        self.sources = sources;
        self
    }
    const fn provision(mut self, requirement: &'static str, consequence: &'static str) -> Self {
        self.provision = Some((requirement, consequence));
        self
    }
    const fn not_from_person(mut self) -> Self {
        self.from_person = false;
        self.provision = None;
        self
    }
    const fn special(
        mut self,
        conditions: &'static [&'static str],
        schedule_1: &'static [&'static str],
    ) -> Self {
        self.special = Some((conditions, schedule_1));
        self
    }
    const fn criminal(mut self, condition: &'static str) -> Self {
        self.criminal = Some(condition);
        self
    }
    // No `recognised(…)`: a council cannot rely on a recognised legitimate
    // interest for its tasks (UK GDPR Art. 6(1), as amended by DUAA s.70).
    const fn legitimate(mut self, interests: &'static str) -> Self {
        self.legitimate = Some(interests);
        self
    }
    const fn law_enforcement(mut self) -> Self {
        self.law_enforcement = true;
        self
    }
    const fn direct_marketing(mut self) -> Self {
        self.direct_marketing = true;
        self
    }
}

const SCH1_STATUTORY: &str = "DPA 2018 Sch. 1 para 6: statutory and government purposes";
const SCH1_EQUALITY: &str = "DPA 2018 Sch. 1 para 8: equality of opportunity or treatment";
const SCH1_CARE: &str = "DPA 2018 Sch. 1 para 2: health or social care purposes";
const SCH1_SAFEGUARDING: &str =
    "DPA 2018 Sch. 1 para 18: safeguarding of children and of individuals at risk";
const SCH1_FRAUD: &str = "DPA 2018 Sch. 1 para 14: preventing fraud";

/// Services, each a list of purpose ids that belong together.
const SERVICES: &[(&str, &str, &[&str])] = &[
    (
        "council-tax",
        "Council tax",
        &["ctax-billing", "ctax-discounts", "ctax-recovery"],
    ),
    (
        "business-rates",
        "Business rates",
        &["rates-billing", "rates-relief", "ctax-recovery"],
    ),
    (
        "housing",
        "Housing",
        &[
            "housing-register",
            "homelessness",
            "tenancy",
            "repairs",
            "rent-arrears",
        ],
    ),
    (
        "planning",
        "Planning and building control",
        &[
            "planning-applications",
            "building-control",
            "planning-enforcement",
        ],
    ),
    (
        "waste",
        "Waste and recycling",
        &["bin-collections", "garden-waste", "fly-tipping"],
    ),
    (
        "licensing",
        "Licensing",
        &[
            "licence-applications",
            "taxi-licensing",
            "licensing-enforcement",
        ],
    ),
    (
        "parking",
        "Parking",
        &["penalty-charges", "parking-permits", "blue-badges"],
    ),
    (
        "adult-social-care",
        "Adult social care",
        &[
            "care-assessments",
            "financial-assessments",
            "safeguarding-adults",
        ],
    ),
    (
        "childrens-services",
        "Children's services",
        &["school-admissions", "free-school-meals", "early-help"],
    ),
    (
        "elections",
        "Electoral registration",
        &["electoral-register", "postal-votes", "annual-canvass"],
    ),
    (
        "leisure",
        "Libraries and leisure",
        &["library-membership", "leisure-bookings", "newsletter"],
    ),
    (
        "environmental-health",
        "Environmental health",
        &["food-hygiene", "noise-complaints", "pest-control"],
    ),
    (
        "benefits",
        "Housing benefit and council tax reduction",
        &["housing-benefit", "ctax-reduction", "overpayments"],
    ),
];

/// Purposes any service may add.
const GENERAL: &[&str] = &[
    "enquiries",
    "complaints",
    "equalities",
    "fraud",
    "statistics",
    "legal",
    "safeguarding",
    "feedback",
    "subject-access",
    "crime-prevention",
];

/// Purposes only for controllers that are not public authorities.
const PRIVATE: &[&str] = &["service-improvement", "marketing"];

const PURPOSES: &[PurposeTpl] = &[
    purpose(
        "ctax-billing",
        "Billing and collecting council tax",
        &[
            "We work out who must pay council tax for each property in $town.",
            "We send bills, set up {Direct Debits|payment plans} and take payments.",
            "We use the **Valuation Office Agency** band of your property to work out the charge.",
            "We keep your account up to date when you move in or out.",
        ],
        &["legal-obligation"],
        "Local Government Finance Act 1992; Council Tax (Administration and Enforcement) Regulations 1992",
        &["contact", "household", "financial", "property", "bank"],
        &["voa", "printers"],
        "accounts",
    )
    .sources(&[
        ("Valuation Office Agency", "The band of your property."),
        ("Land Registry", "Who owns the property."),
    ])
    .provision(
        "statutory",
        "If you do not tell us who lives at a property we may charge a penalty of £70.",
    ),
    purpose(
        "ctax-discounts",
        "Awarding discounts, exemptions and reductions",
        &[
            "We check whether you qualify for a discount, such as the *single person discount*.",
            "A disability reduction may apply when someone at the property has a disability.",
            "We review discounts {every year|from time to time} to check they are still right.",
            "We may ask you for evidence, such as a letter from your doctor.",
        ],
        &["public-task"],
        "Local Government Finance Act 1992, sections 11, 11A and 13A",
        &["contact", "household", "financial", "health"],
        &["dwp"],
        "accounts",
    )
    .special(&["substantial-public-interest"], &[SCH1_STATUTORY])
    .sources(&[("Department for Work and Pensions", "Benefit entitlement.")])
    .provision(
        "voluntary",
        "If you do not give us this information we cannot award the discount.",
    ),
    purpose(
        "ctax-recovery",
        "Recovering unpaid tax",
        &[
            "We send reminders and final notices when a payment is missed.",
            "We may apply to the magistrates' court for a **liability order**.",
            "After a liability order we may use enforcement agents or take money from wages or benefits.",
            "We will always try to agree an affordable payment plan with you first.",
        ],
        &["legal-obligation"],
        "Council Tax (Administration and Enforcement) Regulations 1992, Part 6",
        &["contact", "financial", "employment", "benefits"],
        &["enforcement-agents", "courts", "dwp"],
        "accounts",
    )
    .sources(&[
        ("Your employer", "To take payments from your wages."),
        ("Credit reference agencies", "To trace your new address."),
    ])
    .provision(
        "statutory",
        "If you do not pay we may take recovery action, which adds costs.",
    ),
    purpose(
        "rates-billing",
        "Billing and collecting business rates",
        &[
            "We bill the person or company that occupies each business property.",
            "Sole traders and partners are individuals, so this notice covers them.",
            "We use the rateable value from the Valuation Office Agency.",
        ],
        &["legal-obligation"],
        "Local Government Finance Act 1988; Non-Domestic Rating (Collection and Enforcement) Regulations 1989",
        &["contact", "property", "financial", "bank"],
        &["voa", "printers"],
        "accounts",
    )
    .sources(&[("Valuation Office Agency", "The rateable value of the property.")])
    .provision(
        "statutory",
        "If you do not tell us you occupy a property we may charge a penalty.",
    ),
    purpose(
        "rates-relief",
        "Awarding business rates relief",
        &[
            "We check whether your business qualifies for relief, such as small business rate relief.",
            "We must check that relief stays within the subsidy control limits.",
            "We may visit the property to check it is used as you told us.",
        ],
        &["public-task"],
        "Local Government Finance Act 1988, sections 43, 44A and 47",
        &["contact", "property", "financial"],
        &["voa"],
        "accounts",
    ),
    purpose(
        "housing-register",
        "Managing the housing register",
        &[
            "We assess your application to join the housing register and decide your band.",
            "We check where you live now and who will live with you.",
            "Our partner housing associations see your application when you bid for a home.",
            "We review the register {every year|regularly} and may ask you to renew.",
        ],
        &["public-task"],
        "Housing Act 1996, Part 6",
        &["contact", "identity", "household", "financial", "health"],
        &["housing-associations", "other-councils"],
        "housing-register",
    )
    .special(&["substantial-public-interest"], &[SCH1_STATUTORY])
    .sources(&[
        ("Your landlord", "To confirm your tenancy and any rent arrears."),
        ("Health professionals", "When you ask for medical priority."),
    ])
    .provision(
        "voluntary",
        "If you do not give us this information we cannot assess your application.",
    ),
    purpose(
        "homelessness",
        "Helping people who are homeless or at risk",
        &[
            "We assess your situation and agree a personal housing plan with you.",
            "We may arrange temporary accommodation while we help you.",
            "We work with other services, such as health and probation, to support you.",
            "Some organisations must tell us when they think someone may be homeless.",
        ],
        &["public-task", "legal-obligation"],
        "Housing Act 1996, Part 7; Homelessness Reduction Act 2017",
        &["contact", "identity", "household", "health", "case-notes"],
        &["housing-associations", "nhs", "police"],
        "case-files",
    )
    .special(&["substantial-public-interest"], &[SCH1_STATUTORY])
    .sources(&[
        ("Public bodies with a duty to refer", "Such as hospitals, prisons and Jobcentre Plus."),
    ])
    .provision(
        "voluntary",
        "If you do not give us this information we may not be able to help you find a home.",
    ),
    purpose(
        "tenancy",
        "Managing your tenancy",
        &[
            "We use your information to manage your tenancy and your rent account.",
            "We contact you about inspections, gas safety checks and changes to your rent.",
            "We deal with reports of anti-social behaviour that involve your home.",
        ],
        &["contract"],
        "",
        &["contact", "tenancy", "household", "financial"],
        &["contractors", "police"],
        "tenancy",
    )
    .provision(
        "contractual",
        "Your tenancy agreement requires you to give us this information.",
    ),
    purpose(
        "repairs",
        "Carrying out repairs",
        &[
            "We pass your name, address and phone number to the contractor doing the repair.",
            "We ask you about the repair and when you are at home.",
            "We may ask how satisfied you were with the repair afterwards.",
        ],
        &["contract"],
        "",
        &["contact", "tenancy"],
        &["contractors"],
        "tenancy",
    )
    .provision(
        "contractual",
        "If you do not give us access details we cannot carry out the repair.",
    ),
    purpose(
        "rent-arrears",
        "Recovering rent arrears",
        &[
            "We contact you when your rent is not paid and offer help and advice.",
            "We may refer you to our money advice team, with your agreement.",
            "As a last resort we may ask the court for a possession order.",
        ],
        &["contract", "legal-obligation"],
        "Housing Act 1985; Housing Act 1988",
        &["contact", "tenancy", "financial", "benefits"],
        &["courts", "dwp", "solicitors"],
        "tenancy",
    )
    .provision(
        "contractual",
        "If you do not pay your rent we may take legal action.",
    ),
    purpose(
        "planning-applications",
        "Deciding planning applications",
        &[
            "We publish planning applications on our website so people can comment.",
            "We remove signatures, phone numbers and email addresses before we publish.",
            "Comments from neighbours are published with their name and address.",
            "We keep the decision on the planning register, as the law requires.",
        ],
        &["public-task"],
        "Town and Country Planning Act 1990; Town and Country Planning (Development Management Procedure) (England) Order 2015",
        &["contact", "application", "property"],
        &["councillors", "contractors"],
        "planning",
    )
    .provision(
        "statutory",
        "If you do not give us the information the law asks for we cannot decide your application.",
    ),
    purpose(
        "building-control",
        "Checking building work",
        &[
            "We check that building work meets the building regulations.",
            "We inspect the work on site and issue a completion certificate.",
            "We deal with dangerous structures to keep people safe.",
        ],
        &["public-task"],
        "Building Act 1984; Building Regulations 2010",
        &["contact", "application", "property"],
        &["fire-service"],
        "planning",
    )
    .provision(
        "statutory",
        "If you do not give us this information we cannot approve the work.",
    ),
    purpose(
        "planning-enforcement",
        "Investigating breaches of planning control",
        &[
            "We investigate reports of building work or changes of use without permission.",
            "We may prosecute when an enforcement notice is not obeyed.",
            "We do not tell the owner who reported the breach.",
        ],
        &[],
        "Town and Country Planning Act 1990, Part 7; DPA 2018 section 35(2)(b)",
        &["contact", "property", "case-notes"],
        &["courts", "solicitors"],
        "case-files",
    )
    .law_enforcement()
    .sources(&[("People who report a breach", "Their description of what they saw.")]),
    purpose(
        "bin-collections",
        "Collecting your bins",
        &[
            "We use your address to plan collection rounds.",
            "We record missed collections and requests for new bins.",
            "We offer *assisted collections* when nobody in the household can take the bins out.",
        ],
        &["public-task"],
        "Environmental Protection Act 1990, section 45",
        &["contact", "property", "health"],
        &["contractors"],
        "enquiries",
    )
    .special(&["substantial-public-interest"], &[SCH1_STATUTORY]),
    purpose(
        "garden-waste",
        "Running the garden waste service",
        &[
            "The garden waste service is a paid subscription.",
            "We take your payment and send you a permit for your bin.",
            "We remind you when it is time to renew.",
        ],
        &["contract"],
        "",
        &["contact", "card"],
        &["contractors", "printers"],
        "accounts",
    )
    .provision(
        "contract-precondition",
        "If you do not give us these details we cannot provide the service.",
    ),
    purpose(
        "fly-tipping",
        "Prosecuting fly-tipping",
        &[
            "We investigate fly-tipping and may issue a fixed penalty notice.",
            "We use CCTV and evidence found in the waste to find who dumped it.",
            "Serious cases go to the magistrates' court.",
        ],
        &[],
        "Environmental Protection Act 1990, section 33; DPA 2018 section 35(2)(b)",
        &["contact", "vehicle", "images"],
        &["dvla", "police", "courts"],
        "case-files",
    )
    .law_enforcement()
    .sources(&[("Driver and Vehicle Licensing Agency", "The registered keeper of a vehicle.")]),
    purpose(
        "licence-applications",
        "Deciding licence applications",
        &[
            "We decide applications for premises licences, personal licences and street trading.",
            "We consult the police, the fire service and environmental health.",
            "Some details of licences are published on our public register.",
        ],
        &["public-task"],
        "Licensing Act 2003; Gambling Act 2005; Local Government (Miscellaneous Provisions) Act 1982",
        &["contact", "identity", "licence", "criminal"],
        &["police", "fire-service"],
        "licensing",
    )
    .criminal("DPA 2018 Sch. 1 para 6: statutory and government purposes")
    .sources(&[("The police", "Whether they object to the application.")])
    .provision(
        "statutory",
        "If you do not give us the information the law asks for we cannot grant the licence.",
    ),
    purpose(
        "taxi-licensing",
        "Licensing taxi and private hire drivers",
        &[
            "We check that drivers are *fit and proper* to carry passengers.",
            "We check your DBS certificate, your driving licence and your medical report.",
            "We share information with other councils about drivers we refused or revoked.",
        ],
        &["public-task"],
        "Local Government (Miscellaneous Provisions) Act 1976; Town Police Clauses Act 1847",
        &["contact", "identity", "licence", "criminal", "health", "vehicle"],
        &["police", "dvla", "other-councils"],
        "licensing",
    )
    .criminal("DPA 2018 Sch. 1 para 6: statutory and government purposes")
    .special(&["substantial-public-interest"], &[SCH1_STATUTORY])
    .sources(&[
        ("Disclosure and Barring Service", "Your enhanced DBS certificate."),
        ("Driver and Vehicle Licensing Agency", "Your driving licence record."),
    ])
    .provision(
        "statutory",
        "If you do not give us this information we cannot grant the licence.",
    ),
    purpose(
        "licensing-enforcement",
        "Enforcing licensing law",
        &[
            "We investigate reports of premises breaking their licence conditions.",
            "We may review a licence, or prosecute offences, with the police.",
        ],
        &[],
        "Licensing Act 2003, Part 7; DPA 2018 section 35(2)(b)",
        &["contact", "licence", "images"],
        &["police", "courts"],
        "case-files",
    )
    .law_enforcement()
    .sources(&[("The police", "Evidence of offences at licensed premises.")]),
    purpose(
        "penalty-charges",
        "Issuing and collecting penalty charge notices",
        &[
            "Our civil enforcement officers issue penalty charge notices for parking contraventions.",
            "Officers take photographs and may wear body cameras.",
            "We get the registered keeper's details from the DVLA.",
            "You can challenge a penalty charge notice online or by post.",
        ],
        &["public-task"],
        "Traffic Management Act 2004, Part 6",
        &["contact", "vehicle", "images", "financial"],
        &["dvla", "enforcement-agents", "courts"],
        "case-files",
    )
    .sources(&[("Driver and Vehicle Licensing Agency", "The registered keeper of a vehicle.")])
    .provision(
        "voluntary",
        "If you do not give us evidence we will decide your challenge on what we have.",
    ),
    purpose(
        "parking-permits",
        "Issuing parking permits",
        &[
            "We check that you live in the permit zone and own or use the vehicle.",
            "We take payment for the permit.",
            "We send reminders when your permit is due to expire.",
        ],
        &["public-task"],
        "Road Traffic Regulation Act 1984, section 45",
        &["contact", "vehicle", "card"],
        &["dvla"],
        "accounts",
    )
    .provision(
        "contract-precondition",
        "If you do not give us these details we cannot issue a permit.",
    ),
    purpose(
        "blue-badges",
        "Assessing Blue Badge applications",
        &[
            "We assess whether you qualify for a Blue Badge.",
            "We may ask a health professional about your mobility.",
            "We check badges are used correctly, to stop misuse.",
        ],
        &["public-task"],
        "Chronically Sick and Disabled Persons Act 1970, section 21",
        &["contact", "identity", "health"],
        &["dwp", "printers"],
        "case-files",
    )
    .special(&["substantial-public-interest"], &[SCH1_STATUTORY])
    .sources(&[("Department for Work and Pensions", "Whether you receive a qualifying benefit.")])
    .provision(
        "voluntary",
        "If you do not give us this information we cannot assess your application.",
    ),
    purpose(
        "care-assessments",
        "Assessing and arranging care and support",
        &[
            "We assess what care and support you need and agree a care plan with you.",
            "We share your care plan with the providers who give you care.",
            "We work with the NHS so your care is joined up.",
            "We review your care plan at least once a year.",
        ],
        &["public-task"],
        "Care Act 2014, sections 9 to 18",
        &["contact", "identity", "household", "health", "case-notes"],
        &["nhs", "care-providers"],
        "social-care",
    )
    .special(&["health-social-care"], &[SCH1_CARE])
    .sources(&[
        ("Your GP and hospital", "Information about your health."),
        ("Family members and carers", "What they tell us about your needs."),
    ])
    .provision(
        "voluntary",
        "If you do not give us this information we may not be able to meet your needs.",
    ),
    purpose(
        "financial-assessments",
        "Working out what you pay towards your care",
        &[
            "We assess your income and savings to work out what you pay towards your care.",
            "We may check your benefits with the Department for Work and Pensions.",
            "You can ask for a review if you think the assessment is wrong.",
        ],
        &["legal-obligation"],
        "Care Act 2014, section 17; Care and Support (Charging and Assessment of Resources) Regulations 2014",
        &["contact", "financial", "benefits", "bank"],
        &["dwp", "care-providers"],
        "social-care",
    )
    .sources(&[("Department for Work and Pensions", "The benefits you receive.")])
    .provision(
        "statutory",
        "If you do not give us this information you will pay the full cost of your care.",
    ),
    purpose(
        "safeguarding-adults",
        "Protecting adults at risk",
        &[
            "We make enquiries when we think an adult is at risk of abuse or neglect.",
            "We may share information without consent when someone is at risk of serious harm.",
            "We work with the police and the NHS on the local safeguarding adults board.",
        ],
        &["public-task", "vital-interests"],
        "Care Act 2014, section 42",
        &["contact", "household", "health", "case-notes"],
        &["police", "nhs", "care-providers"],
        "social-care",
    )
    .not_from_person()
    .special(&["substantial-public-interest"], &[SCH1_SAFEGUARDING])
    .sources(&[
        ("People who raise a concern", "What they saw or were told."),
        ("The police and the NHS", "Information about the risk."),
    ]),
    purpose(
        "school-admissions",
        "Allocating school places",
        &[
            "We allocate places at community and voluntary controlled schools.",
            "We share your application with the schools you name.",
            "We check your address so places are allocated fairly.",
        ],
        &["public-task"],
        "School Standards and Framework Act 1998, section 86; School Admissions Code",
        &["contact", "children", "education"],
        &["schools", "dfe"],
        "children",
    )
    .provision(
        "voluntary",
        "If you do not apply on time your child may not get a place at the school you prefer.",
    ),
    purpose(
        "free-school-meals",
        "Checking eligibility for free school meals",
        &[
            "We check whether your child can have free school meals.",
            "We use the government's eligibility checking system.",
            "We tell your child's school the result, but not your income.",
        ],
        &["public-task"],
        "Education Act 1996, section 512ZB",
        &["contact", "children", "benefits"],
        &["schools", "dfe"],
        "children",
    )
    .sources(&[("Department for Education", "The eligibility checking system.")])
    .provision(
        "voluntary",
        "If you do not give us this information we cannot check whether your child qualifies.",
    ),
    purpose(
        "early-help",
        "Giving early help to families",
        &[
            "Our early help workers support families before problems get worse.",
            "We agree with you who we share your information with.",
            "When a child is at risk we share information without consent to protect them.",
        ],
        &["public-task"],
        "Children Act 2004, section 10; Children Act 1989, section 17",
        &["contact", "household", "children", "health", "case-notes"],
        &["schools", "nhs", "police"],
        "children",
    )
    .special(&["substantial-public-interest"], &[SCH1_SAFEGUARDING])
    .sources(&[("Schools and health visitors", "Concerns about a child's wellbeing.")]),
    purpose(
        "electoral-register",
        "Keeping the electoral register",
        &[
            "We keep the register of people who can vote.",
            "There are two versions: the full register and the *open register*.",
            "You can ask us to remove your details from the open register at any time.",
            "We check your identity with the Department for Work and Pensions.",
        ],
        &["legal-obligation", "public-task"],
        "Representation of the People Act 1983; Representation of the People (England and Wales) Regulations 2001",
        &["contact", "identity", "household"],
        &["dwp", "printers", "councillors"],
        "electoral",
    )
    .sources(&[("Department for Work and Pensions", "To confirm your identity.")])
    .provision(
        "statutory",
        "If you do not register when asked we may fine you £80.",
    ),
    purpose(
        "postal-votes",
        "Arranging postal and proxy votes",
        &[
            "We process applications to vote by post or by proxy.",
            "We keep your signature and date of birth to check postal votes.",
            "We send your ballot paper to the address you give us.",
        ],
        &["legal-obligation"],
        "Representation of the People Act 2000, Schedule 4; Elections Act 2022",
        &["contact", "identity"],
        &["printers"],
        "electoral",
    )
    .provision(
        "statutory",
        "If you do not give us your signature and date of birth we cannot give you a postal vote.",
    ),
    purpose(
        "annual-canvass",
        "Running the annual canvass",
        &[
            "Every year we check who lives at each address.",
            "We compare our register with council tax and other local records.",
            "We write to households where things may have changed.",
        ],
        &["legal-obligation"],
        "Representation of the People Act 1983, section 9D",
        &["contact", "household"],
        &["printers"],
        "electoral",
    )
    .sources(&[("Council tax records", "Who lives at each property.")])
    .provision(
        "statutory",
        "If you do not reply to the canvass we may call at your home.",
    ),
    purpose(
        "library-membership",
        "Managing library membership",
        &[
            "We give you a library card and keep a record of the items you borrow.",
            "We remind you when items are due back.",
            "We delete your borrowing history when you return an item, unless fees are owed.",
        ],
        &["public-task"],
        "Public Libraries and Museums Act 1964, section 7",
        &["contact", "identity"],
        &["it-suppliers"],
        "bookings",
    )
    .provision(
        "contract-precondition",
        "If you do not give us your details we cannot give you a library card.",
    ),
    purpose(
        "leisure-bookings",
        "Taking bookings for leisure activities",
        &[
            "We take your booking and payment for classes, swimming and courts.",
            "We ask about health conditions so that instructors can keep you safe.",
            "We tell you if a session is cancelled.",
        ],
        &["contract"],
        "",
        &["contact", "card", "health"],
        &["it-suppliers"],
        "bookings",
    )
    .special(&["explicit-consent"], &[])
    .provision(
        "contract-precondition",
        "If you do not give us these details we cannot take your booking.",
    ),
    purpose(
        "newsletter",
        "Sending you our newsletter",
        &[
            "With your agreement, we email you news about events and services.",
            "Every email has a link to unsubscribe.",
        ],
        &["consent"],
        "",
        &["contact", "online"],
        &["it-suppliers"],
        "marketing",
    )
    .provision(
        "voluntary",
        "You do not have to sign up. It does not affect the services you get.",
    ),
    purpose(
        "food-hygiene",
        "Inspecting food businesses",
        &[
            "We inspect food businesses and give them a food hygiene rating.",
            "Ratings are published by the Food Standards Agency.",
            "Sole traders are named in the published rating.",
        ],
        &["public-task"],
        "Food Safety Act 1990; Official Feed and Food Controls (England) Regulations 2009",
        &["contact", "property"],
        &["contractors"],
        "inspections",
    )
    .not_from_person()
    .sources(&[("Food business registration forms", "The details of the business.")]),
    purpose(
        "noise-complaints",
        "Investigating noise and nuisance",
        &[
            "We investigate complaints about noise, smoke, smells and other nuisances.",
            "We may ask you to keep a diary or record the noise.",
            "We may serve an abatement notice on the person causing the nuisance.",
        ],
        &["public-task"],
        "Environmental Protection Act 1990, Part 3",
        &["contact", "case-notes", "images"],
        &["police", "housing-associations"],
        "case-files",
    )
    .provision(
        "voluntary",
        "If you do not give us your details we may not be able to investigate.",
    ),
    purpose(
        "pest-control",
        "Providing pest control",
        &[
            "We book a visit and take payment for the treatment.",
            "Our technician records what was treated and any follow-up needed.",
        ],
        &["contract"],
        "",
        &["contact", "property", "card"],
        &["contractors"],
        "bookings",
    )
    .provision(
        "contract-precondition",
        "If you do not give us these details we cannot book a visit.",
    ),
    purpose(
        "housing-benefit",
        "Assessing housing benefit",
        &[
            "We work out whether you can get housing benefit and how much.",
            "We check your income and your rent with your landlord and the DWP.",
            "We tell you about changes and ask you to report changes in your circumstances.",
        ],
        &["legal-obligation"],
        "Social Security Administration Act 1992; Housing Benefit Regulations 2006",
        &["contact", "household", "financial", "benefits", "tenancy"],
        &["dwp", "hmrc"],
        "accounts",
    )
    .sources(&[
        ("Department for Work and Pensions", "Your benefits and earnings."),
        ("Your landlord", "Your rent and tenancy."),
    ])
    .provision(
        "statutory",
        "If you do not give us this information we cannot pay housing benefit.",
    ),
    purpose(
        "ctax-reduction",
        "Assessing council tax reduction",
        &[
            "We work out whether you can get council tax reduction under our local scheme.",
            "We check your income, savings and household with the DWP.",
        ],
        &["public-task"],
        "Local Government Finance Act 1992, section 13A and Schedule 1A",
        &["contact", "household", "financial", "benefits"],
        &["dwp"],
        "accounts",
    )
    .sources(&[("Department for Work and Pensions", "Your Universal Credit award.")])
    .provision(
        "voluntary",
        "If you do not give us this information we cannot award a reduction.",
    ),
    purpose(
        "overpayments",
        "Recovering overpaid benefit",
        &[
            "When we pay too much benefit we must try to get it back.",
            "We may take it from your ongoing benefit or send you an invoice.",
        ],
        &["legal-obligation"],
        "Social Security Administration Act 1992, section 75",
        &["contact", "financial", "benefits"],
        &["dwp", "enforcement-agents"],
        "accounts",
    )
    .provision(
        "statutory",
        "If you do not repay the overpayment we may take recovery action.",
    ),
    purpose(
        "enquiries",
        "Answering your enquiries",
        &[
            "When you contact us by phone, email or online we use your details to reply.",
            "We pass your enquiry to the team that can help you.",
            "We may record calls to our contact centre for training and quality.",
        ],
        &["public-task"],
        "Local Government Act 1972, section 111; Localism Act 2011, section 1",
        &["contact", "enquiry"],
        &["contractors", "councillors"],
        "enquiries",
    )
    .provision(
        "voluntary",
        "If you do not give us your contact details we cannot reply to you.",
    ),
    purpose(
        "complaints",
        "Dealing with your complaint",
        &[
            "We use your information to investigate your complaint and tell you what we found.",
            "If you are still unhappy you can ask the Ombudsman to look at it.",
            "We use what we learn from complaints to improve our services.",
        ],
        &["public-task"],
        "Local Government Act 1974, Part 3",
        &["contact", "complaint"],
        &["ombudsman"],
        "complaints",
    )
    .provision(
        "voluntary",
        "If you do not give us your details, it may be harder for us to investigate.",
    ),
    purpose(
        "equalities",
        "Checking that our services treat everyone fairly",
        &[
            "We use equalities information on its own, without your name, to report on who uses our services.",
            "Answering the equalities questions is always optional.",
        ],
        &["legal-obligation"],
        "Equality Act 2010, section 149 (the public sector equality duty)",
        &["equalities"],
        &[],
        "enquiries",
    )
    .special(&["substantial-public-interest"], &[SCH1_EQUALITY])
    .provision(
        "voluntary",
        "You do not have to answer. It does not affect the service you get.",
    ),
    purpose(
        "fraud",
        "Preventing and detecting fraud",
        &[
            "We take part in the *National Fraud Initiative*, run by the Cabinet Office.",
            "We check the information you give us against other records to find fraud.",
            "We may share information with other bodies that spend public money.",
        ],
        &["legal-obligation"],
        "Local Audit and Accountability Act 2014, Part 6",
        &["contact", "financial"],
        &["cabinet-office", "auditors", "police"],
        "accounts",
    )
    .not_from_person()
    .criminal(SCH1_FRAUD)
    .sources(&[("The Cabinet Office", "Matches from the National Fraud Initiative.")]),
    purpose(
        "statistics",
        "Research and statistics to improve our services",
        &[
            "We remove names or replace them with codes before we use information for research.",
            "We publish statistics that nobody can be identified from.",
        ],
        &["public-task"],
        "Local Government Act 1972, section 111",
        &["enquiry"],
        &[],
        "enquiries",
    )
    .not_from_person(),
    purpose(
        "legal",
        "Legal proceedings and legal advice",
        &[
            "We use information when the law requires it, for court cases and to get legal advice.",
            "We may share it with our solicitors and insurers.",
        ],
        &["legal-obligation", "public-task"],
        "Local Government Act 1972, sections 111 and 222",
        &["contact", "case-notes"],
        &["solicitors", "courts"],
        "case-files",
    )
    .not_from_person(),
    purpose(
        "safeguarding",
        "Protecting children and adults at risk",
        &[
            "We share information with other councils when someone may be at risk of harm.",
            "In an emergency we share information to protect someone's life.",
        ],
        &["public-task", "vital-interests"],
        "Children Act 1989, section 47; Care Act 2014, section 42",
        &["contact", "case-notes"],
        &["other-councils", "police"],
        "case-files",
    )
    .not_from_person(),
    purpose(
        "feedback",
        "Asking for your views",
        &[
            "With your agreement we invite you to surveys about our services.",
            "You can stop taking part at any time.",
        ],
        &["consent"],
        "",
        &["contact", "enquiry"],
        &["it-suppliers"],
        "enquiries",
    )
    .provision(
        "voluntary",
        "You do not have to take part. It does not affect the service you get.",
    ),
    purpose(
        "subject-access",
        "Answering requests for your personal information",
        &[
            "Your information may appear in someone else's request.",
            "We never give it to them without your consent or a legal reason.",
        ],
        &["legal-obligation"],
        "UK GDPR Article 15; Data Protection Act 2018",
        &["contact", "enquiry"],
        &[],
        "enquiries",
    )
    .provision(
        "voluntary",
        "Without enough information to identify you, we cannot find your records.",
    ),
    purpose(
        "crime-prevention",
        "Helping the police prevent and detect crime",
        &[
            "We share information with the police when they need it to prevent or detect crime.",
            "We check each request and share only what is needed.",
        ],
        &["public-task"],
        "Crime and Disorder Act 1998, section 115",
        &["contact", "case-notes", "criminal"],
        &["police"],
        "case-files",
    )
    .criminal(SCH1_STATUTORY)
    .not_from_person()
    .sources(&[("The police", "When they ask us to help with an investigation.")]),
    purpose(
        "service-improvement",
        "Improving our services",
        &[
            "We look at how people use our services so we can improve them.",
            "We use summaries wherever we can.",
        ],
        &["legitimate-interests"],
        "",
        &["contact", "enquiry"],
        &["it-suppliers"],
        "enquiries",
    )
    .legitimate("Running our services well and making sure they meet people's needs.")
    .not_from_person(),
    purpose(
        "marketing",
        "Telling supporters about our work",
        &[
            "We send our supporters news about our work by post.",
            "You can ask us to stop at any time, and we will.",
        ],
        &["legitimate-interests"],
        "",
        &["contact"],
        &["printers"],
        "marketing",
    )
    .legitimate("Keeping supporters informed about our work and how they can help.")
    .direct_marketing()
    .provision(
        "voluntary",
        "You do not have to hear from us. It does not affect the services you get.",
    ),
];

/// A further section: id, titles, sentences, list items, links, headings.
struct SectionTpl {
    id: &'static str,
    titles: &'static [&'static str],
    sentences: &'static [&'static str],
    items: &'static [&'static str],
    links: &'static [(&'static str, &'static str)],
    headings: &'static [&'static str],
    table: Option<&'static [&'static str]>,
}

const SECTIONS: &[SectionTpl] = &[
    SectionTpl {
        id: "security",
        titles: &[
            "Keeping your information safe",
            "How we protect your information",
        ],
        sentences: &[
            "We protect your information from loss, misuse and unauthorised access.",
            "Our staff have data protection training {every year|when they join and every year after}.",
            "Only staff who need your information to do their job can see it.",
            "We encrypt laptops, phones and {email|the data we send}.",
            "We check that our suppliers keep your information safe before we use them.",
            "We **never** sell your information or share it for marketing.",
            "Our systems are tested regularly by independent security experts.",
            "We keep paper records in locked cabinets and shred them when they are no longer needed.",
            "If something goes wrong we will tell you, and the Information Commission (ICO), when the law requires it.",
            "We hold the *Cyber Essentials Plus* certificate.",
        ],
        items: &[
            "role-based access to our systems",
            "encryption of devices and email",
            "secure printing and confidential waste",
            "regular security testing",
            "training for every member of staff",
            "contracts that bind our suppliers",
            "audit trails of who looked at records",
        ],
        links: &[(
            "the Cyber Essentials scheme",
            "https://www.ncsc.gov.uk/cyberessentials/overview",
        )],
        headings: &["What we do", "If something goes wrong", "Our suppliers"],
        table: None,
    },
    SectionTpl {
        id: "cookies",
        titles: &["Cookies", "Cookies on our website"],
        sentences: &[
            "Cookies are small text files that our website stores on your device.",
            "We only set analytics cookies if you accept them in our cookie banner.",
            "Essential cookies make the website work, so we do not ask before we set them.",
            "You can change your cookie settings at any time using the link in the footer.",
            "Analytics cookies tell us which pages people use, so we can improve them.",
            "We do not use advertising cookies.",
            "Our analytics supplier keeps the data for {14|26} months.",
        ],
        items: &[
            "essential cookies, which remember your cookie choices",
            "session cookies, which keep you signed in to your account",
            "analytics cookies, only when you accept them",
            "video cookies, only when you play an embedded video",
        ],
        links: &[
            ("our cookie policy", "https://www.$domain/cookies"),
            (
                "the ICO's guide to cookies",
                "https://ico.org.uk/for-the-public/online/cookies/",
            ),
        ],
        headings: &[
            "Essential cookies",
            "Analytics cookies",
            "Changing your settings",
        ],
        table: Some(&[
            "| Cookie | What it does | Expires |",
            "|---|---|---|",
            "| `cookie_consent` | Remembers your cookie choices | 1 year |",
            "| `session_id` | Keeps you signed in | When you close the browser |",
            "| `_analytics` | Counts visits, if you accept | 2 years |",
        ]),
    },
    SectionTpl {
        id: "cctv",
        titles: &["CCTV", "CCTV and body-worn cameras"],
        sentences: &[
            "We use CCTV in {our buildings|town centre streets|our car parks} to keep people safe.",
            "Signs tell you when you are in an area covered by CCTV.",
            "Our enforcement officers wear body cameras, which they switch on when they tell you.",
            "Recordings are kept for 31 days and then overwritten, unless they are needed as evidence.",
            "We give recordings to the police when the law allows us to, for example to help an investigation.",
            "You can ask for a copy of recordings of you.",
            "Our CCTV meets the *Surveillance Camera Code of Practice*.",
            "Cameras do not record sound.",
        ],
        items: &[
            "the date and time of the recording",
            "the camera location",
            "a description of yourself, so we can find you",
            "a photo of yourself, if you can give one",
        ],
        links: &[(
            "the Surveillance Camera Code of Practice",
            "https://www.gov.uk/government/publications/update-to-surveillance-camera-code",
        )],
        headings: &["Where we use cameras", "Asking for a recording"],
        table: None,
    },
    SectionTpl {
        id: "national-fraud-initiative",
        titles: &[
            "National Fraud Initiative",
            "Data matching to prevent fraud",
        ],
        sentences: &[
            "We must take part in the **National Fraud Initiative**, a data matching exercise.",
            "The Cabinet Office runs it under Part 6 of the Local Audit and Accountability Act 2014.",
            "Data matching compares records held by different bodies to find inconsistencies.",
            "A match does not mean that fraud has taken place.",
            "We look into each match to find out whether there is a good explanation.",
            "It does not need your consent, because the law requires it.",
            "The Cabinet Office publishes a code of practice for data matching.",
        ],
        items: &[
            "council tax single person discounts",
            "housing benefit and council tax reduction",
            "the housing register and housing tenancies",
            "blue badges and parking permits",
            "payroll and pensions",
            "the electoral register",
        ],
        links: &[(
            "the National Fraud Initiative",
            "https://www.gov.uk/government/collections/national-fraud-initiative",
        )],
        headings: &["What is matched", "What happens next"],
        table: None,
    },
    SectionTpl {
        id: "call-recording",
        titles: &["Recording phone calls", "Call recording"],
        sentences: &[
            "We record calls to our contact centre.",
            "A message tells you that calls are recorded before we answer.",
            "We use recordings to train staff and to check what was said if there is a dispute.",
            "We do not record card details: the recording pauses while you pay.",
            "We keep recordings for {90 days|6 months|one year}.",
            "You can ask for a copy of a recording of your call.",
        ],
        items: &[
            "to train our staff",
            "to check the quality of our service",
            "to settle a disagreement about what was said",
            "to protect staff from abuse",
        ],
        links: &[("how to contact us", "https://www.$domain/contact")],
        headings: &["Why we record calls"],
        table: None,
    },
    SectionTpl {
        id: "webcasting",
        titles: &["Webcasting council meetings", "Filming and webcasting"],
        sentences: &[
            "We broadcast most council and committee meetings live on our website.",
            "If you speak at a meeting you will be filmed.",
            "Recordings stay on our website for {6 months|one year}.",
            "The public gallery is not usually filmed.",
            "Tell the meeting clerk before the meeting if you do not want to be filmed.",
        ],
        items: &[
            "councillors and officers who speak",
            "members of the public who ask questions",
            "people who speak about a planning application",
        ],
        links: &[("our meetings webcasts", "https://www.$domain/webcasts")],
        headings: &["Speaking at a meeting"],
        table: None,
    },
    SectionTpl {
        id: "accuracy",
        titles: &[
            "Keeping your information up to date",
            "Telling us about changes",
        ],
        sentences: &[
            "Please tell us when your details change, so that what we hold is accurate.",
            "You can update your details in your online account.",
            "We check our records against other records to keep them right.",
            "If you think something we hold is wrong, tell us and we will correct it.",
        ],
        items: &[
            "a new address or phone number",
            "someone moving in or out",
            "a change in your income",
            "a change of name",
        ],
        links: &[("your online account", "https://www.$domain/account")],
        headings: &["What to tell us"],
        table: None,
    },
    SectionTpl {
        id: "children",
        titles: &["Information about children", "If you are under 18"],
        sentences: &[
            "Children have the same rights over their information as adults.",
            "A child aged 12 or over can usually make a request for their own information.",
            "We explain things in a way a child can understand.",
            "A parent can make a request for a young child's information.",
            "We take extra care with information about children.",
        ],
        items: &[
            "information about your school",
            "information about your health",
            "what social workers write about you",
        ],
        links: &[(
            "the ICO's guide for young people",
            "https://ico.org.uk/for-the-public/young-people/",
        )],
        headings: &["Your rights as a young person"],
        table: None,
    },
    SectionTpl {
        id: "research",
        titles: &["Research", "Research and planning"],
        sentences: &[
            "We use information to plan services for the future.",
            "We remove names and addresses before information is used for research.",
            "We work with universities on research that benefits $town.",
            "Research projects are approved by our information governance board.",
            "We publish the results of research so everyone can see them.",
        ],
        items: &[
            "planning school places",
            "planning care services for an ageing population",
            "understanding housing need",
            "improving public health",
        ],
        links: &[("our open data", "https://www.$domain/open-data")],
        headings: &["How we plan services"],
        table: None,
    },
    SectionTpl {
        id: "social-media",
        titles: &["Social media", "Contacting us on social media"],
        sentences: &[
            "We reply to messages on our social media pages.",
            "Do not post personal information in public comments.",
            "If you message us privately we may ask for your details to deal with your enquiry.",
            "Social media companies have their own privacy notices.",
            "We may remove comments that break our house rules.",
        ],
        items: &[
            "our main social media accounts",
            "accounts for our libraries and leisure centres",
            "accounts for emergency updates",
        ],
        links: &[(
            "our social media house rules",
            "https://www.$domain/social-media",
        )],
        headings: &["Private messages"],
        table: None,
    },
    SectionTpl {
        id: "accessibility",
        titles: &[
            "Other formats and languages",
            "Getting this notice in another format",
        ],
        sentences: &[
            "You can ask for this notice in large print, easy read or another language.",
            "We can also give it to you on audio.",
            "Call us on $phone or email $email.",
            "We will reply within {5|10} working days.",
        ],
        items: &[
            "large print",
            "easy read",
            "audio",
            "Braille",
            "British Sign Language",
        ],
        links: &[(
            "our accessibility statement",
            "https://www.$domain/accessibility",
        )],
        headings: &["Formats we can provide"],
        table: None,
    },
    SectionTpl {
        id: "partnerships",
        titles: &[
            "Working with partners",
            "Sharing information with our partners",
        ],
        sentences: &[
            "We work with other public bodies to give you joined-up services.",
            "We have agreements that set out what we share and why.",
            "We only share what each partner needs.",
            "Our partners must keep your information as safe as we do.",
            "We review our sharing agreements {every year|every two years}.",
        ],
        items: &[
            "the NHS and health services",
            "the police and the fire and rescue service",
            "schools and colleges",
            "housing associations",
            "voluntary organisations",
        ],
        links: &[(
            "our information sharing agreements",
            "https://www.$domain/information-sharing",
        )],
        headings: &["Sharing agreements"],
        table: None,
    },
    SectionTpl {
        id: "emergencies",
        titles: &["Emergencies", "Emergency planning"],
        sentences: &[
            "In an emergency, such as a flood or a fire, we may share information to help people.",
            "We keep a list of people who may need extra help in an emergency.",
            "We share it with the emergency services only when it is needed.",
            "You can ask to be added to the list.",
        ],
        items: &[
            "people who use oxygen or other equipment at home",
            "people who cannot leave home without help",
            "people who need medicine kept cold",
        ],
        links: &[(
            "our emergency planning pages",
            "https://www.$domain/emergencies",
        )],
        headings: &["The priority services list"],
        table: None,
    },
    SectionTpl {
        id: "photographs",
        titles: &["Photographs and filming", "Photographs at events"],
        sentences: &[
            "We take photographs at our events for our website and newsletter.",
            "We will ask your permission before we take a photograph of you.",
            "We ask a parent's permission before we photograph a child.",
            "You can ask us to remove a photograph of you at any time.",
        ],
        items: &["our website", "our newsletter", "our social media accounts"],
        links: &[("our events calendar", "https://www.$domain/events")],
        headings: &["Asking us to remove a photograph"],
        table: None,
    },
];

// ---------------------------------------------------------------------------
// The notice, as plain data
// ---------------------------------------------------------------------------

/// One generated notice.
pub struct Notice {
    pub title: String,
    pub version: String,
    /// (year, month, day)
    pub last_updated: (u16, u8, u8),
    pub review_months: u32,
    pub summary: String,
    pub url: String,
    pub controller: Contact,
    pub controller_kind: &'static str,
    pub ico_registration: String,
    pub dpo: Contact,
    pub categories: Vec<CategoryTpl>,
    pub recipients: Vec<RecipientTpl>,
    pub purposes: Vec<Purpose>,
    pub retention_schedule: String,
    pub retention_criteria: String,
    pub retention_rules: Vec<RetentionTpl>,
    /// (destination, recipient id, mechanism, copy)
    pub transfers: Vec<(&'static str, &'static str, &'static str, String)>,
    pub transfers_description: Option<String>,
    /// (description, logic, significance, safeguards)
    pub automated: Vec<(String, String, String, String)>,
    pub how_to_exercise: String,
    pub how_to_withdraw_consent: Option<String>,
    pub rights_description: Option<String>,
    pub complaints: Contact,
    pub complaints_description: String,
    pub sections: Vec<Section>,
}

#[derive(Default)]
pub struct Contact {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub web_form: String,
}

pub struct Purpose {
    pub tpl: &'static PurposeTpl,
    pub description: String,
}

pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<String>,
}

impl Section {
    fn body(&self) -> String {
        self.blocks.join("\n\n")
    }
}

/// Text with `$town`, `$domain`, `$email` and `$phone` filled in and
/// `{a|b}` alternatives chosen.
struct Filler {
    town: String,
    domain: String,
    email: String,
    phone: String,
}

impl Filler {
    fn fill(&self, rng: &mut Rng, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let choices: Vec<&str> = rest[open + 1..open + close].split('|').collect();
            let choice: &&str = rng.pick(&choices);
            out.push_str(choice);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out.replace("$town", &self.town)
            .replace("$domain", &self.domain)
            .replace("$email", &self.email)
            .replace("$phone", &self.phone)
    }
}

/// Wraps a paragraph at 78 columns, as people write TOML by hand.
fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0;
    for word in text.split([' ', '\n']) {
        if column > 0 && column + 1 + word.len() > 78 {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out
}

fn paragraph(rng: &mut Rng, filler: &Filler, sentences: &[&str], min: usize, max: usize) -> String {
    let count = rng.range(min, max).min(sentences.len());
    let picked: Vec<String> = rng
        .sample(sentences.len(), count)
        .into_iter()
        .map(|i| filler.fill(rng, sentences[i]))
        .collect();
    wrap(&picked.join(" "))
}

/// One more block of Markdown for a section.
fn section_block(rng: &mut Rng, filler: &Filler, tpl: &SectionTpl, first: bool) -> String {
    let roll = if first { 0 } else { rng.below(10) };
    match roll {
        0..=3 => {
            let mut text = paragraph(rng, filler, tpl.sentences, 2, 4);
            if rng.chance(40) {
                text.push(' ');
                let generic = rng_pick_str(rng, GENERIC_SECTION);
                text.push_str(&filler.fill(rng, generic));
                text = wrap(&text);
            }
            text
        }
        4 | 5 => {
            let lead = paragraph(rng, filler, tpl.sentences, 1, 2);
            let count = rng.range(3, tpl.items.len().max(3));
            let numbered = rng.chance(25);
            let mut list = format!("{lead}\n\n");
            for (n, i) in rng.sample(tpl.items.len(), count).into_iter().enumerate() {
                if numbered {
                    let _ = writeln!(list, "{}. {}", n + 1, capitalise(tpl.items[i]));
                } else {
                    let _ = writeln!(list, "- {}", tpl.items[i]);
                }
            }
            list.pop();
            list
        }
        6 => {
            let (text, url) = rng.pick(tpl.links);
            let url = filler.fill(rng, url);
            let lead = paragraph(rng, filler, tpl.sentences, 1, 2);
            let verb = rng.pick(&["Read more about", "Find out more in", "See"]);
            wrap(&format!("{lead} {verb} [{text}]({url})."))
        }
        7 => {
            let heading = rng.pick(tpl.headings);
            let body = paragraph(rng, filler, tpl.sentences, 2, 3);
            format!("### {heading}\n\n{body}")
        }
        8 => match tpl.table {
            Some(rows) => rows.join("\n"),
            None => paragraph(rng, filler, tpl.sentences, 2, 3),
        },
        _ => {
            let body = paragraph(rng, filler, tpl.sentences, 1, 3);
            format!("*{}*", body.replace('*', ""))
        }
    }
}

fn rng_pick_str(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    items[rng.below(items.len())]
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn slug(text: &str) -> String {
    text.to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn find_purpose(id: &str) -> &'static PurposeTpl {
    PURPOSES
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no purpose template {id}"))
}

/// Makes notice `index` of the corpus with `seed`.
pub fn make_notice(seed: u64, index: u64) -> Notice {
    let mut rng = Rng::for_notice(seed, index);
    let town = *rng.pick(TOWNS);
    let kind_roll = rng.below(100);
    let (controller_name, controller_kind) = match kind_roll {
        0..=87 => (
            format!("{town} {}", rng.pick(COUNCIL_KINDS)),
            "public-authority",
        ),
        88..=94 => (format!("{town} Leisure and Culture Trust"), "charity"),
        _ => (format!("{town} Homes Limited"), "company"),
    };
    let domain = match controller_kind {
        "public-authority" => format!("{}.gov.uk", slug(town).replace('-', "")),
        "charity" => format!("{}leisure.org.uk", slug(town).replace('-', "")),
        _ => format!("{}homes.co.uk", slug(town).replace('-', "")),
    };
    let phone = format!("0{} {}", rng.range(1200, 1999), rng.range(100_000, 999_999));
    let filler = Filler {
        town: town.to_string(),
        domain: domain.clone(),
        email: format!("dpo@{domain}"),
        phone: phone.clone(),
    };
    let building = *rng.pick(BUILDINGS);
    let street = *rng.pick(STREETS);
    let postcode = format!(
        "{}{} {}{}{}",
        (b'A' + rng.below(26) as u8) as char,
        (b'A' + rng.below(26) as u8) as char,
        rng.range(1, 9),
        (b'A' + rng.below(26) as u8) as char,
        (b'A' + rng.below(26) as u8) as char,
    );
    let address = format!("{building}, {street}, {town}, {postcode}");

    // The service and its purposes.
    let (service_id, service_name, service_purposes) = match controller_kind {
        "public-authority" => *rng.pick(SERVICES),
        "charity" => SERVICES[10],
        _ => SERVICES[2],
    };
    let mut purpose_ids: Vec<&str> = Vec::new();
    let own = rng.range(2, service_purposes.len());
    for i in rng.sample(service_purposes.len(), own) {
        purpose_ids.push(service_purposes[i]);
    }
    if rng.chance(30) {
        // A second, related service in the same notice.
        let (_, _, more) = *rng.pick(SERVICES);
        let i = rng.below(more.len());
        if !purpose_ids.contains(&more[i]) {
            purpose_ids.push(more[i]);
        }
    }
    let general = rng.range(2, 5);
    for i in rng.sample(GENERAL.len(), general) {
        if !purpose_ids.contains(&GENERAL[i]) {
            purpose_ids.push(GENERAL[i]);
        }
    }
    let public = controller_kind == "public-authority";
    if !public {
        for id in PRIVATE {
            if rng.chance(60) {
                purpose_ids.push(id);
            }
        }
    }
    let purposes: Vec<Purpose> = purpose_ids
        .iter()
        .map(|id| {
            let tpl = find_purpose(id);
            let mut description = paragraph(&mut rng, &filler, tpl.says, 2, 4);
            if rng.chance(40) {
                let extra = paragraph(&mut rng, &filler, GENERIC_PURPOSE, 1, 3);
                description.push_str("\n\n");
                description.push_str(&extra);
            }
            if rng.chance(20) {
                let items = rng.sample(tpl.categories.len(), tpl.categories.len().min(4));
                description.push_str("\n\nFor this we use:\n");
                for i in items {
                    let name = CATEGORIES
                        .iter()
                        .find(|c| c.0 == tpl.categories[i])
                        .map_or("", |c| c.1);
                    let _ = write!(description, "\n- {}", name.to_lowercase());
                }
            }
            Purpose { tpl, description }
        })
        .collect();

    // Everything the purposes refer to, in a stable order.
    let mut category_ids: Vec<&str> = Vec::new();
    let mut recipient_ids: Vec<&str> = Vec::new();
    let mut retention_ids: Vec<&str> = Vec::new();
    for p in &purposes {
        category_ids.extend(p.tpl.categories.iter().copied());
        recipient_ids.extend(p.tpl.recipients.iter().copied());
        retention_ids.push(p.tpl.retention);
    }
    let outside_uk = rng.chance(20);
    if outside_uk {
        recipient_ids.push("cloud-provider");
    }
    let categories: Vec<CategoryTpl> = CATEGORIES
        .iter()
        .filter(|c| category_ids.contains(&c.0))
        .copied()
        .collect();
    let recipients: Vec<RecipientTpl> = RECIPIENTS
        .iter()
        .filter(|r| recipient_ids.contains(&r.0))
        .copied()
        .collect();
    let retention_rules: Vec<RetentionTpl> = RETENTION
        .iter()
        .filter(|r| retention_ids.contains(&r.0))
        .copied()
        .collect();

    let transfers = if outside_uk {
        let mut t = vec![("United States", "cloud-provider", "adequacy", String::new())];
        if rng.chance(50) {
            t.push((
                *rng.pick(&["India", "Philippines", "South Africa"]),
                "cloud-provider",
                "idta",
                format!("Email dpo@{domain} for a copy of the agreement."),
            ));
        }
        t
    } else {
        Vec::new()
    };
    let transfers_description = outside_uk.then(|| {
        wrap(&format!(
            "Our cloud software provider stores some information in data centres outside the UK. \
             Transfers to the United States rely on the *UK Extension to the EU-US Data Privacy Framework*. \
             Ask our data protection officer at dpo@{domain} if you have questions."
        ))
    });
    let automated = if rng.chance(15) {
        let (what, logic, significance) = *rng.pick(DECISIONS);
        vec![(
            what.to_string(),
            logic.to_string(),
            significance.to_string(),
            wrap(
                "We always write to you first. You can ask for a person to review the decision, give us your views and challenge it by contacting us.",
            ),
        )]
    } else {
        Vec::new()
    };

    let consent = purposes.iter().any(|p| {
        p.tpl.bases.contains(&"consent")
            || p.tpl
                .special
                .is_some_and(|(c, _)| c.contains(&"explicit-consent"))
    });
    let how_to_withdraw_consent = consent.then(|| {
        wrap(&format!(
            "You can withdraw your consent at any time. Use the unsubscribe link in any email, \
             or email dpo@{domain}. Withdrawing does not affect what we did before."
        ))
    });

    let month = rng.range(1, 11) as u8;
    let day = if month == 11 {
        rng.range(1, 20)
    } else {
        rng.range(1, 28)
    } as u8;

    // Topics in a random order: the first few start the notice's sections,
    // the rest are opened when those are full.
    let mut topics = rng.sample(SECTIONS.len(), SECTIONS.len()).into_iter();
    let mut sections = Vec::new();
    for _ in 0..rng.range(3, 6) {
        if let Some(i) = topics.next() {
            sections.push(open_section(&mut rng, &filler, i));
        }
    }

    let mut notice = Notice {
        title: format!("{service_name} privacy notice"),
        version: format!("{}.{}", rng.range(1, 5), rng.range(0, 9)),
        last_updated: (2026, month, day),
        review_months: *rng.pick(&[12, 12, 12, 24]),
        summary: wrap(&format!(
            "This notice explains how {controller_name} uses your personal information \
             for {}. It tells you what we collect, why, who we share it with and your rights.",
            service_name.to_lowercase()
        )),
        url: format!("https://www.{domain}/privacy/{service_id}"),
        controller: Contact {
            name: controller_name.clone(),
            address: address.clone(),
            email: format!("{}@{domain}", service_id.replace('-', ".")),
            phone: phone.clone(),
            web_form: format!("https://www.{domain}/contact"),
        },
        controller_kind,
        ico_registration: format!("Z{}", rng.range(1_000_000, 9_999_999)),
        dpo: Contact {
            name: "Data Protection Officer".into(),
            address: format!("Data Protection Officer, {address}"),
            email: format!("dpo@{domain}"),
            phone: String::new(),
            web_form: String::new(),
        },
        categories,
        recipients,
        purposes,
        retention_schedule: format!("https://www.{domain}/retention-schedule"),
        retention_criteria: wrap(
            "We keep records only as long as our retention schedule says, then delete them securely.",
        ),
        retention_rules,
        transfers,
        transfers_description,
        automated,
        how_to_exercise: wrap(&format!(
            "Email dpo@{domain} or write to the Data Protection Officer at {address}. \
             We will reply within one month."
        )),
        how_to_withdraw_consent,
        rights_description: rng.chance(50).then(|| {
            wrap("Some rights only apply in some situations. We will tell you if a right does not apply, and why.")
        }),
        complaints: Contact {
            name: String::new(),
            address: String::new(),
            email: format!("dpo@{domain}"),
            phone: String::new(),
            web_form: format!("https://www.{domain}/data-protection-complaint"),
        },
        complaints_description: wrap(
            "If you are unhappy with how we have used your information, please tell us first. \
             We will acknowledge your complaint within 30 days.",
        ),
        sections: Vec::new(),
    };

    // Grow the sections until the notice reaches its target size.
    let target = rng.range(16 * 1024 + 768, 25 * 1024 + 512);
    let mut size = to_toml(&notice).len()
        + sections
            .iter()
            .map(|(_, s)| s.title.len() + s.id.len() + s.body().len() + 40)
            .sum::<usize>();
    while size < target {
        let open: Vec<usize> = (0..sections.len())
            .filter(|&k| sections[k].1.blocks.len() < MAX_BLOCKS)
            .collect();
        let k = if let Some(&k) = open.get(rng.below(open.len().max(1))) {
            k
        } else if let Some(i) = topics.next() {
            let (i, section) = open_section(&mut rng, &filler, i);
            size += section.title.len() + section.id.len() + section.body().len() + 40;
            sections.push((i, section));
            continue;
        } else {
            rng.below(sections.len())
        };
        let (tpl_index, section) = &mut sections[k];
        let block = section_block(&mut rng, &filler, &SECTIONS[*tpl_index], false);
        size += block.len() + 2;
        section.blocks.push(block);
    }
    notice.sections = sections.into_iter().map(|(_, s)| s).collect();
    notice
}

/// Automated decisions: what, logic, significance.
const DECISIONS: &[(&str, &str, &str)] = &[
    (
        "Checking applications for single person discount",
        "We compare the names on your account with other records, such as the electoral register.",
        "If the records do not match we may remove the discount.",
    ),
    (
        "Scoring applications to the housing register",
        "Our system gives each application points for housing need, using the answers you give.",
        "Your points decide your band and how soon you may be offered a home.",
    ),
    (
        "Checking eligibility for free school meals",
        "The eligibility checking service compares your details with benefit records.",
        "If no match is found your child will not get free meals until you show evidence.",
    ),
];

/// Blocks a section grows to before another topic is opened.
const MAX_BLOCKS: usize = 7;

fn open_section(rng: &mut Rng, filler: &Filler, i: usize) -> (usize, Section) {
    let tpl = &SECTIONS[i];
    let mut first = section_block(rng, filler, tpl, true);
    if tpl.id == "cookies" {
        // Say how consent is asked for before anything else (PECR reg. 6).
        first = wrap(&format!(
            "We only set analytics cookies if you accept them in our cookie banner. {first}"
        ));
    }
    let section = Section {
        id: tpl.id.to_string(),
        title: rng.pick(tpl.titles).to_string(),
        blocks: vec![first],
    };
    (i, section)
}

/// Sentences any section may end a paragraph with.
const GENERIC_SECTION: &[&str] = &[
    "If you have questions about this, {contact|email} our data protection officer at $email.",
    "We review {how we do this|this part of the notice} {every year|regularly}.",
    "You can also call us on $phone.",
    "We will tell you before we make any {big|important} change.",
    "This applies to everyone who {uses our services|contacts us} in $town.",
    "Ask us if anything here is unclear.",
    "Our information governance team checks that we follow these rules.",
    "We will {only|never} do this {where the law allows|without a good reason}.",
];

const GENERIC_PURPOSE: &[&str] = &[
    "We only use the information we need for this.",
    "Our staff check the information you give us.",
    "We may contact you to check details or ask for more information.",
    "We write to you to tell you our decision and why.",
    "You can ask us to look at the decision again.",
    "We use a secure case management system for this work.",
    "We may use a trusted supplier to help us, under a contract.",
];

// ---------------------------------------------------------------------------
// Writing TOML
// ---------------------------------------------------------------------------

fn basic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string value: multi-line when it has line breaks.
fn string(text: &str) -> String {
    if text.contains('\n') && !text.contains("\"\"\"") && !text.contains('\\') {
        format!("\"\"\"\n{text}\n\"\"\"")
    } else {
        basic(text)
    }
}

fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| basic(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn contact_toml(out: &mut String, contact: &Contact) {
    for (key, value) in [
        ("name", &contact.name),
        ("address", &contact.address),
        ("email", &contact.email),
        ("phone", &contact.phone),
        ("web_form", &contact.web_form),
    ] {
        if !value.is_empty() {
            let _ = writeln!(out, "{key} = {}", basic(value));
        }
    }
}

/// The notice as a notice TOML file.
pub fn to_toml(n: &Notice) -> String {
    let mut o = String::with_capacity(24 * 1024);
    let (y, m, d) = n.last_updated;
    o.push_str("#:schema ../../schemas/notice.schema.json\n");
    o.push_str("# Generated by benches/gen_corpus.rs for the benchmarks; fictional.\n\n");
    o.push_str("[notice]\n");
    let _ = writeln!(o, "title = {}", basic(&n.title));
    o.push_str("language = \"en-GB\"\n");
    let _ = writeln!(o, "version = {}", basic(&n.version));
    let _ = writeln!(o, "last_updated = {y:04}-{m:02}-{d:02}");
    let _ = writeln!(o, "review_period_months = {}", n.review_months);
    let _ = writeln!(o, "summary = {}", string(&n.summary));
    let _ = writeln!(o, "url = {}", basic(&n.url));

    o.push_str("\n[controller]\n");
    contact_toml(&mut o, &n.controller);
    let _ = writeln!(o, "kind = {}", basic(n.controller_kind));
    let _ = writeln!(o, "ico_registration = {}", basic(&n.ico_registration));

    o.push_str("\n[dpo]\n");
    contact_toml(&mut o, &n.dpo);

    for (id, name, description, special, criminal) in &n.categories {
        o.push_str("\n[[data_categories]]\n");
        let _ = writeln!(o, "id = {}", basic(id));
        let _ = writeln!(o, "name = {}", basic(name));
        let _ = writeln!(o, "description = {}", basic(description));
        if *special {
            o.push_str("special_category = true\n");
        }
        if *criminal {
            o.push_str("criminal_offence = true\n");
        }
    }
    for (id, name, description) in &n.recipients {
        o.push_str("\n[[recipients]]\n");
        let _ = writeln!(o, "id = {}", basic(id));
        let _ = writeln!(o, "name = {}", basic(name));
        let _ = writeln!(o, "description = {}", basic(description));
    }
    for p in &n.purposes {
        let t = p.tpl;
        o.push_str("\n[[purposes]]\n");
        let _ = writeln!(o, "id = {}", basic(t.id));
        let _ = writeln!(o, "name = {}", basic(t.name));
        let _ = writeln!(o, "description = {}", string(&p.description));
        if !t.bases.is_empty() {
            let _ = writeln!(o, "lawful_bases = {}", list(t.bases));
        }
        if !t.law.is_empty() {
            let _ = writeln!(o, "law = {}", basic(t.law));
        }
        if let Some(interests) = t.legitimate {
            let _ = writeln!(o, "legitimate_interests = {}", basic(interests));
        }
        if let Some(interest) = t.recognised {
            let _ = writeln!(o, "recognised_interest = {}", basic(interest));
        }
        if let Some((conditions, schedule_1)) = t.special {
            let _ = writeln!(o, "special_category_conditions = {}", list(conditions));
            if !schedule_1.is_empty() {
                let _ = writeln!(o, "schedule_1_conditions = {}", list(schedule_1));
            }
            if conditions.contains(&"substantial-public-interest") {
                let _ = writeln!(
                    o,
                    "appropriate_policy_document = {}",
                    basic(&format!(
                        "{}/appropriate-policy-document",
                        n.controller.web_form.trim_end_matches("/contact")
                    ))
                );
            }
        }
        if let Some(condition) = t.criminal {
            let _ = writeln!(o, "criminal_offence_condition = {}", basic(condition));
        }
        let _ = writeln!(o, "data_categories = {}", list(t.categories));
        let mut recipients: Vec<&str> = t.recipients.to_vec();
        if !n.transfers.is_empty() && t.recipients.contains(&"it-suppliers") {
            recipients.push("cloud-provider");
        }
        let _ = writeln!(o, "recipients = {}", list(&recipients));
        let _ = writeln!(o, "retention = {}", basic(t.retention));
        let _ = writeln!(o, "from_person = {}", t.from_person);
        if t.sources.is_empty() {
            o.push_str("other_sources = []\n");
        } else {
            o.push_str("other_sources = [\n");
            for (name, description) in t.sources {
                let _ = writeln!(
                    o,
                    "  {{ name = {}, description = {} }},",
                    basic(name),
                    basic(description)
                );
            }
            o.push_str("]\n");
        }
        if let Some((requirement, consequence)) = t.provision {
            let _ = writeln!(
                o,
                "provision = {{ requirement = {}, consequence = {} }}",
                basic(requirement),
                basic(consequence)
            );
        }
        if t.law_enforcement {
            o.push_str("law_enforcement = true\n");
        }
        if t.direct_marketing {
            o.push_str("direct_marketing = true\n");
        }
    }

    o.push_str("\n[retention]\n");
    let _ = writeln!(o, "schedule_url = {}", basic(&n.retention_schedule));
    let _ = writeln!(o, "criteria = {}", string(&n.retention_criteria));
    for (id, records, period, trigger) in &n.retention_rules {
        o.push_str("\n[[retention.rules]]\n");
        let _ = writeln!(o, "id = {}", basic(id));
        let _ = writeln!(o, "records = {}", basic(records));
        let _ = writeln!(o, "period = {}", basic(period));
        let _ = writeln!(o, "trigger = {}", basic(trigger));
    }

    o.push_str("\n[transfers]\n");
    let _ = writeln!(o, "outside_uk = {}", !n.transfers.is_empty());
    if let Some(description) = &n.transfers_description {
        let _ = writeln!(o, "description = {}", string(description));
    }
    for (destination, recipient, mechanism, copy) in &n.transfers {
        o.push_str("\n[[transfers.destinations]]\n");
        let _ = writeln!(o, "destination = {}", basic(destination));
        let _ = writeln!(o, "recipient = {}", basic(recipient));
        let _ = writeln!(o, "mechanism = {}", basic(mechanism));
        if !copy.is_empty() {
            let _ = writeln!(o, "copy = {}", basic(copy));
        }
    }

    o.push_str("\n[automated_decisions]\n");
    let _ = writeln!(o, "used = {}", !n.automated.is_empty());
    for (description, logic, significance, safeguards) in &n.automated {
        o.push_str("\n[[automated_decisions.decisions]]\n");
        let _ = writeln!(o, "description = {}", basic(description));
        let _ = writeln!(o, "logic = {}", basic(logic));
        let _ = writeln!(o, "significance = {}", basic(significance));
        let _ = writeln!(o, "safeguards = {}", string(safeguards));
    }

    o.push_str("\n[rights]\n");
    let _ = writeln!(o, "how_to_exercise = {}", string(&n.how_to_exercise));
    if let Some(how) = &n.how_to_withdraw_consent {
        let _ = writeln!(o, "how_to_withdraw_consent = {}", string(how));
    }
    o.push_str("free_of_charge = true\n");
    if let Some(description) = &n.rights_description {
        let _ = writeln!(o, "description = {}", string(description));
    }

    o.push_str("\n[complaints.controller]\n");
    let _ = writeln!(o, "description = {}", string(&n.complaints_description));
    contact_toml(&mut o, &n.complaints);
    o.push_str("\n[complaints.ico]\n");

    for section in &n.sections {
        o.push_str("\n[[sections]]\n");
        let _ = writeln!(o, "id = {}", basic(&section.id));
        let _ = writeln!(o, "title = {}", basic(&section.title));
        let _ = writeln!(o, "body = {}", string(&section.body()));
    }
    o
}

/// Notice `index` of the corpus with `seed`, as TOML.
pub fn notice_toml(seed: u64, index: u64) -> String {
    to_toml(&make_notice(seed, index))
}

// ---------------------------------------------------------------------------
// Writing Markdown with YAML front matter (for Hugo and the probe)
// ---------------------------------------------------------------------------

fn yaml(text: &str) -> String {
    // A YAML double-quoted scalar; JSON escaping is a subset of it.
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn basis_label(basis: &str) -> &'static str {
    match basis {
        "consent" => "Consent (UK GDPR Art. 6(1)(a))",
        "contract" => "Contract (UK GDPR Art. 6(1)(b))",
        "legal-obligation" => "Legal obligation (UK GDPR Art. 6(1)(c))",
        "vital-interests" => "Vital interests (UK GDPR Art. 6(1)(d))",
        "public-task" => "Public task (UK GDPR Art. 6(1)(e))",
        "recognised-legitimate-interest" => {
            "Recognised legitimate interest (UK GDPR Art. 6(1)(ea))"
        }
        "legitimate-interests" => "Legitimate interests (UK GDPR Art. 6(1)(f))",
        _ => "Law enforcement (DPA 2018 Part 3)",
    }
}

fn yaml_contact(out: &mut String, key: &str, contact: &Contact) {
    let _ = writeln!(out, "{key}:");
    for (k, v) in [
        ("name", &contact.name),
        ("address", &contact.address),
        ("email", &contact.email),
        ("phone", &contact.phone),
        ("web_form", &contact.web_form),
    ] {
        if !v.is_empty() {
            let _ = writeln!(out, "  {k}: {}", yaml(v));
        }
    }
}

/// The notice as Markdown with YAML front matter: the structured parts in
/// the front matter, the prose (purposes, rights, complaints, sections) in
/// the body.
pub fn to_markdown(n: &Notice) -> String {
    let mut o = String::with_capacity(24 * 1024);
    let (y, m, d) = n.last_updated;
    o.push_str("---\n");
    let _ = writeln!(o, "title: {}", yaml(&n.title));
    let _ = writeln!(o, "date: {y:04}-{m:02}-{d:02}");
    o.push_str("language: \"en-GB\"\n");
    let _ = writeln!(o, "version: {}", yaml(&n.version));
    let _ = writeln!(o, "summary: {}", yaml(&n.summary));
    let _ = writeln!(o, "controller_kind: {}", yaml(n.controller_kind));
    let _ = writeln!(o, "ico_registration: {}", yaml(&n.ico_registration));
    yaml_contact(&mut o, "controller", &n.controller);
    yaml_contact(&mut o, "dpo", &n.dpo);
    o.push_str("data_categories:\n");
    for (_, name, description, special, criminal) in &n.categories {
        let _ = writeln!(o, "  - name: {}", yaml(name));
        let _ = writeln!(o, "    description: {}", yaml(description));
        if *special {
            o.push_str("    special: true\n");
        }
        if *criminal {
            o.push_str("    criminal: true\n");
        }
    }
    let name_of = |id: &str, table: &[RecipientTpl]| {
        table
            .iter()
            .find(|r| r.0 == id)
            .map_or(id.to_string(), |r| r.1.to_string())
    };
    o.push_str("purposes:\n");
    for p in &n.purposes {
        let t = p.tpl;
        let _ = writeln!(o, "  - name: {}", yaml(t.name));
        let _ = writeln!(o, "    anchor: \"purpose-{}\"", t.id);
        o.push_str("    bases:\n");
        if t.bases.is_empty() {
            o.push_str("      - \"Law enforcement (DPA 2018 Part 3)\"\n");
        }
        for b in t.bases {
            let _ = writeln!(o, "      - {}", yaml(basis_label(b)));
        }
        if !t.law.is_empty() {
            let _ = writeln!(o, "    law: {}", yaml(t.law));
        }
        let data: Vec<String> = t
            .categories
            .iter()
            .map(|c| {
                CATEGORIES
                    .iter()
                    .find(|x| x.0 == *c)
                    .map_or(c.to_string(), |x| x.1.to_string())
            })
            .collect();
        let _ = writeln!(o, "    data: {}", yaml(&data.join(", ")));
        let recipients: Vec<String> = t
            .recipients
            .iter()
            .map(|r| name_of(r, RECIPIENTS))
            .collect();
        let _ = writeln!(o, "    recipients: {}", yaml(&recipients.join(", ")));
        if let Some(r) = RETENTION.iter().find(|r| r.0 == t.retention) {
            let _ = writeln!(o, "    retention: {}", yaml(&format!("{} {}", r.2, r.3)));
        }
        if let Some((requirement, consequence)) = t.provision {
            let _ = writeln!(o, "    provision: {}", yaml(requirement));
            let _ = writeln!(o, "    consequence: {}", yaml(consequence));
        }
    }
    o.push_str("recipients:\n");
    for (_, name, description) in &n.recipients {
        let _ = writeln!(o, "  - name: {}", yaml(name));
        let _ = writeln!(o, "    description: {}", yaml(description));
    }
    o.push_str("retention_rules:\n");
    for (_, records, period, trigger) in &n.retention_rules {
        let _ = writeln!(o, "  - records: {}", yaml(records));
        let _ = writeln!(o, "    period: {}", yaml(&format!("{period} {trigger}")));
    }
    let _ = writeln!(o, "retention_schedule: {}", yaml(&n.retention_schedule));
    let _ = writeln!(o, "outside_uk: {}", !n.transfers.is_empty());
    o.push_str("transfers:\n");
    for (destination, _, mechanism, _) in &n.transfers {
        let _ = writeln!(o, "  - destination: {}", yaml(destination));
        let _ = writeln!(o, "    mechanism: {}", yaml(mechanism));
    }
    yaml_contact(&mut o, "complaints", &n.complaints);
    o.push_str("---\n\n");

    o.push_str("## About each purpose\n\n");
    for p in &n.purposes {
        let _ = writeln!(o, "### {}\n\n{}\n", p.tpl.name, p.description);
    }
    o.push_str("## How long we keep your information\n\n");
    let _ = writeln!(o, "{}\n", n.retention_criteria);
    if let Some(description) = &n.transfers_description {
        let _ = writeln!(
            o,
            "## Sending information outside the UK\n\n{description}\n"
        );
    }
    for (description, logic, significance, safeguards) in &n.automated {
        let _ = writeln!(
            o,
            "## Decisions made by computer\n\n### {description}\n\n- **How it works:** {logic}\n- **What it means for you:** {significance}\n- **Your safeguards:** {}\n",
            safeguards.replace('\n', " ")
        );
    }
    o.push_str("## Your rights\n\n");
    let _ = writeln!(o, "{}\n", n.how_to_exercise);
    if let Some(how) = &n.how_to_withdraw_consent {
        let _ = writeln!(o, "{how}\n");
    }
    if let Some(description) = &n.rights_description {
        let _ = writeln!(o, "{description}\n");
    }
    o.push_str("## How to complain\n\n");
    let _ = writeln!(o, "{}\n", n.complaints_description);
    for section in &n.sections {
        let _ = writeln!(o, "## {}\n\n{}\n", section.title, section.body());
    }
    o
}

// ---------------------------------------------------------------------------
// The Hugo site around the Markdown
// ---------------------------------------------------------------------------

const HUGO_CONFIG: &str = r##"baseURL = "https://notices.example.gov.uk/"
languageCode = "en-gb"
title = "Privacy notices"
buildFuture = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableGitInfo = false

[markup.goldmark.renderer]
unsafe = false

[markup.goldmark.parser]
autoHeadingID = true
"##;

const HUGO_BASEOF: &str = r##"<!DOCTYPE html>
<html lang="{{ .Params.language | default "en-GB" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<style>
{{ partial "style.css" . | safeCSS }}
</style>
</head>
<body>
<div class="page">
<main id="main-content">
{{ block "main" . }}{{ end }}
</main>
</div>
</body>
</html>
"##;

const HUGO_STYLE: &str = r##"body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #0b0c0c; background: #fff; }
.page { max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2.25rem; margin-top: 1rem; }
h2 { font-size: 1.6rem; border-top: 1px solid #b1b4b6; padding-top: 1.25rem; }
h3 { font-size: 1.25rem; }
a { color: #1d70b8; text-decoration-thickness: max(1px, 0.0625rem); text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:focus { outline: 3px solid transparent; background-color: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; color: #0b0c0c; text-decoration: none; }
.notice-meta { color: #505a5f; }
dl { margin: 0 0 1.5rem; }
dl > div { display: grid; grid-template-columns: minmax(8rem, 1fr) 2fr; gap: 0.5rem 1rem; border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0; }
dt { font-weight: 700; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.5rem 1rem 0.5rem 0; }
@media (max-width: 40rem) { dl > div { grid-template-columns: 1fr; } }
@media print { body { font-size: 11pt; } a { color: #000; } a[href^="http"]::after { content: " (" attr(href) ")"; } h2 { break-after: avoid; } }
"##;

const HUGO_CONTACT: &str = r##"<ul>
{{ with .address }}<li>Post: {{ . }}</li>{{ end }}
{{ with .email }}<li>Email: <a href="mailto:{{ . }}">{{ . }}</a></li>{{ end }}
{{ with .phone }}<li>Phone: <a href="tel:{{ replace . " " "" }}">{{ . }}</a></li>{{ end }}
{{ with .web_form }}<li>Online: <a href="{{ . }}">{{ . }}</a></li>{{ end }}
</ul>
"##;

const HUGO_SINGLE: &str = r##"{{ define "main" }}
<article class="notice" lang="{{ .Params.language }}">
<h1>{{ .Title }}</h1>
<p class="notice-meta">Last updated: {{ .Date.Format "2 January 2006" }}{{ with .Params.version }}. Version {{ . }}{{ end }}</p>
{{ with .Params.summary }}{{ . | markdownify }}{{ end }}

<h2 id="at-a-glance">At a glance</h2>
<dl>
<div><dt>Who we are</dt><dd>{{ .Params.controller.name }} <a href="#who-we-are">More about who we are</a></dd></div>
<div><dt>What we collect</dt><dd>{{ range $i, $c := .Params.data_categories }}{{ if $i }}, {{ end }}{{ lower $c.name }}{{ end }} <a href="#what-we-collect">More about what we collect</a></dd></div>
<div><dt>Why we use it</dt><dd>{{ range $i, $p := .Params.purposes }}{{ if $i }}; {{ end }}{{ $p.name }}{{ end }} <a href="#purposes">More about why</a></dd></div>
<div><dt>Who we share it with</dt><dd>{{ range $i, $r := .Params.recipients }}{{ if $i }}, {{ end }}{{ $r.name }}{{ end }} <a href="#sharing">More about sharing</a></dd></div>
<div><dt>How to complain</dt><dd>To us, or to the Information Commission (ICO). <a href="#complaints">More about complaints</a></dd></div>
</dl>

<h2 id="who-we-are">Who we are</h2>
<p>{{ .Params.controller.name }} is a {{ replace .Params.controller_kind "-" " " }} and is the controller of your personal information. Our registration number with the Information Commission is {{ .Params.ico_registration }}.</p>
<p>You can contact us by:</p>
{{ partial "contact.html" .Params.controller }}
<h3>Our data protection officer</h3>
<p>You can contact our data protection officer{{ with .Params.dpo.name }} ({{ . }}){{ end }} about anything in this notice:</p>
{{ partial "contact.html" .Params.dpo }}

<h2 id="what-we-collect">The information we use</h2>
<ul>
{{ range .Params.data_categories }}<li><strong>{{ .name }}</strong>{{ with .description }}: {{ . | markdownify }}{{ end }}{{ if .special }} (special category information, which the law protects more strictly){{ end }}{{ if .criminal }} (information about criminal offences, which the law protects more strictly){{ end }}</li>
{{ end }}
</ul>

<h2 id="purposes">Why we use your information</h2>
{{ range .Params.purposes }}
{{ $purpose := . }}
<h3 id="{{ .anchor }}">{{ .name }}</h3>
<dl>
<div><dt>Lawful basis</dt><dd>{{ range .bases }}<p>{{ . }}</p>{{ end }}</dd></div>
{{ with .law }}<div><dt>The law</dt><dd>{{ . | markdownify }}</dd></div>{{ end }}
{{ with .data }}<div><dt>Information we use</dt><dd>{{ . }}</dd></div>{{ end }}
<div><dt>Who we share it with</dt><dd>{{ with .recipients }}{{ . }}{{ else }}We do not share it.{{ end }}</dd></div>
{{ with .retention }}<div><dt>How long we keep it</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .provision }}<div><dt>Do you have to give it?</dt><dd>{{ . | humanize }}. {{ with $purpose.consequence }}{{ . }}{{ end }}</dd></div>{{ end }}
</dl>
{{ end }}

<h2 id="sharing">Who we share your information with</h2>
<ul>
{{ range .Params.recipients }}<li><strong>{{ .name }}</strong>{{ with .description }}: {{ . | markdownify }}{{ end }}</li>
{{ end }}
</ul>

<h2 id="transfers">Sending information outside the UK</h2>
{{ if .Params.outside_uk }}<p>Some of your information is sent outside the UK:</p>
<ul>{{ range .Params.transfers }}<li>{{ .destination }}, protected by {{ .mechanism }}.</li>{{ end }}</ul>
{{ else }}<p>We do not send your information outside the UK.</p>{{ end }}

<h2 id="retention">How long we keep your information</h2>
<table>
<caption>How long we keep each kind of record</caption>
<thead><tr><th scope="col">Records</th><th scope="col">How long we keep them</th></tr></thead>
<tbody>
{{ range .Params.retention_rules }}<tr><td>{{ .records }}</td><td>{{ .period }}</td></tr>
{{ end }}
</tbody>
</table>
<p>Our <a href="{{ .Params.retention_schedule }}">retention schedule</a> says how long we keep each kind of record.</p>

<h2 id="complaints">How to complain</h2>
{{ partial "contact.html" .Params.complaints }}
<p>You also have the right to complain to the regulator, the Information Commission (ICO):</p>
<ul>

<li>Helpline: <a href="tel:03031231113">0303 123 1113</a></li>
<li>Online: <a href="https://ico.org.uk/make-a-complaint/">https://ico.org.uk/make-a-complaint/</a></li>
</ul>

{{ .Content }}
</article>
{{ end }}
"##;

const HUGO_LIST: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} notices.</p>
{{ end }}
"##;

const HUGO_INDEX: &str = r##"{{ define "main" }}
<h1>Privacy notices</h1>
<ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> (last updated {{ .Date.Format "2 January 2006" }})</li>
{{ end }}
</ul>
{{ end }}
"##;

fn write_file(path: &Path, content: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, content)
}

fn write_hugo_site(dir: &Path) -> std::io::Result<()> {
    write_file(&dir.join("hugo.toml"), HUGO_CONFIG)?;
    let layouts = dir.join("layouts");
    write_file(&layouts.join("_default/baseof.html"), HUGO_BASEOF)?;
    write_file(&layouts.join("_default/single.html"), HUGO_SINGLE)?;
    write_file(&layouts.join("_default/list.html"), HUGO_LIST)?;
    write_file(&layouts.join("index.html"), HUGO_INDEX)?;
    write_file(&layouts.join("partials/style.css"), HUGO_STYLE)?;
    write_file(&layouts.join("partials/contact.html"), HUGO_CONTACT)?;
    write_file(
        &dir.join("content/notices/_index.md"),
        "---\ntitle: \"All notices\"\n---\n",
    )
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

struct Args {
    count: u64,
    seed: u64,
    out: PathBuf,
    markdown: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut count = None;
    let mut seed = 7;
    let mut out = None;
    let mut markdown = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--count" => {
                count = Some(
                    value("--count")?
                        .parse()
                        .map_err(|e| format!("--count: {e}"))?,
                )
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--markdown" => markdown = Some(PathBuf::from(value("--markdown")?)),
            "-h" | "--help" => {
                return Err(
                    "usage: gen-corpus --count N [--seed S] --out DIR [--markdown DIR2]".into(),
                );
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(Args {
        count: count.ok_or("--count is required")?,
        seed,
        out: out.ok_or("--out is required")?,
        markdown,
    })
}

/// Notices a folder holds at most.
pub const PER_FOLDER: u64 = 1000;

/// The path of notice `index` below a corpus folder, without extension.
pub fn relative_stem(index: u64) -> PathBuf {
    PathBuf::from(format!("batch-{:03}", index / PER_FOLDER)).join(format!("notice-{index:05}"))
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let run = || -> std::io::Result<(u64, usize, usize)> {
        if let Some(dir) = &args.markdown {
            write_hugo_site(dir)?;
        }
        let (mut total, mut smallest, mut largest) = (0u64, usize::MAX, 0usize);
        for index in 0..args.count {
            let notice = make_notice(args.seed, index);
            let stem = relative_stem(index);
            let toml = to_toml(&notice);
            total += toml.len() as u64;
            smallest = smallest.min(toml.len());
            largest = largest.max(toml.len());
            write_file(&args.out.join(stem.with_extension("toml")), &toml)?;
            if let Some(dir) = &args.markdown {
                let path = dir.join("content/notices").join(stem.with_extension("md"));
                write_file(&path, &to_markdown(&notice))?;
            }
        }
        Ok((total, smallest, largest))
    };
    match run() {
        Ok((total, smallest, largest)) => {
            let n = args.count.max(1);
            eprintln!(
                "wrote {} notices to {}: {:.1} MB, {:.1}-{:.1} KiB each, {:.1} KiB on average",
                args.count,
                args.out.display(),
                total as f64 / 1e6,
                smallest as f64 / 1024.0,
                largest as f64 / 1024.0,
                total as f64 / n as f64 / 1024.0
            );
        }
        Err(err) => {
            eprintln!("gen-corpus: {err}");
            std::process::exit(1);
        }
    }
}
