// An independent implementation of the filtering rules (README "Filtres"), in plain JavaScript
// over the bundled JSON, to check the app's counts.
import { poles, projects, referentiels } from './data.mjs';

export const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/’/g, "'").toLowerCase();

const poleById = new Map(poles.map((p) => [p.id, p]));
const hqDep = (p) => { const c = p.hq.insee_commune; if (!c || c.length !== 5) return []; return [c.startsWith('97') ? c.slice(0, 3) : c.slice(0, 2)]; };

// The `nature` URL values of the data's kinds (README "URL of the explorer").
export const NATURE = { rd: 'rd', platform: 'plateforme', cluster_action: 'action_collective', institute: 'institut' };
const projectValues = (p, facet) => ({
  region: p.territory.regions, departement: p.territory.departements, theme: p.themes,
  financeur: p.funding.map((f) => f.funder), pole: p.poles, phase: [], lien_pole: [p.pole_role ?? 'inconnu'], nature: [NATURE[p.kind]],
})[facet];
const poleValues = (p, facet) => ({ region: p.regions, departement: hqDep(p), theme: p.themes, phase: p.phases, financeur: [], pole: [], lien_pole: [], nature: [] })[facet];

const projectText = (p) => fold([p.acronym, p.title, p.summary, p.lead, ...p.partners, ...p.unresolved_poles, ...p.keywords,
  ...p.poles.flatMap((id) => { const x = poleById.get(id); return x ? [x.name, x.short_name, ...x.former_names] : []; })].filter(Boolean).join(' '));
const poleText = (p) => fold([p.name, p.short_name, ...p.former_names, p.hq.city].filter(Boolean).join(' '));

export const FACETS = { projets: ['region', 'departement', 'theme', 'financeur', 'pole', 'lien_pole', 'nature'], poles: ['region', 'departement', 'theme', 'phase'] };

/** state: { tab, sel: {facet: {include: [], exclude: []}}, all: bool, q: '', min, max } */
export function search(state, skip = null) {
  const tab = state.tab ?? 'projets';
  const items = tab === 'projets' ? projects : poles;
  const values = tab === 'projets' ? projectValues : poleValues;
  const words = fold(state.q ?? '').split(/\s+/).filter(Boolean);
  return items.filter((it) => {
    const text = tab === 'projets' ? projectText(it) : poleText(it);
    if (!words.every((w) => text.includes(w))) return false;
    if (tab === 'projets' && (state.min || state.max)) {
      if (it.year == null) return false;
      if (state.min && it.year < state.min) return false;
      if (state.max && it.year > state.max) return false;
    }
    for (const f of FACETS[tab]) {
      if (f === skip) continue;
      const s = state.sel?.[f];
      if (!s) continue;
      const vals = values(it, f);
      if ((s.exclude ?? []).some((v) => vals.includes(v))) return false;
      const inc = s.include ?? [];
      if (inc.length === 0) continue;
      const all = f === 'financeur' && state.all;
      if (all ? !inc.every((v) => vals.includes(v)) : !inc.some((v) => vals.includes(v))) return false;
    }
    return true;
  });
}

/** The count shown next to `value` of `facet` (disjunctive; conjunctive for funders in "tous" mode). */
export function facetCount(state, facet, value) {
  const tab = state.tab ?? 'projets';
  const values = tab === 'projets' ? projectValues : poleValues;
  const skip = facet === 'financeur' && state.all ? null : facet;
  return search(state, skip).filter((it) => values(it, facet).includes(value)).length;
}

export function toUrl(state) {
  const p = [];
  if (state.tab === 'poles') p.push('onglet=poles');
  for (const f of ['region', 'departement', 'theme', 'financeur', 'pole', 'phase', 'lien_pole', 'nature']) {
    const s = state.sel?.[f];
    if (!s) continue;
    const vals = [...(s.include ?? []), ...(s.exclude ?? []).map((v) => `-${v}`)];
    if (vals.length) p.push(`${f}=${vals.join(',')}`);
  }
  if (state.all) p.push('financeur_mode=tous');
  if (state.q) p.push(`q=${encodeURIComponent(state.q)}`);
  if (state.min) p.push(`annee_min=${state.min}`);
  if (state.max) p.push(`annee_max=${state.max}`);
  return `/${p.length ? '?' + p.join('&') : ''}`;
}

export const ids = {
  region: referentiels.regions.map((r) => r.code),
  departement: referentiels.departements.map((d) => d.code),
  theme: referentiels.themes.map((t) => t.id),
  financeur: referentiels.funders.map((f) => f.id),
  pole: poles.map((p) => p.id),
  phase: ['2005-2008', '2009-2012', '2013-2018', '2019-2022', '2023-2026'],
  lien_pole: ['labellisateur', 'porteur', 'partenaire', 'soutien', 'inconnu'],
  nature: Object.values(NATURE),
};
