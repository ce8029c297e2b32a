// Slots by NAF code at every level ("81", "81.3", "81.30", "81.30Z"), so that a need's stated
// sector can bring in structures that describe the same trade in other words.
import type { Prior } from '../text/index';
import { LEVEL_SCORE, STATUS_CODES, type NafLevel } from './sector';

// In cosine units: a sub-class match counts like a fair share of shared vocabulary when choosing
// candidates. Only candidate selection uses it; the ranking uses the sector component itself.
const PRIOR_AT_SUBCLASS = 0.1;

interface SlotList {
  slots: Int32Array;
  length: number;
  dead: number;
}

const LEVELS: Array<[NafLevel, number]> = [['subclass', 6], ['class', 5], ['group', 4], ['division', 2]];

/** The prefixes of a canonical code, one per level it has ("81.3" has a group and a division). */
function prefixes(code: string): Array<[NafLevel, string]> {
  return LEVELS.filter(([, len]) => code.length >= len).map(([level, len]) => [level, code.slice(0, len)]);
}

export class SectorIndex {
  private readonly lists = new Map<string, SlotList>();
  // Canonical codes are few (some 1,700 real ones): each one's lists, so a profile's codes cost one
  // lookup each, not one per level plus a set of keys.
  private readonly byCode = new Map<string, SlotList[]>();

  add(slot: number, codes: string[]): void {
    for (const list of this.listsOf(codes)) {
      if (list.length === list.slots.length) {
        const bigger = new Int32Array(list.slots.length * 2);
        bigger.set(list.slots);
        list.slots = bigger;
      }
      list.slots[list.length++] = slot;
    }
  }

  /** Dead slots stay listed (the text index skips them) until half a list is dead. */
  remove(codes: string[], isAlive: (slot: number) => boolean): void {
    for (const list of this.listsOf(codes)) {
      list.dead += 1;
      if (list.dead * 2 <= list.length) continue;
      let kept = 0;
      for (let i = 0; i < list.length; i += 1) if (isAlive(list.slots[i])) list.slots[kept++] = list.slots[i];
      list.length = kept;
      list.dead = 0;
    }
  }

  /** Priors for a need's codes: each level's list, valued by how close that level is. */
  priors(needCodes: string[]): Prior[] {
    const out: Prior[] = [];
    const seen = new Set<string>();
    for (const code of needCodes) {
      let deeper: SlotList | undefined;
      for (const [level, key] of prefixes(code)) {
        const list = this.lists.get(key);
        if (!list || seen.has(key)) continue;
        seen.add(key);
        // A level's list holds the deeper level's (every prefix of a code is listed): of the same
        // length, with no dead slots, it holds nothing more, at a lower value. Most classes have one
        // sub-class: a need's lists are read twice, not four times.
        const same = deeper !== undefined && list.length === deeper.length && list.dead === 0 && deeper.dead === 0;
        deeper = list;
        if (!same) out.push({ slots: list.slots, length: list.length, value: PRIOR_AT_SUBCLASS * LEVEL_SCORE[level] });
      }
    }
    return out;
  }

  /** The lists of a profile's codes, each once. */
  private listsOf(codes: string[]): SlotList[] {
    if (codes.length === 1) return this.codeLists(codes[0]!);
    const out: SlotList[] = [];
    for (const code of codes) for (const list of this.codeLists(code)) if (!out.includes(list)) out.push(list);
    return out;
  }

  /** A code's lists at each of its levels, created when first met and found once per code after. */
  private codeLists(code: string): SlotList[] {
    let lists = this.byCode.get(code);
    if (lists) return lists;
    // Status codes say nothing of the trade; they are still listed, under their own sub-class only,
    // for the rare need that asks for them.
    const keys = STATUS_CODES.has(code) ? [code] : prefixes(code).map(([, key]) => key);
    lists = keys.map((key) => {
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, (list = { slots: new Int32Array(8), length: 0, dead: 0 }));
      return list;
    });
    this.byCode.set(code, lists);
    return lists;
  }
}
