//! Build script: links the `noticec` program with packed relative
//! relocations (`DT_RELR`) where the C library it runs on can load them.
//!
//! Why (issue 21, `noticec check` of one notice in under 5 ms): the program
//! holds about 46,000 pointers the loader must relocate at every start (HTML
//! entity tables, vtables, panic locations). As plain `RELA` records they
//! are a 1.1 MB table read on every run; packed they are 16 KB, and the
//! check of one notice used 0.6–0.8 ms (15%) less CPU in `perf stat`.
//!
//! glibc loads packed relocations from 2.36 on, and the linker marks a
//! program so linked as needing `GLIBC_ABI_DT_RELR`: built against an older
//! glibc it would not start. So the flag is given only when building for
//! the machine the build runs on (no cross-compiling), a Linux with glibc
//! 2.36 or later. Anywhere else the program is linked as before; nothing
//! it does depends on how its relocations are stored. A linker that does
//! not know the flag (rust-lld, the default here, and GNU ld from 2.38 do)
//! can be kept from seeing it: `NOTICEC_PLAIN_RELOCATIONS=1 cargo build`.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=NOTICEC_PLAIN_RELOCATIONS");
    let native = std::env::var("TARGET").ok() == std::env::var("HOST").ok();
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    let plain = std::env::var_os("NOTICEC_PLAIN_RELOCATIONS").is_some_and(|v| !v.is_empty());
    if native && linux_gnu && !plain && glibc_loads_relr() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's glibc is 2.36 or later.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn glibc_loads_relr() -> bool {
    unsafe extern "C" {
        // glibc's own report of its version, e.g. "2.36".
        fn gnu_get_libc_version() -> *const std::ffi::c_char;
    }
    // SAFETY: glibc returns a pointer to a static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(gnu_get_libc_version()) };
    let mut parts = version
        .to_str()
        .unwrap_or("")
        .split('.')
        .map(|part| part.parse::<u32>().unwrap_or(0));
    let major = parts.next().unwrap_or(0);
    let minor = parts.next().unwrap_or(0);
    (major, minor) >= (2, 36)
}

/// Not glibc: never.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn glibc_loads_relr() -> bool {
    false
}
