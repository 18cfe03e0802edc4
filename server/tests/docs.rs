//! `docs/rules.md` is generated from the rules' doc comments; this test
//! fails when it is out of date. Regenerate with
//! `UPDATE_DOCS=1 cargo test -p transcript-ls --test docs`.

use transcript_ls::rules::{FixSafety, REGISTRY};

fn generate() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rules' doc comments by server/tests/docs.rs; do not edit. -->\n\n\
         | code | name | severity | fix | summary |\n| --- | --- | --- | --- | --- |\n",
    );
    let fix = |f: FixSafety| match f {
        FixSafety::None => "none",
        FixSafety::Safe => "safe",
        FixSafety::Unsafe => "unsafe",
    };
    for rule in REGISTRY {
        let summary = rule.summary().replace('\n', " ").replace('|', "\\|");
        out.push_str(&format!(
            "| [{code}](#{anchor}) | {name} | {sev} | {fix} | {summary} |\n",
            code = rule.code,
            anchor = format!("{}-{}", rule.code, rule.name).to_lowercase(),
            name = rule.name,
            sev = rule.severity.as_str(),
            fix = fix(rule.fix),
        ));
    }
    for rule in REGISTRY {
        out.push_str(&format!(
            "\n## {} {}\n\nDefault severity: {}. Fix: {}.\n\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            fix(rule.fix)
        ));
        // The doc's own headings sit one level below the rule's.
        for line in rule.doc().lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn rules_doc_is_generated_from_the_doc_comments() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules.md");
    let want = generate();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("docs/rules.md is writable");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is out of date: run `UPDATE_DOCS=1 cargo test -p transcript-ls --test docs`"
    );
}
