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

/// `count` random texts of up to `max_pieces` pieces drawn from `alphabet` with a seeded
/// [`xorshift`], each joined with a space or nothing at random: odd input for the
/// never-panics tests.
pub fn random_texts(seed: u64, alphabet: &[&str], count: usize, max_pieces: u64) -> Vec<String> {
    let mut next = xorshift(seed);
    (0..count)
        .map(|_| {
            let n = next() % (max_pieces + 1);
            let pieces: Vec<&str> = (0..n)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            pieces.join(if next() % 2 == 0 { " " } else { "" })
        })
        .collect()
}
