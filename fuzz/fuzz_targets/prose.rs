//! The Markdown and text writers on their own, with arbitrary prose: the
//! properties in `tests/common/prose_writers.rs` (no panic; output in
//! proportion to the input; the Markdown of a field has no raw HTML or
//! unsafe link and ends every construct it opens).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/prose_writers.rs"]
mod prose_writers;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = std::str::from_utf8(data) {
        prose_writers::check_prose_writers(input);
    }
});
