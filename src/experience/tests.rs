//! Table-driven tests for `experience`: one line per case, grouped by rule. Every résumé
//! fixture here was written for these tests.

use super::*;

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

const AS_OF: &str = "2026-11";

/// The ranges found, as `start..end` (`+` when open), joined by `; `.
fn found_at(text: &str, as_of: &str) -> String {
    find_ranges(text, ym(as_of))
        .iter()
        .map(|r| format!("{}..{}{}", r.start, r.end, if r.open { "+" } else { "" }))
        .collect::<Vec<_>>()
        .join("; ")
}

fn run(cases: &[(&str, &str)]) {
    crate::testing::check_cases(cases, |text| found_at(text, AS_OF));
}

#[test]
fn year_month_from_the_clock() {
    let ym = |s: u64| YearMonth::from_unix_seconds(s).to_string();
    assert_eq!(ym(0), "1970-01");
    // 2000-02-29 05:20 UTC, a leap day.
    assert_eq!(ym(951_802_800), "2000-02");
    assert_eq!(ym(1_795_000_000), "2026-11");
    assert_eq!(ym(4_102_444_799), "2099-12");
    assert_eq!(ym(4_102_444_800), "2100-01");
}

#[test]
fn year_month_parses_only_yyyy_mm() {
    assert_eq!(ym("2026-11"), YearMonth::new(2026, 11).unwrap());
    assert_eq!(ym("1999-01").to_string(), "1999-01");
    assert_eq!("2026-02".parse::<YearMonth>().unwrap().month(), 2);
    for bad in [
        "",
        "2026",
        "2026-1",
        "2026-13",
        "2026-00",
        "26-11",
        "2026/11",
        "2026-11-01",
        "２０２６-11",
        " 2026-11",
        "2026-1a",
    ] {
        let e = YearMonth::parse(bad).unwrap_err();
        assert!(e.to_string().contains("expected YYYY-MM"), "{bad:?}: {e}");
    }
    assert!(ym("2019-12") < ym("2020-01"));
    assert_eq!(YearMonth::new(2020, 0), None);
    assert_eq!(YearMonth::new(2020, 13), None);
    assert_eq!(
        serde_json::to_string(&ym("2026-03")).unwrap(),
        "\"2026-03\""
    );
}

#[test]
fn month_names_and_open_ends() {
    run(&[
        ("Jan 2019 – Present", "2019-01..2026-11+"),
        ("January 2019 - Current", "2019-01..2026-11+"),
        ("Sept. 2021 to now", "2021-09..2026-11+"),
        ("Sep 2021 to date", "2021-09..2026-11+"),
        ("Jun 2015 — Dec 2017", "2015-06..2017-12"),
        ("JAN 2018 to present", "2018-01..2026-11+"),
        ("Oct, 2017 to Till Date", "2017-10..2026-11+"),
        ("Feb 2017 to Till Date", "2017-02..2026-11+"),
        ("MAR 2017 -Till date", "2017-03..2026-11+"),
        ("FEB 2018 to Still: Acme", "2018-02..2026-11+"),
        ("March 2016 to Still on going", "2016-03..2026-11+"),
        ("Jan 2020 - Today", "2020-01..2026-11+"),
        ("Jan 2020 – ongoing", "2020-01..2026-11+"),
        ("Jan 2020 until Mar 2021", "2020-01..2021-03"),
        ("Jan 2020 till Mar 2021", "2020-01..2021-03"),
        ("Jan 2020 through Mar 2021", "2020-01..2021-03"),
        ("Augest 2017 to till date", "2017-08..2026-11+"),
        ("Febuary 2017 – May 2018", "2017-02..2018-05"),
        ("Summer 2019 - Fall 2020", "2019-07..2020-10"),
        ("May – Aug 2019", "2019-05..2019-08"),
        ("Nov - Feb 2020", "2019-11..2020-02"),
        ("Mar. 2016 - Exp. Jun. 2017", "2016-03..2017-06"),
    ]);
}

#[test]
fn days_apostrophes_and_glued_forms() {
    run(&[
        ("May '19 – Aug '21", "2019-05..2021-08"),
        ("May ’19 – Aug ’21", "2019-05..2021-08"),
        ("May '99 – Aug '01", "1999-05..2001-08"),
        ("Sept' 2017 to till date", "2017-09..2026-11+"),
        ("since Jan '2012", "2012-01..2026-11+"),
        ("Aug '17 till date", "2017-08..2026-11+"),
        ("16th Jan 2017 to till 30th Aug 2018", "2017-01..2018-08"),
        ("1st Sept 2011 to 6thMay 2012", "2011-09..2012-05"),
        ("Aug 29th' 2005 till  Feb '2007", "2005-08..2007-02"),
        ("7 Dec 2006 to 20 March 2007", "2006-12..2007-03"),
        ("since 18-Aug-2012", "2012-08..2026-11+"),
        ("January 15, 2019 - March 3, 2020", "2019-01..2020-03"),
        ("July2013to June2014", "2013-07..2014-06"),
        ("June 17 - Today", "2017-06..2026-11+"),
        ("Dec. 16 - June 17", "2016-12..2017-06"),
    ]);
}

#[test]
fn numeric_forms() {
    run(&[
        ("2016-2018", "2016-07..2018-06"),
        ("2016 – 2018", "2016-07..2018-06"),
        ("2016 to 2018", "2016-07..2018-06"),
        ("2016 -- 2018", "2016-07..2018-06"),
        ("2016 ~ 2018", "2016-07..2018-06"),
        ("03/2020 - 06/2022", "2020-03..2022-06"),
        ("3/2020–6/2022", "2020-03..2022-06"),
        ("03-2020 to 06-2022", "2020-03..2022-06"),
        ("2019.03 - 2021.06", "2019-03..2021-06"),
        ("2019/03 ~ 2021/06", "2019-03..2021-06"),
        ("2016/09 - now", "2016-09..2026-11+"),
        ("2010-11 - 2012-05", "2010-11..2012-05"),
        ("2019-03-15 – 2020-01-10", "2019-03..2020-01"),
        ("20/03/2019 - 15/01/2020", "2019-03..2020-01"),
        ("03/20/2019 - 01/15/2020", "2019-03..2020-01"),
        ("2017-18", "2017-07..2018-06"),
        ("2019–20", "2019-07..2020-06"),
        ("2010-11", "2010-07..2011-06"),
        ("(2018 - present)", "2018-07..2026-11+"),
        ("2020 - till date", "2020-07..2026-11+"),
        ("2013-till date", "2013-07..2026-11+"),
        ("Since 2019", "2019-07..2026-11+"),
        ("Since MAY 2018 to TILL DATE", "2018-05..2026-11+"),
        ("from 2015 onwards", "2015-07..2026-11+"),
        ("Jan 2020 – Jan 2020", "2020-01..2020-01"),
    ]);
}

#[test]
fn layouts_spread_over_lines_and_markup() {
    run(&[
        ("2012-\n2013", "2012-07..2013-06"),
        ("Jan 2019 –\nPresent", "2019-01..2026-11+"),
        ("06th May 2013 to till the\ndate.", "2013-05..2026-11+"),
        // A bullet on the next line is not an end.
        ("Jan 2019 -\n- Built models", ""),
        ("2016\n- 2018 Best paper", ""),
        // Soft hyphens stand for dashes in some PDF text.
        ("Sep. 2023 \u{AD} Mar. 2024", "2023-09..2024-03"),
        ("{2022 - } % Date(s)", "2022-07..2026-11+"),
        ("(Nov 2019 – )", "2019-11..2026-11+"),
        // A date column split by the layout.
        (
            "June 2020 – Developer, Acme, Boston\nPresent Working on search.",
            "2020-06..2026-11+",
        ),
        (
            "• July 2015 – Full Stack Developer, Initech\nMay 2020 Built the billing service.",
            "2015-07..2020-05",
        ),
        ("Led a team of 5 – June 2020 – Acme\nPresent", ""),
        // Table columns: dates with months, only spaces between.
        ("Jan 2015 Nov 2016", "2015-01..2016-11"),
        (
            "Asst. Professor   20/07/2015    31/05/2016   10 Months",
            "2015-07..2016-05",
        ),
        ("Ranked first in 2013 2014", ""),
        ("Jan 2015, Nov 2016", ""),
        // Structured résumés.
        (
            "      start_date: 2018-09\n      end_date: present\n",
            "2018-09..2026-11+",
        ),
        (
            "\"startDate\": \"2019-01-01\",\n    \"endDate\": \"2021-06-30\",",
            "2019-01..2021-06",
        ),
    ]);
}

#[test]
fn what_is_not_a_range() {
    run(&[
        // Phone numbers, numbers that run on.
        ("+1 555-2019-2020", ""),
        ("Call 020-2019-2020 now", ""),
        ("+91 2019 2020", ""),
        ("2016-2018-2020", ""),
        ("1,999-2,000 units", ""),
        // Versions.
        ("Python 3.6-3.9", ""),
        ("SQL Server 2008 - 2012", ""),
        ("Windows 2000-2003", ""),
        ("MS SQL Server 2008/2012, Office 2007/10", ""),
        ("Spark 2.4-3.1", ""),
        // Single dates.
        ("Date of Birth: 1993-12-20", ""),
        ("DOB: 20/07/1995", ""),
        ("Graduated Jan 2019", ""),
        ("2019-03", ""),
        ("May 15 - 17, 2019", ""),
        // Out of bounds, reversed, too long.
        ("1940 - 1948", ""),
        ("1949 - 1952", ""),
        ("2024 - 2030", ""),
        ("Jan 2027 - Present", ""),
        ("Dec 2017 - Jan 2017", ""),
        ("1950 - 2020", ""),
        // Words that only look like months or open ends.
        ("Mayor 2019 - 2020", "2019-07..2020-06"),
        ("2019 - Presentation", ""),
        ("Janitorial 2019", ""),
        ("2019 tomorrow", ""),
    ]);
    // A season of a sport is still a range of time; whether it is work is for `classify`.
    run(&[("2019-2020 season", "2019-07..2020-06")]);
}

#[test]
fn year_only_convention() {
    let months = |text: &str, as_of: &str| {
        Experience::from_ranges(find_ranges(text, ym(as_of)), ym(as_of)).months
    };
    // The difference of the years: the middle of one year to the middle of the other.
    assert_eq!(months("2016 - 2018", AS_OF), 24);
    assert_eq!(months("2016-2018\n2018-2020", AS_OF), 48);
    assert_eq!(months("2015 - 2016", AS_OF), 12);
    // Within one year: half of it, or what the known month allows.
    assert_eq!(found_at("2019 - 2019", AS_OF), "2019-04..2019-09");
    assert_eq!(found_at("Sep 2019 - 2019", AS_OF), "2019-09..2019-09");
    assert_eq!(found_at("2019 - Mar 2019", AS_OF), "2019-03..2019-03");
    assert_eq!(found_at("Mar 2016 - 2018", AS_OF), "2016-03..2018-06");
    assert_eq!(found_at("2016 - Mar 2018", AS_OF), "2016-07..2018-03");
    // Never after as-of.
    assert_eq!(found_at("2026 - Present", "2026-03"), "2026-03..2026-03+");
    assert_eq!(found_at("Jan 2026 - Dec 2026", AS_OF), "2026-01..2026-11");
    assert_eq!(found_at("2025 - 2026", "2026-03"), "2025-07..2026-03");
    let r = &find_ranges("2016 - May 2018", ym(AS_OF))[0];
    assert!(r.year_only && !r.open);
    assert!(!find_ranges("Jan 2016 - May 2018", ym(AS_OF))[0].year_only);
}

#[test]
fn spans_and_lines() {
    let text = "Résumé — Zoë\nData Scientist, Acme   Jan 2019 – Present\n\nAnalyst\n2016 -\n2018\n";
    let rs = find_ranges(text, ym(AS_OF));
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0].text(text), "Jan 2019 – Present");
    assert_eq!(rs[0].line, 2);
    assert_eq!(rs[1].text(text), "2016 -\n2018");
    assert_eq!(rs[1].line, 5);
    let since = find_ranges("x\n(Since 2019)", ym(AS_OF));
    assert_eq!(since[0].text("x\n(Since 2019)"), "Since 2019");
    assert_eq!(since[0].months(), 89);
}

/// One résumé: its text, the kinds of its ranges in order (W work, E education, O other),
/// and its total months as of AS_OF.
struct Fixture {
    name: &'static str,
    text: &'static str,
    kinds: &'static str,
    months: u32,
}

const FIXTURES: &[Fixture] = &[
    Fixture {
        name: "plain headings",
        text: "JANE ROE\nData Scientist\n\nEXPERIENCE\n\
               Senior Data Scientist, Northwind Analytics    Mar 2021 – Present\n\
               Data Analyst, Contoso Retail    Jun 2018 – Feb 2021\n\n\
               EDUCATION\n\
               M.Sc. Statistics, Lakeside University    2016 – 2018\n\
               B.Sc. Mathematics, Lakeside University    2013 – 2016\n",
        kinds: "WWEE",
        months: 102,
    },
    Fixture {
        name: "overlapping jobs count once",
        text: "Work Experience:\nML Engineer, Fabrikam    Jan 2018 - Dec 2020\n\
               Part-time instructor, Code Camp    Jun 2019 - Jun 2022\n\
               Consultant, Self-employed    Mar 2020 - Apr 2020\n",
        kinds: "WWW",
        months: 54,
    },
    Fixture {
        name: "markdown with year-only ranges",
        text: "# Sam Poe\n\n## Work Experience\n\n### Tailspin Toys (2019 - present)\nBuilt \
               recommendation models.\n\n### Wide World Importers (2015 - 2019)\nForecasting.\n\n\
               ## Education\n\n### Riverbend University (2011 - 2015)\nBSc Computer Science\n",
        kinds: "WWE",
        months: 137,
    },
    Fixture {
        name: "degree on the same line, no headings",
        text: "2012 - 2016  B.Tech, Computer Science, Institute of Technology\n\
               2016 - 2019  Software Engineer, Acme Pvt Ltd\n\
               2019 - 2021  MBA, Business School of Lakeside\n",
        kinds: "EWE",
        months: 36,
    },
    Fixture {
        name: "a job at a university is work",
        text: "Research Assistant, Lakeside University    2017 - 2019\n\
               Lecturer\nRiverside College, 2019 - 2021\n",
        kinds: "WW",
        months: 48,
    },
    Fixture {
        name: "a degree below the date",
        text: "Education\n---------\n\n2010-2014 (expected)\n:   **PhD, Computer Science**; Some \
               University\n\nExperience\n----------\n\n2008-2010\n:   **Data Engineer**; \
               Acme Corp\n\n2006-2008\n:   **BSc, Physics**; Hometown University\n",
        kinds: "EWE",
        months: 24,
    },
    Fixture {
        name: "flattened export with detail headings",
        text: "Education Details \nJune 2010 to May 2014 BE Mechanical Pune University\n\
               June 2008 to April 2010 HSC  Pune, Maharashtra\nDesign Engineer \n\n\
               Skill Details \nAutoCAD- Exprience - 48 months\n\
               company - Acme Engineering Pvt Ltd\n\
               description - Duration: Feb 2017 - till date\n\
               company - Beta Works\ndescription - Period: 17th July 2014 to 30th Jan 2017.\n",
        kinds: "EEWW",
        months: 149,
    },
    Fixture {
        name: "latex sections",
        text: "\\cvsection{Education}\n\\begin{cventries}\n  \\cventry\n    {B.S. in Computer \
               Science}\n    {Hill University}\n    {Mar. 2010 - Aug. 2014}\n\\end{cventries}\n\
               \\cvsection{Experience}\n\\begin{cventries}\n  \\cventry\n    {DevOps Engineer}\n    \
               {Contoso}\n    {Sep. 2014 - Present}\n\\end{cventries}\n",
        kinds: "EW",
        months: 147,
    },
    Fixture {
        name: "honors, activities and certifications are not work",
        text: "Experience\nData Engineer, Acme    Jan 2020 - Dec 2021\n\n\
               Honors & Awards\nCommunity organizer, Data Meetup    {2018 - }\n\n\
               Extracurricular Activities\nChess club president    2012 - 2014\n\n\
               Certifications\nCloud practitioner course    Jan 2022 - Mar 2022\n",
        kinds: "WOOO",
        months: 24,
    },
    Fixture {
        name: "YAML source",
        text: "cv:\n  sections:\n    education:\n      - institution: Hill University\n        \
               area: Computer Science\n        degree: PhD\n        date:\n        start_date: \
               2018-09\n        end_date: 2023-05\n        summary:\n        highlights:\n          \
               - 'GPA: 3.9'\n      - institution: Valley College\n        start_date: 2014-09\n        \
               end_date: 2018-06\n    experience:\n      - company: Fabrikam\n        position: CTO\n        \
               start_date: 2023-06\n        end_date: present\n      - company: Contoso\n        \
               position: Research Intern\n        start_date: 2022-05\n        end_date: 2022-08\n",
        kinds: "EEWW",
        months: 46,
    },
    Fixture {
        name: "date column split over two lines",
        text: "Experience\nJune 2020 – Developer, Acme, Boston\nPresent Working on search.\n\n\
               July 2015 – Developer, Initech, Austin\nMay 2020 Built the billing service.\n\n\
               Education\n2011 – 2015 Bachelor of Science, State University\n",
        kinds: "WWE",
        months: 137,
    },
    Fixture {
        name: "two-column text with a sidebar heading inside experience",
        text: "EXPERIENCE\nFullstack Engineer\n\nUniversity of Hill, 2016/09 - now\n\nTOOLS\n\n\
               Built a classroom app\nScientific Employee\n\n/ Git\n\nUniversity of Hill, 2012 - \
               2014\n\nEDUCATION\nUniversity of Hill, 2007 - 2012\nBachelor Studies\n",
        kinds: "WWE",
        months: 147,
    },
    Fixture {
        name: "entries listed together",
        text: "B.Sc. Chemistry, City University    2012-2015\n\
               Higher secondary, Green Valley College    2010-2012\n\
               Lab Technician\nQuality analyst, Pharma Ltd    2015-2017\n",
        kinds: "EEW",
        months: 24,
    },
    Fixture {
        name: "gaps are not filled",
        text: "Employment History\nAnalyst, Acme    2010 - 2012\nAnalyst, Beta    2015 - 2017\n",
        kinds: "WW",
        months: 48,
    },
    Fixture {
        name: "long flattened line: only words near the range count",
        text: "Summary: seasoned analyst with a degree in economics and a passion for data, who \
               enjoys mentoring, writing, public speaking, hiking, chess and volunteering at the \
               local library on weekends. Career: Analyst at Acme from Jan 2015 to Dec 2018, \
               then Lead Analyst at Beta Corp since Jan 2019.\n",
        kinds: "WW",
        months: 143,
    },
    Fixture {
        name: "academic year and semester",
        text: "Projects: Cooling fan controller, Academic Year: 2016-2017 (sem-5)\n\
               Work: Network Engineer, Acme    August 2018-Present\n",
        kinds: "EW",
        months: 100,
    },
    Fixture {
        name: "open start with months and a glued end",
        text: "PROFESSIONAL EXPERIENCE\nSoftware Developer | Initech | 3/2019–Present\n\
               Junior Developer | Initrode | 06/2017 - 02/2019\n\nEDUCATION\n\
               Diploma in Computer Engineering | City Polytechnic | 2014 - 2017\n",
        kinds: "WWE",
        months: 114,
    },
    Fixture {
        name: "flattened: a degree after the next bullet is not the job's",
        text: "Experience Data Scientist, Acme Jun 2019 - Dec 2021 • Built models in Python \
               Data Analyst, Beta Jul 2017 - May 2019 • Automated reports in R Education M.S. \
               Statistics, Ohio Valley University 2015 - 2017\n",
        kinds: "WWE",
        months: 31 + 23,
    },
    Fixture {
        name: "flattened: a degree after the next sentence is not the job's",
        text: "Experience: Backend Engineer, Acme (Nov 2018 - Oct 2021) - Wrote Java services. \
               Web Developer, Beta (Feb 2017 - Jan 2018) - Built PHP websites for small \
               businesses. Education: B.S. Computer Science, State University, 2012 - 2016.\n",
        kinds: "WWE",
        months: 36 + 12,
    },
];

#[test]
fn resume_fixtures() {
    let mut failures = Vec::new();
    for f in FIXTURES {
        let exp = Experience::from_text(f.text, ym(AS_OF));
        let kinds: String = exp
            .ranges
            .iter()
            .map(|r| match r.kind {
                RangeKind::Work => 'W',
                RangeKind::Education => 'E',
                RangeKind::Other => 'O',
            })
            .collect();
        if kinds != f.kinds || exp.months != f.months {
            let ranges: Vec<String> = exp
                .ranges
                .iter()
                .map(|r| format!("{:?} {}..{} {:?}", r.text(f.text), r.start, r.end, r.kind))
                .collect();
            failures.push(format!(
                "{}: kinds {kinds} (want {}), months {} (want {})\n    {}",
                f.name,
                f.kinds,
                exp.months,
                f.months,
                ranges.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn headings() {
    let cases: &[(&str, Option<Heading>)] = &[
        ("EDUCATION", Some(Heading::Education)),
        ("Education Details ", Some(Heading::Education)),
        ("## Academic Qualifications", Some(Heading::Education)),
        ("\\cvsection{Education}", Some(Heading::Education)),
        ("Études", Some(Heading::Education)),
        ("Work Experience:", Some(Heading::Work)),
        ("PROFESSIONAL EXPERIENCE", Some(Heading::Work)),
        ("## Projects", Some(Heading::Work)),
        ("Honors & Awards", Some(Heading::Other)),
        (
            "\\cvsection{Extracurricular Activity}",
            Some(Heading::Other),
        ),
        ("Skills", Some(Heading::Neutral)),
        ("# Jane Roe", Some(Heading::Neutral)),
        ("\\cvsubsection{Community}", None),
        ("### Acme Corp", None),
        ("summary:", None),
        ("Data Scientist", None),
        ("Academic Coordinator", None),
        ("Education: B.Sc. 2012", None),
        ("\\begin{cventries}", None),
        (
            "Experience in Python, SQL and Spark across many projects",
            None,
        ),
    ];
    for (line, want) in cases {
        assert_eq!(heading(line), *want, "{line:?}");
    }
}

#[test]
fn degree_and_school_words() {
    let cases: &[(&str, bool, bool, bool)] = &[
        // (line, degree, school, job)
        ("B.Sc.(Computer Science) Pune", true, false, false),
        ("B. A. LL. B. Law", true, false, false),
        ("BE in computer science", true, false, false),
        ("MS in Data Science", true, false, false),
        ("Master of Engineering", true, false, false),
        ("Bachelor’s Degree", true, false, false),
        ("S.S.C.   St. Mary's High School", true, true, false),
        ("GPA 3.8, coursework in ML", true, false, false),
        ("Scrum Master, MS Office, MA (Boston)", false, false, false),
        ("Research Assistant, Lakeside University", false, true, true),
        ("Worked at the college's library", false, true, true),
        ("Asst.Professor, Arts College", false, true, true),
    ];
    for (line, degree, school, job) in cases {
        let w = Words::of(std::iter::once(*line));
        assert_eq!(
            (w.degree, w.school, w.job),
            (*degree, *school, *job),
            "{line:?}"
        );
    }
}

#[test]
fn a_section_parser_can_replace_the_heuristic() {
    let text = "Acme 2016 - 2018\nHill University 2014 - 2016\n";
    let mut ranges = find_ranges(text, ym(AS_OF));
    assert!(ranges.iter().all(|r| r.kind == RangeKind::Work));
    ranges[0].kind = RangeKind::Other;
    let exp = Experience::from_ranges(ranges, ym(AS_OF));
    assert_eq!(exp.months, 24);
    assert_eq!(exp.work().count(), 1);
}

#[test]
fn years_round_to_one_decimal() {
    let exp = |months| Experience {
        as_of: ym(AS_OF),
        ranges: Vec::new(),
        months,
    };
    assert_eq!(exp(0).years(), 0.0);
    assert_eq!(exp(1).years(), 0.1);
    assert_eq!(exp(35).years(), 2.9);
    assert_eq!(exp(36).years(), 3.0);
    assert_eq!(exp(125).years(), 10.4);
}

#[test]
fn json_shape() {
    let exp = Experience::from_text("Acme  Jan 2019 – Present", ym("2020-06"));
    let v = serde_json::to_value(&exp).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "as_of": "2020-06",
            "years": 1.5,
            "months": 18,
            "ranges": [{
                "start": "2019-01",
                "end": "2020-06",
                "open": true,
                "year_only": false,
                "kind": "work",
                "span": {"start": 6, "end": 26},
                "line": 1
            }]
        })
    );
}

/// xorshift64*: a small deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "Jan",
    "May",
    "Sept.",
    "june",
    "2019",
    "2016",
    "1999",
    "2026",
    "2027",
    "19",
    "03",
    "3",
    "12",
    "31",
    "-",
    "–",
    "—",
    "\u{AD}",
    "~",
    "--",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "'",
    "’",
    "/",
    ".",
    ",",
    ":",
    "+",
    "(",
    ")",
    "{",
    "}",
    "\"",
    "Present",
    "till",
    "date",
    "to",
    "since",
    "onwards",
    "now",
    "16th",
    "th",
    "Exp.",
    "Summer",
    "start_date:",
    "end_date:",
    "\"endDate\":",
    "EDUCATION",
    "Experience",
    "# ",
    "\\section{",
    "\\cvsubsection{",
    "Honors",
    "B.Sc",
    "B.",
    "A.",
    "University",
    "engineer",
    "é",
    "ß",
    "日本",
    "🎉",
    "\u{0}",
    "\u{FEFF}",
    "\u{202E}",
    "Ｊａｎ",
    "２０１９",
    "٢٠١٩",
];

#[test]
fn never_panics_and_spans_are_sound() {
    let as_of = ym(AS_OF);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let mut text = String::new();
        let n = rng.below(60);
        for _ in 0..n {
            if rng.below(8) == 0 {
                // Any scalar value, including ones no piece covers.
                let c = char::from_u32(rng.next() as u32 % 0x11_0000).unwrap_or('\u{FFFD}');
                text.push(c);
            } else {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        if round % 3 == 0 {
            // Random bytes, decoded the way documents are.
            let bytes: Vec<u8> = (0..rng.below(80)).map(|_| rng.next() as u8).collect();
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
        let exp = Experience::from_text(&text, as_of);
        let mut work_months = 0;
        for r in &exp.ranges {
            assert!(
                r.span.start < r.span.end && r.span.end <= text.len(),
                "{text:?}"
            );
            assert!(
                text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end),
                "{text:?}"
            );
            assert_eq!(r.line, 1 + text[..r.span.start].matches('\n').count());
            assert!(r.start <= r.end && r.end <= as_of, "{text:?}");
            assert!(r.start.year() >= MIN_YEAR && r.months() >= 1);
            assert!(!r.open || r.end == as_of);
            if r.kind == RangeKind::Work {
                work_months += r.months();
            }
        }
        assert!(exp.months <= work_months);
        for w in exp.ranges.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{text:?}");
        }
        serde_json::to_string(&exp).unwrap();
    }
}

#[test]
fn pathological_inputs_stay_linear() {
    let as_of = ym(AS_OF);
    // Nested "since" must not recurse without bound.
    assert!(find_ranges(&"since ".repeat(50_000), as_of).is_empty());
    assert_eq!(
        find_ranges(&format!("{}2019", "since ".repeat(1000)), as_of).len(),
        1
    );
    let dashes = format!("2019 {}\n{}", "- ".repeat(50_000), "- ".repeat(1000));
    assert!(find_ranges(&dashes, as_of).is_empty());
    let many = format!("{}\n{}", "x".repeat(100_000), "2016-2018 ".repeat(5_000));
    let exp = Experience::from_text(&many, as_of);
    assert_eq!((exp.ranges.len(), exp.months), (5_000, 24));
}

#[test]
fn hand_made_ranges_do_not_panic() {
    // Public fields allow nonsense; nothing may panic on it.
    let r = DateRange {
        start: ym("2020-05"),
        end: ym("2019-01"),
        open: false,
        year_only: false,
        kind: RangeKind::Work,
        span: Range { start: 50, end: 10 },
        line: 99,
    };
    assert_eq!(r.months(), 0);
    assert_eq!(r.text("short"), "");
    let mut rs = vec![r];
    classify("short", &mut rs);
    assert_eq!(Experience::from_ranges(rs, ym(AS_OF)).months, 0);
}

// ---------------------------------------------------------------------------------------------
// Salary bands
// ---------------------------------------------------------------------------------------------

#[test]
fn builtin_salary_bands_are_valid_and_documented() {
    let b = SalaryBands::builtin();
    assert_eq!(b.file(), "lexicon/salary.toml");
    assert_eq!(b.currency(), "USD");
    assert!(b.source().contains("machine-learning") && b.source().contains("not advice"));
    let summary: Vec<(Seniority, f64, u64, u64, bool)> = b
        .bands()
        .iter()
        .map(|x| {
            (
                x.seniority,
                x.min_years,
                x.salary_min,
                x.salary_max,
                x.open_top,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (Seniority::Entry, 0.0, 90_000, 120_000, false),
            (Seniority::Mid, 3.0, 120_000, 150_000, false),
            (Seniority::Senior, 6.0, 150_000, 250_000, true),
        ]
    );
}

#[test]
fn seniority_thresholds() {
    let b = SalaryBands::builtin();
    for (months, want) in [
        (0, Seniority::Entry),
        (35, Seniority::Entry),
        (36, Seniority::Mid),
        (71, Seniority::Mid),
        (72, Seniority::Senior),
        (u32::MAX, Seniority::Senior),
    ] {
        assert_eq!(b.seniority(months), want, "{months} months");
    }
    assert_eq!(b.band_for(40).salary_min, 120_000);
    assert_eq!(b.band(Seniority::Senior).seniority, Seniority::Senior);
    let exp = Experience::from_text("Acme  2016 - 2018", ym(AS_OF));
    assert_eq!(b.seniority(exp.months), Seniority::Entry);
    assert_eq!(Seniority::Mid.to_string(), "mid");
    assert_eq!(
        serde_json::to_string(&Seniority::Senior).unwrap(),
        "\"senior\""
    );
}

const VALID: &str = "source = \"test\"\ncurrency = \"EUR\"\n\
    [[band]]\nseniority = \"entry\"\nmin_years = 0\nsalary_min = 1\nsalary_max = 2\n\
    [[band]]\nseniority = \"mid\"\nmin_years = 2.5\nsalary_min = 2\nsalary_max = 3\n\
    [[band]]\nseniority = \"senior\"\nmin_years = 5\nsalary_min = 3\nsalary_max = 4\n";

#[test]
fn salary_files_are_checked_and_errors_say_where() {
    let ok = SalaryBands::parse("s.toml", VALID).unwrap();
    assert_eq!(ok.currency(), "EUR");
    assert_eq!(ok.seniority(30), Seniority::Mid);
    assert_eq!(ok.seniority(29), Seniority::Entry);
    let cases: &[(&str, &str, &str)] = &[
        (
            "salary_max = 3\n[[band]]\nseniority = \"senior\"",
            "salary_max = 1\n[[band]]\nseniority = \"senior\"",
            "s.toml:9: salary band 'mid': salary_min (2) must be below salary_max (1)",
        ),
        (
            "min_years = 5",
            "min_years = 2",
            "s.toml:14: salary band 'senior': min_years (2) must be above mid's (2.5)",
        ),
        (
            "min_years = 0",
            "min_years = 1",
            "s.toml:4: salary band 'entry': min_years must be 0",
        ),
        (
            "currency = \"EUR\"",
            "currency = \"euro\"",
            "s.toml:2: currency 'euro' is not an ISO 4217 code",
        ),
        (
            "currency = \"EUR\"\n",
            "",
            "s.toml:1: missing field `currency`",
        ),
        (
            "source = \"test\"",
            "source = \" \"",
            "s.toml:1: `source` is empty",
        ),
        (
            "seniority = \"mid\"",
            "seniority = \"entry\"",
            "s.toml:9: salary band 'entry': defined twice",
        ),
        (
            "seniority = \"mid\"",
            "seniority = \"junior\"",
            "s.toml:9: unknown variant `junior`",
        ),
        (
            "salary_max = 4\n",
            "salary_max = 4\nbonus = 1\n",
            "s.toml:18: unknown field `bonus`",
        ),
        (
            "min_years = 2.5",
            "min_years = -1.0",
            "salary band 'mid': min_years must be a number of years, 0 or more",
        ),
    ];
    for (from, to, want) in cases {
        assert!(VALID.contains(from), "{from:?}");
        let text = VALID.replacen(from, to, 1);
        let got = SalaryBands::parse("s.toml", &text).unwrap_err().to_string();
        assert!(got.contains(want), "got: {got}\nwant: {want}");
    }
    let missing = VALID
        .split("[[band]]\nseniority = \"senior\"")
        .next()
        .unwrap();
    let got = SalaryBands::parse("s.toml", missing)
        .unwrap_err()
        .to_string();
    assert!(
        got.contains("s.toml: salary band 'senior': missing"),
        "{got}"
    );
}

#[test]
fn salary_files_load_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pay.toml");
    std::fs::write(&path, VALID).unwrap();
    let b = SalaryBands::load(&path).unwrap();
    assert_eq!(b.file(), path.display().to_string());
    assert_eq!(b.band(Seniority::Senior).salary_max, 4);
    let gone = dir.path().join("gone.toml");
    let e = SalaryBands::load(&gone).unwrap_err().to_string();
    assert!(e.starts_with(&gone.display().to_string()), "{e}");
    std::fs::write(&path, VALID.replace("salary_min = 3", "salary_min = 9")).unwrap();
    let e = SalaryBands::load(&path).unwrap_err().to_string();
    assert!(e.contains("pay.toml:14: salary band 'senior'"), "{e}");
}
