//! The `noticec` command: parses the arguments, runs the command
//! ([`cli::run`]), and maps the outcome to an exit code — 0 clean,
//! 1 findings, 2 usage, I/O or internal error. A closed pipe
//! (`noticec check | head`) counts as success.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator (issue 21): a build of many
/// notices spent a sixth of its time in glibc's malloc/free, and mimalloc
/// took 12-18 % off the whole build (see the README's Speed section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` and `mi_option_arena_reserve`, by
/// their place in the `mi_option_e` enumeration of mimalloc 3
/// (`include/mimalloc.h`); the Rust bindings name no constant for them.
/// The unit test below pins both against the neighbours they do name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_OPTION_ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;

/// How mimalloc runs here, where its defaults suit a long-lived server:
///
/// - freed memory goes back to the system after 10 ms, not a second: with
///   the default, a build of the findings corpus of 10,000 notices peaked
///   above 70 MiB, over the 64 MiB target;
/// - memory is reserved 64 MiB at a time, not 1 GiB: setting up and
///   tearing down a 1 GiB reservation cost `noticec check` of one notice
///   about 0.5 ms, a tenth of its time. Reservations still grow as a
///   build needs more.
///
/// These are defaults: `MIMALLOC_PURGE_DELAY` and `MIMALLOC_ARENA_RESERVE`
/// in the environment still win.
fn tune_allocator() {
    // SAFETY: mimalloc's options are not thread-safe; this runs as a
    // constructor (below), before `main` and before any thread but the
    // first exists. Each call writes one option's default value.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, 10);
        libmimalloc_sys::mi_option_set_default(MI_OPTION_ARENA_RESERVE, 64 * 1024);
    }
}

/// Runs [`tune_allocator`] when the C library runs the program's
/// constructors, before `main`: called from `main`, it came too late —
/// strace still showed the first arena reserved at 1 GiB (something,
/// the runtime or mimalloc's own start, allocates before `main`).
/// (The section is where each platform's loader finds constructors; this
/// project is built and tested on Linux.)
#[used]
#[cfg_attr(
    target_vendor = "apple",
    unsafe(link_section = "__DATA,__mod_init_func")
)]
#[cfg_attr(windows, unsafe(link_section = ".CRT$XCU"))]
#[cfg_attr(
    not(any(target_vendor = "apple", windows)),
    unsafe(link_section = ".init_array")
)]
static TUNE_ALLOCATOR: extern "C" fn() = {
    extern "C" fn tune() {
        tune_allocator();
    }
    tune
};

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(cli::Failure::BrokenPipe) => ExitCode::from(cli::EXIT_CLEAN),
        Err(cli::Failure::Usage(message)) => {
            // A closed standard error must not turn the exit code into a panic.
            let _ = writeln!(std::io::stderr().lock(), "error: {message}");
            ExitCode::from(cli::EXIT_TROUBLE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use libmimalloc_sys as mi;

    /// The option indexes are mimalloc's purge delay and arena reserve,
    /// and the constructor set them (the test binary has it too), unless
    /// the environment did, as nobody does under `cargo test`.
    #[test]
    fn the_constructor_tuned_purge_delay_and_arena_reserve() {
        // Purge delay comes just before the option the bindings call
        // use_numa_nodes; arena reserve three after max_warnings (past
        // max_segment_reclaim and destroy_on_exit), just before
        // arena_purge_mult.
        assert_eq!(mi::mi_option_use_numa_nodes - 1, MI_OPTION_PURGE_DELAY);
        assert_eq!(mi::mi_option_max_warnings + 3, MI_OPTION_ARENA_RESERVE);
        // SAFETY (every `mi_option_get`): reads one option; nothing in the
        // tests writes mimalloc's options.
        let get = |option| unsafe { mi::mi_option_get(option) };
        // The C library agrees with the bindings: its defaults (the table
        // in `src/options.c`) for os_tag, 100, three after purge delay, and
        // for max_warnings, 32, and max_segment_reclaim, 10, two before
        // arena reserve.
        assert_eq!(get(MI_OPTION_PURGE_DELAY + 3), 100);
        assert_eq!(get(mi::mi_option_max_warnings), 32);
        assert_eq!(get(MI_OPTION_ARENA_RESERVE - 2), 10);
        for (option, variable, tuned) in [
            (MI_OPTION_PURGE_DELAY, "MIMALLOC_PURGE_DELAY", 10),
            (MI_OPTION_ARENA_RESERVE, "MIMALLOC_ARENA_RESERVE", 64 * 1024),
        ] {
            if std::env::var_os(variable).is_none() {
                assert_eq!(get(option), tuned, "{variable}");
            }
        }
    }
}
