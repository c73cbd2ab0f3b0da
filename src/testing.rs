//! Helpers shared by the unit tests.

/// Runs a table of `(input, want)` cases through `got`, and fails once with every case that
/// differs, so one run shows all that a change broke.
pub fn check_cases(cases: &[(&str, &str)], got: impl Fn(&str) -> String) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = got(text);
            (got != *want).then(|| format!("{text:?}\n   got: {got:?}\n  want: {want:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A tiny xorshift generator for randomised tests: the same numbers on every run and machine.
pub fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}
