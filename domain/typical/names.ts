/**
 * The anonymisation check of a typical case's narrative (典型案例, seed part 3.3): every name of a
 * person or company the case knows (parties, organs' contact people, handlers, the lead's
 * submitter) that is still written in a section. Pure: the API gathers the names, the web
 * highlights what this returns.
 */

export const NARRATIVE_SECTIONS = {
  basicFacts: '基本案情',
  performance: '检察机关履职过程',
  significance: '典型意义',
} as const;
export type NarrativeSection = keyof typeof NARRATIVE_SECTIONS;
export type Narrative = Record<NarrativeSection, string>;

/** A name the case knows and who it belongs to (当事人, 联系人, 承办人, 举报人). */
export interface KnownName {
  name: string;
  who: string;
}

export interface NameFound extends KnownName {
  section: NarrativeSection;
  /** UTF-16 offsets of the first occurrence in the section, for highlighting. */
  start: number;
  end: number;
  occurrences: number;
}

interface Match extends KnownName {
  start: number;
  end: number;
}

/**
 * Names left in the narrative, one entry per name and section, in section order then position.
 * A name shorter than two characters is not looked for (a single character is in every text);
 * an occurrence lying inside a longer name's occurrence counts for the longer name only
 * (张三 inside 张三丰), while names that merely overlap are both reported.
 */
export function namesLeft(narrative: Narrative, known: readonly KnownName[]): NameFound[] {
  const names = distinct(known);
  return (Object.keys(NARRATIVE_SECTIONS) as NarrativeSection[]).flatMap((section) =>
    summarise(section, outermost(names.flatMap((n) => occurrences(narrative[section], n)))),
  );
}

function distinct(known: readonly KnownName[]): KnownName[] {
  const byName = new Map<string, KnownName>();
  for (const { name, who } of known) {
    const trimmed = name.trim();
    if ([...trimmed].length >= 2 && !byName.has(trimmed)) byName.set(trimmed, { name: trimmed, who });
  }
  return [...byName.values()];
}

function occurrences(text: string, known: KnownName): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(known.name); at >= 0; at = text.indexOf(known.name, at + 1))
    found.push({ ...known, start: at, end: at + known.name.length });
  return found;
}

function outermost(matches: Match[]): Match[] {
  return matches.filter(
    (m) =>
      !matches.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
}

function summarise(section: NarrativeSection, matches: Match[]): NameFound[] {
  const byName = new Map<string, NameFound>();
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const seen = byName.get(m.name);
    if (seen) seen.occurrences += 1;
    else
      byName.set(m.name, { name: m.name, who: m.who, section, start: m.start, end: m.end, occurrences: 1 });
  }
  return [...byName.values()];
}
