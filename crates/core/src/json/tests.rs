//! The JSON reader against serde_json (the oracle) and on each kind of bad input.
use super::*;
use proptest::prelude::*;

/// Converts serde_json's tree (the oracle) into ours.
fn from_serde(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(Number(n.as_f64().unwrap_or(f64::NAN))),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Array(a.iter().map(from_serde).collect()),
        serde_json::Value::Object(o) => {
            let mut m: Vec<(String, Value)> = o.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect();
            m.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(Map(m))
        }
    }
}

/// Ours with object members sorted (serde_json's map sorts them).
fn sorted(v: Value) -> Value {
    match v {
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        Value::Object(Map(m)) => {
            let mut m: Vec<(String, Value)> = m.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            m.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(Map(m))
        }
        v => v,
    }
}

/// Equal trees, numbers within a relative 1e-12 (exact for short decimals, tested
/// apart).
fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.0 == y.0 || (x.0 - y.0).abs() <= 1e-12 * x.0.abs().max(y.0.abs()),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b)),
        (Value::Object(x), Value::Object(y)) => x.0.len() == y.0.len() && x.0.iter().zip(&y.0).all(|((k, a), (l, b))| k == l && close(a, b)),
        _ => a == b,
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        (-1e300f64..1e300).prop_map(|x| serde_json::json!(x)),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-zé\"\\\\]{0,6}", inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_what_serde_json_writes(v in arb_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
        let ours = from_str(&text).map_err(|e| TestCaseError::fail(format!("{e} in {text}")))?;
        prop_assert!(close(&sorted(ours.clone()), &from_serde(&v)), "{:?} vs {:?}", ours, v);
    }

    #[test]
    fn accepts_and_refuses_like_serde_json(text in "[\\[\\]{}\":,0-9a-z.eE+\\-\\\\ \n]{0,24}") {
        let ours = from_str(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?} vs {:?}", ours, theirs);
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            prop_assert!(close(&sorted(a.clone()), &from_serde(&b)), "{:?} vs {:?}", a, b);
        }
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,64}") {
        let _ = from_str(&text);
    }
}

#[test]
fn escapes_and_unicode() {
    let v = from_str(r#"{"a":"\u00e9t\u00E9 \ud83d\ude00 \"q\" \\ \/ \n","b":[1,-2.5e3,0,true,false,null]}"#).unwrap();
    assert_eq!(v.get("a").and_then(Value::as_str), Some("été 😀 \"q\" \\ / \n"));
    assert_eq!(v.get("b").unwrap().to_string(), "[1,-2500,0,true,false,null]");
    assert!(from_str(r#""\ud83d""#).is_err(), "a lone surrogate is refused");
}

#[test]
fn errors_say_where_and_why() {
    let e = from_str("{\n  \"a\": [1, 2,\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Eof);
    assert_eq!(e.line, 3);
    let e = from_str("{\n  \"é\": tru }").unwrap_err();
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::Syntax, 2, 8));
    assert_eq!(from_str("[1] x").unwrap_err().kind, ErrorKind::Syntax);
    assert_eq!(from_str("").unwrap_err().kind, ErrorKind::Eof);
    assert_eq!(from_str("nul").unwrap_err().kind, ErrorKind::Eof);
    assert_eq!(from_str(&"[".repeat(MAX_DEPTH + 1)).unwrap_err().kind, ErrorKind::TooDeep);
    assert!(from_str(&("[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH))).is_ok());
    assert_eq!(from_str("[01]").unwrap_err().kind, ErrorKind::Syntax);
    assert_eq!(from_str("[1.]").unwrap_err().kind, ErrorKind::Syntax);
    assert_eq!(from_str("\"a\u{1}\"").unwrap_err().kind, ErrorKind::Syntax);
}

#[test]
fn out_of_range_numbers_are_infinite_not_errors() {
    let v = from_str("[1e400, -1e400, 1e-400]").unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a[0].as_f64(), Some(f64::INFINITY));
    assert_eq!(a[1].as_f64(), Some(f64::NEG_INFINITY));
    assert_eq!(a[2].as_f64(), Some(0.0));
    assert_eq!(Number(3.0).as_u64(), Some(3));
    assert_eq!(Number(3.5).as_u64(), None);
    assert_eq!(Number(-1.0).as_u64(), None);
}

proptest! {
    #[test]
    fn short_decimals_are_exact(int in 0u64..1_000_000_000, frac in 0u32..1_000_000, neg in any::<bool>(), e in -22i32..=22) {
        let text = format!("{}{int}.{frac:06}", if neg { "-" } else { "" });
        let x = decimal_to_f64(text.as_bytes());
        prop_assert_eq!(x, text.parse::<f64>().unwrap(), "{}", text);
        let text = format!("{int}e{e}");
        prop_assert_eq!(decimal_to_f64(text.as_bytes()), text.parse::<f64>().unwrap(), "{}", text);
    }
}

#[test]
fn numbers_print_for_messages() {
    let show = |x: f64| Number(x).to_string();
    assert_eq!(show(12.0), "12");
    assert_eq!(show(-5.0), "-5");
    assert_eq!(show(2.5), "2.5");
    assert_eq!(show(-0.125), "-0.125");
    assert_eq!(show(0.0000001), "0");
    assert_eq!(show(f64::INFINITY), "1e999");
    assert_eq!(show(1.5e20), "1e15+");
}

#[test]
fn streaming_hands_over_the_list_items_in_order() {
    let mut got = Vec::new();
    let v = from_str_streaming(r#"{"a": 1, "items": [ {"x": 1}, [2], "3" ], "b": {"items": [9]}}"#, "items", &mut |i| got.push(i.to_string())).unwrap();
    assert_eq!(got, [r#"{"x":1}"#, "[2]", "\"3\""]);
    assert_eq!(v.get("items").and_then(Value::as_array).map(Vec::len), Some(0));
    assert_eq!(v.get("b").unwrap().to_string(), r#"{"items":[9]}"#, "only the top-level list is streamed");
    assert!(from_str_streaming(r#"{"items": [1, 2"#, "items", &mut |_| {}).is_err());
    assert!(from_str_streaming(r#"{"items": []}"#, "items", &mut |_| panic!("no item")).is_ok());
}

#[test]
fn the_last_of_repeated_keys_counts() {
    assert_eq!(from_str(r#"{"a":1,"a":2}"#).unwrap().get("a").and_then(Value::as_u64), Some(2));
}
