// The bundled data, read from disk: the tests compare what the app shows with what the files hold.
import { readFileSync } from 'node:fs';

const read = (f) => JSON.parse(readFileSync(new URL(`../../public/data/${f}`, import.meta.url), 'utf8'));
export const poles = read('poles.json').poles;
export const projects = read('projects.json').projects;
export const referentiels = read('referentiels.json');
export const rawProjects = () => read('projects.json');
