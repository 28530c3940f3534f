// The accounts this browser follows, kept across visits so their new posts arrive on the next visit too.
const KEY = 'hub.follows';

function read() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function write(ids) {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Storage can be disabled; the follow then lasts for this page only.
  }
}

export const follows = {
  has: (accountId) => read().includes(accountId),
  add: (accountId) => write([...new Set([...read(), accountId])]),
  remove: (accountId) => write(read().filter((id) => id !== accountId)),
};
