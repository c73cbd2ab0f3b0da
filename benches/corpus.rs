//! A deterministic generator of postings-like text, shared by the benchmarks.
//!
//! It mixes ordinary English filler, list-style skill lines and run-together extraction
//! artefacts, drawing skill names from the lexicon, so match density is close to real postings
//! (a few skill mentions per hundred words).

use skillscan::Lexicon;

const FILLER: &[&str] = &[
    "we",
    "are",
    "looking",
    "for",
    "a",
    "team",
    "player",
    "who",
    "will",
    "work",
    "with",
    "our",
    "customers",
    "to",
    "design",
    "build",
    "and",
    "maintain",
    "scalable",
    "systems",
    "experience",
    "in",
    "years",
    "of",
    "strong",
    "knowledge",
    "ability",
    "communicate",
    "results",
    "stakeholders",
    "across",
    "the",
    "business",
    "you",
    "have",
    "degree",
    "computer",
    "science",
    "or",
    "related",
    "field",
    "responsibilities",
    "include",
    "developing",
    "models",
    "data",
    "pipelines",
    "analysis",
    "reporting",
    "benefits",
    "competitive",
    "salary",
    "equal",
    "opportunity",
    "employer",
    "remote",
    "office",
    "travel",
    "required",
    "preferred",
    "plus",
    "nice",
    "have",
    "excellent",
    "written",
    "verbal",
    "skills",
    "fast",
    "paced",
    "environment",
    "learning",
    "innovation",
];

/// A tiny xorshift PRNG so the corpus is the same on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// About `bytes` bytes of postings-like text.
pub fn postings(lexicon: &Lexicon, bytes: usize) -> String {
    let names: Vec<&str> = lexicon.skills().iter().map(|s| s.name.as_str()).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(bytes + 256);
    while out.len() < bytes {
        match rng.next() % 10 {
            0 => {
                // A skills line: "Skills: A, B, C"
                out.push_str("Requirements: ");
                for i in 0..4 {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(rng.pick(&names));
                }
                out.push('\n');
            }
            1 => {
                // Run-together extraction artefact.
                out.push_str("Qualifications3+ years");
                out.push_str(rng.pick(&names));
                out.push_str(" experience.\n");
            }
            _ => {
                let n = 12 + rng.next() % 14;
                for i in 0..n {
                    if i > 0 {
                        out.push(' ');
                    }
                    if rng.next() % 30 == 0 {
                        out.push_str(rng.pick(&names));
                    } else {
                        out.push_str(rng.pick(FILLER));
                    }
                }
                out.push_str(".\n");
            }
        }
    }
    out
}
