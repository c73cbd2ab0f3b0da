use super::*;
use crate::testing::check_cases;

/// The sections found, as `section@heading` joined by ` | ` (legal starts show the first
/// words of their sentence).
fn render(kind: Kind, text: &str) -> String {
    Sections::find(text, kind)
        .starts()
        .iter()
        .map(|s| {
            let h = if s.heading.is_empty() {
                text[s.heading.start..]
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                text[s.heading.clone()].to_string()
            };
            format!("{}@{}", s.section.as_str(), h)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn posting_headings_as_they_appear() {
    check_cases(
        &[
            // Lines of their own, any case, colons, Markdown and bullets.
            (
                "About Us\nAcme runs on AWS.\nRequirements:\n- 3+ years of Python\nNICE TO HAVE\n- Spark",
                "about@About Us | requirements@Requirements | preferred@NICE TO HAVE",
            ),
            (
                "## What You'll Do\nBuild pipelines.\n**Bonus Points**\nKafka",
                "responsibilities@What You'll Do | preferred@Bonus Points",
            ),
            // British and Canadian wording.
            (
                "Essential criteria\n- Power BI\nDesirable criteria\n- Snowflake",
                "requirements@Essential criteria | preferred@Desirable criteria",
            ),
            (
                "Requirements\n- SQL\nAssets:\n- French",
                "requirements@Requirements | preferred@Assets",
            ),
            // Prose with no headings: paragraphs on what the candidate brings and on what
            // would be a plus.
            (
                "Acme is a design studio in Leeds.\n\nYou will build our web apps.\n\nYou'll have \
                 spent three years with React.\n\nIt would be lovely if you know Figma.",
                "about@Acme is | none@You will | requirements@You'll have | preferred@It would",
            ),
            (
                "We're looking for someone with four years in consulting. We're looking for a \
                 senior analyst to join us.",
                "requirements@We're looking",
            ),
            // A short line in sentence case that a list follows; its items are not headings;
            // mid-paragraph, "Strong Python is a must" is no company description.
            (
                "Acme is a bank.\n\nThe problems on your plate\n- Build pipelines\n- Run \
                 Kubernetes\nThe toolkit we hope you carry\n- Strong Python\n- Docker",
                "about@Acme is | responsibilities@The problems on your plate | \
                 requirements@The toolkit we hope you carry",
            ),
            (
                "You'll have three years with Go. Strong Python is a must.",
                "requirements@You'll have",
            ),
            (
                "THE ROLE\nBuild reports.\nKEY SELECTION CRITERIA\n- SQL",
                "responsibilities@THE ROLE | requirements@KEY SELECTION CRITERIA",
            ),
            (
                "Your role\n· Run Kubernetes\nYou'll bring\n· Go",
                "responsibilities@Your role | requirements@You'll bring",
            ),
            // Run into the text after it, as flattened bullets are.
            (
                "Qualifications2+ years of SQL",
                "requirements@Qualifications",
            ),
            (
                "Great culture.RequirementsBachelor's degree in CS",
                "requirements@Requirements",
            ),
            (
                "Responsibilities • Build models • Ship them",
                "responsibilities@Responsibilities",
            ),
            // Inside a long line, in Title Case, ended by a colon.
            (
                "We move fast and value craft. What You'll Need: 3+ years of Python. Perks: \
                 free lunch.",
                "requirements@What You'll Need | benefits@Perks",
            ),
            // Heading words in running text are not headings.
            (
                "Experience with Python is required.\nThe requirements include SQL.\nskills: lower case mid-line: no",
                "",
            ),
            ("You will build models", ""),
            // Joined heading words and a job-description reset.
            (
                "Job Description\nWe build search.\nSkills & Experience\nPython",
                "none@Job Description | requirements@Skills & Experience",
            ),
            // Equal-opportunity text starts a legal section at its sentence.
            (
                "Benefits\nHealth care. Acme is an equal opportunity employer and values you.",
                "benefits@Benefits | legal@Acme is",
            ),
            // A heading phrase, then "for" or "at": still a heading line.
            (
                "Our Mission\nWe make safer roads.\nRequirements for all data scientists\nPython",
                "about@Our Mission | requirements@Requirements for all data scientists",
            ),
            // A company description told in sentences lasts its paragraph; requirement lines
            // under it start the requirements when their heading is missing.
            (
                "Acme is a payments company. We run on AWS.\n\nThe engineer will build models.",
                "about@Acme is | none@The engineer",
            ),
            (
                "Acme is a payments company.\nExperience with Python\n5+ years of SQL",
                "about@Acme is | requirements@Experience with",
            ),
            // "offers" is benefits only with benefits in the sentence.
            (
                "Requirements\nPython.\nAcme offers a 401(k) and health care.",
                "requirements@Requirements | benefits@Acme offers",
            ),
            (
                "Overview\nTeam Daugherty offers the opportunity to work on something new.",
                "none@Overview",
            ),
            // Pronouns are not company names.
            ("This is a 12 month contract.", ""),
            // A heading repeated does not open its section twice.
            (
                "Requirements\nPython\nRequirements\nSQL",
                "requirements@Requirements",
            ),
        ],
        |t| render(Kind::Posting, t),
    );
}

#[test]
fn resume_headings_as_they_appear() {
    check_cases(
        &[
            (
                "Jane Doe\nSUMMARY\nData scientist.\nTechnical Skills:\nPython, SQL\n\
                 WORK EXPERIENCE\nAcme 2019-2022\nEDUCATION\nMS Statistics",
                "summary@SUMMARY | skills@Technical Skills | experience@WORK EXPERIENCE | \
                 education@EDUCATION",
            ),
            (
                "\\section{Experience}\nAcme\n\\cvsection*{Projects}\nA bot",
                "experience@Experience | projects@Projects",
            ),
            // Flattened, as in scraped résumé text.
            (
                "Skills * Python * SQL Education Details B.E. Computer Engineering Company \
                 Details company - Acme",
                "skills@Skills | education@Education Details | experience@Company Details",
            ),
            (
                "Skill Details: Python, SQL. Education Details: B.E. Company Details: Acme",
                "skills@Skill Details | education@Education Details | experience@Company Details",
            ),
            // A tools label inside a job entry stays in the entry.
            (
                "Experience\nAcme, 2019-2022\nTools: Python, Spark\nSkills\nSQL",
                "experience@Experience | skills@Skills",
            ),
            // "Qualifications" means education in a résumé.
            ("Qualifications\nB.Sc. Physics", "education@Qualifications"),
        ],
        |t| render(Kind::Resume, t),
    );
}

#[test]
fn at_finds_the_section_of_an_offset() {
    let text = "Intro\nRequirements:\nPython\nPreferred:\nSpark";
    let s = Sections::find(text, Kind::Posting);
    let at = |w: &str| s.at(text.find(w).unwrap());
    assert_eq!(at("Intro"), Section::None);
    assert_eq!(at("Python"), Section::Requirements);
    assert_eq!(at("Spark"), Section::Preferred);
    for x in Section::ALL {
        assert_eq!(Section::parse(x.as_str()), Some(x));
    }
}

#[test]
fn never_panics_on_odd_text() {
    let alphabet = [
        "Requirements",
        ":",
        "\n",
        "•",
        " ",
        "é",
        "\\section{",
        "}",
        "Skills",
        "a",
        "EOE",
    ];
    for text in crate::testing::random_texts(7, &alphabet, 2000, 12) {
        for kind in [Kind::Resume, Kind::Posting] {
            let s = Sections::find(&text, kind);
            for w in s.starts().windows(2) {
                assert!(w[0].heading.start <= w[1].heading.start, "{text:?}");
            }
            for i in 0..=text.len() {
                s.at(i);
            }
        }
    }
}

#[test]
fn opening_words_fit_the_lowercase_buffer() {
    // `opening` lowercases words of at most `WORD_MAX` bytes and reads a longer one as "".
    let words = REQUIREMENT_OPENINGS
        .iter()
        .flat_map(|o| o.iter())
        .chain(NOT_NAMES)
        .chain(COMPANY_VERBS)
        .chain(IS_WHAT);
    for w in words {
        assert!(
            w.len() <= WORD_MAX && w.is_ascii() && *w == w.to_ascii_lowercase(),
            "{w}"
        );
    }
    // Long and non-ASCII words open nothing.
    assert_eq!(opening("Acme manufacturesmanufactures things"), None);
    assert_eq!(opening("Acme is a startup"), Some(Opening::Company));
    assert_eq!(opening("5 YEARS of Go"), Some(Opening::Requirement));
    assert_eq!(
        opening("3 yearsofexperienceinproduction-grade Go"),
        Some(Opening::Requirement)
    );
}
