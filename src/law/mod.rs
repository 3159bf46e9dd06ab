//! The law: the one home of legal facts and of how noticec words them.
//!
//! - [`profile`]: which requirements apply, how severe each is and which
//!   provisions it cites (data in `profiles/`);
//! - [`rights`]: which rights each lawful basis gives, and each right's
//!   article and plain-English text;
//! - [`bases`]: the lawful bases, conditions and safeguards, with their
//!   articles and plain-English meaning;
//! - [`regulator`]: the regulator's contact details.
//!
//! Rules and pages take legal wording from here, never write their own.

pub mod bases;
pub mod profile;
pub mod regulator;
pub mod rights;
