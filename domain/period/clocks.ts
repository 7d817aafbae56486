// The catalogue of legal and internal clocks (DOMAIN.md "Clocks") as versioned policy data.
import type { CivilDate } from './dates';
import type { DeadlineRequest, PeriodLength } from './request';
import { CLOCK_DEFINITIONS } from './clock-definitions';
import type { ClockDefinition, ClockId, LegalBasis } from './clock-types';

export type { ClockDefinition, ClockExtension, ClockId, ExpiryAction, LegalBasis } from './clock-types';

export interface ClockCatalogue {
  version: string;
  clocks: Record<ClockId, ClockDefinition>;
}

export const CLOCK_IDS = Object.keys(CLOCK_DEFINITIONS) as ClockId[];

export const DEFAULT_CLOCK_CATALOGUE: ClockCatalogue = { version: 'clocks-1', clocks: CLOCK_DEFINITIONS };

const TRACK_NAMES = { administrative: '行政公益诉讼', civil: '民事公益诉讼' } as const;

/** The basis as cited: on a case, only what applies to its track; in the catalogue, each with its track. */
export function basisText(basis: readonly LegalBasis[], track?: 'administrative' | 'civil'): string {
  return basis
    .filter((b) => track === undefined || b.track === undefined || b.track === track)
    .map((b) => {
      const only = track === undefined && b.track ? `（${TRACK_NAMES[b.track]}）` : '';
      return `${b.instrument}${b.article ?? ''}${only}`;
    })
    .join('；');
}

export interface ClockLengthOverride {
  defaultLength?: PeriodLength;
  urgentLength?: PeriodLength;
}

/** 'clocks-1' → 'clocks-2'; a version without a trailing number gets '-2'. */
export function nextCatalogueVersion(version: string): string {
  const match = /^(.*-)(\d+)$/.exec(version);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${version}-2`;
}

function checkOverride(clock: ClockDefinition, override: ClockLengthOverride): void {
  const lengths = [override.defaultLength, override.urgentLength].filter((l) => l !== undefined);
  for (const length of lengths) {
    if (!['days', 'months'].includes(length.unit) || !Number.isInteger(length.count) || length.count < 1) {
      throw new Error(`${clock.name}：期间长度无效，应为 1 以上的整数日或月`);
    }
  }
  if (clock.defaultLength === null && override.defaultLength !== undefined) {
    throw new Error(`${clock.name}的期限由检察建议书载明，不能设置默认期限`);
  }
  if (clock.urgentLength === undefined && override.urgentLength !== undefined) {
    throw new Error(`${clock.name}没有紧急情形期限`);
  }
}

/** A catalogue with admin-set lengths; its version is bumped so every deadline can name it. */
export function withOverriddenLengths(
  catalogue: ClockCatalogue,
  overrides: Partial<Record<ClockId, ClockLengthOverride>>,
  version: string = nextCatalogueVersion(catalogue.version),
): ClockCatalogue {
  const clocks = { ...catalogue.clocks };
  for (const [id, override] of Object.entries(overrides) as [ClockId, ClockLengthOverride | undefined][]) {
    const clock = clocks[id];
    if (clock === undefined) throw new Error(`未知的期限类型：${id}`);
    if (override === undefined) continue;
    checkOverride(clock, override);
    clocks[id] = { ...clock, ...override };
  }
  return { version, clocks };
}

/**
 * The request for a clock's default length (or the urgent one). The rectification clock has no
 * default: its length comes from the recommendation and must be given.
 */
export function clockRequest(
  catalogue: ClockCatalogue,
  clockId: ClockId,
  start: CivilDate,
  options: { urgent?: boolean; length?: PeriodLength } = {},
): DeadlineRequest {
  const clock = catalogue.clocks[clockId];
  if (options.length !== undefined) return { start, period: options.length };
  if (options.urgent === true) {
    if (clock.urgentLength === undefined) throw new Error(`${clock.name}没有紧急情形期限`);
    return { start, period: clock.urgentLength };
  }
  if (clock.defaultLength === null) throw new Error(`${clock.name}没有默认期限，须指定期限长度`);
  return { start, period: clock.defaultLength };
}
