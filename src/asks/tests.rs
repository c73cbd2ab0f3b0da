use super::*;
use crate::document::Kind;
use crate::lexicon::SkillIdx;
use crate::scan::Scanner;
use crate::testing::check_cases;

fn scanner() -> &'static Scanner {
    static S: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
    S.get_or_init(Scanner::builtin)
}

fn asks(text: &str) -> (Vec<Match>, Asks) {
    let scanner = scanner();
    let matches = scanner.scan(text);
    let sections = Sections::find(text, Kind::Posting);
    let asks = Asks::find(text, &sections, &matches, scanner.lexicon());
    (matches, asks)
}

/// Each match as `id:strength`, in text order.
fn strengths(text: &str) -> String {
    let lex = scanner().lexicon();
    let (matches, a) = asks(text);
    matches
        .iter()
        .zip(&a.strengths)
        .map(|(m, s)| format!("{}:{}", lex.skill(m.skill).id, s.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each years ask as `ids>=min` or `ids>=min-max` (`*` for overall).
fn years(text: &str) -> String {
    let lex = scanner().lexicon();
    let (_, a) = asks(text);
    a.years
        .iter()
        .map(|y| {
            let ids = if y.skills.is_empty() {
                "*".to_string()
            } else {
                y.skills
                    .iter()
                    .map(|s| lex.skill(*s).id.as_str())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            match y.max {
                Some(max) => format!("{ids}>={}-{max}", y.min),
                None => format!("{ids}>={}", y.min),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn sections_then_cues_decide_strength() {
    check_cases(
        &[
            // The section decides when no cue is near.
            (
                "About Us\nWe run on AWS.\nRequirements\nPython and SQL.\nNice to have\nKafka",
                "aws:mentioned python:required sql:required kafka:preferred",
            ),
            // A cue in the clause overrides the section; the nearest cue wins.
            (
                "Requirements:\nPython required, Spark a plus.\nExperience with Apache Airflow is a plus",
                "python:required spark:preferred airflow:preferred",
            ),
            (
                "Preferred qualifications\nDocker required; Kubernetes",
                "docker:required kubernetes:preferred",
            ),
            (
                "Nice to have: Kafka, Flink and dbt",
                "kafka:preferred flink:preferred dbt:preferred",
            ),
            // A heading's own words are not a cue: "Desired Candidate Profile" lists needs.
            (
                "Job Responsibilities: build apps. Desired Candidate Profile: Kotlin and Java; Git",
                "kotlin:required java:required git:required",
            ),
            // Negated: only mentioned.
            (
                "Requirements\nNo Java needed. Python",
                "java:mentioned python:required",
            ),
            // Untitled text asks.
            ("We need someone with Python.", "python:required"),
            // Benefits and legal only mention.
            (
                "Benefits\nFree Coursera courses on Python.",
                "python:mentioned",
            ),
        ],
        strengths,
    );
}

#[test]
fn years_asked_as_written() {
    check_cases(
        &[
            ("5+ years of Python", "python>=5"),
            ("3-5 years experience with Spark", "spark>=3-5"),
            ("at least two years of SQL", "sql>=2"),
            ("minimum of 3 yrs of Java experience", "java>=3"),
            ("Python (2+ yrs), SQL (3+ years)", "python>=2 sql>=3"),
            ("7+ years of industry experience", "*>=7"),
            ("5+ years of Python and SQL", "python+sql>=5"),
            ("two (2) years of professional experience", "*>=2"),
            (
                "five or more years of experience with Tableau",
                "tableau>=5",
            ),
            ("3 to 5 years of relevant experience", "*>=3-5"),
            // A part of an ask given without the word "years", and asks for each of a list.
            (
                "5 years of experience in backend development, including 2 with Go and Python",
                "*>=5 go+python>=2",
            ),
            (
                "5+ years as a backend engineer, at least 2 of them writing Go and Python",
                "*>=5 go+python>=2",
            ),
            (
                "Docker and Kubernetes, 3+ years each",
                "docker+kubernetes>=3",
            ),
            // A job family is the job; a technique is a skill.
            ("3+ years of experience in data science", "*>=3"),
            (
                "7 years of experience in machine learning",
                "machine-learning>=7",
            ),
            ("3+ years in data science or predictive modeling", "*>=3"),
            ("10+ years of professional software engineering", "*>=10"),
            ("4+ years in DevOps, SRE or MLOps roles", "*>=4"),
            (
                "3 years of machine learning experience",
                "machine-learning>=3",
            ),
            // The skill labels the years, with a word or two between.
            ("Power BI – minimum 3 years, including DAX.", "power-bi>=3"),
            (
                "Snowflake experience (1–2 years) is a plus.",
                "snowflake>=1-2",
            ),
            ("Rust: 1+ years.", "rust>=1"),
            // "A year".
            ("A year or more with AWS SageMaker.", "aws-sagemaker>=1"),
            ("at least a year of Go programming", "go>=1"),
            // Years of a tool for a purpose are years of the tool; of a method, of both.
            (
                "2-4 years of R or Python for statistical modelling",
                "r+python>=2-4",
            ),
            (
                "3+ years of deep learning for computer vision",
                "deep-learning+computer-vision>=3",
            ),
            // Qualifiers and labels around the years.
            (
                "Hands-on Kafka experience of two years or longer",
                "kafka>=2",
            ),
            (
                "Kubernetes in production for at least 3 years (EKS preferred)",
                "kubernetes>=3",
            ),
            (
                "Experience with R or Python (around 2 years)",
                "r+python>=2",
            ),
            (
                "Experience in forecasting: 3 years (minimum)",
                "forecasting>=3",
            ),
            (
                "AWS and Terraform — 4 years minimum for each",
                "aws+terraform>=4",
            ),
            ("A couple of years with Elasticsearch", "elasticsearch>=2"),
            ("Go\nPostgreSQL: 3+ years", "postgresql>=3"),
            (
                "5-8 yrs of total experience in mobile app development",
                "*>=5-8",
            ),
            (
                "Selenium or Playwright (min. 2 years)",
                "selenium+playwright>=2",
            ),
            ("Kubernetes (1 y.)", "kubernetes>=1"),
            (
                "Power BI reports for executives – no less than 2 years",
                "power-bi>=2",
            ),
            (
                "Data modelling (conceptual and logical) for at least four years",
                "data-modeling>=4",
            ),
            (
                "Experience with R or Python for statistical analysis (around 2 years)",
                "r+python>=2",
            ),
            // Job areas are jobs.
            (
                "At least 4 years developing backend services, 2 of them in Go",
                "*>=4 go>=2",
            ),
            (
                "No fewer than 8 years in data roles, of which at least 3 as data architect",
                "*>=8 *>=3",
            ),
            ("five or more years of frontend development overall", "*>=5"),
            ("3+ years in a QA or test engineering role", "*>=3"),
            (
                "4+ years of experience in cloud or infrastructure engineering",
                "*>=4",
            ),
            ("6+ years of product management experience", "*>=6"),
            (
                "Nice to have\n- a background in software engineering (2 years or more)",
                "*>=2",
            ),
            ("2+ years of scripting in Python or Bash", "python+bash>=2"),
            (
                "3+ years of hands-on machine learning in production",
                "machine-learning>=3",
            ),
            // Not asks.
            ("Three years ago we started an AI group.", ""),
            ("We meet twice a year.", ""),
            ("Founded a year ago, Acme uses Python.", ""),
            ("a 4-year degree in CS", ""),
            ("Acme is 20 years old.", ""),
            ("About Us\nFor 30 years of Python, we have grown.", ""),
            ("1.5 years of Python", ""),
            ("In 2 years you will lead the team.", ""),
        ],
        years,
    );
}

#[test]
fn by_skill_keeps_the_strongest_ask() {
    let text = "Nice to have: Python.\nRequirements\nPython";
    let (matches, a) = asks(text);
    let by = a.by_skill(&matches);
    assert_eq!(by.len(), 1);
    assert_eq!(by[0].1, Strength::Required);
    let (matches, a) = asks("Requirements\n5+ years of Python. 8+ years of experience");
    let mins: Vec<(Vec<SkillIdx>, u32)> =
        a.years.iter().map(|y| (y.skills.clone(), y.min)).collect();
    assert_eq!(mins, [(vec![matches[0].skill], 5), (vec![], 8)]);
}

#[test]
fn never_panics_and_spans_are_char_boundaries() {
    let alphabet = [
        "“quoted” ‘text’ — ünïcödé — “more” — ”””””””””””””””””””””””””””””",
        "Requirements",
        "including 2 with",
        "of them",
        "each",
        ":",
        "\n",
        "•",
        " ",
        "é",
        "5+",
        "years",
        "of",
        "Python",
        "-",
        "3",
        "to",
        "(",
        ")",
        "➢",
        "a plus",
        "required",
        ".",
        "SQL",
        "yrs",
        "in",
        "data science",
        "as a",
        "two",
        "BS/MS",
        "PhD",
        "Benefits",
        "Acme is a",
        "experience",
    ];
    for text in crate::testing::random_texts(11, &alphabet, 5000, 23) {
        let (matches, a) = asks(&text);
        assert_eq!(a.strengths.len(), matches.len());
        for y in &a.years {
            assert!(text.is_char_boundary(y.span.start) && text.is_char_boundary(y.span.end));
        }
        let sections = Sections::find(&text, Kind::Posting);
        crate::education::asked(&text, &sections, &a);
        crate::education::held(&text, &Sections::find(&text, Kind::Resume));
    }
}
