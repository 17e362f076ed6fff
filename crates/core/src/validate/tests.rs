//! Validation on good data and on each kind of bad data.

use super::*;
use serde_json::{json, Value};

fn refs() -> Value {
    json!({
        "schema": "poles-explorer/referentiels", "schema_version": 1,
        "data_version": "t.1", "compiled_at": "2026-11-26",
        "funders": [
            {"id": "FUI", "label": "FUI", "name": "Fonds unique interministériel", "kind": "etat"},
            {"id": "Region", "label": "Région", "name": "Conseil régional", "kind": "collectivite"}
        ],
        "themes": [{"id": "agroalimentaire", "label": "Agroalimentaire"}, {"id": "numerique", "label": "Numérique"}],
        "regions": [{"code": "27", "name": "Bourgogne-Franche-Comté"}, {"code": "11", "name": "Île-de-France"}],
        "departements": [{"code": "21", "name": "Côte-d'Or", "region": "27"}]
    })
}

fn pole(id: &str) -> Value {
    json!({
        "id": id, "name": format!("Pôle {id}"), "short_name": null, "former_names": [],
        "website": "https://example.org", "hq": {"city": "Dijon", "insee_commune": "21231", "lat": 47.3, "lon": 5.0, "precision": "commune"},
        "regions": ["27"], "themes": ["agroalimentaire"], "phases": ["2023-2026"], "phase_v_status": null,
        "category_2013": "national", "status": {"code": "actif", "label": "actif"}, "description": "Un pôle.",
        "members": {"count": 300, "year": 2024, "source": "https://example.org/m"},
        "predecessor_ids": [], "successor_id": null, "sources": ["https://example.org/s"], "notes": null
    })
}

fn project(id: &str) -> Value {
    json!({
        "id": id, "acronym": id.to_uppercase(), "title": null, "summary": "Un projet.", "kind": "rd",
        "poles": ["vitagora"], "unresolved_poles": [], "lead": null, "partners": ["A", "B"], "partner_locations": ["Dijon (21)"],
        "territory": {"regions": ["27"], "departements": ["21"], "basis": "partners"},
        "keywords": ["nutrition"], "themes": ["agroalimentaire"], "themes_basis": "keywords",
        "year": 2012, "call": "FUI AAP 14",
        "funding": [{"funder": "FUI", "amount_eur": null, "note": null}, {"funder": "Region", "amount_eur": 120000, "note": "Région"}],
        "total_budget_eur": 1000000, "status": null, "sources": ["https://example.org/p"], "notes": null
    })
}

fn file(schema: &str, key: &str, items: Vec<Value>) -> String {
    json!({"schema": schema, "schema_version": 1, "data_version": "t.1", "compiled_at": "2026-11-26", key: items}).to_string()
}

fn poles_file(items: Vec<Value>) -> String {
    file("poles-explorer/poles", "poles", items)
}

fn projects_file(items: Vec<Value>) -> String {
    file("poles-explorer/projects", "projects", items)
}

fn load(poles: Vec<Value>, projects: Vec<Value>) -> Loaded {
    load_all(&refs().to_string(), &poles_file(poles), &projects_file(projects)).expect("files are well formed")
}

fn has_problem(l: &Loaded, sev: Severity, file: &str, record: &str, field: &str) -> bool {
    l.problems.iter().any(|p| p.severity == sev && p.file == file && p.record.as_deref() == Some(record) && p.field.as_deref() == Some(field))
}

#[test]
fn good_data_loads_without_problems() {
    let l = load(vec![pole("vitagora")], vec![project("a"), project("b")]);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert_eq!(l.dataset.poles.len(), 1);
    assert_eq!(l.dataset.projects.len(), 2);
    let p = l.dataset.project("b").unwrap();
    assert_eq!(p.acronym, "B");
    assert_eq!(p.funding[0].amount_eur, None);
    assert_eq!(p.funding[1].amount_eur, Some(120000.0));
    assert_eq!(p.published_funding(), (120000.0, 1));
    assert_eq!(p.territory.basis, Some(TerritoryBasis::Partners));
    let v = l.dataset.pole("vitagora").unwrap();
    assert!(v.is_labelled());
    assert_eq!(v.members.as_ref().unwrap().count, 300);
    assert_eq!(l.dataset.meta.as_ref().unwrap().data_version, "t.1");
}

#[test]
fn wrong_type_on_required_field_rejects_only_that_record() {
    let mut bad = project("bad");
    bad["acronym"] = json!(42);
    let l = load(vec![pole("vitagora")], vec![project("a"), bad]);
    assert_eq!(l.dataset.projects.len(), 1);
    assert!(has_problem(&l, Severity::Error, "projects.json", "bad", "acronym"));
    let msg = &l.problems[0].to_string();
    assert!(msg.contains("projects.json") && msg.contains("bad") && msg.contains("acronym"), "{msg}");
}

#[test]
fn wrong_type_on_optional_field_keeps_the_record() {
    let mut p = project("a");
    p["year"] = json!("deux mille");
    p["total_budget_eur"] = json!(-5);
    p["funding"][1]["amount_eur"] = json!("beaucoup");
    let l = load(vec![pole("vitagora")], vec![p]);
    let p = l.dataset.project("a").expect("kept");
    assert_eq!(p.year, None);
    assert_eq!(p.total_budget_eur, None);
    assert_eq!(p.funding[1].amount_eur, None, "a bad amount is not published, never zero");
    assert!(has_problem(&l, Severity::Warning, "projects.json", "a", "year"));
    assert!(has_problem(&l, Severity::Warning, "projects.json", "a", "total_budget_eur"));
    assert!(has_problem(&l, Severity::Warning, "projects.json", "a", "funding[1].amount_eur"));
}

#[test]
fn missing_field_rejects_the_record() {
    let mut p = project("a");
    p.as_object_mut().unwrap().remove("sources");
    let mut q = pole("other");
    q.as_object_mut().unwrap().remove("name");
    let l = load(vec![pole("vitagora"), q], vec![p, project("b")]);
    assert!(has_problem(&l, Severity::Error, "projects.json", "a", "sources"));
    assert!(has_problem(&l, Severity::Error, "poles.json", "other", "name"));
    assert_eq!(l.dataset.projects.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(l.dataset.poles.len(), 1);
}

#[test]
fn record_without_id_is_named_by_position() {
    let mut p = project("x");
    p.as_object_mut().unwrap().remove("id");
    let l = load(vec![pole("vitagora")], vec![project("a"), p, json!("pas un objet")]);
    assert!(has_problem(&l, Severity::Error, "projects.json", "#1", "id"));
    assert!(l.problems.iter().any(|p| p.record.as_deref() == Some("#2") && p.field.is_none()));
    assert_eq!(l.dataset.projects.len(), 1);
}

#[test]
fn unknown_references_are_dropped_with_a_warning() {
    let mut p = project("a");
    p["poles"] = json!(["vitagora", "pole-fantome"]);
    p["funding"] = json!([{"funder": "FUI", "amount_eur": null}, {"funder": "Mecene", "amount_eur": 10}]);
    p["territory"]["regions"] = json!(["27", "99"]);
    p["territory"]["departements"] = json!(["21", "2C"]);
    p["themes"] = json!(["agroalimentaire", "astrologie"]);
    let mut q = pole("vitagora");
    q["regions"] = json!(["27", "00"]);
    q["successor_id"] = json!("nulle-part");
    let l = load(vec![q], vec![p]);
    let p = l.dataset.project("a").expect("kept");
    assert_eq!(p.poles, ["vitagora"]);
    assert_eq!(p.funding.len(), 1);
    assert_eq!(p.territory.regions, ["27"]);
    assert_eq!(p.territory.departements, ["21"]);
    assert_eq!(p.themes, ["agroalimentaire"]);
    for field in ["poles", "funding[1].funder", "territory.regions", "territory.departements", "themes"] {
        assert!(has_problem(&l, Severity::Warning, "projects.json", "a", field), "{field}: {:?}", l.problems);
    }
    assert!(has_problem(&l, Severity::Warning, "poles.json", "vitagora", "regions"));
    assert!(has_problem(&l, Severity::Warning, "poles.json", "vitagora", "successor_id"));
    assert_eq!(l.dataset.pole("vitagora").unwrap().successor_id, None);
}

#[test]
fn duplicate_ids_keep_the_first_record() {
    let mut second = project("a");
    second["acronym"] = json!("SECOND");
    let l = load(vec![pole("vitagora"), pole("vitagora")], vec![project("a"), second]);
    assert_eq!(l.dataset.projects.len(), 1);
    assert_eq!(l.dataset.project("a").unwrap().acronym, "A");
    assert_eq!(l.dataset.poles.len(), 1);
    assert!(has_problem(&l, Severity::Error, "projects.json", "a", "id"));
    assert!(has_problem(&l, Severity::Error, "poles.json", "vitagora", "id"));
}

#[test]
fn wrong_schema_version_is_a_file_error() {
    for v in [0, 3] {
        let text = json!({"schema_version": v, "projects": []}).to_string();
        let e = load_all(&refs().to_string(), &poles_file(vec![pole("vitagora")]), &text).unwrap_err();
        assert_eq!(e.file, "projects.json");
        assert_eq!(e.kind, FileErrorKind::Schema { found: Some(v.to_string()) });
        assert!(e.to_string().contains("version"));
    }
    let text = json!({"projects": []}).to_string();
    let e = load_all(&refs().to_string(), &poles_file(vec![]), &text).unwrap_err();
    assert_eq!(e.kind, FileErrorKind::Schema { found: None });
}

#[test]
fn reads_the_pole_role_of_schema_2_and_files_of_schema_1_without_it() {
    let mut partner = project("a");
    partner["pole_role"] = json!("partenaire");
    let mut odd = project("b");
    odd["pole_role"] = json!("sponsor");
    let mut unknown = project("c");
    unknown["pole_role"] = Value::Null;
    let v2 = json!({"schema_version": 2, "projects": [partner, odd, unknown]}).to_string();
    let l = load_all(&refs().to_string(), &poles_file(vec![pole("vitagora")]), &v2).unwrap();
    let role = |id| l.dataset.project(id).unwrap().pole_role;
    assert_eq!(role("a"), Some(PoleRole::Partenaire));
    assert_eq!(role("b"), None, "an unknown role is not guessed");
    assert!(has_problem(&l, Severity::Warning, "projects.json", "b", "pole_role") || has_problem(&l, Severity::Error, "projects.json", "b", "pole_role"));
    assert_eq!(role("c"), None);
    assert!(!l.problems.iter().any(|p| p.record.as_deref() == Some("c")), "null is the documented unknown");
    // Schema 1 (no pole_role): every role unknown, nothing reported.
    let l = load(vec![pole("vitagora")], vec![project("a")]);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert_eq!(l.dataset.project("a").unwrap().pole_role, None);
}

#[test]
fn broken_files_are_file_errors() {
    let r = refs().to_string();
    let e = load_all(&r, "", "").unwrap_err();
    assert_eq!((e.file.as_str(), e.kind), ("poles.json", FileErrorKind::Empty));
    let e = load_all(&r, &poles_file(vec![])[..40], "").unwrap_err();
    assert!(matches!(e.kind, FileErrorKind::Json(ref m) if m.contains("tronqué")), "{e}");
    let e = load_all(&r, "<!DOCTYPE html><html>", "").unwrap_err();
    assert!(matches!(e.kind, FileErrorKind::Json(_)));
    let e = load_all(&r, "[1,2]", "").unwrap_err();
    assert!(matches!(e.kind, FileErrorKind::Shape(_)));
    let e = load_all(&r, &json!({"schema_version": 1, "poles": {}}).to_string(), "").unwrap_err();
    assert!(matches!(e.kind, FileErrorKind::Shape(ref m) if m.contains("poles")));
}

#[test]
fn a_bom_is_accepted() {
    let text = format!("\u{FEFF}{}", poles_file(vec![pole("vitagora")]));
    let l = load_all(&refs().to_string(), &text, &projects_file(vec![])).unwrap();
    assert_eq!(l.dataset.poles.len(), 1);
}

#[test]
fn http_checks() {
    assert!(check_response("poles.json", 200, Some("application/json")).is_ok());
    assert!(check_response("poles.json", 200, Some("application/json; charset=utf-8")).is_ok());
    let e = check_response("poles.json", 200, Some("text/html")).unwrap_err();
    assert!(matches!(e.kind, FileErrorKind::ContentType(_)));
    assert!(e.to_string().contains("HTML"));
    let e = check_response("poles.json", 404, Some("text/html")).unwrap_err();
    assert_eq!(e.kind, FileErrorKind::Http(404));
    assert!(e.to_string().contains("introuvable"));
    assert!(check_response("poles.json", 200, None).is_err());
}

#[test]
fn mismatched_editions_are_reported() {
    let poles = poles_file(vec![pole("vitagora")]).replace("\"t.1\"", "\"t.2\"");
    let l = load_all(&refs().to_string(), &poles, &projects_file(vec![])).unwrap();
    assert!(l.problems.iter().any(|p| p.file == "poles.json" && p.field.as_deref() == Some("data_version")));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Arbitrary text never panics the loader.
        #[test]
        fn arbitrary_text_never_panics(s in ".{0,200}") {
            let _ = load_all(&s, &s, &s);
            let _ = load_all(&refs().to_string(), &s, &s);
        }

        /// Arbitrary JSON values in any project field never panic and never lose the other records.
        #[test]
        fn arbitrary_field_values_never_lose_valid_records(field in prop::sample::select(vec![
            "id", "acronym", "title", "summary", "kind", "poles", "territory", "funding", "year", "themes", "sources", "total_budget_eur",
        ]), v in prop_oneof![
            Just(json!(null)), Just(json!(-1)), Just(json!(1e300)), Just(json!("")), Just(json!("x")),
            Just(json!([])), Just(json!([1, "a", null])), Just(json!({})), Just(json!(true)),
        ]) {
            let mut odd = project("odd");
            odd[field] = v;
            let l = load(vec![pole("vitagora")], vec![project("a"), odd, project("b")]);
            prop_assert!(l.dataset.project("a").is_some());
            prop_assert!(l.dataset.project("b").is_some());
        }
    }
}

#[test]
fn hostile_numbers_and_nesting_are_reported_not_panicking() {
    // Too deep: the reader's nesting limit gives a file error, never a stack overflow.
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let e = load_all(&refs().to_string(), &deep, "").unwrap_err();
    assert!(matches!(e.kind, FileErrorKind::Json(ref m) if m.contains("imbrication")), "{e}");
    // A number too large for a double: only that value is refused (the amount becomes
    // "non publié", with a warning naming the record and the field); every record is kept.
    let text = projects_file(vec![project("a"), project("b")]).replace("120000", "1e400");
    let l = load_all(&refs().to_string(), &poles_file(vec![pole("vitagora")]), &text).unwrap();
    assert!(l.dataset.project("a").is_some() && l.dataset.project("b").is_some());
    let p = l.problems.iter().find(|p| p.record.as_deref() == Some("a")).expect("a warning for record a");
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.field.as_deref(), Some("funding[1].amount_eur"));
    assert!(p.to_string().contains("projects.json"), "{p}");
    assert!(l.dataset.project("a").unwrap().funding[1].amount_eur.is_none());
}

#[test]
fn encodings_are_checked_on_the_bytes() {
    let good = || (refs().to_string().into_bytes(), poles_file(vec![pole("vitagora")]).into_bytes());
    // Windows-1252 "é" (0xE9) in the middle of the projects file: named, with its position.
    let mut text = projects_file(vec![project("a")]).into_bytes();
    let at = text.iter().position(|&b| b == b'U').unwrap(); // "Un projet."
    text[at] = 0xE9;
    let (r, p) = good();
    let e = load_all_bytes(r, p, text).unwrap_err();
    assert_eq!(e.file, "projects.json");
    assert_eq!(e.kind, FileErrorKind::Encoding(Some(at)));
    assert!(e.to_string().contains("UTF-8") && e.to_string().contains(&at.to_string()), "{e}");
    // UTF-16 (byte order mark FF FE).
    let (r, p) = good();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{}".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    assert_eq!(load_all_bytes(r, p, utf16).unwrap_err().kind, FileErrorKind::Encoding(None));
    // A UTF-8 byte order mark is dropped; an empty file is named.
    let (r, p) = good();
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], projects_file(vec![project("a")]).as_bytes()].concat();
    assert_eq!(load_all_bytes(r, p, with_bom).unwrap().dataset.projects.len(), 1);
    let (r, _) = good();
    let e = load_all_bytes(r, Vec::new(), Vec::new()).unwrap_err();
    assert_eq!((e.file.as_str(), e.kind), ("poles.json", FileErrorKind::Empty));
}

#[test]
fn nan_and_infinity_are_not_json() {
    for lit in ["NaN", "Infinity", "-Infinity"] {
        let text = projects_file(vec![project("a")]).replace("120000", lit);
        let e = load_all(&refs().to_string(), &poles_file(vec![pole("vitagora")]), &text).unwrap_err();
        assert!(matches!(e.kind, FileErrorKind::Json(ref m) if m.contains("ligne 1, colonne")), "{lit}: {e}");
    }
}

/// A 50 MB projects file with a bad record every 1,000: every valid record is kept, each bad one
/// is named (release: about 0.3 s; debug: a few seconds).
#[test]
fn a_50_mb_file_keeps_every_valid_record() {
    let long = "Résumé très long d'un projet collaboratif, avec des accents et des « guillemets ». ".repeat(24);
    let mut items = Vec::new();
    let mut text_len = 0;
    let mut bad = 0;
    let mut i = 0;
    while text_len < 50_000_000 {
        let mut p = project(&format!("p{i}"));
        p["summary"] = json!(long);
        if i % 1000 == 999 {
            bad += 1;
            if bad % 2 == 0 {
                p["id"] = json!("p0")
            } else {
                p["acronym"] = json!([1, 2])
            }
        }
        text_len += p.to_string().len() + 1;
        items.push(p);
        i += 1;
    }
    let text = projects_file(items);
    assert!(text.len() >= 50_000_000);
    let l = load_all(&refs().to_string(), &poles_file(vec![pole("vitagora")]), &text).unwrap();
    assert_eq!(l.dataset.projects.len(), i - bad);
    assert_eq!(l.problems.iter().filter(|p| p.severity == Severity::Error).count(), bad);
    assert!(has_problem(&l, Severity::Error, "projects.json", "p0", "id"));
    assert!(has_problem(&l, Severity::Error, "projects.json", "p999", "acronym"));
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
        let _ = load_all_bytes(refs().to_string().into_bytes(), bytes.clone(), bytes);
    }

    #[test]
    fn corrupted_files_never_panic(cuts in proptest::collection::vec((0usize..4000, proptest::prelude::any::<u8>()), 1..8)) {
        let mut text = projects_file(vec![project("a"), project("b")]).into_bytes();
        for (at, b) in cuts {
            let at = at % text.len();
            text[at] = b;
        }
        let _ = load_all_bytes(refs().to_string().into_bytes(), poles_file(vec![pole("vitagora")]).into_bytes(), text);
    }
}

#[test]
fn a_damaged_projects_file_leaves_the_poles_usable_and_the_reverse() {
    let r = || Ok(refs().to_string());
    let poles = || Ok(poles_file(vec![pole("vitagora"), pole("axelera")]));
    let projects = || Ok(projects_file(vec![project("a"), project("b")]));
    let truncated = projects_file(vec![project("a"), project("b")])[..300].to_string();
    let too_deep = format!("{{\"schema_version\": 2, \"projects\": [{}1{}]}}", "[".repeat(200), "]".repeat(200));
    for bad in [truncated, String::new(), "<!DOCTYPE html><html></html>".to_string(), too_deep] {
        let a = load_available(r(), poles(), Ok(bad.clone())).expect("the pôles load");
        assert_eq!(a.loaded.dataset.poles.len(), 2, "{bad:.40}");
        assert!(a.loaded.dataset.projects.is_empty());
        assert_eq!(a.file_errors.len(), 1);
        assert_eq!(a.error_of("projects.json").map(|e| e.file.as_str()), Some("projects.json"));
        assert!(a.loaded.problems.iter().all(|p| p.file != "projects.json"), "no problem of a file that is not shown");
    }
    // A fetch error counts the same.
    let missing = FileError { file: "projects.json".into(), kind: FileErrorKind::Http(404) };
    assert!(load_available(r(), poles(), Err(missing)).unwrap().error_of("projects.json").is_some());
    // poles.json unusable: the projects stay, with their pôle ids as they are.
    let a = load_available(r(), Ok("{\"schema_version\": 2, \"poles\": [".into()), projects()).expect("the projects load");
    assert!(a.error_of("poles.json").is_some());
    assert_eq!(a.loaded.dataset.projects.len(), 2);
    assert_eq!(a.loaded.dataset.project("a").unwrap().poles, ["vitagora"], "ids kept without a pôle record");
    assert!(a.loaded.problems.is_empty(), "{:?}", a.loaded.problems);
    // referentiels.json is indispensable; load_all still wants every file.
    assert_eq!(load_available(Ok("".into()), poles(), projects()).unwrap_err().file, "referentiels.json");
    assert_eq!(load_all(&refs().to_string(), &poles_file(vec![]), "").unwrap_err().file, "projects.json");
}
