//! Runs the built binary and checks a few lines of its output.

use std::process::Command;

#[test]
fn report() {
    let out = Command::new(env!("CARGO_BIN_EXE_e2e-app")).output().unwrap();
    assert!(out.status.success(), "exit status {:?}", out.status);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("rejected: duplicate entry id 2"), "{stdout}");
    assert!(stdout.contains("rejected: entry 6 has a zero amount"), "{stdout}");
    assert!(stdout.contains("added entry 7"), "{stdout}");
    assert!(stdout.contains("cash       1150.86"), "{stdout}");
    assert!(stdout.contains("roundtrip ok"), "{stdout}");
}

#[test]
fn json_value_api() {
    let v: serde_json::Value = serde_json::from_str(r#"{"a":[1,2,{"b":null}],"c":"\u00e9"}"#).unwrap();
    assert_eq!(v["a"][2]["b"], serde_json::Value::Null);
    assert_eq!(v["c"], "é");
    assert_eq!(v.to_string(), r#"{"a":[1,2,{"b":null}],"c":"é"}"#);
}
