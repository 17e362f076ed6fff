// An independent reading of the organisations of the bundled data (issue 18), written from the
// rules the README documents, not from the app's code: leads and partners of projects.json,
// descriptions of unnamed partners left out, names gathered by their key, a bracketed acronym,
// data-src/organisation-aliases.json, and one organisation per pôle record.
import { readFileSync } from 'node:fs';
import { poles, projects } from './data.mjs';

const src = (f) => JSON.parse(readFileSync(new URL(`../../data-src/${f}`, import.meta.url), 'utf8'));

const FOLD = { à: 'a', á: 'a', â: 'a', ã: 'a', ä: 'a', å: 'a', ç: 'c', č: 'c', è: 'e', é: 'e', ê: 'e', ë: 'e', ì: 'i', í: 'i', î: 'i', ï: 'i',
  ñ: 'n', ò: 'o', ó: 'o', ô: 'o', õ: 'o', ö: 'o', ù: 'u', ú: 'u', û: 'u', ü: 'u', ý: 'y', ÿ: 'y', œ: 'oe', æ: 'ae', ß: 'ss', '’': "'", ʼ: "'" };
// Case and accents of the French letters (other letters keep their case but for ASCII).
const fold = (s) => [...s].map((c) => FOLD[c] ?? FOLD[c.toLowerCase()] ?? (/[A-Z]/.test(c) ? c.toLowerCase() : c)).join('');
export const foldWords = (s) => fold(s.replaceAll('&', ' et ')).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

const LEGAL = ['sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'scop', 'gie', 'gmbh', 'ag', 'ltd', 'limited', 'inc', 'spa', 'srl', 'bv', 'nv', 'plc'];
const QUANTITIES = ['un', 'une', 'des', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'plusieurs', 'et', 'autres', 'd', 'quelques'];
const GROUPS = ['laboratoires', 'entreprises', 'universites', 'partenaires', 'tpe', 'pme', 'industriels', 'acteurs', 'structures', 'membres'];

export const keyOf = (name) => foldWords(name).split(' ').filter((w) => w && !LEGAL.includes(w)).join(' ');

function isDescription(text) {
  const folded = foldWords(text);
  const first = folded.split(' ')[0];
  const c = text.trimStart()[0] ?? '';
  return folded.includes('non nomme') || folded.includes('au total') || /^[0-9]/.test(first) || QUANTITIES.includes(first)
    || (GROUPS.includes(first) && (first === 'tpe' || first === 'pme' || (c !== c.toUpperCase() && c === c.toLowerCase())));
}

// An acronym's letters are initials of the name's words, in order.
function abbreviates(acronym, name) {
  const initials = foldWords(name).split(' ').map((w) => w[0]).filter(Boolean);
  let k = 0;
  for (const c of acronym.toLowerCase().replace(/[^a-z]/g, '')) {
    while (k < initials.length && initials[k] !== c) k++;
    if (k === initials.length) return false;
    k++;
  }
  return true;
}

// Text outside brackets, and the acronym a bracket gives.
function withoutBrackets(raw) {
  let name = '';
  let acronym = null;
  let rest = raw;
  for (;;) {
    const open = rest.indexOf('(');
    if (open < 0) break;
    name += rest.slice(0, open);
    const close = rest.indexOf(')', open);
    if (close < 0) { rest = rest.slice(open); break; }
    const inside = rest.slice(open + 1, close).trim();
    const isAcronym = inside.length >= 3 && !inside.includes(' ') && /[A-Z]/.test(inside) && /^[A-Z0-9&-]+$/.test(inside);
    if (isAcronym && acronym === null && abbreviates(inside, name)) acronym = inside;
    rest = rest.slice(close + 1);
  }
  name += rest;
  return { name: name.split(/\s+/).filter(Boolean).join(' '), acronym };
}

export function readName(raw) {
  raw = raw.trim();
  const at = raw.indexOf(' et ');
  if (at >= 0) {
    const [first, rest] = [raw.slice(0, at), raw.slice(at + 4)];
    if (isDescription(rest) && !isDescription(first)) return readName(first);
  }
  if (isDescription(raw)) return null;
  const { name, acronym } = withoutBrackets(raw);
  const key = keyOf(name);
  return key ? { key, acronym, name } : null;
}

const spellsOut = (name) => name.split('(').slice(1).some((b) => b.split(')')[0].split(/\s+/).filter(Boolean).length >= 3);

// Pôle names to pôle ids: names, short names and ids, then former names, then the bracket.
const primary = new Map();
const former = new Map();
const put = (m, n, id) => { const k = foldWords(n); if (!m.has(k)) m.set(k, new Set()); m.get(k).add(id); };
for (const p of poles) {
  put(primary, p.id, p.id);
  for (const n of [p.name, p.short_name].filter(Boolean)) put(primary, n, p.id);
  for (const n of p.former_names ?? []) put(former, n, p.id);
}
const poleAliases = new Map(src('pole-aliases.json').aliases.map((a) => [foldWords(a.name), a.pole]));
function lookup(name) {
  const k = foldWords(name);
  if (!k) return null;
  for (const m of [primary, former]) if (m.has(k)) return m.get(k).size === 1 ? [...m.get(k)][0] : null;
  return null;
}
export function poleOf(name) {
  if (poleAliases.has(foldWords(name))) return poleAliases.get(foldWords(name));
  const direct = lookup(name);
  if (direct) return direct;
  const open = name.indexOf('(');
  const close = name.lastIndexOf(')');
  if (open >= 0 && open < close) return lookup(`${name.slice(0, open)} ${name.slice(close + 1)}`) ?? lookup(name.slice(open + 1, close));
  return null;
}

/** The organisations: [{ id, key, names, projects: Map(project id -> 'porteur' | 'partenaire') }]. */
export function organisations() {
  let orgs = [];
  for (const p of projects) {
    for (const raw of [p.lead, ...(p.partners ?? [])].filter(Boolean)) {
      const r = readName(raw);
      if (!r) continue;
      const o = orgs.find((x) => x.key === r.key);
      if (o) {
        if (!o.names.includes(raw)) o.names.push(raw);
        o.acronym ??= r.acronym;
      } else orgs.push({ key: r.key, acronym: r.acronym, names: [raw] });
    }
  }
  const joins = orgs.filter((o) => o.acronym).map((o) => [keyOf(o.acronym), o.key])
    .filter(([from]) => !orgs.some((o) => o.key === from && o.names.some(spellsOut)));
  for (const a of src('organisation-aliases.json').aliases) {
    const [f, t] = [readName(a.name), readName(a.same_as)];
    if (f && t) joins.push([f.key, t.key]);
  }
  for (const [from, to] of joins) {
    const f = orgs.findIndex((o) => o.key === from);
    if (from === to || f < 0 || !orgs.some((o) => o.key === to)) continue;
    const [gone] = orgs.splice(f, 1);
    const target = orgs.find((o) => o.key === to);
    for (const n of gone.names) if (!target.names.includes(n)) target.names.push(n);
    target.acronym ??= gone.acronym;
  }
  // Sorted by key; names resolving to one pôle record are one organisation (the first by key).
  orgs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const merged = [];
  for (const o of orgs) {
    o.pole = o.names.map(poleOf).find(Boolean) ?? null;
    const same = o.pole && merged.find((m) => m.pole === o.pole);
    if (same) same.names.push(...o.names);
    else merged.push(o);
  }
  orgs = merged;
  for (const o of orgs) {
    o.id = o.key.replaceAll(' ', '-');
    o.projects = new Map();
    for (const p of projects) {
      if (p.lead && o.names.includes(p.lead)) o.projects.set(p.id, 'porteur');
      else if ((p.partners ?? []).some((n) => o.names.includes(n))) o.projects.set(p.id, 'partenaire');
    }
  }
  return orgs;
}

/** Pairs of pôles cited by one project of `list`, with the number of such projects ("a|b", a < b). */
export function poleEdges(list) {
  const edges = new Map();
  for (const p of list) {
    const ids = [...new Set(p.poles)].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const k = `${ids[i]}|${ids[j]}`;
      edges.set(k, (edges.get(k) ?? 0) + 1);
    }
  }
  return edges;
}
