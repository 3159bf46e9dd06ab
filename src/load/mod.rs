//! Stage 1, loading: files on disk → notices with spans.
//!
//! - [`discover`] finds the notice files under the paths given, and the
//!   name each is published under;
//! - [`read`] reads one file ([`source`]), parses TOML with spans
//!   ([`locate`]), reports every unknown key against the [`schema`] and
//!   deserialises it into the [`crate::model`];
//! - [`resolve`] merges the shared parts a notice `extends`, loading each
//!   part once through a [`resolve::PartCache`] shared by every notice.
//!
//! Loading is the only stage that stops early: a file that cannot be read,
//! is not UTF-8 text or is not valid TOML gets one diagnostic and goes no
//! further.

pub mod discover;
pub mod locate;
pub mod read;
pub mod resolve;
pub mod schema;
pub mod source;

pub use read::{LoadOutcome, LoadedNotice, MAX_NOTICE_BYTES, Source, load_file, load_str};
