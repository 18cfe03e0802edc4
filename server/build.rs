//! Collects each lint rule's module doc comment (`//!` lines at the top of
//! `src/rules/<group>/<rule>.rs`) into a table, so the rule's documentation,
//! its hover text and `--explain` all come from the one comment; collects
//! each rule's code and name into another, so that the configuration and
//! suppression comments can name rules without depending on the rules
//! (which read the configuration); and
//! deflates the English dictionary that O011 reads, so the binary carries it
//! compressed.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    rule_docs();
    dictionary();
}

/// Deflates `data/dictionary/en_US.dic` into `OUT_DIR/en_US.dic.deflate`
/// (550 KB to about 200 KB); the `.aff` file is small and stays as it is.
fn dictionary() {
    let source = "data/dictionary/en_US.dic";
    println!("cargo::rerun-if-changed={source}");
    let dic = fs::read(source).expect("the dictionary is in data/dictionary");
    let deflated = miniz_oxide::deflate::compress_to_vec(&dic, 9);
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("en_US.dic.deflate");
    fs::write(dest, deflated).expect("OUT_DIR is writable");
}

fn rule_docs() {
    let rules = Path::new("src/rules");
    println!("cargo::rerun-if-changed=src/rules");
    let mut entries = Vec::new();
    let mut names = Vec::new();
    let mut groups: Vec<_> = fs::read_dir(rules)
        .expect("src/rules exists")
        .flatten()
        .collect();
    groups.sort_by_key(|e| e.path());
    for group in groups.into_iter().filter(|e| e.path().is_dir()) {
        println!("cargo::rerun-if-changed={}", group.path().display());
        let mut files: Vec<_> = fs::read_dir(group.path())
            .expect("rule group is readable")
            .flatten()
            .collect();
        files.sort_by_key(|e| e.path());
        for file in files {
            let path = file.path();
            if path.extension().is_none_or(|e| e != "rs")
                || path.file_stem().is_some_and(|s| s == "mod")
            {
                continue;
            }
            println!("cargo::rerun-if-changed={}", path.display());
            let source = fs::read_to_string(&path).expect("rule file is readable");
            let doc: Vec<&str> = source
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .map(|l| {
                    l.strip_prefix("//! ")
                        .unwrap_or(l.trim_start_matches("//!"))
                })
                .collect();
            let module = format!(
                "transcript_ls::rules::{}::{}",
                group.file_name().to_string_lossy(),
                path.file_stem().unwrap().to_string_lossy()
            );
            entries.push((module, doc.join("\n")));
            names.push((field(&source, "code"), field(&source, "name")));
        }
    }
    let mut out = String::from(
        "/// Each rule module's path and its doc comment.\npub(crate) const RULE_DOCS: &[(&str, &str)] = &[\n",
    );
    for (module, doc) in entries {
        writeln!(out, "    ({module:?}, {doc:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("rule_docs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");

    names.sort();
    let mut out = String::from(
        "/// Each rule's code and name, in code order.\npub const RULE_NAMES: &[(&str, &str)] = &[\n",
    );
    for (code, name) in names {
        writeln!(out, "    ({code:?}, {name:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("rule_names.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// The string value of `key: "..."` in a rule file's `RULE` static.
fn field(source: &str, key: &str) -> String {
    let rule = source
        .find("static RULE: Rule = Rule {")
        .expect("every rule file defines `static RULE: Rule = Rule { ... }`");
    let at = source[rule..]
        .find(&format!("\n    {key}: \""))
        .unwrap_or_else(|| panic!("the rule's `{key}` is a string literal"))
        + rule;
    let value = &source[at..];
    let value = &value[value.find('"').unwrap() + 1..];
    value[..value.find('"').unwrap()].to_string()
}
