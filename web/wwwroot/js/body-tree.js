// Reading the tree of bodies (主办单位) the server sends as a flat list: children, subtrees, depth.

/** The bodies directly under parentId (the roots for null), by name. */
export function childrenOf(bodies, parentId) {
  return bodies.filter((b) => (b.parentId ?? null) === parentId).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The body and everything under it, each parent before its children. */
export function subtreeOf(bodies, rootId) {
  const root = bodies.find((b) => b.id === rootId);
  if (!root) return [];
  return [root, ...childrenOf(bodies, rootId).flatMap((child) => subtreeOf(bodies, child.id))];
}

/** Every body under the given roots (null: the whole tree), in the order a tree shows them. */
export function visibleBodies(bodies, rootId) {
  return rootId ? subtreeOf(bodies, rootId) : childrenOf(bodies, null).flatMap((root) => subtreeOf(bodies, root.id));
}

export function depthOf(bodies, id) {
  let depth = 0;
  for (let body = bodies.find((b) => b.id === id); body?.parentId; body = bodies.find((b) => b.id === body.parentId)) depth++;
  return depth;
}

/** Options of a select that show the tree by indenting each body under its parent. */
export function bodyOptions(bodies, list) {
  return list.map((b) => {
    const option = document.createElement('option');
    option.value = b.id;
    option.textContent = `${'\u3000'.repeat(depthOf(bodies, b.id))}${b.name}`;
    return option;
  });
}
