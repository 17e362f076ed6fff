//! Free text to ids: pôle names (`PoleMatcher`) and keywords to themes (`ThemeRules`).

use crate::{get_list, get_str};
use poles_core::text::fold_words;
use serde_json::Value;
use std::collections::HashMap;

/// Resolves free-text pôle names to pôle ids.
pub struct PoleMatcher {
    aliases: HashMap<String, String>,
    primary: HashMap<String, Vec<String>>,
    former: HashMap<String, Vec<String>>,
}

impl PoleMatcher {
    pub fn new(poles: &[Value], aliases: &[(String, String)]) -> Self {
        let mut primary: HashMap<String, Vec<String>> = HashMap::new();
        let mut former: HashMap<String, Vec<String>> = HashMap::new();
        for p in poles {
            let Some(id) = get_str(p, "id") else { continue };
            let add = |map: &mut HashMap<String, Vec<String>>, name: &str| {
                let key = fold_words(name);
                let ids = map.entry(key).or_default();
                if !ids.contains(&id) {
                    ids.push(id.clone());
                }
            };
            add(&mut primary, &id);
            for k in ["name", "short_name"] {
                if let Some(n) = get_str(p, k) {
                    add(&mut primary, &n);
                }
            }
            for n in get_list(p, "former_names") {
                add(&mut former, &n);
            }
        }
        let aliases = aliases.iter().map(|(n, id)| (fold_words(n), id.clone())).collect();
        PoleMatcher { aliases, primary, former }
    }

    fn lookup(&self, name: &str) -> Option<String> {
        let key = fold_words(name);
        if key.is_empty() {
            return None;
        }
        for map in [&self.primary, &self.former] {
            if let Some(ids) = map.get(&key) {
                return (ids.len() == 1).then(|| ids[0].clone());
            }
        }
        None
    }

    /// The pôle id of a free-text name, and whether an alias was needed.
    pub fn resolve(&self, name: &str) -> Option<(String, bool)> {
        if let Some(id) = self.aliases.get(&fold_words(name)) {
            return Some((id.clone(), true));
        }
        if let Some(id) = self.lookup(name) {
            return Some((id, false));
        }
        // "Solutions Communicantes Sécurisées (SCS)": try the text outside, then inside, the brackets.
        if let (Some(open), Some(close)) = (name.find('('), name.rfind(')')) {
            if open < close {
                let outside = format!("{} {}", &name[..open], &name[close + 1..]);
                let inside = &name[open + 1..close];
                if let Some(id) = self.lookup(&outside).or_else(|| self.lookup(inside)) {
                    return Some((id, false));
                }
            }
        }
        None
    }
}

/// Maps free keywords to theme ids with the rules of `themes.json`.
pub struct ThemeRules {
    rules: Vec<(String, Vec<String>)>,
}

impl ThemeRules {
    pub fn new(themes: &[Value]) -> Self {
        let rules = themes
            .iter()
            .filter_map(|t| {
                let rules = get_list(t, "keywords").iter().map(|k| if k.ends_with('*') { format!("{}*", fold_words(k)) } else { fold_words(k) }).collect();
                Some((get_str(t, "id")?, rules))
            })
            .collect();
        ThemeRules { rules }
    }

    /// Theme ids whose rules match the keyword: a rule matches a whole word or phrase of the
    /// folded keyword; a rule ending in `*` matches any word that starts with it.
    pub fn themes_of(&self, keyword: &str) -> Vec<&str> {
        let hay = format!(" {} ", fold_words(keyword));
        self.rules.iter().filter(|(_, rules)| rules.iter().any(|r| rule_matches(&hay, r))).map(|(id, _)| id.as_str()).collect()
    }
}

fn rule_matches(hay: &str, rule: &str) -> bool {
    match rule.strip_suffix('*') {
        Some(stem) => hay.contains(&format!(" {}", stem.trim())),
        None => hay.contains(&format!(" {rule} ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn theme_rules_match_at_word_starts() {
        let themes = vec![json!({"id": "mer", "keywords": ["mer", "marin*", "bar"]}), json!({"id": "agroalimentaire", "keywords": ["aliment*"]})];
        let r = ThemeRules::new(&themes);
        assert_eq!(r.themes_of("Biodiversité marine"), ["mer"]);
        assert_eq!(r.themes_of("commerce"), Vec::<&str>::new(), "'mer' inside a word does not match");
        assert_eq!(r.themes_of("Alimentation saine"), ["agroalimentaire"]);
        assert_eq!(r.themes_of("bar"), ["mer"]);
        assert!(r.themes_of("barrière hémato-encéphalique").is_empty(), "a whole-word rule is not a prefix");
    }

    #[test]
    fn pole_matching_prefers_current_names_then_former_then_brackets() {
        let poles = vec![
            json!({"id": "polymeris", "name": "Polymeris", "former_names": ["Plastipolis", "Elastopôle"]}),
            json!({"id": "plastipolis", "name": "Plastipolis", "former_names": []}),
            json!({"id": "scs", "name": "SCS", "short_name": null, "former_names": []}),
            json!({"id": "bioeconomy-for-change", "name": "Bioeconomy For Change", "former_names": ["Industries & Agro-Ressources (IAR)"]}),
        ];
        let m = PoleMatcher::new(&poles, &[("Pôle Eau".into(), "aqua-valley".into())]);
        assert_eq!(m.resolve("Plastipolis"), Some(("plastipolis".into(), false)));
        assert_eq!(m.resolve("Elastopôle"), Some(("polymeris".into(), false)));
        assert_eq!(m.resolve("Solutions Communicantes Sécurisées (SCS)"), Some(("scs".into(), false)));
        assert_eq!(m.resolve("Industries et Agro-Ressources (IAR)"), Some(("bioeconomy-for-change".into(), false)));
        assert_eq!(m.resolve("pole eau"), Some(("aqua-valley".into(), true)));
        assert_eq!(m.resolve("Pôle Inconnu"), None);
    }
}
