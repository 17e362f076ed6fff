//! Loading the three data files together. Only `referentiels.json` is indispensable: when
//! `poles.json` or `projects.json` cannot be used, the other is still loaded and the file's error
//! is kept for the page that needed it (one damaged file never hides another).

use super::{decode_text, load_poles, load_projects_with, load_referentiels, FileError, Problem, Severity};
use crate::model::{Dataset, Meta};
use crate::DATA_FILES;

/// The outcome of loading the three files.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// What could be loaded, and the error of each data file that could not (`poles.json`,
/// `projects.json`; their records are then absent from the dataset).
#[derive(Debug, Clone)]
pub struct Available {
    pub loaded: Loaded,
    pub file_errors: Vec<FileError>,
}

impl Available {
    /// The error of a data file, if it could not be used.
    pub fn error_of(&self, file: &str) -> Option<&FileError> {
        self.file_errors.iter().find(|e| e.file == file)
    }
}

/// Validates the files (each given as its text or the error met while fetching it). An error of
/// `referentiels.json` stops the load; an error of `poles.json` or `projects.json` leaves that
/// file's records out and is returned beside the rest. Record problems are collected and the
/// valid records kept.
pub fn load_available(
    referentiels: Result<String, FileError>,
    poles: Result<String, FileError>,
    projects: Result<String, FileError>,
) -> Result<Available, FileError> {
    let mut problems = Vec::new();
    let mut file_errors = Vec::new();
    let (refs, meta_r) = load_referentiels(&referentiels?, &mut problems)?;
    // The problems of a file that turns out unusable are dropped with its records.
    let before = problems.len();
    let (pole_list, meta_p) = match poles.and_then(|text| load_poles(&text, &refs, &mut problems)) {
        Ok(x) => x,
        Err(e) => {
            problems.truncate(before);
            file_errors.push(e);
            (Vec::new(), None)
        }
    };
    let pole_ids: std::collections::HashSet<&str> = pole_list.iter().map(|p| p.id.as_str()).collect();
    let poles_missing = !file_errors.is_empty();
    let known_pole = |id: &str| poles_missing || pole_ids.contains(id);
    let before = problems.len();
    let (project_list, meta_j) = match projects.and_then(|text| load_projects_with(&text, &refs, &known_pole, &mut problems)) {
        Ok(x) => x,
        Err(e) => {
            problems.truncate(before);
            file_errors.push(e);
            (Vec::new(), None)
        }
    };
    for (file, m) in [("poles.json", &meta_p), ("projects.json", &meta_j)] {
        if let (Some(a), Some(b)) = (&meta_r, m) {
            if a.data_version != b.data_version {
                problems.push(Problem {
                    severity: Severity::Warning,
                    file: file.into(),
                    record: None,
                    field: Some("data_version".into()),
                    message: format!(
                        "version des données « {} » différente de celle de referentiels.json (« {} ») : les fichiers ne viennent pas de la même édition",
                        b.data_version, a.data_version
                    ),
                });
            }
        }
    }
    let meta: Option<Meta> = meta_r.or(meta_p).or(meta_j);
    Ok(Available { loaded: Loaded { dataset: Dataset::new(meta, refs, pole_list, project_list), problems }, file_errors })
}

/// `load_available` from the bytes of the three files (what the app fetches).
pub fn load_available_bytes(
    referentiels: Result<Vec<u8>, FileError>,
    poles: Result<Vec<u8>, FileError>,
    projects: Result<Vec<u8>, FileError>,
) -> Result<Available, FileError> {
    let [r, p, j] = DATA_FILES;
    load_available(referentiels.and_then(|b| decode_text(r, b)), poles.and_then(|b| decode_text(p, b)), projects.and_then(|b| decode_text(j, b)))
}

/// Validates the three files (texts in `DATA_FILES` order) into a dataset: any file error stops
/// the load (the converter and the import tool need every file).
pub fn load_all(referentiels: &str, poles: &str, projects: &str) -> Result<Loaded, FileError> {
    let a = load_available(Ok(referentiels.into()), Ok(poles.into()), Ok(projects.into()))?;
    match a.file_errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(a.loaded),
    }
}

/// `load_all` from the bytes of the three files.
pub fn load_all_bytes(referentiels: Vec<u8>, poles: Vec<u8>, projects: Vec<u8>) -> Result<Loaded, FileError> {
    let a = load_available_bytes(Ok(referentiels), Ok(poles), Ok(projects))?;
    match a.file_errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(a.loaded),
    }
}
