// A running workflow's update of phases, applied to its scene without a new layout: the counts and
// retries that grouping computed from phases, and the items whose colour far out changed — both by
// the nodes that changed alone (a delta of 100 nodes of 20,000 costs 100, not 20,000).
import type { CollapseNode, PhaseCounts } from './graph-items.ts';
import type { GraphScene, SceneItem } from './graph-scene.ts';

/* eslint-disable @typescript-eslint/no-non-null-assertion --
   the scene's arrays indexed by node places and items below their length. */

/**
 * The scene for `after`, nodes of the same shape as `before` (`sameGraphShape`) whose phases changed —
 * a running workflow's update without new nodes — when `scene` is the scene for `before`. The layout
 * stays; the canvas reads each node's phase from the nodes as it draws; only what grouping computed
 * from phases changes, by the nodes that changed (found by identity: a delta replaces only those):
 * their groups' counts and the retries they are the last attempt of. The same scene when nothing it
 * holds changed.
 */
export function sceneWithPhaseChanges(
  scene: GraphScene,
  before: readonly CollapseNode[],
  after: readonly CollapseNode[],
  /** The places where the lists differ, when known (`changedPlaces`); else all are compared. */
  places?: readonly number[],
): GraphScene {
  if (before === after) return scene;
  let specials: SceneItem[] | undefined;
  let counts: Map<number, PhaseCounts> | undefined;
  const n = Math.min(before.length, after.length, scene.countedBy.length);
  forEachPhaseChange(before, after, n, places, (c, was, now) => {
    const g = scene.countedBy[c]!;
    if (g !== -1) {
      counts ??= new Map();
      let phases = counts.get(g);
      if (phases === undefined) {
        const group = scene.specials[g]!;
        phases = { ...(group.kind === 'group' ? group.counts : {}) };
        counts.set(g, phases);
      }
      phases[was.phase] = (phases[was.phase] ?? 0) - 1;
      phases[now.phase] = (phases[now.phase] ?? 0) + 1;
    }
    const r = scene.lastAttemptOf[c]!;
    const retry = scene.specials[r];
    if (retry?.kind === 'retry' && retry.lastPhase !== now.phase) {
      specials ??= [...scene.specials];
      specials[r] = { ...retry, lastPhase: now.phase };
    }
  });
  for (const [g, changed] of counts ?? []) {
    const group = scene.specials[g]!;
    if (group.kind !== 'group' || sameCounts(changed, group.counts)) continue;
    // As grouping counts: phases with no member are not listed.
    const listed = Object.fromEntries(Object.entries(changed).filter(([, k]) => k > 0)) as PhaseCounts;
    specials ??= [...scene.specials];
    specials[g] = { ...group, counts: listed };
  }
  return specials === undefined ? scene : { ...scene, specials };
}

/**
 * The items whose colour far out (a node's, a junction's, a retry's phase: `scene.node` of the item)
 * differs between `before` and `after`, nodes of one shape; groups keep theirs. `places`: where the
 * lists differ, when known (`changedPlaces`); else all are compared.
 */
export function itemsRecoloured(
  scene: GraphScene,
  before: readonly CollapseNode[],
  after: readonly CollapseNode[],
  places?: readonly number[],
): number[] {
  const items: number[] = [];
  const n = Math.min(before.length, after.length, scene.shownBy.length);
  forEachPhaseChange(before, after, n, places, (c) => {
    const i = scene.shownBy[c]!;
    if (i !== -1 && scene.kind[i] !== 3 && scene.node[i] === c) items.push(i);
  });
  return items;
}

/** Each place (below `n`, or each of `places`) whose node's phase differs between the two lists. */
function forEachPhaseChange(
  before: readonly CollapseNode[],
  after: readonly CollapseNode[],
  n: number,
  places: readonly number[] | undefined,
  visit: (place: number, was: CollapseNode, now: CollapseNode) => void,
): void {
  if (before === after) return;
  const count = places?.length ?? n;
  for (let k = 0; k < count; k++) {
    const c = places === undefined ? k : places[k]!;
    const was = before[c];
    const now = after[c];
    if (was === undefined || now === undefined || was === now || was.phase === now.phase) continue;
    visit(c, was, now);
  }
}

function sameCounts(a: PhaseCounts, b: PhaseCounts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof PhaseCounts>;
  for (const key of keys) if ((a[key] ?? 0) !== (b[key] ?? 0)) return false;
  return true;
}
