//! The regulator people can complain to (UK GDPR Art. 77; Art. 13(2)(d),
//! 14(2)(e)): the contact details a notice shows when `[complaints.ico]`
//! leaves them out.

/// The regulator's published contact details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regulator {
    pub name: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    /// Where to make a complaint.
    pub website: &'static str,
}

/// The Information Commissioner's Office, as published.
pub const ICO: Regulator = Regulator {
    name: "Information Commissioner's Office",
    address: "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF",
    phone: "0303 123 1113",
    website: "https://ico.org.uk/make-a-complaint/",
};

/// The regulator's details in force.
pub fn regulator() -> &'static Regulator {
    &ICO
}
