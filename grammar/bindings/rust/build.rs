fn main() {
    let src_dir = std::path::Path::new("src");

    let mut c_config = cc::Build::new();
    c_config.std("c11").include(src_dir);
    // The generated lexer has no internal tokens (the external scanner lexes
    // everything), which leaves one of its locals unused.
    c_config.flag_if_supported("-Wno-unused-but-set-variable");

    #[cfg(target_env = "msvc")]
    c_config.flag("-utf-8");

    if std::env::var("TARGET").unwrap() == "wasm32-unknown-unknown" {
        let Ok(wasm_headers) = std::env::var("DEP_TREE_SITTER_LANGUAGE_WASM_HEADERS") else {
            panic!(
                "Environment variable DEP_TREE_SITTER_LANGUAGE_WASM_HEADERS must be set by the language crate"
            );
        };

        c_config.include(&wasm_headers);
    }

    let parser_path = src_dir.join("parser.c");
    c_config.file(&parser_path);
    println!("cargo:rerun-if-changed={}", parser_path.to_str().unwrap());

    let scanner_path = src_dir.join("scanner.c");
    if scanner_path.exists() {
        c_config.file(&scanner_path);
        println!("cargo:rerun-if-changed={}", scanner_path.to_str().unwrap());
    }

    c_config.compile("tree-sitter-transcript");

    // One `with_<name>_query` cfg per query file present, so lib.rs exports
    // exactly the queries that exist.
    for name in ["highlights", "injections", "locals", "tags"] {
        println!("cargo:rustc-check-cfg=cfg(with_{name}_query)");
        if std::path::Path::new(&format!("queries/{name}.scm")).exists() {
            println!("cargo:rustc-cfg=with_{name}_query");
        }
    }
}
